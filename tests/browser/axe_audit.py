"""axe-core on the page as it is now, and what the tests read off its answer."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

BLOCKING = ("serious", "critical")


def audit(page: Page) -> dict[str, Any]:
    response: dict[str, Any] = Axe().run(page).response
    return response


def blocking(response: dict[str, Any]) -> list[str]:
    """The serious and critical violations, one line each, with up to five of their nodes."""
    return [
        f"{v['id']} ({v['impact']}) : {v['help']} — "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in response["violations"]
        if v["impact"] in BLOCKING
    ]


def evaluated(response: dict[str, Any]) -> set[str]:
    """The rules axe ran (passed or failed), not those it skipped."""
    return {rule["id"] for kind in ("passes", "violations") for rule in response[kind]}

"""No script runs from content: every page built from the surviving payloads, in Chromium.

tests/hostile_values.py puts the payloads in every text field; what
`fiches check` accepts is built (tests/acceptance/test_hostile_values.py
compares the markup with a benign build). Here each page of that site is
loaded in Chromium, where every payload calls pwn(): defined before any
script of the page, it sets window.__pwned. No page may set it or open a
dialog. A witness page with a live payload shows that the trap works.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog

from tests.hostile_values import PAGE_KINDS, hostile_site
from tests.local_http import serve_directory

pytestmark = pytest.mark.browser

TRAP = "window.pwn = () => { window.__pwned = true; };"
WITNESS = "temoin-charge-active.html"


@pytest.fixture(scope="module")
def hostile_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = hostile_site(tmp_path_factory.mktemp("valeurs-hostiles-navigateur"), benign=False)
    site = project / "site"
    (site / WITNESS).write_text(
        '<!doctype html><title>t</title><img src="x" onerror="pwn(0)">', encoding="utf-8"
    )
    return site


@pytest.fixture(scope="module")
def hostile_url(hostile_site_dir: Path) -> Iterator[str]:
    yield from serve_directory(hostile_site_dir)


def _ran(context: BrowserContext, url: str) -> tuple[bool, list[str]]:
    """Whether pwn() ran on the page at `url`, and the dialogs it opened."""
    page = context.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(100)  # autofocus and error events run after load
        return bool(page.evaluate("window.__pwned === true")), dialogs
    finally:
        page.close()


@pytest.fixture
def trapped(browser: Browser) -> Iterator[BrowserContext]:
    """A browser context where pwn() exists before any script of a page."""
    context = browser.new_context(locale="fr-FR")
    context.add_init_script(TRAP)
    yield context
    context.close()


def test_the_trap_catches_a_live_payload(trapped: BrowserContext, hostile_url: str) -> None:
    ran, _ = _ran(trapped, f"{hostile_url}/{WITNESS}")
    assert ran


def test_no_script_runs_on_any_page(
    trapped: BrowserContext, hostile_url: str, hostile_site_dir: Path
) -> None:
    # A page that holds no payload has nothing to run: only the others are loaded.
    pages = sorted(
        p.relative_to(hostile_site_dir).as_posix()
        for p in hostile_site_dir.rglob("*.html")
        if p.name != WITNESS and b"pwn(" in p.read_bytes()
    )
    assert set(PAGE_KINDS) <= set(pages)
    ran = {}
    for page in pages:
        hit, dialogs = _ran(trapped, f"{hostile_url}/{page}")
        if hit or dialogs:
            ran[page] = dialogs
    assert not ran, f"un script a tourné sur : {ran}"

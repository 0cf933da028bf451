"""Time to the first search result in Chromium, on a site served from 127.0.0.1.

A reader opens the home page and types a word at once: with Material's search
the first result shows once its worker has fetched the whole index and built
it; with Pagefind (`recherche: pagefind`), once its interface, its WebAssembly
and the few index chunks the word needs have loaded. Each run uses a new
browser context, so nothing comes from a previous run's cache.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.local_http import serve_directory

CHROMIUM = Path("/usr/bin/chromium")
# The same flags as the browser tests (tests/browser/conftest.py).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
QUERY = "bénévoles"
TIMEOUT_MS = 120_000
# What to press, where to type and what a first result is, per search engine.
MATERIAL = ("label.md-search__icon, .md-search__input", "input.md-search__input")
PAGEFIND = ("[data-recherche-pagefind]", None)
FIRST_RESULT = {
    "material": (MATERIAL, ".md-search-result__item"),
    "pagefind": (PAGEFIND, "pagefind-results a"),
}


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site's URL, with a trailing slash, while it is served on 127.0.0.1."""
    server = serve_directory(site)
    try:
        yield next(server) + "/"
    finally:
        server.close()


def first_result_times(site: Path, runs: int = 3, engine: str = "material") -> dict[str, Any]:
    """Median seconds from navigation to the first result, and to the page's load event.

    With Pagefind the reader types right after pressing the button, as with
    Material: the keys typed while its dialog opens reach the query.
    """
    (button, box), result = FIRST_RESULT[engine]
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.is_file():
        return {"erreur": f"Chromium introuvable ({CHROMIUM})"}
    totals: list[float] = []
    loads: list[float] = []
    after_click: list[float] = []
    with served(site) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url, wait_until="load")
                loads.append(time.perf_counter() - start)
                clicked = time.perf_counter()
                page.locator(button).first.click()
                if box is None:
                    page.keyboard.type(QUERY)
                else:
                    page.locator(box).press_sequentially(QUERY)
                page.locator(result).first.wait_for(state="visible")
                totals.append(time.perf_counter() - start)
                after_click.append(time.perf_counter() - clicked)
                context.close()
        finally:
            browser.close()
    return {
        "premier_resultat": statistics.median(totals),
        "chargement": statistics.median(loads),
        "apres_clic": statistics.median(after_click),
        "mesures": totals,
        "requete": QUERY,
        "moteur": engine,
    }

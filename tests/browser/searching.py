"""Typing into Material's search box as a reader does, and reading every result."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

RESULTS = ".md-search-result__item"


def search(page: Page, query: str) -> Locator:
    """Type `query` into the real search box; return all its results, every one rendered.

    Material renders ten results, then four more each time the reader scrolls
    to the end of the list: scroll until the count it announces is shown.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^\s*(\d+) documents? trouvés?\s*$"))
    # Each keystroke starts a search: on a busy machine the count shown may
    # still be a shorter prefix's.
    shown = settled_text(page, meta, 150)
    match = re.search(r"\d+", shown)
    assert match is not None
    total = int(match.group(0))
    results = page.locator(RESULTS)
    scroller = page.locator(".md-search__scrollwrap")
    for _ in range(total):
        if results.count() >= total:
            break
        # Material loads more on reaching the end, not on staying there: leave it, come back.
        scroller.evaluate("el => { el.scrollTop = el.scrollHeight - el.clientHeight - 40 }")
        page.wait_for_timeout(50)
        scroller.evaluate("el => { el.scrollTop = el.scrollHeight }")
        page.wait_for_timeout(50)
    expect(results).to_have_count(total)
    return results


def result_links(results: Locator) -> list[str]:
    return [str(a.get_attribute("href")) for a in results.locator("a.md-search-result__link").all()]


def settled_text(page: Page, locator: Locator, pause_ms: int) -> str:
    """The locator's text once it reads the same twice, `pause_ms` apart (at most 40 tries)."""
    shown = locator.inner_text()
    for _ in range(40):
        page.wait_for_timeout(pause_ms)
        now = locator.inner_text()
        if now == shown:
            break
        shown = now
    return shown

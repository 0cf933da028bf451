"""Pagefind search (RECHERCHE=pagefind) in the real header: the readers' forms, the
keyboard, and no serious accessibility violation with its dialog open."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from macros.data.search_index import plain_text, tokens
from tests.browser.axe_audit import audit, blocking
from tests.browser.searching import settled_text
from tests.browser.test_search import FICHE_15, QUERIES
from tests.local_http import serve_directory
from tests.support import build_site, copy_project

pytestmark = pytest.mark.browser

BUTTON = "[data-recherche-pagefind]"
DIALOG = "pagefind-modal dialog[open]"
SUMMARY = re.compile(r"^\s*(\d[\d\s]*) résultats? pour ")
SEPARATOR = re.compile(r"[\s\-'’ʼ‘«»‹›“”„,;:!?=\[\]()\"/·∙•‧⋅…–—°]+|\.(?!\d)")
ARTICLE = re.compile(r"<article [^>]*data-pagefind-body[^>]*>(.*?)</article>", re.S)
FORMS = re.compile(r'data-pagefind-meta="variantes(?:_fiche)?:([^"]*)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("pagefind-navigateur") / "projet")
    result = build_site(project, strict=False, env={"RECHERCHE": "pagefind"})
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def pagefind_url(site: Path) -> Iterator[str]:
    yield from serve_directory(site)


@pytest.fixture(scope="module")
def hidden_only(site: Path) -> set[str]:
    """Hidden forms that no indexed page of the site shows."""
    shown: set[str] = set()
    hidden: set[str] = set()
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for article in ARTICLE.findall(text):
            shown |= set(tokens(plain_text(article), SEPARATOR))
        for forms in FORMS.findall(text):
            hidden |= set(html.unescape(forms).split())
    only = hidden - shown
    assert {"porteuses", "actrices"} <= only
    return only


def search(page: Page, query: str) -> Locator:
    """Open Pagefind from the header, type `query`; return its links, every one drawn."""
    page.locator(BUTTON).click()
    box = page.locator(f"{DIALOG} input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    summary = page.locator(f"{DIALOG} pagefind-summary")
    expect(summary).to_have_text(SUMMARY)
    # Each key may start a search: read the count once it has stopped changing.
    shown = settled_text(page, summary, 200)
    match = SUMMARY.match(shown)
    assert match is not None
    total = int(re.sub(r"\s", "", match.group(1)))
    results = page.locator(f"{DIALOG} pagefind-results .pf-result")
    more = page.locator(f"{DIALOG} .recherche-pagefind__plus")
    # Twenty results, then twenty more at each press of the button; Pagefind
    # draws a result once it scrolls into view.
    for _ in range(total):
        count = results.count()
        for index in range(count):
            results.nth(index).evaluate("el => el.scrollIntoView()")
            page.wait_for_timeout(20)
        if count >= total or not more.is_visible():
            break
        try:
            # A late search (the last key's) may hide and redraw the button
            # between the look and the click: look again rather than wait.
            more.click(timeout=2_000)
        except PlaywrightTimeoutError:
            continue
        expect(results).not_to_have_count(count)
    # One link per page; a page's matching sections follow its link. A result
    # scrolled into view just as the button added it may not be drawn yet.
    links = page.locator(f"{DIALOG} pagefind-results a.pf-result-link[href]")
    for _ in range(100):  # up to about ten seconds on a busy machine
        if links.count() >= total:
            break
        for index in range(results.count()):
            results.nth(index).evaluate("el => el.scrollIntoView()")
        page.wait_for_timeout(100)
    expect(links).to_have_count(total)
    return links


def hrefs(links: Locator) -> list[str]:
    return [str(a.get_attribute("href")) for a in links.all()]


@pytest.mark.parametrize("query", QUERIES)
def test_query_lists_fiche_1_5_and_shows_no_hidden_form(
    page: Page, pagefind_url: str, query: str, hidden_only: set[str]
) -> None:
    page.goto(f"{pagefind_url}/")
    links = search(page, query)
    assert any(FICHE_15.search(href) for href in hrefs(links)), hrefs(links)
    text = page.locator(f"{DIALOG} pagefind-results").inner_text()
    assert text.strip()
    assert sorted(set(tokens(text, SEPARATOR)) & hidden_only) == []


@pytest.mark.parametrize("query", ["porteuses", "militants", "actrices"])
def test_a_fiche_outranks_the_index_pages_that_list_it(
    page: Page, pagefind_url: str, query: str
) -> None:
    page.goto(f"{pagefind_url}/")
    first = hrefs(search(page, query))[0]
    assert FICHE_15.search(first), first


def test_a_result_opens_its_page(page: Page, pagefind_url: str) -> None:
    page.goto(f"{pagefind_url}/")
    search(page, "porteuses").first.click()
    expect(page).to_have_url(FICHE_15)


def test_keyboard_opens_and_closes_the_dialog(page: Page, pagefind_url: str) -> None:
    page.goto(f"{pagefind_url}/fiches/1.5/")
    page.locator(BUTTON).focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{DIALOG} input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(DIALOG)).to_have_count(0)
    expect(page.locator(BUTTON)).to_be_focused()
    page.keyboard.press("Control+k")
    expect(page.locator(f"{DIALOG} input")).to_be_focused()


def test_letters_typed_while_it_opens_go_to_the_query(page: Page, pagefind_url: str) -> None:
    page.goto(f"{pagefind_url}/fiches/1.5/")
    # Not to Material's page shortcuts: «n» would open the next page.
    page.keyboard.press("/")
    page.keyboard.type("ne")
    box = page.locator(f"{DIALOG} input")
    expect(box).to_be_focused()
    expect(box).to_have_value("ne")
    assert FICHE_15.search(page.url)


@pytest.mark.parametrize("width", [1280, 390])
def test_pages_and_open_dialog_have_no_serious_violation(
    page: Page, pagefind_url: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{pagefind_url}/fiches/1.5/")
    closed = audit(page)
    search(page, "porteuses")
    opened = audit(page)
    for state, response in (("fermé", closed), ("ouvert", opened)):
        assert blocking(response) == [], state
    assert page.get_by_role("button", name="Rechercher").count() == 1

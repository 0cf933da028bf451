"""French search in the real search box: inclusive forms, accents, elisions, names.

The build adds hidden fields to Material's index (macros/data/search_index.py);
these tests type what a reader types and read what a reader sees.
"""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any, cast

import pytest
from playwright.sync_api import Page, expect

from macros.data.search_index import TEXT_ALT, TITLE_ALT, plain_text, tokens
from tests.browser.searching import result_links, search, settled_text

pytestmark = pytest.mark.browser

FICHE_15 = re.compile(r"/fiches/1\.5/(#|\?|$)")

# Fiche 1.5 writes «porteur·ses», «militant·es», «l'économie», «bénévolat»,
# and credits OPALE.
QUERIES = [
    "porteuses",
    "porteurs",
    "economie",
    "militants",
    "OPALE",
    "bénévolat",
    "benevolat",
    "actrices",
    "adhérentes",
]


@pytest.fixture(scope="module")
def index(site_url: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{site_url}/search/search_index.json") as response:
        return cast(dict[str, Any], json.load(response))


@pytest.fixture(scope="module")
def separator(index: dict[str, Any]) -> re.Pattern[str]:
    return re.compile(index["config"]["separator"])


@pytest.fixture(scope="module")
def hidden_only(index: dict[str, Any], separator: re.Pattern[str]) -> set[str]:
    """Words of the hidden fields that no title or text of the whole index holds."""
    shown: set[str] = set()
    hidden: set[str] = set()
    for doc in index["docs"]:
        shown |= set(tokens(plain_text(doc["title"] + " " + doc["text"]), separator))
        hidden |= set(doc.get(TITLE_ALT, "").split()) | set(doc.get(TEXT_ALT, "").split())
    only = hidden - shown
    assert {"porteuses", "benevolat", "militantes"} <= only
    return only


@pytest.mark.parametrize("query", QUERIES)
def test_query_lists_fiche_1_5_with_the_pages_own_words(
    page: Page, site_url: str, query: str, hidden_only: set[str], separator: re.Pattern[str]
) -> None:
    page.goto(f"{site_url}/")
    results = search(page, query)
    hrefs = result_links(results)
    assert any(FICHE_15.search(href) for href in hrefs), hrefs

    # What a reader sees holds no word that only the hidden fields hold; the
    # folded sections («n de plus sur cette page») are opened to be read too.
    results.locator("details").evaluate_all("all => all.forEach(d => { d.open = true })")
    text = results.evaluate_all("items => items.map(i => i.innerText).join(' ')")
    assert text.strip()
    assert sorted(set(tokens(text, separator)) & hidden_only) == []


def test_structure_alias_finds_its_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    search(page, "CRDLA")
    first = page.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_have_text("OPALE")
    assert "/structures/opale/" in result_links(first)[0]


def test_unaccented_theme_label_finds_its_page_after_the_fiches(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    results = search(page, "evaluation")
    titles = results.locator("h1").all_inner_texts()
    # Fiche 1.5 answers «évaluation»: it comes first, then the theme page.
    assert FICHE_15.search(result_links(results.first)[0])
    first_other = next(
        t
        for t, r in zip(titles, results.all(), strict=True)
        if not FICHE_15.search(result_links(r)[0])
    )
    assert first_other == "Évaluation et valorisation non quantitative", titles


# «bénévolat» and «évaluation» also name themes: a fiche that answers them
# still comes before the theme pages (overrides/pages/theme.md).
@pytest.mark.parametrize(
    "query", ["porteuses", "militants", "bénévolat", "benevolat", "evaluation"]
)
def test_a_fiche_outranks_the_index_pages_that_list_it(
    page: Page, site_url: str, query: str
) -> None:
    page.goto(f"{site_url}/")
    search(page, query)
    first = page.locator(".md-search-result__item").first
    assert FICHE_15.search(result_links(first)[0]), result_links(first)


@pytest.mark.parametrize("query", ["porteuses", "militants", "bénévolat", "OPALE"])
def test_every_result_link_highlights_words(page: Page, site_url: str, query: str) -> None:
    page.goto(f"{site_url}/")
    links = result_links(search(page, query))
    empty = [href for href in links if re.search(r"[?&]h=(&|#|$)", href)]
    assert links and empty == []


def test_the_highlight_script_comes_with_the_search_not_with_the_page(
    page: Page, site_url: str
) -> None:
    """recherche-surlignage.js is fetched when the search takes the focus, here
    through Material's keyboard shortcut, and still fills every `?h=`."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/fiches/1.5/")
    page.wait_for_load_state("load")
    assert not [url for url in requested if "recherche-surlignage" in url]
    page.keyboard.press("s")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially("militants", delay=20)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"trouvé"))
    settled_text(page, meta, 150)
    links = result_links(page.locator(".md-search-result__item"))
    assert [url for url in requested if "recherche-surlignage" in url]
    empty = [href for href in links if re.search(r"[?&]h=(&|#|$)", href)]
    assert links and empty == []


@pytest.mark.parametrize("query", ["pull request", "messages", "menace"])
def test_contributor_and_maintainer_pages_stay_out_of_readers_results(
    page: Page, site_url: str, query: str, index: dict[str, Any]
) -> None:
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not {"contribuer/format/", "contribuer/messages/", "securite/", "performances/"} & (
        locations
    )
    page.goto(f"{site_url}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"trouvé"))
    settled_text(page, meta, 150)
    hrefs = result_links(page.locator(".md-search-result__item"))
    assert not [h for h in hrefs if re.search(r"/(contribuer/\w|securite/|performances/)", h)]

"""A reader on the built site: a fiche's header, its links to structures and back, search,
and the «à paraître» mark."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from macros.core.model import Fiche
from macros.index.collection import Collection

pytestmark = pytest.mark.browser

FICHE = "1.5"
TITLE = "Quelles conditions politiques et matérielles de l'accompagnement ?"


def _fiche(collection: Collection) -> Fiche:
    fiche = collection.index.fiche(FICHE)
    assert fiche is not None
    return fiche


def _style(locator: Locator, prop: str, pseudo: str | None = None) -> str:
    return str(
        locator.evaluate(
            "(el, [prop, pseudo]) => getComputedStyle(el, pseudo).getPropertyValue(prop)",
            [prop, pseudo],
        )
    )


def test_fiche_header_shows_number_title_chapter_and_chips(
    page: Page, site_url: str, repo_collection: Collection
) -> None:
    fiche = _fiche(repo_collection)
    reg = repo_collection.registries
    page.goto(f"{site_url}/fiches/{FICHE}/")
    header = page.locator("article .fiche-entete")

    expect(header.locator(".fiche-numero")).to_have_text(f"Fiche {FICHE}")
    expect(header.get_by_role("heading", level=1)).to_have_text(TITLE)
    chapter = header.locator("a.fiche-chapitre")
    expect(chapter).to_have_text(re.compile(r"^Chapitre 1\b"))
    assert chapter.evaluate("a => a.href").endswith("/fiches/#chapitre-1")
    expect(header.locator(".fiche-statut")).to_have_count(0)  # a published fiche

    themes = header.locator("a.puce--theme")
    expect(themes).to_have_text([reg.themes[slug].label for slug in fiche.themes])
    for chip in themes.all():
        expect(chip).to_be_visible()

    structures = header.locator("a.puce--structure")
    expect(structures).to_have_text([reg.structures[s].short_name for s in fiche.structures()])
    credited = {slug for practice in fiche.practices for slug in practice.credits}
    credited_names = [reg.structures[s].short_name for s in fiche.structures() if s in credited]
    assert credited_names and len(credited_names) < len(fiche.structures())
    expect(header.locator("a.puce--creditee")).to_have_text(credited_names)

    # Credited structures look different from the ones only named in the fiche.
    one_credited = header.locator("a.puce--creditee").first
    one_named = header.locator("a.puce--structure:not(.puce--creditee)").first
    for prop in ("font-weight", "background-color", "border-top-color"):
        assert _style(one_credited, prop) != _style(one_named, prop), prop


def test_structure_chip_and_practice_link_round_trip(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fiches/{FICHE}/")
    page.locator("article .fiche-entete").get_by_role("link", name="PES 21", exact=True).click()
    expect(page).to_have_url(re.compile(r"/structures/pes-21/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^PES 21\b"))

    page.get_by_role("link", name=re.compile(r"voir la pratique 4$")).click()
    expect(page).to_have_url(re.compile(rf"/fiches/{re.escape(FICHE)}/#pratique-4$"))

    target = page.locator("article li:has(> #pratique-4)")
    other = page.locator("article li:has(> #pratique-3)")
    expect(target).to_be_in_viewport()
    target_background = _style(target, "background-color")
    assert target_background not in ("", "transparent", "rgba(0, 0, 0, 0)")
    assert target_background != _style(other, "background-color")
    # Only the highlighted practice shows a label, «Pratique N», where N is a CSS
    # counter of the fiche's practices: it matches the anchor if ranks follow the page.
    anchor = target.locator("#pratique-4")
    assert "counter(pratique)" in _style(anchor, "content", "::before")
    assert anchor.evaluate("el => el.getBoundingClientRect().width") > 0
    assert other.locator("#pratique-3").evaluate("el => el.getBoundingClientRect().width") == 0
    ranks = page.locator("article .fiche-corps li:has(> .ancre-pratique)").evaluate_all(
        "items => items.map(li => li.querySelector(':scope > .ancre-pratique').id)"
    )
    assert ranks == [f"pratique-{n}" for n in range(1, len(ranks) + 1)]


@pytest.mark.parametrize("term", ["bénévolat", "accompagnement"])
def test_search_finds_the_fiche(page: Page, site_url: str, term: str) -> None:
    page.goto(f"{site_url}/")
    box = page.locator("input.md-search__input")
    box.click()
    # Material searches on key strokes (in a web worker), as a reader types.
    box.press_sequentially(term, delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    hit = results.locator(f'a[href*="/fiches/{FICHE}/"]')
    expect(hit.first).to_be_visible()
    expect(hit.first).to_contain_text(TITLE)


def test_search_without_match_lists_nothing(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("bénévolat", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    box.press_sequentially("xqzw", delay=20)
    expect(page.locator(".md-search-result__item")).to_have_count(0)


def test_pending_fiche_is_marked_and_not_a_link(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fiches/{FICHE}/")
    pending = page.locator(".fiche-a-paraitre", has_text="fiche n°1")
    mark = page.locator("article").locator(pending).first
    expect(mark).to_be_visible()
    # The fiche's words stay as written; the label comes from CSS.
    expect(mark).to_have_text("fiche n°1")
    item = page.locator("article li", has=pending)
    expect(item).to_contain_text("(cf. fiche n°1) et pas seulement")
    assert _style(mark, "content", "::after") == '"à paraître"'
    assert _style(mark, "display", "::after") != "none"
    assert _style(mark, "visibility", "::after") == "visible"
    label_width = mark.evaluate(
        """el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            return el.getBoundingClientRect().width - range.getBoundingClientRect().width;
        }"""
    )
    assert label_width > 20, "the «à paraître» label takes no room"

    assert mark.evaluate("el => el.closest('a') === null && el.querySelector('a') === null")
    # Clicking it goes nowhere (navigation.tracking may still rewrite the #fragment).
    mark.click()
    page.wait_for_timeout(200)
    assert urlsplit(page.url).path == f"/fiches/{FICHE}/"

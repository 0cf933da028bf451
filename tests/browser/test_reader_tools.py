"""A new reader: the «DLA» tooltip in fiche 1.5, «Quoi de neuf», and copying
the citation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

EXPANSION = "Dispositif local d'accompagnement"
CITATION = (
    "Mouvement pour l'Économie Solidaire, Quelles conditions politiques et matérielles "
    "de l'accompagnement ?, fiche n°1.5, 2026"
)


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"lecteur-{name}.png"))


def test_hovering_dla_shows_its_expansion(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fiches/1.5/")
    term = page.locator("article abbr", has_text=re.compile(r"^DLA$")).first
    expect(term).to_have_attribute("title", EXPANSION)
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(EXPANSION)
    _shot(page, "survol-dla")


def test_focusing_dla_shows_and_describes_it(page: Page, site_url: str) -> None:
    """Keyboard, screen readers and touch (a tap focuses) get the same tooltip."""
    page.goto(f"{site_url}/fiches/1.5/")
    term = page.locator("article abbr", has_text=re.compile(r"^DLA$")).first
    term.focus()
    expect(term).to_be_focused()
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(EXPANSION)
    described = term.get_attribute("aria-describedby")
    assert described and page.locator(f"#{described}").inner_text() == EXPANSION


def test_touch_tap_on_dla_shows_it(mobile_page: Page, site_url: str) -> None:
    page = mobile_page
    page.goto(f"{site_url}/fiches/1.5/")
    term = page.locator("article abbr", has_text=re.compile(r"^DLA$")).first
    term.scroll_into_view_if_needed()
    term.click()  # a tap: the term takes the focus
    expect(page.locator(".md-tooltip2--active[role=tooltip]")).to_have_text(EXPANSION)
    _shot(page, "toucher-dla")


def test_quoi_de_neuf_from_the_navigation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.locator("article").get_by_role("link", name="Quoi de neuf").click()
    expect(page).to_have_url(re.compile(r"/nouveautes/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quoi de neuf")
    item = page.locator("article li").first
    expect(item).to_contain_text("Fiche 1.5")
    expect(item.locator("time")).to_have_text(re.compile(r"^\d{1,2}(er)? \w+ \d{4}$"))
    _shot(page, "quoi-de-neuf")
    # From a fiche, the navigation leads there too.
    page.goto(f"{site_url}/fiches/1.5/")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Quoi de neuf").click()
    expect(page).to_have_url(re.compile(r"/nouveautes/$"))


def test_copying_the_citation(page: Page, site_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(f"{site_url}/fiches/1.5/")
    section = page.locator(".fiche-citer")
    expect(section.get_by_role("heading", name="Citer cette fiche")).to_be_visible()
    expect(section.locator(".fiche-citer__texte")).to_have_text(CITATION)
    button = section.get_by_role("button", name="Copier la citation")
    button.scroll_into_view_if_needed()
    button.click()
    expect(section.get_by_role("status")).to_have_text("Citation copiée dans le presse-papiers.")
    assert page.evaluate("navigator.clipboard.readText()") == CITATION
    _shot(page, "citer")
    for name in ("BibTeX", "CSL-JSON (Zotero)"):
        link = section.get_by_role("link", name=name)
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok
    bib = page.request.get(f"{site_url}/fiches/1.5/citation.bib").text()
    assert bib.startswith("@misc{mes-fiche-1-5,")

"""A parcours booklet in the browser: the print button, and what paper gets."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

PARCOURS_URL = "/parcours/accompagnement-sur-mesure/"


def _style(locator: Locator, prop: str, pseudo: str | None = None) -> str:
    return str(
        locator.evaluate(
            "(el, [p, pseudo]) => getComputedStyle(el, pseudo).getPropertyValue(p)",
            [prop, pseudo],
        )
    )


def test_print_button_opens_the_print_dialog(page: Page, site_url: str) -> None:
    for url in (PARCOURS_URL, "/fiches/1.5/", "/impression/"):
        page.goto(f"{site_url}{url}")
        # window.print() blocks headless Chromium: count the calls instead.
        page.evaluate(
            "() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; }"
        )
        button = page.get_by_role("button", name="Imprimer / PDF")
        expect(button).to_be_visible()
        button.click()
        assert page.evaluate("window.__prints") == 1, url
        page.emulate_media(media="print")
        expect(button).to_be_hidden()
        page.emulate_media(media="screen")


def test_printed_booklet_has_a_cover_and_a_page_per_fiche(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{PARCOURS_URL}")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    cover = page.locator("article .livret-couverture")
    expect(cover.locator("h1")).to_contain_text("Défendre un accompagnement sur mesure")
    expect(cover).to_contain_text("Public")
    expect(cover).to_contain_text("Durée")
    assert _style(cover, "break-after") == "page"
    fiches = page.locator("article .livret-fiche")
    expect(fiches).to_have_count(1)
    assert _style(fiches.first, "break-before") == "page"
    # Names in full after a structure's short name; addresses after outside links.
    structure = fiches.first.locator('a[href*="structures/pes-21"]').first
    assert "Pôle d'Économie Solidaire 21" in _style(structure, "content", "::after")
    # Practices picked for the session stand out, and are never cut.
    picked = page.locator("article li:has(> .pratique-retenue)")
    expect(picked).to_have_count(3)
    assert _style(picked.first, "break-inside") == "avoid"


def test_external_links_print_their_address(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/structures/pes-21/")
    page.emulate_media(media="print")
    outside = page.locator('article .profil-structure a[href^="http"]').first
    expect(outside).to_be_attached()
    after = _style(outside, "content", "::after")
    href = outside.get_attribute("href")
    assert href and href in after

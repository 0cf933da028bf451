"""WCAG 2.1 AA (RGAA): axe-core finds no serious or critical violation.

Fixes live in overrides/assets/accessibilite.css and overrides/partials/search.html.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.axe_audit import audit, blocking, evaluated
from tests.browser.searching import search

pytestmark = pytest.mark.browser

# One line per page to check, relative to the site root.
PAGES = [
    "",  # accueil
    "fiches/1.5/",
    "structures/pes-21/",
    "themes/modele-economique/",
    "contribuer/",
    "recherche/",
    "catalogue/",
    "matrice/",
    "glossaire/",
    "nouveautes/",
    "parcours/accompagnement-sur-mesure/",
    "donnees/",
]

# Rules the default Material theme broke: each must have been evaluated, not skipped.
WATCHED = ("aria-dialog-name", "color-contrast", "link-in-text-block")


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_violation(page: Page, site_url: str, path: str) -> None:
    loaded = page.goto(f"{site_url}/{path}")
    assert loaded is not None and loaded.ok, path
    response = audit(page)
    assert blocking(response) == []
    assert {"aria-dialog-name", "color-contrast"} <= evaluated(response)


def test_links_inside_sentences_are_checked_and_underlined(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fiches/1.5/")
    response = audit(page)
    assert "link-in-text-block" in evaluated(response)
    assert blocking(response) == []
    link = page.locator("article p a, article li a:not(.puce)").first
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")


@pytest.mark.parametrize("width", [1280, 390])
def test_open_search_with_results_has_no_serious_violation(
    page: Page, site_url: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{site_url}/")
    if width < 600:
        page.locator("label.md-header__button[for='__search']").click()
    search(page, "porteuses")
    response = audit(page)
    assert blocking(response) == []
    assert set(WATCHED[:2]) <= evaluated(response)
    dialog = page.get_by_role("dialog", name="Recherche")
    assert dialog.count() == 1

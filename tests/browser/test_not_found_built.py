"""The built 404.html, read by Chromium's parser: French, with a search form and
ways back whose addresses work from anywhere.

MkDocs serves 404.html at whatever address is missing; its links must
therefore not be relative to where it sits. The site here is published under
a sub-path, as a GitHub Pages project site is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support import build_site, copy_project

pytestmark = pytest.mark.browser

WAYS_BACK = {
    "L'accueil": "/fiches-pratiques/",
    "Le sommaire des fiches": "/fiches-pratiques/fiches/",
    "Le catalogue, à filtrer par structure et par thème": "/fiches-pratiques/catalogue/",
    "Les structures du MES": "/fiches-pratiques/structures/",
}


@pytest.fixture(scope="module")
def not_found_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    project = copy_project(tmp_path_factory.mktemp("introuvable") / "projet")
    result = build_site(project, env={"SITE_URL": "https://example.org/fiches-pratiques/"})
    assert result.returncode == 0, result.stderr
    return (Path(project) / "site" / "404.html").read_text(encoding="utf-8")


def test_built_not_found_page(page: Page, not_found_html: str) -> None:
    assert "Not found" not in not_found_html
    # Parsed as a page, without loading anything it points to.
    page.route("**/*", lambda route: route.abort())
    page.set_content(not_found_html, wait_until="domcontentloaded")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page).to_have_title("Page introuvable - Fiches pratiques du MES")
    article = page.locator("article")
    expect(article.locator("h1")).to_have_text("Page introuvable")
    form = article.locator("form[role=search]")
    expect(form).to_have_attribute("action", "/fiches-pratiques/")
    expect(form.locator("input[type=search][name=q]")).to_have_count(1)
    links = article.locator("a").evaluate_all(
        "all => Object.fromEntries(all.map(a => [a.textContent.trim(), a.getAttribute('href')]))"
    )
    assert links == WAYS_BACK
    # Material's own stylesheets are absolute too, from any depth.
    styles = page.locator("link[rel=stylesheet]").evaluate_all(
        "all => all.map(l => l.getAttribute('href'))"
    )
    assert styles and all(href.startswith("/fiches-pratiques/assets/") for href in styles), styles

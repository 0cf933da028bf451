"""The offline copy (`make hors-ligne`): opened from a folder, with no server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.searching import result_links, search
from tests.support import build_site, copy_project

pytestmark = pytest.mark.browser

OFFLINE_ENV = {"OFFLINE": "true", "DIRECTORY_URLS": "false"}


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hors-ligne") / "projet")
    result = build_site(project, env=OFFLINE_ENV, site_dir="site-hors-ligne")
    assert result.returncode == 0, result.stderr
    return project / "site-hors-ligne"


def test_offline_copy_has_html_pages_and_inline_search(offline_site: Path) -> None:
    assert (offline_site / "fiches" / "1.5.html").is_file()
    assert (offline_site / "structures" / "pes-21.html").is_file()
    # The offline plugin ships the search index as a script, loadable from file://.
    assert (offline_site / "search" / "search_index.js").is_file()


def test_offline_copy_navigates_and_searches_from_a_folder(page: Page, offline_site: Path) -> None:
    page.goto((offline_site / "fiches" / "1.5.html").as_uri())
    expect(page.locator("h1#fiche-titre")).to_contain_text("Quelles conditions politiques")
    page.locator("a.puce", has_text="PES 21").first.click()
    page.wait_for_url("**/structures/pes-21.html")
    expect(page.locator("h1")).to_contain_text("PES 21")

    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("bénévolat", delay=20)
    hit = page.locator('.md-search-result__item a[href*="fiches/1.5.html"]')
    expect(hit.first).to_be_visible()


def test_offline_search_finds_the_forms_the_build_adds(page: Page, offline_site: Path) -> None:
    # The offline plugin inlines the index after the mes-fiches plugin enriched it.
    inlined = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert '"text_alt"' in inlined
    page.goto((offline_site / "index.html").as_uri())
    for query in ("porteuses", "benevolat"):
        hrefs = result_links(search(page, query))
        assert any(re.search(r"/fiches/1\.5\.html([?#]|$)", href) for href in hrefs), hrefs
        page.locator("input.md-search__input").fill("")

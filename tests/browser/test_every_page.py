"""Every kind of page, online and offline: no request fails, the console stays clean.

Online, the site is built with a site_url, as published (the Atom feed is
announced only then), and served as a static host serves it: a missing
address gets 404.html. Offline, `make offline`'s copy is opened from file://.
Each page is opened, left until the network is idle (the search index and
anything Material fetches late), and every failed request, HTTP error and
console error or warning is listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, Response, expect

from tests.local_http import free_port, serve_directory
from tests.support import build_site, copy_project

pytestmark = pytest.mark.browser

# (kind, address with directory URLs, file of the offline copy)
PAGES = [
    ("accueil", "", "index.html"),
    ("fiche", "fiches/1.5/", "fiches/1.5.html"),
    ("sommaire", "fiches/", "fiches/index.html"),
    ("catalogue", "catalogue/", "catalogue.html"),
    ("structures", "structures/", "structures/index.html"),
    ("structure", "structures/pes-21/", "structures/pes-21.html"),
    ("thèmes", "themes/", "themes/index.html"),
    ("thème", "themes/projet-politique/", "themes/projet-politique.html"),
    ("matrice", "matrice/", "matrice.html"),
    ("glossaire", "glossaire/", "glossaire/index.html"),
    ("nouveautés", "nouveautes/", "nouveautes/index.html"),
    ("parcours", "parcours/", "parcours/index.html"),
    (
        "un parcours",
        "parcours/accompagnement-sur-mesure/",
        "parcours/accompagnement-sur-mesure.html",
    ),
    ("impression", "impression/", "impression.html"),
    ("données", "donnees/", "donnees.html"),
    ("page de docs/", "formateurs/", "formateurs.html"),
    ("guide du contributeur", "contribuer/format/", "contribuer/format.html"),
    ("404", "pas/de/page/ici/", "404.html"),
]
MISSING = "pas/de/page/ici/"


@dataclass
class Trouble:
    """What went wrong while a page loaded."""

    items: list[str] = field(default_factory=list)

    def watch(self, page: Page, expected_404: str | None = None) -> None:
        def failed(request: Request) -> None:
            self.items.append(f"échec {request.url} ({request.failure})")

        def response(answer: Response) -> None:
            if answer.status >= 400 and answer.url != expected_404:
                self.items.append(f"HTTP {answer.status} {answer.url}")

        def console(message: ConsoleMessage) -> None:
            # Chromium logs the 404 status of the page itself, as it should.
            if expected_404 is not None and message.location.get("url") == expected_404:
                return
            if message.type in ("error", "warning"):
                self.items.append(f"console {message.type}: {message.text}")

        page.on("requestfailed", failed)
        page.on("response", response)
        page.on("console", console)
        page.on("pageerror", lambda error: self.items.append(f"erreur JS : {error}"))


def _published(tmp: Path, *, directory_urls: bool) -> Iterator[str]:
    port = free_port()
    project = copy_project(tmp / "projet")
    env = {"SITE_URL": f"http://127.0.0.1:{port}/", "DIRECTORY_URLS": str(directory_urls).lower()}
    result = build_site(project, strict=False, env=env)
    assert result.returncode == 0, result.stderr
    yield from serve_directory(project / "site", port=port, hosting=True)


@pytest.fixture(scope="module")
def published_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _published(tmp_path_factory.mktemp("publie"), directory_urls=True)


@pytest.fixture(scope="module")
def published_html_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same, with `use_directory_urls: false` (pages end in .html)."""
    yield from _published(tmp_path_factory.mktemp("publie-html"), directory_urls=False)


def _open(page: Page, url: str, trouble: Trouble) -> Response | None:
    answer = page.goto(url)
    page.wait_for_load_state("networkidle")
    # Material's late work (search worker, sitemaps) has had its chance.
    page.wait_for_timeout(300)
    assert not trouble.items, trouble.items
    return answer


@pytest.mark.parametrize(("kind", "address", "file"), PAGES, ids=[p[0] for p in PAGES])
def test_online_page_loads_cleanly(
    page: Page, published_url: str, kind: str, address: str, file: str
) -> None:
    url = f"{published_url}/{address}"
    trouble = Trouble()
    trouble.watch(page, expected_404=url if address == MISSING else None)
    answer = _open(page, url, trouble)
    assert answer is not None
    assert answer.status == (404 if address == MISSING else 200)
    expect(page.locator("article h1").first).to_be_visible()
    # One sheet before the first paint, Material's rules at its head
    # (site/stylesheets.py); the print layout waits for nothing.
    screen = page.locator("link[rel=stylesheet]:not([media=print])")
    expect(screen).to_have_count(1)
    assert str(screen.get_attribute("href")).endswith("assets/site.css")
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    # Material's script deferred (site/material_assets.py), and run: its
    # search box answers the keyboard shortcut.
    expect(page.locator("script[src*='assets/javascripts/bundle.'][defer]")).to_have_count(1)
    page.keyboard.press("s")
    expect(page.locator("input[data-md-component=search-query]")).to_be_focused()


def test_the_feed_is_announced_and_still_clean(page: Page, published_url: str) -> None:
    """The Atom link that made Material ask for nouveautes/sitemap.xml is there."""
    trouble = Trouble()
    trouble.watch(page)
    _open(page, f"{published_url}/", trouble)
    feed = page.locator('link[type="application/atom+xml"]')
    expect(feed).to_have_count(1)
    assert "alternate" in str(feed.get_attribute("rel")).split()


@pytest.mark.parametrize(("kind", "address", "file"), PAGES, ids=[p[0] for p in PAGES])
def test_offline_page_loads_cleanly(
    page: Page, offline_site: Path, kind: str, address: str, file: str
) -> None:
    trouble = Trouble()
    trouble.watch(page)
    _open(page, (offline_site / file).as_uri(), trouble)
    expect(page.locator("article h1").first).to_be_visible()


# --- the 404 page ---------------------------------------------------------------

WAYS_BACK = {
    "L'accueil": re.compile(r"Fiches pratiques du MES"),
    "Le sommaire des fiches": re.compile(r"Sommaire"),
    "Le catalogue, à filtrer par structure et par thème": re.compile(r"Catalogue"),
    "Les structures du MES": re.compile(r"Structures"),
}


def _check_not_found(page: Page, url: str) -> None:
    """The French 404 at `url`: styled, with a search form and working ways back."""
    page.goto(url)
    expect(page).to_have_title(re.compile(r"^Page introuvable"))
    expect(page.locator("article h1")).to_have_text("Page introuvable")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # Material's stylesheet applied: the header is laid out as Material's.
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    expect(
        page.get_by_role("searchbox", name="Chercher une fiche, une structure, un thème")
    ).to_be_visible()
    for label, title in WAYS_BACK.items():
        page.goto(url)
        page.locator("article").get_by_role("link", name=label, exact=True).click()
        expect(page).to_have_title(title)
        expect(page.locator("article h1").first).to_be_visible()


@pytest.mark.parametrize("depth", ["nulle-part", "a/b/c/d/", "fiches/9.9/"])
def test_not_found_page_in_french_at_any_depth(page: Page, published_url: str, depth: str) -> None:
    url = f"{published_url}/{depth}"
    answer = page.goto(url)
    assert answer is not None and answer.status == 404
    _check_not_found(page, url)


@pytest.mark.parametrize("depth", ["nulle-part.html", "a/b/c/d.html"])
def test_not_found_page_without_directory_urls(
    page: Page, published_html_url: str, depth: str
) -> None:
    url = f"{published_html_url}/{depth}"
    trouble = Trouble()
    trouble.watch(page, expected_404=url)
    answer = _open(page, url, trouble)
    assert answer is not None and answer.status == 404
    _check_not_found(page, url)


def test_not_found_page_offline(page: Page, offline_site: Path) -> None:
    _check_not_found(page, (offline_site / "404.html").as_uri())


def test_not_found_search_finds_fiches(page: Page, published_url: str) -> None:
    page.goto(f"{published_url}/a/b/")
    box = page.get_by_role("searchbox", name="Chercher une fiche, une structure, un thème")
    box.fill("bénévolat")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/\?q=b%C3%A9n%C3%A9volat$"))
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"/fiches/1\.5/"))

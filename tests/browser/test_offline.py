"""The offline copy: `make offline`'s site-offline.zip, unzipped and opened from file://.

The archive is built by the real Makefile target, unzipped into a fresh
folder (as a trainer would from a USB key) and browsed with every non-file:
request blocked and recorded. Each step below is one thing a reader does;
after each, nothing may have tried to leave the machine.

To check one more thing offline, write a `_step(page, site)` function and add
it to STEPS.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Route, expect

pytestmark = pytest.mark.browser

# data: URIs (Material's inline icons) are read from the page itself, never fetched.
LOCAL_SCHEMES = ("file:", "data:", "blob:")


@dataclass
class Traffic:
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def leaving(self) -> list[str]:
        return [url for url in self.requests + self.blocked if not url.startswith(LOCAL_SCHEMES)]


@pytest.fixture
def offline_page(page: Page) -> tuple[Page, Traffic]:
    """A page whose every request is recorded, and every non-file: request refused."""
    traffic = Traffic()
    page.context.on("request", lambda request: traffic.requests.append(request.url))

    def refuse(route: Route) -> None:
        traffic.blocked.append(route.request.url)
        route.abort()

    page.context.route(re.compile(r"^(?!file:|data:|blob:)"), refuse)
    return page, traffic


# --- what a reader does ---------------------------------------------------------


def _nav_link(page: Page, target: str) -> Locator:
    """A visible link to `target` (the home page hides the side navigation)."""
    return page.locator(f'a[href$="{target}"]:visible').first


def _navigate(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    _nav_link(page, "fiches/index.html").click()
    page.wait_for_url("**/fiches/index.html")
    page.locator("article a", has_text="Quelles conditions politiques").first.click()
    page.wait_for_url("**/fiches/1.5.html")
    expect(page.locator("h1#fiche-titre")).to_contain_text("Quelles conditions politiques")
    page.locator("a.puce", has_text="PES 21").first.click()
    page.wait_for_url("**/structures/pes-21.html")
    expect(page.locator("h1")).to_contain_text("PES 21")


def _search(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    # «porteuses» (porteur·ses in fiche 1.5) needs the inclusive-writing search index.
    box.press_sequentially("porteuses", delay=20)
    hit = page.locator('.md-search-result__item a[href*="fiches/1.5.html"]')
    expect(hit.first).to_be_visible()
    hit.first.click()
    page.wait_for_url("**/fiches/1.5.html*")
    expect(page.locator("h1#fiche-titre")).to_be_visible()


def _images(page: Page, site: Path) -> None:
    page.goto((site / "fiches" / "1.5.html").as_uri())
    # Every picture of the page, and the site's icon, load from the folder itself.
    broken = page.evaluate(
        """async () => {
            const sources = [...document.images].map((img) => img.src);
            const icon = document.querySelector('link[rel~="icon"]');
            if (icon) sources.push(icon.href);
            const failed = [];
            for (const src of sources) {
                const img = new Image();
                img.src = src;
                try { await img.decode(); } catch { failed.push(src); }
            }
            return { count: sources.length, failed };
        }"""
    )
    assert broken["count"] >= 1
    assert broken["failed"] == []


def _parcours(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    _nav_link(page, "parcours/index.html").click()
    page.wait_for_url("**/parcours/index.html")
    page.locator("article a", has_text="Défendre un accompagnement sur mesure").click()
    page.wait_for_url("**/parcours/accompagnement-sur-mesure.html")
    expect(page.locator("article h1")).to_contain_text("Défendre un accompagnement sur mesure")
    expect(page.locator("article #fiche-1-5")).to_contain_text("Quelles conditions politiques")
    expect(page.locator("article .bouton-imprimer")).to_be_visible()
    page.locator("article a", has_text="→ pratique 4").click()
    page.wait_for_url("**/parcours/accompagnement-sur-mesure.html#f1-5-pratique-4")
    expect(page.locator("#f1-5-pratique-4")).to_be_attached()


def _catalogue(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    _nav_link(page, "catalogue.html").click()
    page.wait_for_url("**/catalogue.html")
    status = page.locator("#catalogue-total")
    page.get_by_role("checkbox", name=re.compile(r"^PES 21")).check()
    # Fiche 1.5 names PES 21, and credits it one practice (n°4).
    expect(status).to_have_text("2 résultats : 1 fiche et 1 pratique")
    expect(page).to_have_url(re.compile(r"catalogue\.html#structure=pes-21$"))
    page.reload()
    expect(status).to_have_text("2 résultats : 1 fiche et 1 pratique")
    page.locator(".catalogue-liste > li:visible a", has_text="Fiche 1.5").last.click()
    page.wait_for_url("**/fiches/1.5.html#pratique-4")


STEPS: dict[str, Callable[[Page, Path], None]] = {
    "navigation": _navigate,
    "recherche": _search,
    "images": _images,
    "parcours": _parcours,
    "catalogue": _catalogue,
}


@pytest.mark.parametrize("step", STEPS)
def test_offline_copy_works_with_no_request_leaving_the_machine(
    offline_page: tuple[Page, Traffic], offline_site: Path, step: str
) -> None:
    page, traffic = offline_page
    STEPS[step](page, offline_site)
    assert traffic.requests, "aucune requête enregistrée : l'enregistreur ne voit rien"
    assert traffic.leaving() == []
    assert traffic.blocked == []


def test_the_recorder_catches_a_request_to_the_network(
    offline_page: tuple[Page, Traffic], offline_site: Path
) -> None:
    page, traffic = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.evaluate("fetch('https://example.org/').catch(() => null)")
    page.wait_for_timeout(200)
    assert traffic.blocked == ["https://example.org/"]
    assert traffic.leaving() != []


def test_offline_copy_has_html_pages_and_inline_search(offline_site: Path) -> None:
    assert (offline_site / "fiches" / "1.5.html").is_file()
    assert (offline_site / "structures" / "pes-21.html").is_file()
    assert (offline_site / "parcours" / "accompagnement-sur-mesure.html").is_file()
    # The offline plugin ships the search index as a script, loadable from file://.
    inlined = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    # Inlined after the mes-fiches plugin enriched the index (porteuses, economie…).
    assert '"text_alt"' in inlined

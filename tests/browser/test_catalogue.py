"""The catalogue's filters and the matrix, as a reader uses them: served and from file://.

The site is the catalogue fixture collection (tests/fixtures/collections/catalogue):
fiches 2.1, 2.2, 3.1 and 3.2, nine practices.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.generate import write_collection
from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from tests.browser.conftest import serve_directory
from tests.support import build_site, catalogue_project, copy_project

pytestmark = pytest.mark.browser

OFFLINE_ENV = {"OFFLINE": "true", "DIRECTORY_URLS": "false"}


@pytest.fixture(scope="module")
def catalogue_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = catalogue_project(tmp_path_factory.mktemp("catalogue-web") / "projet")
    result = build_site(project, strict=False)
    assert result.returncode == 0, result.stderr
    yield from serve_directory(project / "site")


@pytest.fixture(scope="module")
def offline_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = catalogue_project(tmp_path_factory.mktemp("catalogue-hors-ligne") / "projet")
    result = build_site(project, env=OFFLINE_ENV, site_dir="site-hors-ligne")
    assert result.returncode == 0, result.stderr
    return project / "site-hors-ligne"


def _status(page: Page) -> str:
    return page.locator("#catalogue-total").inner_text()


def _shown(page: Page) -> list[str]:
    """The visible entries, as «fiche 2.1» or «pratique 2.1#1»."""
    return [
        str(item)
        for item in page.locator(".catalogue-liste > li").evaluate_all(
            """items => items.filter(li => !li.hidden).map(li =>
                li.dataset.type + " " + li.dataset.fiche +
                (li.dataset.type === "pratique"
                    ? "#" + li.querySelector("a").hash.replace("#pratique-", "") : ""))"""
        )
    ]


def _count(page: Page, facet: str, value: str) -> str:
    return page.locator(f"label[for='f-{facet}-{value}'] [data-compte]").inner_text()


def test_filters_combine_with_or_within_a_facet_and_and_across(
    page: Page, catalogue_url: str
) -> None:
    page.goto(f"{catalogue_url}/catalogue/")
    status = page.locator("#catalogue-total")
    expect(status).to_have_text("13 résultats : 4 fiches et 9 pratiques")
    expect(status).to_have_attribute("aria-live", "polite")

    # Keyboard: Space ticks a focused checkbox.
    page.get_by_role("checkbox", name=re.compile(r"^PES 21")).focus()
    page.keyboard.press("Space")
    expect(status).to_have_text("6 résultats : 3 fiches et 3 pratiques")
    assert _shown(page) == [
        "fiche 2.1",
        "pratique 2.1#1",
        "fiche 2.2",
        "pratique 2.2#1",
        "fiche 3.1",
        "pratique 3.1#2",
    ]
    # Counts in the same facet ignore its own choices: ARDES would add 2 entries.
    assert _count(page, "structure", "ardes") == "(2)"
    assert _count(page, "theme", "modele-economique") == "(4)"

    page.get_by_role("checkbox", name=re.compile(r"^ARDES")).check()  # OR: more results
    expect(status).to_have_text("7 résultats : 3 fiches et 4 pratiques")
    assert "pratique 2.1#2" in _shown(page)

    page.get_by_role("checkbox", name=re.compile(r"^Modèle économique")).check()  # AND
    expect(status).to_have_text("4 résultats : 2 fiches et 2 pratiques")
    assert _shown(page) == ["fiche 2.2", "pratique 2.2#1", "fiche 3.1", "pratique 3.1#2"]
    assert _count(page, "structure", "apes") == "(2)"  # 3.1 and its practice 1
    assert _count(page, "chapitre", "2") == "(2)"

    page.get_by_role("checkbox", name=re.compile(r"^Pratiques")).check()
    expect(status).to_have_text("2 résultats : 2 pratiques")

    page.get_by_role("button", name="Effacer les filtres").click()
    expect(status).to_have_text("13 résultats : 4 fiches et 9 pratiques")
    assert page.evaluate("location.hash") == ""


def test_free_text_ignores_accents_and_case(page: Page, catalogue_url: str) -> None:
    page.goto(f"{catalogue_url}/catalogue/")
    page.get_by_label("Contient les mots").fill("BENEVOLAT")
    expect(page.locator("#catalogue-total")).to_have_text("2 résultats : 1 fiche et 1 pratique")
    assert _shown(page) == ["fiche 2.2", "pratique 2.2#2"]
    page.get_by_label("Contient les mots").fill("porteurses accueil")  # inclusive writing
    expect(page.locator("#catalogue-total")).to_have_text("4 résultats : 1 fiche et 3 pratiques")
    page.get_by_label("Contient les mots").fill("introuvable")
    expect(page.locator("#catalogue-total")).to_have_text("Aucun résultat")
    expect(page.locator("#catalogue-vide")).to_be_visible()


def test_the_url_keeps_the_filters_for_reload_and_sharing(
    page: Page, catalogue_url: str, browser: Browser
) -> None:
    page.goto(f"{catalogue_url}/catalogue/")
    page.get_by_role("checkbox", name=re.compile(r"^PES 21")).check()
    page.get_by_role("checkbox", name=re.compile(r"^OPALE")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Chapitre 2")).check()
    page.get_by_label("Contient les mots").fill("mutualiser")
    expect(page).to_have_url(re.compile(r"#chapitre=2&structure=opale&structure=pes-21&q="))
    # The count is announced once typing pauses.
    expect(page.locator("#catalogue-total")).to_have_text("1 résultat : 1 pratique")
    expected = _status(page)

    page.reload()
    expect(page.locator("#catalogue-total")).to_have_text(expected)
    expect(page.get_by_role("checkbox", name=re.compile(r"^OPALE"))).to_be_checked()
    expect(page.get_by_label("Contient les mots")).to_have_value("mutualiser")

    shared = browser.new_context().new_page()
    shared.goto(page.url)
    expect(shared.locator("#catalogue-total")).to_have_text(expected)
    assert _shown(shared) == ["pratique 2.2#1"]
    shared.context.close()


def test_every_matrix_cell_lands_on_the_filtered_catalogue(page: Page, catalogue_url: str) -> None:
    page.goto(f"{catalogue_url}/matrice/")
    expect(page.locator("table.matrice caption")).to_be_visible()
    cells = page.locator("table.matrice tbody a[href*='#']")
    targets = [(str(link.get_attribute("href")), int(link.inner_text())) for link in cells.all()]
    assert len(targets) > 10
    page.get_by_role(
        "link", name="2 pratiques de PES 21 sur le thème Modèle économique", exact=False
    ).click()
    expect(page).to_have_url(re.compile(r"/catalogue/#type=pratique&structure=pes-21&theme="))
    expect(page.locator("#catalogue-total")).to_have_text("2 résultats : 2 pratiques")
    expect(page.get_by_role("checkbox", name=re.compile(r"^PES 21"))).to_be_checked()
    for href, number in targets:
        page.goto(f"{catalogue_url}/matrice/{href}")
        expect(page.locator("#catalogue-total")).to_have_text(
            re.compile(rf"^{number}\srésultats?\s:\s")
        )
        shown = _shown(page)
        assert len(shown) == number and all(s.startswith("pratique") for s in shown), href


def test_without_javascript_the_whole_list_reads(browser: Browser, catalogue_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{catalogue_url}/catalogue/")
    expect(page.locator("#catalogue-filtres")).to_be_hidden()
    expect(page.locator(".catalogue-liste > li")).to_have_count(13)
    expect(page.locator("#catalogue-total")).to_have_text("4 fiches et 9 pratiques")
    context.close()


def test_offline_catalogue_filters_from_a_folder(page: Page, offline_catalogue: Path) -> None:
    page.goto((offline_catalogue / "matrice.html").as_uri())
    page.get_by_role("link", name="Toutes les pratiques de PES 21 : 3").click()
    page.wait_for_url("**/catalogue.html#*")
    assert page.url.startswith("file://")
    status = page.locator("#catalogue-total")
    expect(status).to_have_text("3 résultats : 3 pratiques")
    page.get_by_role("checkbox", name=re.compile(r"^Fiches")).check()
    expect(status).to_have_text("6 résultats : 3 fiches et 3 pratiques")
    expect(page).to_have_url(
        re.compile(r"catalogue\.html#type=fiche&type=pratique&structure=pes-21$")
    )
    page.reload()
    expect(status).to_have_text("6 résultats : 3 fiches et 3 pratiques")
    page.locator(".catalogue-liste > li a", has_text="Fiche 2.2").first.click()
    page.wait_for_url("**/fiches/2.2.html")
    expect(page.locator("h1#fiche-titre")).to_have_text("Financer l'accompagnement")


def test_on_a_phone_the_filters_fold_so_that_results_come_first(
    mobile_page: Page, catalogue_url: str
) -> None:
    mobile_page.goto(f"{catalogue_url}/catalogue/#structure=pes-21")
    toggle = mobile_page.locator(".catalogue-plier > summary")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text(re.compile(r"Filtres\s+\(1 coché\)"))
    box = mobile_page.get_by_role("checkbox", name=re.compile(r"^PES 21"))
    expect(box).to_be_hidden()
    status = mobile_page.locator("#catalogue-total")
    expect(status).to_have_text("6 résultats : 3 fiches et 3 pratiques")
    bounds = status.bounding_box()
    assert bounds is not None and bounds["y"] < 844  # within the first screen
    toggle.click()
    expect(box).to_be_visible()
    expect(box).to_be_checked()


def test_on_a_wide_screen_the_filters_show_without_a_toggle(page: Page, catalogue_url: str) -> None:
    page.goto(f"{catalogue_url}/catalogue/")
    expect(page.locator(".catalogue-plier > summary")).to_be_hidden()
    expect(page.get_by_role("checkbox", name=re.compile(r"^PES 21"))).to_be_visible()


@dataclass(frozen=True)
class LargeCatalogue:
    url: str
    fiches: int
    practices: int


@pytest.fixture(scope="module")
def large_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LargeCatalogue]:
    """30 synthetic fiches (benchmarks/generate.py): more than one page of results."""
    project = copy_project(tmp_path_factory.mktemp("catalogue-grand") / "projet", with_fiches=False)
    write_collection(project, 30)
    collection = load_collection(ProjectPaths.at(project))
    practices = sum(len(fiche.practices) for fiche in collection.fiches)
    result = build_site(project, strict=False)
    assert result.returncode == 0, result.stderr
    for url in serve_directory(project / "site"):
        yield LargeCatalogue(url, len(collection.fiches), practices)


def test_long_lists_show_a_hundred_results_then_more_on_request(
    page: Page, large_catalogue: LargeCatalogue
) -> None:
    total = large_catalogue.fiches + large_catalogue.practices
    rest = total - 100
    assert 0 < rest <= 100, "the fixture must fill a page and a part of the next one"
    page.goto(f"{large_catalogue.url}/catalogue/")
    expect(page.locator("#catalogue-total")).to_have_text(
        f"{total} résultats : {large_catalogue.fiches} fiches et "
        f"{large_catalogue.practices} pratiques"
    )
    visible = page.locator(".catalogue-liste > li:not([hidden])")
    expect(visible).to_have_count(100)
    more = page.get_by_role("button", name=f"Afficher {rest} résultats de plus (reste {rest})")
    more.click()
    expect(visible).to_have_count(total)
    expect(more).to_be_hidden()

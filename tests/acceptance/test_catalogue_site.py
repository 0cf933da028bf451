"""Catalogue, matrix, «Fiches liées» and open data, on a strict build of the fixture collection."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from tests.site_html import dead_links, parse, resolve
from tests.support import build_site, catalogue_project, page_text

pytestmark = pytest.mark.build

SITE_URL = "https://fiches.example.org/mes/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = catalogue_project(tmp_path_factory.mktemp("catalogue") / "projet")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def _html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def _entries(html_text: str) -> list[dict[str, str]]:
    found = []
    for match in re.finditer(r"<li (data-type[^>]*)>", html_text):
        found.append(dict(re.findall(r'data-([a-z]+)="([^"]*)"', match.group(1))))
    return found


def test_catalogue_lists_every_fiche_and_practice_with_facet_data(site: Path) -> None:
    page = site / "catalogue" / "index.html"
    html_text = page.read_text(encoding="utf-8")
    entries = _entries(html_text)
    assert [(e["type"], e["fiche"]) for e in entries].count(("fiche", "2.1")) == 1
    assert sum(e["type"] == "fiche" for e in entries) == 4
    assert sum(e["type"] == "pratique" for e in entries) == 9
    assert entries[0] == {
        "type": "fiche",
        "fiche": "2.1",
        "chapitre": "2",
        "theme": "personnes-accompagnees cooperation-accompagnement",
        "structure": "pes-21 ardes apes",
    }
    assert entries[1] == {"type": "pratique", "fiche": "2.1", "structure": "pes-21"}
    # Without JavaScript: the whole list reads, each entry linking to its fiche or practice.
    hrefs = [link.href for link in parse(page).links]
    assert "../fiches/2.1/" in hrefs and "../fiches/2.1/#pratique-1" in hrefs
    text = page_text(html_text)
    assert "4 fiches et 9 pratiques" in text
    assert "Pratique 1 Fiche 2.1 — Accueillir les porteur·ses de projet" in text
    # Only a fiche that is not published yet shows its status.
    assert re.findall(r'<span class="statut">([^<]+)</span>', html_text) == ["En relecture"]
    # The filters: fieldsets with legends and labelled checkboxes, hidden until the script runs.
    assert re.search(r'<form class="catalogue-filtres"[^>]*hidden', html_text)
    assert re.findall(r"<legend>([^<]+)</legend>", html_text) == [
        "Type",
        "Chapitre",
        "Thème",
        "Structure",
    ]
    assert 'id="f-structure-pes-21" name="structure" value="pes-21"' in html_text
    assert '<label for="f-structure-pes-21"' in html_text
    assert re.search(r'id="catalogue-total" role="status" aria-live="polite"', html_text)
    assert "catalogue.js" in html_text
    # The other pages do not load the catalogue's script.
    fiche = (site / "fiches" / "2.1" / "index.html").read_text(encoding="utf-8")
    assert "catalogue.js" not in fiche and "citer.js" in fiche
    assert "citer.js" not in html_text


def test_matrix_is_an_accessible_table_whose_cells_filter_the_catalogue(site: Path) -> None:
    page = site / "matrice" / "index.html"
    html_text = page.read_text(encoding="utf-8")
    assert "<caption" in html_text and html_text.count('<th scope="row">') == 8
    catalogue_html = _html(site, "catalogue/index.html")
    values = set(re.findall(r'name="([a-z]+)" value="([^"]+)"', catalogue_html))
    cells = [link for link in parse(page).links if "#" in link.href and "catalogue" in link.href]
    assert cells
    for link in cells:
        target, fragment = resolve(site, page, link.href) or (None, "")
        assert target == site / "catalogue" / "index.html", link.href
        assert set(parse_qsl(fragment)) <= values, link.href  # only existing filter values
    pes_row = re.search(r'<tr data-structure="pes-21">(.*?)</tr>', html_text, re.S)
    assert pes_row is not None
    counts = re.findall(r"<td[^>]*>(?:<a [^>]*>)?(\d+)", pes_row.group(1))
    # Columns by label: Coopération, DLA, Évaluation, Modèle économique, Place des
    # personnes, Projet politique, Ressources non monétaires; then the total.
    assert counts == ["1", "0", "1", "2", "1", "0", "1", "3"]
    assert (
        'href="../catalogue/#type=pratique&amp;structure=pes-21&amp;theme=modele-economique"'
        in pes_row.group(1)
    )


def test_fiche_page_shows_related_fiches_and_backlinks(site: Path) -> None:
    html_text = _html(site, "fiches/2.1/index.html")
    block = re.search(r'<section class="fiches-liees".*?</section>', html_text, re.S)
    assert block is not None
    text = page_text(block.group(0))
    # Cited first, then the best scored, then the fiches citing this one.
    assert re.search(
        r"Fiches citées dans celle-ci Fiche 2\.2 — Financer l'accompagnement "
        r"Sur des thèmes ou avec des structures en commun "
        r"Fiche 3\.2 — Coopérer avec les acteurs culturels thème commun : Coopération "
        r"entre acteurs de l'accompagnement "
        r"Fiche 3\.1 — Évaluer autrement structures communes : PES 21, APES "
        r"Cette fiche est citée par Fiche 3\.1 — Évaluer autrement",
        text,
    ), text
    # The table of contents lists the block's headings.
    assert '<a href="#fiches-liees" class="md-nav__link">' in html_text
    assert '<a href="#citee-par" class="md-nav__link">' in html_text


def test_open_data_files_are_published_and_their_urls_resolve(site: Path) -> None:
    document = json.loads(_html(site, "donnees/fiches.json"))
    assert [f["numero"] for f in document["fiches"]] == ["2.1", "2.2", "3.1", "3.2"]
    raw = (site / "donnees" / "pratiques.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 9
    urls = [f["url"] for f in document["fiches"]]
    urls += [p["url"] for f in document["fiches"] for p in f["pratiques"]]
    urls += [r["pratique_url"] for r in rows]
    for url in urls:
        target, fragment = resolve(site, site / "index.html", url) or (None, "")
        assert target is not None and target.is_file(), url
        assert not fragment or fragment in parse(target).ids, url
    doc = site / "donnees" / "index.html"
    hrefs = {link.href for link in parse(doc).links}
    assert {"fiches.json", "pratiques.csv"} <= hrefs
    assert dead_links(site) == []


def test_open_data_urls_are_absolute_with_a_site_url(tmp_path: Path) -> None:
    project = catalogue_project(tmp_path / "projet")
    result = build_site(project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    document = json.loads((project / "site" / "donnees" / "fiches.json").read_text("utf-8"))
    assert document["fiches"][0]["url"] == f"{SITE_URL}fiches/2.1/"
    csv_text = (project / "site" / "donnees" / "pratiques.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(csv_text), delimiter=";"))
    assert rows[0]["pratique_url"] == f"{SITE_URL}fiches/2.1/#pratique-1"

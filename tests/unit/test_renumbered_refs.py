"""References written with a fiche's former number (`anciens_numeros`): they lead
to the fiche under its current number, and the check asks for the current one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.check.references import report_plain_refs
from macros.core.diagnostics import Report, Severity
from macros.core.model import PlainFicheRef
from macros.core.project import ProjectPaths
from macros.index.collection import Collection, load_collection
from macros.render.links import fiche_link
from tests.support import ROOT, copy_project

CASE = ROOT / "tests" / "fixtures" / "check" / "ok" / "ancien-numero-cite" / "fiches"


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Collection:
    project = copy_project(tmp_path_factory.mktemp("renum") / "projet", with_fiches=False)
    shutil.copytree(CASE, project / "fiches", dirs_exist_ok=True)
    page = project / "docs" / "renvois.md"
    page.write_text('# Renvois\n\nVoir {{ fiche("2.3") }}.\n', encoding="utf-8")
    return load_collection(ProjectPaths.at(project))


def _lines(collection: Collection, code: str) -> list[str]:
    return [d.format() for d in collection.report.sorted() if d.code == code]


def test_former_number_in_a_macro_is_an_info_with_its_place(collection: Collection) -> None:
    assert not collection.report.has_errors
    assert _lines(collection, "fiche-ancien-numero") == [
        "docs/renvois.md:3:6: info: la fiche 2.3 porte désormais le numéro 2.4 : le renvoi "
        'mène à la fiche 2.4 ; écrivez son numéro actuel, {{ fiche("2.4") }}, celui que le '
        "lecteur retrouve dans le sommaire [fiche-ancien-numero]",
        "fiches/2.4.md:11:73: info: la fiche 2.3 porte désormais le numéro 2.4 : le renvoi "
        'mène à la fiche 2.4 ; écrivez son numéro actuel, {{ fiche("2.4") }}, celui que le '
        "lecteur retrouve dans le sommaire [fiche-ancien-numero]",
        "fiches/3.1.md:10:9: info: la fiche 2.3 porte désormais le numéro 2.4 : le renvoi "
        'mène à la fiche 2.4 ; écrivez son numéro actuel, {{ fiche("2.4") }}, celui que le '
        "lecteur retrouve dans le sommaire [fiche-ancien-numero]",
    ]
    # Not «à paraître» (the project's own pages cite 1.5, absent from this case).
    pending = _lines(collection, "fiche-a-paraitre")
    assert all("la fiche 1.5 n'est pas encore" in line for line in pending)


def test_former_number_is_a_citation_for_backlinks(collection: Collection) -> None:
    index = collection.index
    assert index.cites["3.1"] == ["2.4"]
    assert [str(f.number) for f in index.cited_by["2.4"]] == ["3.1"]
    assert index.cites["2.4"] == []  # citing itself by its old number is no citation


def test_former_number_links_to_the_current_page(collection: Collection) -> None:
    index = collection.index
    assert fiche_link(index, "2.3") == "[Fiche 2.4 — La fiche renumérotée](/fiches/2.4.md)"
    assert fiche_link(index, "2.3", "fiche n°2.3") == (
        '[fiche n°2.3](/fiches/2.4.md "Fiche 2.4 — La fiche renumérotée")'
    )
    assert fiche_link(index, "9.9").startswith('<span class="fiche-a-paraitre"')


def test_plain_text_former_number_proposes_the_current_one(collection: Collection) -> None:
    assert _lines(collection, "fiche-non-liee") == [
        "fiches/3.1.md:12:1: info: « fiche n°2.3 » est écrit en texte simple, et la fiche 2.3 "
        'porte désormais le numéro 2.4 ; écrivez {{ fiche("2.4", "fiche n°2.4") }} pour en '
        "faire un lien vers son numéro actuel [fiche-non-liee]",
        "fiches/3.1.md:12:1: info: « fiche n°9.9 » est écrit en texte simple ; écrivez "
        '{{ fiche("9.9", "fiche n°9.9") }} pour en faire un lien [fiche-non-liee]',
    ]


def test_plain_refs_keep_the_written_words(collection: Collection) -> None:
    report = Report()
    current = collection.index.fiches["2.4"]
    report_plain_refs(
        [PlainFicheRef("2.3", "Fiches no 2.3", 4, 1)], "docs/x.md", {"2.3": current}, report
    )
    [diag] = report.items
    assert diag.severity == Severity.INFO and (diag.path, diag.line) == ("docs/x.md", 4)
    assert '{{ fiche("2.4", "Fiches no 2.4") }}' in diag.hint


def test_broken_fiche_still_reports_its_plain_refs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet", with_fiches=False)
    text = (CASE / "3.1.md").read_text(encoding="utf-8").replace("titre:", "tittre:")
    (project / "fiches" / "3.1.md").write_text(text, encoding="utf-8")
    report = load_collection(ProjectPaths.at(project)).report
    assert report.has_errors
    assert [d.line for d in report.items if d.code == "fiche-non-liee"] == [12, 12]

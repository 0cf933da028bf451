"""`fiches pdf` with Debian's Chromium: page counts and fiche titles of the booklets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.conftest import CHROMIUM
from tests.support import ROOT, copy_project, normalise, run_fiches

pytestmark = pytest.mark.browser

MINI = ROOT / "tests" / "fixtures" / "collections" / "mini" / "fiches"
FIXTURE_PARCOURS = ROOT / "tests" / "fixtures" / "parcours" / "atelier-mini.yml"
MINI_TITLES = ("Coopérer entre structures d'accompagnement", "Financer l'accompagnement")


def _pdf_text(reader: PdfReader) -> str:
    return normalise(" ".join(page.extract_text() or "" for page in reader.pages))


def _print(project: Path, output: Path) -> None:
    result = run_fiches("pdf", "--sortie", str(output), "--chromium", str(CHROMIUM), cwd=project)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def mini_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("pdf-mini") / "projet", with_fiches=False)
    shutil.copytree(MINI, project / "fiches", dirs_exist_ok=True)
    (project / "fiches" / "parcours").mkdir()
    shutil.copy2(FIXTURE_PARCOURS, project / "fiches" / "parcours" / FIXTURE_PARCOURS.name)
    _print(project, project / "pdf")
    return project / "pdf"


def test_fixture_parcours_has_cover_plan_and_one_page_per_fiche(mini_pdfs: Path) -> None:
    assert sorted(p.name for p in mini_pdfs.iterdir()) == [
        "parcours-atelier-mini.pdf",
        "toutes-les-fiches.pdf",
    ]
    reader = PdfReader(mini_pdfs / "parcours-atelier-mini.pdf")
    # Cover, session plan, then fiches 3.1 and 3.2, each on its own page.
    assert len(reader.pages) == 4
    cover = normalise(reader.pages[0].extract_text())
    assert "Atelier coopération et financement" in cover
    assert "Les équipes des pôles ESS" in cover
    assert "Deux heures" in cover
    assert "Avec quelles structures coopérez-vous déjà ?" in normalise(
        reader.pages[1].extract_text()
    )
    for page, title in zip(reader.pages[2:], MINI_TITLES, strict=True):
        assert title in normalise(page.extract_text())


def test_collection_pdf_holds_every_fiche(mini_pdfs: Path) -> None:
    reader = PdfReader(mini_pdfs / "toutes-les-fiches.pdf")
    assert len(reader.pages) == 4  # cover, contents, two fiches
    text = _pdf_text(reader)
    for title in MINI_TITLES:
        assert title in text


def test_printed_names_and_chrome(mini_pdfs: Path) -> None:
    text = _pdf_text(PdfReader(mini_pdfs / "parcours-atelier-mini.pdf"))
    # Structure names in full after their short name; no site chrome.
    assert "PES 21 (Pôle d'Économie Solidaire 21)" in text
    for chrome in ("Imprimer / PDF", "Rechercher", "Table des matières"):
        assert chrome not in text


def test_real_parcours_pdf(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    _print(project, tmp_path / "sortie")
    reader = PdfReader(tmp_path / "sortie" / "parcours-accompagnement-sur-mesure.pdf")
    # Cover, at least one page of plan, then fiche 1.5, longer than a page.
    assert len(reader.pages) >= 4
    assert "Défendre un accompagnement sur mesure" in normalise(reader.pages[0].extract_text())
    text = _pdf_text(reader)
    assert "Quelles conditions politiques et matérielles de l'accompagnement ?" in text

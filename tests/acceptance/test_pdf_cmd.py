"""`fiches pdf` where it cannot print: no Chromium, a broken collection, a failing browser."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.support import run_fiches


def _fake_browser(folder: Path, script: str) -> Path:
    """A stand-in for Chromium that never prints anything."""
    path = folder / "faux-chromium"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_without_chromium_says_how_to_install_it(project: Path, tmp_path: Path) -> None:
    empty = tmp_path / "bin-vide"
    empty.mkdir()
    # Only the project's Python is left: no chromium, chromium-browser or chrome.
    result = run_fiches("pdf", cwd=project, env={"PATH": str(empty)})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "Chromium est introuvable" in result.stderr
    assert "apt-get install chromium" in result.stderr
    assert not (project / "pdf").exists()


def test_a_chromium_path_that_does_not_exist(project: Path) -> None:
    result = run_fiches("pdf", "--chromium", "/nulle/part/chromium", cwd=project)
    assert result.returncode == 1
    assert "Chromium introuvable à l'emplacement « /nulle/part/chromium »" in result.stderr
    assert "apt-get install chromium" in result.stderr


def test_a_broken_parcours_stops_before_printing(project: Path, tmp_path: Path) -> None:
    parcours = project / "fiches" / "parcours" / "accompagnement-sur-mesure.yml"
    parcours.write_text(
        parcours.read_text(encoding="utf-8").replace('numero: "1.5"', 'numero: "1.6"'),
        encoding="utf-8",
    )
    marker = tmp_path / "lance"
    browser = _fake_browser(tmp_path, f"touch {marker}")
    result = run_fiches("pdf", "--chromium", str(browser), cwd=project)
    assert result.returncode == 1
    assert "[parcours-fiche-inconnue]" in result.stdout
    assert "vouliez-vous dire « 1.5 »" in result.stdout
    assert not marker.exists()
    assert not (project / "pdf").exists()


def test_a_browser_that_prints_nothing_leaves_no_file(project: Path, tmp_path: Path) -> None:
    browser = _fake_browser(tmp_path, "echo 'échec simulé' >&2; exit 3")
    output = tmp_path / "sortie"
    result = run_fiches("pdf", "--chromium", str(browser), "--sortie", str(output), cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "Chromium n'a pas produit de PDF" in result.stderr
    assert "(code 3)" in result.stderr
    assert list(output.iterdir()) == []


def test_site_folder_without_the_booklets(project: Path, tmp_path: Path) -> None:
    browser = _fake_browser(tmp_path, "exit 0")
    empty_site = tmp_path / "site"
    empty_site.mkdir()
    result = run_fiches("pdf", "--chromium", str(browser), "--site", str(empty_site), cwd=project)
    assert result.returncode == 1
    assert "page absente du site construit" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_is_in_french(project: Path) -> None:
    result = run_fiches("pdf", "--help", cwd=project, env={"COLUMNS": "100"})
    assert result.returncode == 0
    assert "--sortie DOSSIER" in result.stdout
    assert "dossier où écrire les PDF" in result.stdout

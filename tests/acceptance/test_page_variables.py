"""`page_variables`: the one thing documentation pages may do beyond the macros."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import build_site, copy_project, run_fiches


def _project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "projet")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - mes-fiches:\n", "  - mes-fiches:\n      page_variables: [contact]\n")
    text = text.replace("extra:\n", "extra:\n  contact: contact@exemple.org <b>gras</b>\n")
    config.write_text(text, encoding="utf-8")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nÉcrire à {{ contact }}.\n")
    return project


@pytest.mark.build
def test_listed_variable_is_shown_escaped_in_pages(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert run_fiches("check", cwd=project).returncode == 0
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Écrire à contact@exemple.org &lt;b&gt;gras&lt;/b&gt;." in html


def test_fiches_never_get_variables(tmp_path: Path) -> None:
    project = _project(tmp_path)
    fiche = project / "fiches" / "1.5.md"
    fiche.write_text(fiche.read_text(encoding="utf-8") + "\nÉcrire à {{ contact }}.\n")
    result = run_fiches("check", "--sans-info", cwd=project)
    assert result.returncode == 1
    assert "fiches/1.5.md:" in result.stdout
    assert "nom inconnu « contact »" in result.stdout
    assert "docs/index.md" not in result.stdout


def test_unlisted_variable_is_refused_in_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n{{ site_name }}\n")
    result = run_fiches("check", "--sans-info", cwd=project)
    assert result.returncode == 1
    assert "docs/index.md:" in result.stdout and "[macro-inconnue]" in result.stdout

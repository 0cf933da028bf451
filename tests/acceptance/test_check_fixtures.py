"""`fiches check` and the strict build on positive and negative fixture folders.

Each folder under tests/fixtures/check/{ok,bad}/ is laid over a copy of the
project without its fiches; `expected.txt` holds the exact report. Set
UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.support import ROOT, build_site, copy_project, run_fiches

FIXTURES = ROOT / "tests" / "fixtures" / "check"
CASES = sorted(FIXTURES.glob("*/*/"))


def _project(case: Path, tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "projet", with_fiches=False)
    for source in case.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = project / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return project


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_check_report_matches_golden(case: Path, tmp_path: Path) -> None:
    # Only fiches/: the project's own pages under docs/ are not part of the case.
    result = run_fiches("check", "fiches", cwd=_project(case, tmp_path))
    assert "Traceback" not in result.stdout + result.stderr
    expected_file = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_file.read_text(encoding="utf-8")
    assert result.returncode == (0 if case.parent.name == "ok" else 1), result.stderr
    if case.parent.name == "bad":
        assert re.search(r"^échec : .*[1-9]\d* erreurs?,", result.stderr, re.M)


def test_every_bad_case_reports_an_error_with_a_position() -> None:
    for case in FIXTURES.glob("bad/*/"):
        lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
        errors = [line for line in lines if ": erreur: " in line]
        assert errors, case.name
        for line in errors:
            assert re.match(r"^[\w./-]+:\d+:\d+: erreur: .+ \[[a-zA-Z-]+\]$", line), line


@pytest.mark.build
@pytest.mark.parametrize("case", sorted(FIXTURES.glob("bad/*/")), ids=lambda p: p.name)
def test_strict_build_fails_on_exactly_the_check_errors(case: Path, tmp_path: Path) -> None:
    project = _project(case, tmp_path)
    check = run_fiches("check", cwd=project)
    build = build_site(project)
    assert check.returncode == 1
    assert build.returncode == 1
    assert "Traceback" not in build.stdout + build.stderr
    expected = {
        line.replace(": erreur: ", ": ", 1)
        for line in check.stdout.splitlines()
        if ": erreur: " in line
    }
    logged = set(re.findall(r"^ERROR\s+-\s+mes-fiches: (.*)$", build.stderr, re.M))
    assert logged == expected
    assert not (project / "site" / "fiches").exists() or not any(
        (project / "site" / "fiches").iterdir()
    )


def test_github_annotations(tmp_path: Path) -> None:
    project = _project(FIXTURES / "bad" / "yaml-syntaxe", tmp_path)
    result = run_fiches("check", "fiches", cwd=project, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # Each problem: its plain line, then the workflow command that places it on the diff.
    assert lines == [
        "fiches/2.1.md:3:16: erreur: YAML invalide : deux-points inattendu (mettez la valeur "
        "entre guillemets) ; vérifiez l'indentation, les deux-points et les guillemets "
        "[yaml-syntaxe]",
        "::error file=fiches/2.1.md,line=3,col=16,title=yaml-syntaxe::YAML invalide : "
        "deux-points inattendu (mettez la valeur entre guillemets) ; vérifiez l'indentation, "
        "les deux-points et les guillemets [yaml-syntaxe]",
    ]


def test_check_selected_paths_and_usage_errors(tmp_path: Path) -> None:
    project = _project(FIXTURES / "bad" / "numero", tmp_path)
    only_one = run_fiches("check", "fiches/2.2.md", cwd=project)
    assert only_one.returncode == 1
    assert [line.split(":")[0] for line in only_one.stdout.splitlines()] == ["fiches/2.2.md"]
    missing = run_fiches("check", "fiches/9.9.md", cwd=project)
    assert missing.returncode == 2
    assert "chemin introuvable : fiches/9.9.md" in missing.stderr
    unknown_option = run_fiches("check", "--bogus", cwd=project)
    assert unknown_option.returncode == 2
    assert "arguments non reconnus" in unknown_option.stderr
    assert "Traceback" not in missing.stderr + unknown_option.stderr

"""`fiches import` as a contributor runs it, on a throw-away copy of the project."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from macros.core.diagnostics import Report
from macros.read.sources import decode
from tests.support import ROOT, SEED, build_site, copy_project, normalise, page_text, run_fiches

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
OK = EXPORTS / "ok"
BAD = EXPORTS / "bad"
DIAGNOSTIC = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<severity>erreur|avertissement|info): .* \[(?P<code>[a-z0-9-]+)\]$"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "projet", with_fiches=False)


def fiches(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = run_fiches("import", *args, cwd=cwd)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def diagnostics(output: str) -> list[tuple[str, int, str, str]]:
    """(path, line, severity, code) of each diagnostic line; other lines are rejected."""
    found = []
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line)
        assert match, f"ligne de diagnostic mal formée : {line!r}"
        found.append((match["path"], int(match["line"]), match["severity"], match["code"]))
    return found


def fiche_files(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "fiches").glob("*.md"))


def test_seed_imports_and_passes_check(project: Path) -> None:
    shutil.copy(SEED, project / "export.txt")
    result = fiches("export.txt", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "[1/1] export.txt → fiches/1.5.md" in result.stderr
    assert "1 fiche importée, 0 export ignoré" in result.stderr
    text = (project / "fiches" / "1.5.md").read_text(encoding="utf-8")
    assert text.startswith(
        '---\n# yaml-language-server: $schema=../macros/schemas/fiche.schema.json\nnumero: "1.5"\n'
    )
    assert '({{ structure("OPALE") }}, centre de ressources DLA culture)' in text
    check = run_fiches("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert [d[3] for d in diagnostics(check.stdout)] == ["fiche-a-paraitre"]


def test_refused_overwrite_leaves_the_fiche_byte_identical(project: Path) -> None:
    shutil.copy(SEED, project / "export.txt")
    existing = project / "fiches" / "1.5.md"
    shutil.copy(ROOT / "fiches" / "1.5.md", existing)
    original = existing.read_bytes()
    result = fiches("export.txt", cwd=project)
    assert result.returncode == 1
    assert diagnostics(result.stdout) == [("export.txt", 5, "erreur", "import-fiche-existante")]
    assert "--force" in result.stdout
    assert "ignoré (fiche déjà existante)" in result.stderr
    assert existing.read_bytes() == original
    assert fiche_files(project) == ["1.5.md"]


def test_number_taken_by_another_fiche_is_refused(project: Path) -> None:
    shutil.copy(SEED, project / "export.txt")
    other = project / "fiches" / "2.1.md"
    text = (ROOT / "fiches" / "1.5.md").read_text(encoding="utf-8")
    other.write_text(text, encoding="utf-8")  # says numero "1.5" in a file named 2.1.md
    result = fiches("export.txt", cwd=project)
    assert result.returncode == 1
    assert ("export.txt", 5, "erreur", "import-numero-deja-utilise") in diagnostics(result.stdout)
    assert "fiches/2.1.md" in result.stdout
    assert fiche_files(project) == ["2.1.md"]
    assert other.read_text(encoding="utf-8") == text


def test_force_replaces_atomically(project: Path) -> None:
    shutil.copy(SEED, project / "export.txt")
    existing = project / "fiches" / "1.5.md"
    existing.write_text("ancienne version\n", encoding="utf-8")
    result = fiches("export.txt", "--force", "--theme", "dla-culture", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[1/1] export.txt → fiches/1.5.md (remplacée)" in result.stderr
    assert diagnostics(result.stdout) == [("export.txt", 5, "info", "import-fiche-remplacee")]
    meta = yaml.safe_load(existing.read_text(encoding="utf-8").split("---")[1])
    assert meta["themes"] == ["dla-culture"]
    assert sorted(p.name for p in (project / "fiches").iterdir() if p.is_file()) == ["1.5.md"]
    assert run_fiches("check", cwd=project).returncode == 0


def test_bad_exports_report_code_and_line_and_write_nothing(project: Path) -> None:
    expected = yaml.safe_load((BAD / "expected.yml").read_text(encoding="utf-8"))
    exports = sorted(p.name for p in BAD.glob("*.txt"))
    assert sorted(expected) == exports
    result = fiches(str(BAD), cwd=project)
    assert result.returncode == 1
    found = diagnostics(result.stdout)
    for name, wanted in expected.items():
        shown = f"{BAD}/{name}"
        errors = [
            (line, code)
            for path, line, severity, code in found
            if path == shown and severity == "erreur"
        ]
        assert errors, f"aucune erreur pour {name}"
        assert errors[0] == (wanted["line"], wanted["code"]), name
        assert f"{shown} : ignoré (" in result.stderr
    assert fiche_files(project) == []
    assert f"0 fiche importée, {len(exports)} exports ignorés" in result.stderr
    assert "  2 × en-tête « ••• FICHE » absent [import-entete-absent]" in result.stderr


def test_one_bad_export_does_not_stop_the_others(project: Path) -> None:
    shutil.copy(SEED, project / "a.txt")
    shutil.copy(SEED, project / "b.txt")  # the same number again
    result = fiches("absent.txt", "a.txt", str(BAD / "pas-utf8.txt"), "b.txt", cwd=project)
    assert result.returncode == 1
    assert diagnostics(result.stdout) == [
        ("absent.txt", 1, "erreur", "import-lecture"),
        (f"{BAD}/pas-utf8.txt", 5, "erreur", "encodage"),
        ("b.txt", 5, "erreur", "import-numero-en-double"),
    ]
    assert "déjà celui de a.txt" in result.stdout
    assert "[2/4] a.txt → fiches/1.5.md" in result.stderr
    assert "1 fiche importée, 3 exports ignorés" in result.stderr
    assert fiche_files(project) == ["1.5.md"]


def test_many_exports_show_progress(project: Path) -> None:
    folder = project / "exports"
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for rank in range(1, 41):
        (folder / f"export-{rank:02}.txt").write_text(
            seed.replace("FICHE 1.5", f"FICHE 7.{rank}"), encoding="utf-8"
        )
    result = fiches("exports", "--dest", "sortie", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[40/40] exports/export-40.txt → sortie/7.40.md" in result.stderr
    assert "40 fiches importées, 0 export ignoré" in result.stderr
    assert len(list((project / "sortie").glob("*.md"))) == 40
    assert fiche_files(project) == []


def test_broken_registry_stops_before_importing(project: Path) -> None:
    shutil.copy(SEED, project / "export.txt")
    registry = project / "fiches" / "registres" / "structures.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n- slug: [\n", encoding="utf-8")
    result = fiches("export.txt", cwd=project)
    assert result.returncode == 1
    assert [d[0] for d in diagnostics(result.stdout)] == ["fiches/registres/structures.yml"]
    assert "corrigez d'abord les registres" in result.stderr
    assert fiche_files(project) == []


@pytest.mark.parametrize(
    "args, message",
    [
        (("--theme", "inconnu", "x.txt"), "thème inconnu « inconnu » ; thèmes du registre : "),
        ((), "arguments obligatoires manquants"),
        (("--dest", "mkdocs.yml", "x.txt"), "--dest mkdocs.yml n'est pas un dossier"),
        (("docs",), "aucun fichier .txt dans le dossier docs"),
    ],
)
def test_usage_errors_exit_2(project: Path, args: tuple[str, ...], message: str) -> None:
    result = fiches(*args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert fiche_files(project) == []


def test_help_is_in_french(project: Path) -> None:
    result = fiches("--help", cwd=project)
    assert result.returncode == 0
    assert "utilisation : fiches import" in result.stdout
    assert "remplace une fiche existante" in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout


def passages(export: Path) -> list[tuple[str, bool]]:
    """Each line of the export as a reader would see it, and whether it is a heading."""
    text = decode(export.read_bytes(), export.name, Report())
    assert text is not None
    found = []
    for raw in text.split("\n"):
        line = raw.strip(" \t\u00a0\u202f")
        if not line:
            continue
        if line.startswith("•••"):
            line = line.lstrip("• ")
            header = re.match(r"FICHE\s+\S+\s+[–—-]\s+(.*)", line, re.I)
            found.append((header.group(1) if header else line, True))
            continue
        line = re.sub(r"^(?:[-•–—*]|\d{1,3}[.)])\s+", "", line).replace("**", "")
        found.append((line, False))
    return found


@pytest.mark.build
def test_imported_fixtures_build_and_show_every_passage(project: Path) -> None:
    result = fiches(str(OK), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [d for d in diagnostics(result.stdout) if d[2] == "avertissement"]
    unknown = f"{OK}/structure-inconnue-3.2.txt"
    assert warnings == [
        (unknown, 6, "avertissement", "import-structure-inconnue"),
        (unknown, 6, "avertissement", "import-structure-inconnue"),
        (unknown, 11, "avertissement", "import-structure-inconnue"),
    ]
    assert "fiches/registres/structures.yml" in result.stdout
    check = run_fiches("check", cwd=project)
    assert check.returncode == 0, check.stdout
    assert not [d for d in diagnostics(check.stdout) if d[2] != "info"]
    build = build_site(project)
    assert build.returncode == 0, build.stderr[-4000:]
    for export in sorted(OK.glob("*.txt")):
        number = re.search(r"FICHE\s+(\S+)", export.read_text(encoding="utf-8-sig"))
        assert number is not None
        page = page_text(
            (project / "site" / "fiches" / number.group(1) / "index.html").read_text(
                encoding="utf-8"
            )
        )
        for passage, heading in passages(export):
            wanted = normalise(passage)
            if heading:
                assert wanted.casefold() in page.casefold(), (export.name, passage)
            else:
                assert wanted in page, (export.name, passage)

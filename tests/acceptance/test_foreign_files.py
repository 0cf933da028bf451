"""Nothing from outside the repository: symlinks and special files in content folders.

MkDocs follows symlinks when it copies docs/: `ln -s /proc/self/environ
docs/logo.png` would publish the build's environment, `ln -s /etc docs/etc`
the machine's configuration. `fiches check` and the build refuse every
symlink (to a file, to a folder, to nothing) and every special file (fifo)
in docs/, fiches/, the registries, the parcours and overrides/, with the
file and a French message; the build stops before it copies anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import build_site, copy_project, run_fiches

SECRET = "s3cret-hors-depot-5e2a"


def _outside_file(project: Path, content: bytes) -> Path:
    outside = project.parent / "ailleurs"
    outside.mkdir(exist_ok=True)
    target = outside / "secret.txt"
    target.write_bytes(content)
    return target


def _link_file(project: Path) -> str:
    (project / "docs" / "logo.png").symlink_to("/proc/self/environ")
    return "docs/logo.png"


def _link_folder(project: Path) -> str:
    (project / "docs" / "etc").symlink_to("/etc", target_is_directory=True)
    return "docs/etc"


def _link_missing(project: Path) -> str:
    (project / "docs" / "absent.md").symlink_to(project.parent / "nulle-part.md")
    return "docs/absent.md"


def _link_replacing_page(project: Path) -> str:
    page = project / "docs" / "formateurs.md"
    page.unlink()
    page.symlink_to(_outside_file(project, f"# Fuite\n\n{SECRET}\n".encode()))
    return "docs/formateurs.md"


def _link_replacing_fiche(project: Path) -> str:
    fiche = project / "fiches" / "1.5.md"
    fiche.unlink()
    fiche.symlink_to("/proc/self/environ")
    return "fiches/1.5.md"


def _link_registry_to_nul(project: Path) -> str:
    registry = project / "fiches" / "registres" / "glossaire.yml"
    registry.unlink()
    registry.symlink_to(_outside_file(project, b"termes:\n  - \x00" + SECRET.encode()))
    return "fiches/registres/glossaire.yml"


def _link_parcours(project: Path) -> str:
    link = project / "fiches" / "parcours" / "fuite.yml"
    link.symlink_to(_outside_file(project, f"titre: {SECRET}\n".encode()))
    return "fiches/parcours/fuite.yml"


def _fifo_page(project: Path) -> str:
    os.mkfifo(project / "docs" / "tube.md")
    return "docs/tube.md"


def _fifo_static(project: Path) -> str:
    os.mkfifo(project / "docs" / "tube.png")
    return "docs/tube.png"


def _fifo_fiche(project: Path) -> str:
    os.mkfifo(project / "fiches" / "2.1.md")
    return "fiches/2.1.md"


def _link_in_overrides(project: Path) -> str:
    (project / "overrides" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    return "overrides/assets/env.txt"


CASES: dict[str, tuple[Callable[[Path], str], str]] = {
    "lien-vers-fichier": (_link_file, "lien-symbolique"),
    "lien-vers-dossier": (_link_folder, "lien-symbolique"),
    "lien-sans-cible": (_link_missing, "lien-symbolique"),
    "lien-a-la-place-d-une-page": (_link_replacing_page, "lien-symbolique"),
    "lien-a-la-place-d-une-fiche": (_link_replacing_fiche, "lien-symbolique"),
    "registre-lie-a-un-nul": (_link_registry_to_nul, "lien-symbolique"),
    "parcours-lie": (_link_parcours, "lien-symbolique"),
    "tube-page": (_fifo_page, "fichier-special"),
    "tube-image": (_fifo_static, "fichier-special"),
    "tube-fiche": (_fifo_fiche, "fichier-special"),
    "lien-dans-overrides": (_link_in_overrides, "lien-symbolique"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_refuses_what_comes_from_outside(case: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    make, code = CASES[case]
    shown = make(project)
    result = run_fiches("check", "--sans-info", cwd=project, env={"SECRET": SECRET})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert SECRET not in output
    found = re.findall(rf"^{re.escape(shown)}:1:1: erreur: (.*) \[([\w-]+)\]$", output, re.M)
    assert [c for _, c in found] == [code], output
    assert "refusé" in found[0][0]


def test_nul_in_a_registry_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    registry = project / "fiches" / "registres" / "glossaire.yml"
    registry.write_bytes(b"# Glossaire\ntermes:\n  - a\x00b\n")
    result = run_fiches("check", "--sans-info", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(
        r"^fiches/registres/glossaire\.yml:3:6: erreur: caractère de contrôle U\+0000 ",
        result.stdout,
        re.M,
    ), result.stdout


@pytest.mark.build
def test_build_stops_before_copying_anything(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    shown = [_link_file(project), _link_folder(project), _link_replacing_page(project)]
    shown.append(_fifo_page(project))
    result = build_site(project, env={"SECRET": SECRET})
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in log
    assert SECRET not in log
    for path in shown:
        assert re.search(rf"^ERROR +- +mes-fiches: {re.escape(path)}:1:1: ", log, re.M), path
    assert not (project / "site").exists()


@pytest.mark.build
def test_docs_folder_outside_the_project_is_a_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    (project / "docs").rename(tmp_path / "ailleurs")
    (project / "docs").symlink_to(tmp_path / "ailleurs", target_is_directory=True)
    result = build_site(project)
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in log
    assert "docs_dir" in log and "doit être un dossier du projet" in log, log

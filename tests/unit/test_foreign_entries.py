"""check_foreign: what in a content folder would bring in a file from elsewhere."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from macros.core.diagnostics import Report
from macros.read.sources import check_foreign, read_source


def _codes(report: Report) -> list[tuple[str, str]]:
    return sorted((d.path, d.code) for d in report.items)


def _shown(root: Path) -> Callable[[Path], str]:
    return lambda path: os.path.relpath(path, root)


def test_plain_files_and_folders_pass(tmp_path: Path) -> None:
    (tmp_path / "docs" / "sous").mkdir(parents=True)
    (tmp_path / "docs" / "sous" / "page.md").write_text("# Page\n", encoding="utf-8")
    report = Report()
    check_foreign(tmp_path, [tmp_path / "docs"], _shown(tmp_path), report)
    assert report.items == []


def test_links_and_fifos_deep_in_the_tree(tmp_path: Path) -> None:
    deep = tmp_path / "docs" / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "vers-fichier.png").symlink_to("/proc/self/environ")
    (deep / "vers-dossier").symlink_to("/", target_is_directory=True)
    (deep / "sans-cible.md").symlink_to(tmp_path / "rien")
    (deep / "interne.md").symlink_to(deep / "sans-cible.md")
    os.mkfifo(deep / "tube")
    report = Report()
    check_foreign(tmp_path, [tmp_path / "docs"], _shown(tmp_path), report)
    assert _codes(report) == [
        ("docs/a/b/interne.md", "lien-symbolique"),
        ("docs/a/b/sans-cible.md", "lien-symbolique"),
        ("docs/a/b/tube", "fichier-special"),
        ("docs/a/b/vers-dossier", "lien-symbolique"),
        ("docs/a/b/vers-fichier.png", "lien-symbolique"),
    ]


def test_a_linked_or_outside_folder_is_refused_whole(tmp_path: Path) -> None:
    root = tmp_path / "depot"
    root.mkdir()
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "page.md").write_text("x", encoding="utf-8")
    (root / "docs").symlink_to(outside, target_is_directory=True)
    report = Report()
    check_foreign(root, [root / "docs", outside], _shown(root), report)
    assert _codes(report) == [("../ailleurs", "hors-depot"), ("docs", "lien-symbolique")]


def test_reading_refuses_a_link_and_a_fifo_without_blocking(tmp_path: Path) -> None:
    (tmp_path / "lien.md").symlink_to("/etc/hostname")
    os.mkfifo(tmp_path / "tube.md")
    report = Report()
    assert read_source(tmp_path / "lien.md", "lien.md", report) is None
    assert read_source(tmp_path / "tube.md", "tube.md", report) is None
    assert _codes(report) == [
        ("lien.md", "lien-symbolique"),
        ("tube.md", "fichier-special"),
    ]

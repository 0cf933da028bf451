"""Related fiches at scale: the bounded ranking is the full ranking, cut short."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import write_collection
from macros.collection import load_collection
from macros.project import ProjectPaths
from tests.support import copy_project


def test_limited_related_is_the_start_of_the_full_ranking(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet", with_fiches=False)
    write_collection(project, 150, per_chapter=40)
    index = load_collection(ProjectPaths.at(project)).index
    for fiche in index.fiches.values():
        full = [str(f.number) for f in index.related(fiche)]
        for limit in (1, 8, 12):
            assert [str(f.number) for f in index.related(fiche, limit=limit)] == full[:limit]

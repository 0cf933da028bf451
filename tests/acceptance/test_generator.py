"""The benchmark's synthetic collections pass `fiches check` and look like real fiches."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.generate import fiche_numbers, write_collection
from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from tests.support import copy_project, run_fiches


def test_generated_collection_passes_fiches_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet", with_fiches=False)
    numbers = write_collection(project, 60, per_chapter=25)
    assert numbers[:2] == ["1.1", "1.2"] and numbers[-1] == "3.10"
    result = run_fiches("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "60 fichiers vérifiés, 0 erreur, 0 avertissement, 0 info" in result.stderr

    collection = load_collection(ProjectPaths.at(project))
    assert len(collection.fiches) == 60
    assert sorted(collection.index.by_chapter) == [1, 2, 3]
    assert collection.registries.chapter(2).title  # chapters are titled
    practices = [p for f in collection.fiches for p in f.practices]
    assert practices and all(p.credits for p in practices)
    assert all(f.stakes and len({s.kind for s in f.stakes}) >= 2 for f in collection.fiches)
    assert sum(len(refs) for refs in collection.index.cites.values()) > 60
    assert len(collection.index.fiches_of_structure) >= 6
    assert len(collection.index.fiches_of_theme) == len(collection.registries.themes)


def test_generated_fiches_read_like_the_real_ones(tmp_path: Path) -> None:
    project = tmp_path / "projet"
    write_collection(project, 30)
    text = (project / "fiches" / "1.7.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    words = len(re.sub(r"\{\{.*?\}\}", "X", body).split())
    assert 450 <= words <= 800
    assert "## Contexte et enjeux" in body and "## Les pratiques des structures du MES" in body
    assert re.search(r'\{ data-enjeu="\w+" \}', body)
    assert re.search(r"\w·(es|ices|ses)\b", text)  # inclusive writing
    assert 'fiche("1.' in body and "fiche n°" in body


def test_generation_is_deterministic_and_nested(tmp_path: Path) -> None:
    small = tmp_path / "a"
    large = tmp_path / "b"
    write_collection(small, 20, seed=3)
    write_collection(large, 40, seed=3)
    for number in fiche_numbers(20):
        name = f"{number}.md"
        assert (small / "fiches" / name).read_bytes() == (large / "fiches" / name).read_bytes()
    other = tmp_path / "c"
    write_collection(other, 20, seed=4)
    assert (other / "fiches" / "1.1.md").read_bytes() != (small / "fiches" / "1.1.md").read_bytes()

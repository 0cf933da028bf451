"""Unchanged fiches are reused between two loads (mkdocs serve), and only they."""

from __future__ import annotations

import os
from pathlib import Path

from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from macros.index.fiche_cache import FicheCache


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_second_load_reuses_every_unchanged_fiche(project: Path) -> None:
    cache = FicheCache()
    first = load_collection(ProjectPaths.at(project), cache=cache)
    assert cache.hits == 0
    second = load_collection(ProjectPaths.at(project), cache=cache)
    assert cache.hits == len(first.fiches) > 0
    assert [d.format() for d in second.report.items] == [d.format() for d in first.report.items]
    assert [str(f.number) for f in second.fiches] == [str(f.number) for f in first.fiches]


def test_edited_fiche_is_parsed_again(project: Path) -> None:
    cache = FicheCache()
    load_collection(ProjectPaths.at(project), cache=cache)
    fiche = project / "fiches" / "1.5.md"
    fiche.write_text(
        fiche.read_text(encoding="utf-8").replace("Mais aussi", "Mais encore"), encoding="utf-8"
    )
    _touch_later(fiche)
    again = load_collection(ProjectPaths.at(project), cache=cache)
    assert cache.hits == 0
    assert "Mais encore" in again.fiches[0].body


def test_edited_fiche_errors_are_reported_then_cleared(project: Path) -> None:
    cache = FicheCache()
    fiche = project / "fiches" / "1.5.md"
    good = fiche.read_text(encoding="utf-8")
    fiche.write_text(good.replace('structure("ARDES")', 'structure("ARDESS")', 1), "utf-8")
    broken = load_collection(ProjectPaths.at(project), cache=cache)
    assert any(d.code == "structure-inconnue" for d in broken.report.items)
    # Reused from the cache, the diagnostics are the same.
    again = load_collection(ProjectPaths.at(project), cache=cache)
    assert cache.hits == 1
    assert any(d.code == "structure-inconnue" for d in again.report.items)
    fiche.write_text(good, encoding="utf-8")
    _touch_later(fiche)
    fixed = load_collection(ProjectPaths.at(project), cache=cache)
    assert not fixed.report.has_errors


def test_registry_change_empties_the_cache(project: Path) -> None:
    cache = FicheCache()
    load_collection(ProjectPaths.at(project), cache=cache)
    registry = project / "fiches" / "registres" / "structures.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("slug: ardes", "slug: ardes-normandie"),
        encoding="utf-8",
    )
    _touch_later(registry)
    reloaded = load_collection(ProjectPaths.at(project), cache=cache)
    assert cache.hits == 0
    # Fiche 1.5 credits ARDES by name: it now resolves to the renamed slug.
    assert "ardes-normandie" in reloaded.fiches[0].structures()


def test_deleted_fiche_leaves_the_cache(project: Path) -> None:
    cache = FicheCache()
    load_collection(ProjectPaths.at(project), cache=cache)
    (project / "fiches" / "1.5.md").unlink()
    emptied = load_collection(ProjectPaths.at(project), cache=cache)
    assert emptied.fiches == []
    assert "fiches/1.5.md" not in cache.entries

"""The structure × theme matrix: how many practices each structure has on each theme.

A practice counts for every theme of its fiche, so a row's total (the
structure's practices) is not the sum of its cells.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from macros.core.model import Structure, Theme
from macros.core.names import fold
from macros.index.collection import Collection


@dataclass(frozen=True)
class MatrixRow:
    structure: Structure
    cells: tuple[int, ...]  # one per column, in column order
    total: int  # the structure's practices, all themes


@dataclass(frozen=True)
class Matrix:
    themes: tuple[Theme, ...]
    rows: tuple[MatrixRow, ...]


def build_matrix(collection: Collection) -> Matrix:
    reg = collection.registries
    index = collection.index
    themes = tuple(sorted(reg.themes.values(), key=lambda t: fold(t.label)))
    rows = []
    for structure in sorted(reg.structures.values(), key=lambda s: fold(s.short_name)):
        practices = index.practices_of.get(structure.slug, [])
        per_theme = Counter(theme for fiche, _ in practices for theme in set(fiche.themes))
        rows.append(MatrixRow(structure, tuple(per_theme[t.slug] for t in themes), len(practices)))
    return Matrix(themes, tuple(rows))

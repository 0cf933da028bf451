"""The catalogue's data: every fiche and every practice, with their facet values,
and the structure × theme matrix that links to its filters.

A practice belongs to its fiche's chapter and themes and to the structures
its closing parenthesis credits; a fiche to every structure it names. In the
matrix, a practice counts for every theme of its fiche, so a row's total (the
structure's practices) is not the sum of its cells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from macros.core.model import Fiche, Structure, Theme
from macros.core.names import fold
from macros.index.collection import Collection
from macros.index.plain_text import excerpt

FICHE = "fiche"
PRACTICE = "pratique"
KIND_LABELS = ((FICHE, "Fiches", ""), (PRACTICE, "Pratiques", ""))


@dataclass(frozen=True)
class Entry:
    kind: str  # FICHE or PRACTICE
    fiche: Fiche
    rank: int  # the practice's rank; 0 for a fiche
    themes: tuple[str, ...]
    structures: tuple[str, ...]
    text: str  # plain text: the fiche's summary or the practice's excerpt

    @property
    def anchor(self) -> str:
        return f"pratique-{self.rank}" if self.rank else ""


@dataclass(frozen=True)
class FacetValue:
    id: str
    label: str
    count: int
    title: str = ""


@dataclass(frozen=True)
class Facet:
    name: str  # the URL key: type, chapitre, theme, structure
    legend: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...]
    facets: tuple[Facet, ...]

    def count(self, kind: str) -> int:
        return sum(1 for e in self.entries if e.kind == kind)


def _facet(
    name: str, legend: str, counts: Counter[Any], values: Iterable[tuple[Any, str, str]]
) -> Facet:
    found = (FacetValue(str(key), label, counts[key], title) for key, label, title in values)
    return Facet(name, legend, tuple(v for v in found if v.count))


def build_catalogue(collection: Collection) -> Catalogue:
    reg = collection.registries
    entries: list[Entry] = []
    for fiche in collection.index.fiches.values():
        themes = tuple(t for t in dict.fromkeys(fiche.themes) if t in reg.themes)
        structures = tuple(s for s in fiche.structures() if s in reg.structures)
        entries.append(Entry(FICHE, fiche, 0, themes, structures, fiche.summary))
        for practice in fiche.practices:
            credits = tuple(s for s in dict.fromkeys(practice.credits) if s in reg.structures)
            text = excerpt(collection.plain(practice.text))
            entries.append(Entry(PRACTICE, fiche, practice.rank, themes, credits, text))
    chapters = Counter(e.fiche.chapter for e in entries)
    all_themes = sorted(reg.themes.values(), key=lambda t: fold(t.label))
    all_structures = sorted(reg.structures.values(), key=lambda s: fold(s.short_name))
    facets = (
        _facet("type", "Type", Counter(e.kind for e in entries), KIND_LABELS),
        _facet(
            "chapitre",
            "Chapitre",
            chapters,
            [(n, reg.chapter(n).label, "") for n in sorted(chapters)],
        ),
        _facet(
            "theme",
            "Thème",
            Counter(t for e in entries for t in e.themes),
            [(t.slug, t.label, t.description) for t in all_themes],
        ),
        _facet(
            "structure",
            "Structure",
            Counter(s for e in entries for s in e.structures),
            [(s.slug, s.short_name, s.name) for s in all_structures],
        ),
    )
    return Catalogue(tuple(entries), facets)


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

"""«Fiches liées»: the fiches closest to a fiche by shared themes and structures.

Scored as Hugo's related content: a fiche earns a dimension's weight once per
value it shares. Ties go to more shared themes, then the lower number. A score
depends only on the fiches' themes and structures, their signature: each
signature is ranked once against the others, never fiche against fiche.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from macros.core.model import Fiche
from macros.index.cross_refs import Index

# A theme is chosen by the fiche's editors; a structure may only be named in
# passing, hence the lower weight.
THEME_WEIGHT = 2
STRUCTURE_WEIGHT = 1
RELATED_LIMIT = 5

Signature = tuple[frozenset[str], frozenset[str]]  # themes, structures
# From the best score down: (score, the groups of that score and number of
# shared themes), each group in reading order.
Levels = list[tuple[int, list[list[Fiche]]]]


@dataclass(frozen=True)
class Related:
    fiche: Fiche
    score: int
    themes: list[str]  # shared theme slugs, in the first fiche's order
    structures: list[str]  # shared structure slugs


def related_fiches(
    index: Index,
    fiche: Fiche,
    *,
    limit: int = RELATED_LIMIT,
    exclude: frozenset[str] = frozenset(),
) -> list[Related]:
    """The `limit` best-scored fiches sharing a theme or a structure with `fiche`."""
    themes = list(dict.fromkeys(fiche.themes))
    structures = fiche.structures()
    skip = {fiche.number.text, *exclude}
    found: list[Related] = []
    if index.related_levels is None:
        index.related_levels = _ranker(index)
    for score, groups in index.related_levels((frozenset(themes), frozenset(structures))):
        # Groups of one level tie: their fiches are merged in reading order.
        merged = heapq.merge(*groups, key=lambda f: index.rank[f.number.text])
        for other in merged:
            if other.number.text in skip:
                continue
            theirs = set(other.structures())
            found.append(
                Related(
                    other,
                    score,
                    [t for t in themes if t in other.themes],
                    [s for s in structures if s in theirs],
                )
            )
            if len(found) == limit:
                return found
    return found


def _ranker(index: Index) -> Callable[[Signature], Levels]:
    """The levels of a signature, each worked out once for this index."""
    members: dict[Signature, list[Fiche]] = {}
    for fiche in index.fiches.values():  # reading order
        signature = (frozenset(fiche.themes), frozenset(fiche.structures()))
        members.setdefault(signature, []).append(fiche)

    @cache
    def levels(signature: Signature) -> Levels:
        themes, structures = signature
        by_level: dict[tuple[int, int], list[list[Fiche]]] = {}
        for (their_themes, their_structures), group in members.items():
            shared = len(themes & their_themes)
            score = THEME_WEIGHT * shared + STRUCTURE_WEIGHT * len(structures & their_structures)
            if score > 0:
                by_level.setdefault((score, shared), []).append(group)
        return [(level[0], by_level[level]) for level in sorted(by_level, reverse=True)]

    return levels

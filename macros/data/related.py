"""«Fiches liées»: the fiches closest to a fiche by shared themes and structures.

Scored as Hugo's related content: a fiche earns a dimension's weight once per
value it shares. Ties go to more shared themes, then the lower number. A score
depends only on the fiches' themes and structures, their signature: each
signature is ranked once against the others, never fiche against fiche.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

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


@dataclass
class SignatureGroups:
    """Fiches by signature, in reading order, and the rankings worked out so far."""

    members: dict[Signature, list[Fiche]] = field(default_factory=dict)
    rankings: dict[tuple[Signature, int, int], Levels] = field(default_factory=dict)

    def levels(self, signature: Signature, theme_weight: int, structure_weight: int) -> Levels:
        key = (signature, theme_weight, structure_weight)
        if key not in self.rankings:
            themes, structures = signature
            by_level: dict[tuple[int, int], list[list[Fiche]]] = {}
            for (their_themes, their_structures), members in self.members.items():
                shared = len(themes & their_themes)
                score = theme_weight * shared + structure_weight * len(
                    structures & their_structures
                )
                if score > 0:
                    by_level.setdefault((score, shared), []).append(members)
            self.rankings[key] = [(level[0], by_level[level]) for level in sorted(by_level)[::-1]]
        return self.rankings[key]


def related_fiches(
    index: Index,
    fiche: Fiche,
    *,
    limit: int = RELATED_LIMIT,
    exclude: frozenset[str] = frozenset(),
    theme_weight: int = THEME_WEIGHT,
    structure_weight: int = STRUCTURE_WEIGHT,
) -> list[Related]:
    """The `limit` best-scored fiches sharing a theme or a structure with `fiche`."""
    if theme_weight < 0 or structure_weight < 0:
        raise ValueError("related_fiches: weights must be zero or more")
    if limit <= 0:
        return []
    themes = list(dict.fromkeys(fiche.themes))
    structures = fiche.structures()
    signature = (frozenset(themes), frozenset(structures))
    skip = {fiche.number.text, *exclude}
    found: list[Related] = []
    for score, groups in _groups(index).levels(signature, theme_weight, structure_weight):
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


def _groups(index: Index) -> SignatureGroups:
    if index.related_groups is None:
        groups = SignatureGroups()
        for fiche in index.fiches.values():  # reading order
            signature = (frozenset(fiche.themes), frozenset(fiche.structures()))
            groups.members.setdefault(signature, []).append(fiche)
        index.related_groups = groups
    assert isinstance(index.related_groups, SignatureGroups)
    return index.related_groups

"""«Fiches liées»: the fiches closest to a fiche by shared themes and structures.

Scored as Hugo's related content is: each dimension has a weight, a fiche
earns the weight once per value it shares, the best `limit` are kept. Ties go
to the more shared themes, then to the lower fiche number, so every build
ranks the same way.

A score depends only on the two fiches' sets of themes and structures. So
the fiches are indexed by that pair, their signature (an inverted index from
signature to fiches, built in one pass), and each distinct signature is scored
once against the distinct signatures, never fiche against fiche: the cost
follows the number of signatures, which the registries bound, not the number
of fiches. Counting per fiche through theme and structure lists instead grew
with the square of the collection, since every list grows with it.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from .index import Index
from .model import Fiche

# A theme is chosen by the fiche's editors; a structure may only be named in
# passing, hence the lower weight.
THEME_WEIGHT = 2
STRUCTURE_WEIGHT = 1
RELATED_LIMIT = 5


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
    theme_weight: int = THEME_WEIGHT,
    structure_weight: int = STRUCTURE_WEIGHT,
) -> list[Related]:
    """The `limit` best-scored fiches sharing a theme or a structure with `fiche`.

    `exclude` holds numbers never to list (the fiches it already cites).
    """
    if limit <= 0:
        return []
    groups = _signature_groups(index)
    themes = list(dict.fromkeys(fiche.themes))
    structures = fiche.structures()
    theme_mask = groups.mask(themes, groups.theme_bit)
    structure_mask = groups.mask(structures, groups.structure_bit)
    order = groups.ranking(theme_mask, structure_mask, theme_weight, structure_weight)
    skip = {fiche.number.text, *exclude}
    rank = index.rank
    found: list[Related] = []
    level = 0
    while level < len(order) and len(found) < limit:
        # Signatures with the same score and shared themes tie: their fiches
        # are merged in reading order.
        end = level
        while end < len(order) and order[end][:2] == order[level][:2]:
            end += 1
        tied = [groups.members[group] for _, _, group in order[level:end]]
        for other in heapq.merge(*tied, key=lambda f: rank[f.number.text]):
            if other.number.text in skip:
                continue
            named = set(other.structures())
            found.append(
                Related(
                    other,
                    -order[level][0],
                    [t for t in themes if t in other.themes],
                    [s for s in structures if s in named],
                )
            )
            if len(found) == limit:
                break
        level = end
    return found


@dataclass
class SignatureGroups:
    """Fiches grouped by their (themes, structures) signature, as bit masks."""

    theme_bit: dict[str, int] = field(default_factory=dict)
    structure_bit: dict[str, int] = field(default_factory=dict)
    masks: list[tuple[int, int]] = field(default_factory=list)  # per group
    members: list[list[Fiche]] = field(default_factory=list)  # per group, reading order
    # (fiche's masks, weights) -> [(-score, -shared themes, group)], best first.
    _rankings: dict[tuple[int, int, int, int], list[tuple[int, int, int]]] = field(
        default_factory=dict
    )

    @staticmethod
    def mask(values: list[str], bits: dict[str, int]) -> int:
        out = 0
        for value in values:
            out |= 1 << bits.setdefault(value, len(bits))
        return out

    def ranking(
        self, themes: int, structures: int, theme_weight: int, structure_weight: int
    ) -> list[tuple[int, int, int]]:
        key = (themes, structures, theme_weight, structure_weight)
        found = self._rankings.get(key)
        if found is None:
            found = []
            for group, (other_themes, other_structures) in enumerate(self.masks):
                shared = (themes & other_themes).bit_count()
                score = (
                    theme_weight * shared
                    + structure_weight * (structures & other_structures).bit_count()
                )
                if score > 0:
                    found.append((-score, -shared, group))
            found.sort()
            self._rankings[key] = found
        return found


def _signature_groups(index: Index) -> SignatureGroups:
    """Built on first use and kept on the index, which each build makes anew."""
    groups = index.related_groups
    if groups is None:
        groups = SignatureGroups()
        position: dict[tuple[int, int], int] = {}
        for fiche in index.fiches.values():  # reading order
            masks = (
                groups.mask(list(dict.fromkeys(fiche.themes)), groups.theme_bit),
                groups.mask(fiche.structures(), groups.structure_bit),
            )
            group = position.get(masks)
            if group is None:
                group = position[masks] = len(groups.masks)
                groups.masks.append(masks)
                groups.members.append([])
            groups.members[group].append(fiche)
        index.related_groups = groups
    assert isinstance(groups, SignatureGroups)
    return groups

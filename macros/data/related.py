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
from collections.abc import Iterator
from dataclasses import dataclass, field

from macros.core.model import Fiche
from macros.index.cross_refs import Index

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

    `exclude` holds numbers never to list (the fiches it already cites);
    weights are whole numbers, zero or more.
    """
    if theme_weight < 0 or structure_weight < 0:
        raise ValueError("related_fiches: weights must be zero or more")
    if limit <= 0:
        return []
    groups = _signature_groups(index)
    themes = list(dict.fromkeys(fiche.themes))
    structures = fiche.structures()
    theme_mask = groups.mask(themes, groups.theme_bit)
    structure_mask = groups.mask(structures, groups.structure_bit)
    skip = {fiche.number.text, *exclude}
    rank = index.rank
    found: list[Related] = []
    for score, tied in groups.ranking(theme_mask, structure_mask, theme_weight, structure_weight):
        # Signatures with the same score and shared themes tie: their fiches
        # are merged in reading order.
        members = [groups.members[group] for group in tied]
        merged = (
            members[0]
            if len(members) == 1
            else heapq.merge(*members, key=lambda f: rank[f.number.text])
        )
        for other in merged:
            if other.number.text in skip:
                continue
            shared = structure_mask & groups.masks[groups.group_of[other.number.text]][1]
            found.append(
                Related(
                    other,
                    score,
                    [t for t in themes if t in other.themes],
                    [s for s in structures if shared >> groups.structure_bit[s] & 1],
                )
            )
            if len(found) == limit:
                return found
    return found


@dataclass
class SignatureGroups:
    """Fiches grouped by their (themes, structures) signature, as bit masks."""

    theme_bit: dict[str, int] = field(default_factory=dict)
    structure_bit: dict[str, int] = field(default_factory=dict)
    masks: list[tuple[int, int]] = field(default_factory=list)  # per group
    members: list[list[Fiche]] = field(default_factory=list)  # per group, reading order
    group_of: dict[str, int] = field(default_factory=dict)  # fiche number -> group
    # (fiche's masks, weights) -> each group's score against that signature.
    _rankings: dict[tuple[int, int, int, int], list[int]] = field(default_factory=dict)
    # (weights, width) -> each group's signature, packed (see _pack).
    _packed: dict[tuple[int, int, int], list[int]] = field(default_factory=dict)

    @staticmethod
    def mask(values: list[str], bits: dict[str, int]) -> int:
        out = 0
        for value in values:
            out |= 1 << bits.setdefault(value, len(bits))
        return out

    def ranking(
        self, themes: int, structures: int, theme_weight: int, structure_weight: int
    ) -> Iterator[tuple[int, list[int]]]:
        """(score, groups) from the best score down, ties split by shared
        themes; groups in reading order, only those that share something."""
        key = (themes, structures, theme_weight, structure_weight)
        scores = self._rankings.get(key)
        if scores is None:
            width = max(len(self.theme_bit), len(self.structure_bit))
            packed = self._packed.get((theme_weight, structure_weight, width))
            if packed is None:
                packed = [_pack(t, s, theme_weight, structure_weight, width) for t, s in self.masks]
                self._packed[(theme_weight, structure_weight, width)] = packed
            query = _pack(themes, structures, theme_weight, structure_weight, width)
            # One AND and one popcount per signature, both in C (map).
            scores = list(map(int.bit_count, map(query.__and__, packed)))
            self._rankings[key] = scores
        return self._levels(scores, themes)

    def _levels(self, scores: list[int], themes: int) -> Iterator[tuple[int, list[int]]]:
        # Lazily: a fiche page needs the first few levels, seldom more.
        for score in sorted(set(scores), reverse=True):
            if score <= 0:
                return
            by_themes: dict[int, list[int]] = {}
            group = -1
            for _ in range(scores.count(score)):
                group = scores.index(score, group + 1)
                shared = (themes & self.masks[group][0]).bit_count()
                by_themes.setdefault(shared, []).append(group)
            for shared in sorted(by_themes, reverse=True):
                yield score, by_themes[shared]


def _pack(
    themes: int, structures: int, theme_weight: int, structure_weight: int, width: int
) -> int:
    """Each mask repeated as many times as its weight, side by side in fields
    of `width` bits: the popcount of two packed signatures' AND is their score."""
    field_mask = (1 << width) - 1
    out = 0
    for mask in [themes] * theme_weight + [structures] * structure_weight:
        # A value no group holds has a bit beyond the width: it scores nothing.
        out = out << width | (mask & field_mask)
    return out


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
            groups.group_of[fiche.number.text] = group
        index.related_groups = groups
    assert isinstance(groups, SignatureGroups)
    return groups

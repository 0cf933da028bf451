"""«Fiches liées»: the fiches closest to a fiche by shared themes and structures.

Scored as Hugo's related content is: each dimension has a weight, a fiche
earns the weight once per value it shares, the best `limit` are kept. Only
fiches found through the index's inverted lists (theme → fiches, structure →
fiches) are ever scored, so the cost follows the overlaps, not the number of
pairs. Ties go to the more shared themes, then to the lower fiche number, so
every build ranks the same way.
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


@dataclass
class Related:
    fiche: Fiche
    score: int = 0
    themes: list[str] = field(default_factory=list)  # shared theme slugs, in `fiche`'s order
    structures: list[str] = field(default_factory=list)  # shared structure slugs


# Scores accumulate as one integer per candidate: the weighted score, then the
# number of shared themes as the first tie-break (at most 1023 themes).
_SCORE_UNIT = 1024
_RANK_SPACE = 1 << 32


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
    Plain integers per candidate keep a large collection with few, widely
    shared themes affordable; the shared values are listed for the winners only.
    """
    acc: dict[str, int] = {}
    get = acc.get
    themes = list(dict.fromkeys(fiche.themes))
    structures = fiche.structures()
    theme_hit = theme_weight * _SCORE_UNIT + 1
    for theme in themes:
        for other in index.fiches_of_theme.get(theme, ()):
            key = other.number.text
            acc[key] = get(key, 0) + theme_hit
    structure_hit = structure_weight * _SCORE_UNIT
    for slug in structures:
        for other in index.fiches_of_structure.get(slug, ()):
            key = other.number.text
            acc[key] = get(key, 0) + structure_hit
    acc.pop(fiche.number.text, None)
    for number in exclude:
        acc.pop(number, None)
    rank = index.rank
    best = heapq.nlargest(limit, acc, key=lambda n: acc[n] * _RANK_SPACE - rank[n])
    found = []
    for number in best:
        other = index.fiches[number]
        shared_themes = [t for t in themes if t in other.themes]
        named = set(other.structures())
        shared_structures = [s for s in structures if s in named]
        score = theme_weight * len(shared_themes) + structure_weight * len(shared_structures)
        found.append(Related(other, score, shared_themes, shared_structures))
    return found

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
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter

from .index import Index
from .model import Fiche

# A theme is chosen by the fiche's editors; a structure may only be named in
# passing, hence the lower weight.
THEME_WEIGHT = 2
STRUCTURE_WEIGHT = 1
RELATED_LIMIT = 5

_number = attrgetter("number.text")  # C-level, like the counting it feeds


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
    Counting runs in Counter's C loop and the full ranking key is computed
    only for the fiches that reach the `limit`-th best score, so that a large
    collection with a few widely shared themes stays affordable.
    """
    themes = list(dict.fromkeys(fiche.themes))
    structures = fiche.structures()
    shared_themes: Counter[str] = Counter()
    scores: Counter[str] = Counter()
    for theme in themes:
        fiches = index.fiches_of_theme.get(theme, ())
        shared_themes.update(map(_number, fiches))
        for _ in range(theme_weight):
            scores.update(map(_number, fiches))
    for slug in structures:
        fiches = index.fiches_of_structure.get(slug, ())
        for _ in range(structure_weight):
            scores.update(map(_number, fiches))
    for number in (fiche.number.text, *exclude):
        scores.pop(number, None)
    if not scores or limit <= 0:
        return []
    threshold = heapq.nlargest(limit, scores.values())[-1]
    rank = index.rank
    contenders = [n for n, score in scores.items() if score >= threshold]
    contenders.sort(key=lambda n: (-scores[n], -shared_themes[n], rank[n]))
    found = []
    for number in contenders[:limit]:
        other = index.fiches[number]
        named = set(other.structures())
        found.append(
            Related(
                other,
                scores[number],
                [t for t in themes if t in other.themes],
                [s for s in structures if s in named],
            )
        )
    return found

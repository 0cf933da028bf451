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
    own = str(fiche.number)
    found: dict[str, Related] = {}

    def candidate(other: Fiche) -> Related | None:
        number = str(other.number)
        if number == own or number in exclude:
            return None
        return found.setdefault(number, Related(other))

    for theme in dict.fromkeys(fiche.themes):
        for other in index.fiches_of_theme.get(theme, []):
            entry = candidate(other)
            if entry is not None:
                entry.score += theme_weight
                entry.themes.append(theme)
    for slug in fiche.structures():
        for other in index.fiches_of_structure.get(slug, []):
            entry = candidate(other)
            if entry is not None:
                entry.score += structure_weight
                entry.structures.append(slug)
    return heapq.nsmallest(
        limit,
        found.values(),
        key=lambda r: (-r.score, -len(r.themes), r.fiche.number),
    )

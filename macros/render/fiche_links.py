"""The «Fiches liées» block of a fiche page (overrides/partials/fiches-liees.html).

Fiches it cites, fiches close by themes and structures (macros/data/related.py),
and backlinks: the fiches whose «fiche n°…» references point to it.
"""

from __future__ import annotations

from typing import Any

from macros.core.model import Fiche
from macros.data.related import related_fiches
from macros.index.collection import Collection
from macros.render.links import PENDING_TITLE

# The block's headings, for the page's table of contents: (title, id).
HEADINGS = (("Fiches liées", "fiches-liees"), ("Cette fiche est citée par", "citee-par"))


def _reasons(themes: list[str], structures: list[str], collection: Collection) -> str:
    reg = collection.registries
    parts = []
    if themes:
        word = "thème commun" if len(themes) == 1 else "thèmes communs"
        parts.append(f"{word} : " + ", ".join(reg.themes[t].label for t in themes))
    if structures:
        word = "structure commune" if len(structures) == 1 else "structures communes"
        parts.append(f"{word} : " + ", ".join(reg.structures[s].short_name for s in structures))
    return " · ".join(parts)


def links_view(fiche: Fiche, collection: Collection) -> dict[str, Any]:
    """Fiches, not URLs: the template gets their URLs with page_url."""
    index = collection.index
    number = str(fiche.number)
    cited = index.cites.get(number, [])
    related = related_fiches(index, fiche, exclude=frozenset(cited))
    return {
        # (number, its fiche or None when it is not published yet)
        "cites": [(ref, index.fiche(ref)) for ref in cited],
        "related": [(r.fiche, _reasons(r.themes, r.structures, collection)) for r in related],
        "cited_by": index.cited_by.get(number, []),
        "pending_title": PENDING_TITLE,
    }

"""The «Fiches liées» block of a fiche page (overrides/partials/fiches-liees.html).

Fiches it cites, fiches close by themes and structures (macros/data/related.py),
and backlinks: the fiches whose «fiche n°…» references point to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.core.model import Fiche
from macros.data.related import related_fiches
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
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


def links_view(
    fiche: Fiche, collection: Collection, url_of: Callable[[str], str]
) -> dict[str, Any]:
    index = collection.index
    number = str(fiche.number)
    cited = index.cites.get(number, [])
    cites = []
    for ref in cited:
        target = index.fiche(ref)
        if target is None:
            cites.append({"number": ref, "label": f"Fiche {ref}", "url": None})
        else:
            cites.append({"number": ref, "label": fiche_label(target), "url": url_of(target.page)})
    related = [
        {
            "number": str(r.fiche.number),
            "label": fiche_label(r.fiche),
            "url": url_of(r.fiche.page),
            "reasons": _reasons(r.themes, r.structures, collection),
        }
        for r in related_fiches(index, fiche, exclude=frozenset(cited))
    ]
    cited_by = [
        {"number": str(f.number), "label": fiche_label(f), "url": url_of(f.page)}
        for f in index.cited_by.get(number, [])
    ]
    return {
        "cites": cites,
        "related": related,
        "cited_by": cited_by,
        "pending_title": PENDING_TITLE,
    }

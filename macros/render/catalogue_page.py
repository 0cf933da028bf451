"""The catalogue page (`catalogue.md`): its Markdown intro and its template's view model.

The list itself comes from `overrides/catalogue.html`, so that its links
follow MkDocs' URL settings and its filter links (`#structure=…`) escape
anchor validation. Each entry carries its facet values as data attributes:
the page is its own data, readable without JavaScript and from file://.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.core.wording import plural
from macros.data.catalogue import FICHE, build_catalogue
from macros.index.collection import Collection

PAGE = "catalogue.md"
MATRIX_PAGE = "matrice.md"


def catalogue_view(collection: Collection, url_of: Callable[[str], str]) -> dict[str, Any]:
    """What `overrides/catalogue.html` lists; URLs are site-root relative."""
    reg = collection.registries
    catalogue = build_catalogue(collection)
    entries = []
    for entry in catalogue.entries:
        fiche = entry.fiche
        url = url_of(fiche.page)
        item: dict[str, Any] = {
            "kind": entry.kind,
            "fiche": str(fiche.number),
            "rank": entry.rank,
            "title": f"Fiche {fiche.number} — {fiche.title}",
            "url": f"{url}#{entry.anchor}" if entry.anchor else url,
            "text": entry.text,
            "structures": " ".join(entry.structures),
            "structure_labels": [reg.structures[s].short_name for s in entry.structures],
        }
        if entry.kind == FICHE:
            # Practices inherit these from their fiche's entry (see catalogue.js).
            item["chapter"] = entry.chapter
            item["chapter_label"] = reg.chapter(entry.chapter).label
            item["themes"] = " ".join(entry.themes)
            item["theme_labels"] = [reg.themes[t].label for t in entry.themes]
            item["status_label"] = "" if fiche.status == "publiee" else fiche.status_label
        entries.append(item)
    fiches = catalogue.count(FICHE)
    practices = len(catalogue.entries) - fiches
    return {
        "facets": catalogue.facets,
        "entries": entries,
        "summary": f"{plural(fiches, 'fiche')} et {plural(practices, 'pratique')}",
    }

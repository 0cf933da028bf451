"""What the reader partials of a fiche page show: update date and citation."""

from __future__ import annotations

from typing import Any

from macros.core.model import Fiche
from macros.data.citation import AUTHOR, citation
from macros.data.history import Change, french_date
from macros.render.reader_files import citation_paths


def reader_view(fiche: Fiche, change: Change | None, url: str) -> dict[str, Any]:
    """Keys added to the `fiche` view model (see overrides/partials/citer.html)."""
    cite = citation(fiche, change, url)
    view: dict[str, Any] = {
        "citation": {
            "author": AUTHOR,
            "title": cite.title,
            "number": cite.number,
            "year": cite.year,
            "url": cite.url,
            "text": cite.text,
            "downloads": citation_paths(fiche),
        },
    }
    if change is not None:
        view["updated"] = change.date.isoformat()
        view["updated_label"] = french_date(change.date)
    return view

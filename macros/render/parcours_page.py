"""Parcours booklets: the session plan, then the full text of each fiche, ready to print.

Three kinds of pages: one per parcours (/parcours/<slug>/), the list of all
parcours (/parcours/), and the whole collection as one booklet (/impression/),
which `fiches pdf` prints alongside the parcours. Their Markdown is written
by overrides/pages/parcours.md, parcours-index.md and impression.md.
"""

from __future__ import annotations

from typing import Any

from macros.core.model import Fiche
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.index.parcours import Parcours
from macros.render.embedded_fiche import embedded_body, practice_id, section_id
from macros.render.embedded_html import can_reuse_page_html, placeholder
from macros.render.html_blocks import PageSource, markdown_page

INDEX_PAGE = "parcours/index.md"
COLLECTION_PAGE = "impression.md"


def _body(fiche: Fiche, selected: tuple[int, ...]) -> str:
    # The fiche page's HTML goes in its place (embedded_html.py), unless the
    # body's own markup needs converting again.
    if can_reuse_page_html(fiche):
        return placeholder(fiche, selected)
    return embedded_body(fiche, selected)


def _booklet(collection: Collection, page: str, **data: Any) -> PageSource:
    return markdown_page(
        collection, page, section_id=section_id, practice_id=practice_id, body=_body, **data
    )


def parcours_source(parcours: Parcours, collection: Collection) -> PageSource:
    steps = [(step, collection.index.fiches[step.number]) for step in parcours.steps]
    fiches = " · ".join(fiche_label(f) for _, f in steps)
    return _booklet(collection, "parcours.md", parcours=parcours, steps=steps, fiches=fiches)


def collection_booklet(collection: Collection) -> PageSource:
    return _booklet(collection, "impression.md")

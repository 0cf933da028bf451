"""Markdown and HTML for links to structures, themes and fiches.

Links use docs-rooted paths (`/structures/pes-21.md`), which MkDocs resolves
and validates (`validation.links.absolute_links: relative_to_docs`), so a
macro's output is the same on every page and a dead link fails the build.
"""

from __future__ import annotations

import html

from macros.core.model import Structure, Theme
from macros.index.cross_refs import Index
from macros.index.macro_words import fiche_label, fiche_words

PENDING_TITLE = "Fiche à paraître : elle n'est pas encore publiée dans le centre de ressources"


def escape_text(text: str) -> str:
    """Link text: brackets and backslashes would break the Markdown link, braces
    would make an attribute list, chevrons raw HTML (docs/securite.md)."""
    for char in "\\[]{}":
        text = text.replace(char, "\\" + char)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def link(text: str, target: str, title: str | None = None) -> str:
    suffix = f' "{html.escape(title)}"' if title else ""
    return f"[{escape_text(text)}](/{target}{suffix})"


def structure_link(structure: Structure, text: str | None = None) -> str:
    return link(text or structure.short_name, structure.page, structure.name)


def theme_link(theme: Theme, text: str | None = None) -> str:
    return link(text or theme.label, theme.page, theme.description)


def fiche_link(index: Index, number: str, text: str | None = None) -> str:
    """A link to fiche `number`, or its «à paraître» mark when it is not published yet.

    A former number (`anciens_numeros`) links to the fiche that carries it now.
    """
    fiche = index.resolve(number)
    if fiche is None:
        shown = html.escape(text or fiche_words(None, number))
        return (
            f'<span class="fiche-a-paraitre" title="{html.escape(PENDING_TITLE)}" '
            f'data-numero="{html.escape(number)}">{shown}</span>'
        )
    return link(
        text or fiche_words(fiche, number), fiche.page, None if text is None else fiche_label(fiche)
    )

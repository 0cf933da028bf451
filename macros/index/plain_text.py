"""Fiche Markdown as plain text: macro calls become the words a reader sees, marks go."""

from __future__ import annotations

import re
from collections.abc import Sequence

from macros.check.macro_grammar import MacroCall, may_hold_macros, read_macros
from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.index.cross_refs import Index
from macros.index.macro_words import macro_words

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{\s*[:#.][^}]*\}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def plain_text(
    markdown: str,
    registries: Registries,
    index: Index | None = None,
    pieces: Sequence[object] | None = None,
) -> str:
    """One line of text: `**a** ({{ structure("pes-21") }})` → `a (PES 21)`.

    `pieces`: the text already split at its calls by the grammar, when known.
    """
    text = markdown
    if may_hold_macros(markdown):
        if pieces is None:
            found = read_macros(markdown, "", 1, Report())
            # A refused text never reaches a page: it is shown as written.
            pieces = found.pieces if found.ok else [markdown]
        text = "".join(
            piece
            if isinstance(piece, str)
            else macro_words(piece.name, piece.target, piece.text, registries, index)
            for piece in pieces
            if isinstance(piece, str | MacroCall)
        )
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _ATTRS.sub("", text)
    text = _EMPHASIS.sub("", text)
    return one_line(text)


def excerpt(text: str, limit: int = 180) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:.(«")
    return cut + " …"


def one_line(text: str) -> str:
    """Multi-line list-item text, joined so it stays one item when re-listed."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())

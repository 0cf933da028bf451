"""Fiche Markdown as plain text, for the catalogue's excerpts and the open data.

Macro calls become the words a reader sees on the page, Markdown marks go.
The text was validated when the collection loaded, so unknown names only
keep their written form here.
"""

from __future__ import annotations

import re

from .diagnostics import Report
from .jinja_scan import MacroCall, find_calls
from .registries import Registries
from .render.links import display_name
from .render.markdown import one_line

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{\s*[:#.][^}]*\}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def _shown(call: MacroCall, registries: Registries) -> str:
    if call.text:
        return call.text
    if call.name == "structure":
        structure = registries.find_structure(call.target)
        return display_name(structure, call.target) if structure else call.target
    if call.name == "theme":
        theme = registries.find_theme(call.target)
        return theme.label if theme else call.target
    return f"fiche {call.target}"


def plain_text(markdown: str, registries: Registries) -> str:
    """One line of text: `**a** ({{ structure("pes-21") }})` → `a (PES 21)`."""
    calls = find_calls(markdown, "", 1, Report())
    out: list[str] = []
    position = 0
    for call in calls:
        out.append(markdown[position : call.start])
        out.append(_shown(call, registries))
        position = call.end
    out.append(markdown[position:])
    text = "".join(out)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _ATTRS.sub("", text)
    text = _EMPHASIS.sub("", text)
    return one_line(text)


def excerpt(text: str, limit: int = 180) -> str:
    """At most `limit` characters, cut between words."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:.(«")
    return cut + " …"

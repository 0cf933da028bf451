"""Short plain-text openings of practices, for structure pages of large collections.

A structure credited with hundreds of practices cannot show each in full: its
page would weigh megabytes on a phone and dominate the build. Past a threshold
it shows the opening of each practice, with the link to the practice itself.
"""

from __future__ import annotations

import re

from ..registries import Registries

FULL_TEXT_UP_TO = 40  # practices (or stake passages) on one structure page
LENGTH = 140  # characters of an opening, cut on a word

_CALL = re.compile(
    r'\{\{-?\s*(structure|theme|fiche)\(\s*"([^"]*)"\s*(?:,\s*(?:texte\s*=\s*)?"([^"]*)"\s*)?\)\s*-?\}\}'
)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"\*\*|__|`|<[^>]+>")
_MARKS = ("**", "__", "`", "<")


def _name(match: re.Match[str], registries: Registries) -> str:
    kind, target, text = match.group(1), match.group(2), match.group(3)
    if text:
        return text
    if kind == "structure":
        found = registries.find_structure(target)
        return found.short_name if found is not None and target == found.slug else target
    if kind == "theme":
        theme = registries.find_theme(target)
        return theme.label if theme is not None else target
    return f"Fiche {target}"


def opening(text: str, registries: Registries, length: int = LENGTH) -> str:
    """The first words of `text` as plain text, macros shown as the names they display."""
    # A structure page runs this over every practice it credits: the regular
    # expressions only where their first character occurs.
    plain = _CALL.sub(lambda m: _name(m, registries), text) if "{" in text else text
    if "[" in plain:
        plain = _LINK.sub(r"\1", plain)
    if any(mark in plain for mark in _MARKS):
        plain = _MARKUP.sub("", plain)
    plain = " ".join(plain.split())
    if len(plain) <= length:
        return plain
    cut = plain[:length].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + " …"

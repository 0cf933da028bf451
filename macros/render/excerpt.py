"""Short plain-text openings of practices, for structure pages of large collections.

A structure credited with hundreds of practices cannot show each in full: its
page would weigh megabytes on a phone and dominate the build. Past a threshold
it shows the opening of each practice, with the link to the practice itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from macros.check.registries import Registries
from macros.index.cross_refs import Index
from macros.index.plain_text import macros_as_words

FULL_TEXT_UP_TO = 40  # practices (or stake passages) on one structure page
LENGTH = 140  # characters of an opening, cut on a word

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"\*\*|__|`|<[^>]+>")
_MARKS = ("**", "__", "`", "<")


def opening(
    text: str,
    registries: Registries,
    index: Index | None = None,
    length: int = LENGTH,
    pieces: Sequence[object] | None = None,
) -> str:
    """The first words of `text` as plain text, macros shown as the words they display."""
    # A structure page runs this over every practice it credits: the regular
    # expressions only where their first character occurs.
    plain = macros_as_words(text, registries, index, pieces)
    if "[" in plain:
        plain = _LINK.sub(r"\1", plain)
    if any(mark in plain for mark in _MARKS):
        plain = _MARKUP.sub("", plain)
    plain = " ".join(plain.split())
    if len(plain) <= length:
        return plain
    cut = plain[:length].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + " …"

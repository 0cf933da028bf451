"""What of a fiche the search index holds, once the collection is large.

The browser builds Material's search index from the whole JSON file before
showing a first result, so its size is what a reader waits for. Past a
threshold (plugin option `full_text_search_up_to`), a fiche's
«Contexte et enjeux» leaves the index, through Material's documented
`data-search-exclude` attribute on its headings: titles, practices, further
sections and keywords stay searchable, and the page itself is unchanged.
"""

from __future__ import annotations

import re

from macros.check.fiche_body import CONTEXT
from macros.core.names import fold
from macros.render.markdown import NOT_INDEXED

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_ATTR_LIST = re.compile(r"(?<!\{)\{(?!\{)[^{}]*\}$")


def _excluded(line: str) -> str:
    """The heading line with the exclusion added to its attribute list, or one added."""
    stripped = line.rstrip()
    if _ATTR_LIST.search(stripped):
        return stripped[:-1].rstrip() + f" {NOT_INDEXED} }}"
    return f"{stripped} {{ {NOT_INDEXED} }}"


def exclude_context(lines: list[str]) -> None:
    """Mark the «Contexte et enjeux» heading and its sub-headings, in place."""
    inside = False
    wanted = fold(CONTEXT)
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match is None:
            continue
        level, title = len(match.group(1)), _ATTR_LIST.sub("", match.group(2)).strip()
        if level <= 2:
            inside = level == 2 and fold(title) == wanted
        if inside:
            lines[index] = _excluded(line)

"""Dropping the blank lines and indentation of rendered pages.

Material's templates indent every navigation entry over a dozen mostly blank
lines: on a fiche page of a large collection, more than half of the HTML is
whitespace. A run of whitespace holding a line break renders exactly as one
line break, except in preformatted text and scripts, which are kept as they are.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_BREAKS = re.compile(r"\n\s+")


def compact(html: str) -> str:
    out: list[str] = []
    position = 0
    for kept in _KEPT.finditer(html):
        out.append(_BREAKS.sub("\n", html[position : kept.start()]))
        out.append(kept.group(0))
        position = kept.end()
    out.append(_BREAKS.sub("\n", html[position:]))
    return "".join(out)

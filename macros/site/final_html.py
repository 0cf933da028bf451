"""A rendered page's last touches: Material's toggles made valid, whitespace dropped.

Material's templates indent every navigation entry over a dozen mostly blank
lines: on a fiche page of a large collection, more than half of the HTML is
whitespace. A run of whitespace holding a line break renders exactly as one
line break, except in preformatted text and scripts, which are kept as they are.

Material's base.html writes its drawer and search toggles as
`<input type="checkbox" … autocomplete="off">`. The Nu HTML Checker rejects
`autocomplete` on a checkbox, and both inputs sit outside every block of
base.html: short of copying the whole base template, the rendered page is
corrected. Only the exact markup Material writes is replaced, so a Material
upgrade that changes it leaves the page as Material wrote it (and the audit
page, `make audit`, shows the error again). Only Firefox reads the attribute
there: going back to a page, it may now show the menu as the reader left it.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_BREAKS = re.compile(r"\n\s+")


def finish(html: str) -> str:
    """The page without `autocomplete` on Material's two toggle checkboxes, compacted."""
    for name in ("__drawer", "__search"):
        written = f'type="checkbox" id="{name}" autocomplete="off">'
        html = html.replace(written, f'type="checkbox" id="{name}">', 1)
    return compact(html)


def compact(html: str) -> str:
    out: list[str] = []
    position = 0
    for kept in _KEPT.finditer(html):
        out.append(_BREAKS.sub("\n", html[position : kept.start()]))
        out.append(kept.group(0))
        position = kept.end()
    out.append(_BREAKS.sub("\n", html[position:]))
    return "".join(out)

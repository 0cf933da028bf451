"""Macro calls written out before MkDocs sees a generated page.

Compiling every page as a Jinja template was most of the plugin's build cost
on a large collection: generated pages (fiches, and the structure pages that
quote every practice) hold nothing but plain calls such as
`{{ structure("PES 21") }}`. The engine has already checked those calls, so
it writes what the macros would return (the same link functions, which escape
their text) and the sandbox (render/sandbox.py) then has nothing to compile.
A page holding any other Jinja is left, unchanged, to the sandbox, which
refuses what the allow-list does not permit.
"""

from __future__ import annotations

import re

from ..collection import Collection
from .links import display_name, fiche_link, structure_link, theme_link

_LITERAL = r'"([^"\\{}%#\n]*)"'
# Whitespace control (`{{-`) changes the text around a call: left to Jinja.
_CALL = re.compile(
    r"(?<!\{)\{\{[ \t]*(structure|theme|fiche)\([ \t]*"
    + _LITERAL
    + r"(?:[ \t]*,[ \t]*(texte[ \t]*=[ \t]*)?"
    + _LITERAL
    + r")?[ \t]*\)[ \t]*\}\}"
)
_JINJA = ("{{", "{%", "{#")
_FRONT = "---\n"


def _render_body(body: str, collection: Collection) -> str | None:
    if "{{" not in body:
        # No call to write out: only other Jinja would leave it to the sandbox.
        return None if "{%" in body or "{#" in body else body
    reg = collection.registries
    out: list[str] = []
    position = 0
    for match in _CALL.finditer(body):
        out.append(body[position : match.start()])
        position = match.end()
        name, target, text = match.group(1), match.group(2), match.group(4)
        if name == "structure":
            structure = reg.find_structure(target)
            if structure is None:
                return None
            out.append(structure_link(structure, text or display_name(structure, target)))
        elif name == "theme":
            theme = reg.find_theme(target)
            if theme is None:
                return None
            out.append(theme_link(theme, text))
        else:
            out.append(fiche_link(collection.index, target, text))
    out.append(body[position:])
    # Jinja left between the calls goes to the sandbox. The gaps are the body's
    # own text: a call's output may hold braces (escaped) without being Jinja.
    gaps = " ".join(out[::2])
    if any(marker in gaps for marker in _JINJA):
        return None
    return "".join(out)


def without_macros(content: str, collection: Collection) -> str:
    """`content` (front matter and Markdown) with its macro calls written out,
    or unchanged when some of its Jinja is left to the sandbox."""
    if not content.startswith(_FRONT):
        return content
    end = content.find("\n---\n", len(_FRONT) - 1)
    if end < 0:
        return content
    body = content[end + len("\n---\n") :]
    rendered = _render_body(body, collection)
    if rendered is None:
        return content
    meta = content[len(_FRONT) : end]
    meta = "" if meta.strip() in ("", "{}") else meta + "\n"
    return f"{_FRONT}render_macros: false\n{meta}---\n{rendered}"

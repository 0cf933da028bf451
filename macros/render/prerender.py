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
    failed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal failed
        name, target, text = match.group(1), match.group(2), match.group(4)
        reg = collection.registries
        if name == "structure":
            structure = reg.find_structure(target)
            if structure is None:
                failed = True
                return match.group(0)
            return structure_link(structure, text or display_name(structure, target))
        if name == "theme":
            theme = reg.find_theme(target)
            if theme is None:
                failed = True
                return match.group(0)
            return theme_link(theme, text)
        return fiche_link(collection.index, target, text)

    rendered = _CALL.sub(replace, body) if "{{" in body else body
    if failed or any(marker in _CALL.sub(" ", body) for marker in _JINJA):
        return None
    return rendered


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

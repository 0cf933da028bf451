"""A line scanner for the Markdown subset fiches are written in.

Fiches are structured documents: headings, paragraphs and lists. We need each
block with its line number, which Python-Markdown does not give, so this
scanner reads the body into blocks and reports the syntax slips that would
otherwise render silently wrong (unclosed bold, `##Titre`, unclosed fences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.check.macro_grammar import Macros
from macros.core.diagnostics import Report

# Greedy, stripped after: a lazy title before `[ \t]*$` would read a run of
# spaces once per space (docs/securite.md#lineaire).
_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*))?$")
_HEADING_NO_SPACE = re.compile(r"^#{1,6}[^#\s]")
# `(?<!\{)\{(?!\{)` keeps a trailing `{{ macro() }}` from reading as attributes.
# Both parts are stripped after, for the same reason.
_ATTRS = re.compile(r"^(.*?)(?<!\{)\{(?!\{):?([^{}]*)\}[ \t]*+$")
_ATTR_TOKEN = re.compile(r"""#([\w-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
# A list item's marker at the start of its line, and the item.
ITEM_MARKER = re.compile(r"^( {0,3})([-*+]|\d{1,3}[.)])[ \t]+")
_ITEM = re.compile(ITEM_MARKER.pattern + r"(.*)$")
_NESTED_ITEM = re.compile(r"^( {2,})([-*+]|\d{1,3}[.)])[ \t]+(.*)$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# First characters each line pattern can start with: a line is only tried
# against the patterns that could match it (most lines are plain text).
_FENCE_STARTS = frozenset(" `~")
_ITEM_STARTS = frozenset(" -*+0123456789")
_CODE_SPAN = re.compile(r"`[^`]*`")
# A target stops at the next «](»: from each «](» the search reads no further
# than the next one, and a target holding «](» leaves a «](» unmatched anyway.
_LINK = re.compile(r"\]\((?:[^)\s\]]|\](?!\())*+(?:\s+\"[^\"]*\")?\)")


@dataclass
class Heading:
    level: int
    title: str
    attrs: dict[str, str]
    anchor: str | None
    line: int
    # Its attribute list was already reported unreadable: say nothing more about it.
    broken_attrs: bool = False


@dataclass
class Text:
    """A paragraph, or a list item (`item`), on lines `line` to `end_line`."""

    text: str
    line: int
    end_line: int
    item: bool = False


Block = Heading | Text


def scan(
    body: str,
    display_path: str,
    first_line: int,
    report: Report,
    macros: Macros | None = None,
) -> list[Block]:
    """Split `body` into blocks; `first_line` is the file line of the body's first line.

    `macros`, the body's macro calls (macro_grammar.read_macros), may
    legitimately hold brackets or asterisks: the inline checks skip them.
    """
    blocks: list[Block] = []
    current: Text | None = None
    # The lines of each block that has more than one, joined once at the end:
    # adding to a block's text line by line copies it each time (quadratic).
    lines: dict[int, list[str]] = {}
    fence: tuple[str, int] | None = None
    blank_before = True
    for offset, raw in enumerate(body.split("\n")):
        line = raw.rstrip()
        if fence is not None:
            if line.lstrip().startswith(fence[0]):
                fence = None
            continue
        if not line:
            blank_before = True
            if current is not None and not current.item:
                current = None
            continue
        lineno = first_line + offset
        first = line[0]
        fence_match = _FENCE.match(line) if first in _FENCE_STARTS else None
        if fence_match:
            fence = (fence_match.group(1), lineno)
            current = None
            continue
        if "\t" in raw and "\t" in raw[: len(raw) - len(raw.lstrip())]:
            report.error(
                display_path,
                lineno,
                1,
                "markdown-tabulation",
                "tabulation en début de ligne",
                "remplacez-la par des espaces",
            )
        if first == "#":
            heading = _HEADING.match(line)
            if heading:
                blocks.append(_heading(heading, lineno, display_path, report))
                current = None
                blank_before = False
                continue
            if _HEADING_NO_SPACE.match(line):
                report.error(
                    display_path,
                    lineno,
                    1,
                    "markdown-titre",
                    "titre sans espace après les dièses « # »",
                    "ajoutez une espace entre les « # » et le texte du titre",
                )
        item = _ITEM.match(line) if first in _ITEM_STARTS else None
        if item and not (
            current is not None
            and current.item
            and line.startswith("  ")
            and _NESTED_ITEM.match(line)
        ):
            current = Text(item.group(3).strip(), lineno, lineno, item=True)
            blocks.append(current)
            blank_before = False
            continue
        # A paragraph ends at a blank line; an item goes on at an indented line.
        if current is not None and (not blank_before or raw.startswith((" ", "\t"))):
            lines.setdefault(id(current), [current.text]).append(line.strip())
            current.end_line = lineno
        else:
            current = Text(line.strip(), lineno, lineno)
            blocks.append(current)
        blank_before = False
    if fence is not None:
        report.error(
            display_path,
            fence[1],
            1,
            "markdown-bloc-code",
            "bloc de code ouvert mais jamais refermé",
            f"ajoutez une ligne « {fence[0]} » à la fin du bloc",
        )
    for block in blocks:
        if isinstance(block, Heading):
            continue
        if id(block) in lines:
            block.text = "\n".join(lines[id(block)])
        # Blanking only removes characters: without «*» or «]», no «**» or «](».
        if "*" in block.text or "]" in block.text:
            _check_inline(block, display_path, report, macros)
    return blocks


def _heading(match: re.Match[str], lineno: int, display_path: str, report: Report) -> Heading:
    level = len(match.group(1))
    text = (match.group(2) or "").rstrip("#").strip()
    attrs: dict[str, str] = {}
    anchor = None
    broken = ""
    with_attrs = _ATTRS.match(text) if "{" in text else None
    if with_attrs:
        text = with_attrs.group(1).strip()
        # `{ #id .class key="v" }`
        for m in _ATTR_TOKEN.finditer(with_attrs.group(2)):
            if m.group(1):
                anchor = m.group(1)
            elif m.group(2):
                attrs["class"] = (attrs.get("class", "") + " " + m.group(2)).strip()
            else:
                attrs[m.group(3)] = next(v for v in m.group(4, 5, 6) if v is not None)
        leftovers = _ATTR_TOKEN.sub("", with_attrs.group(2)).split()
        if leftovers:
            broken = f"attributs de titre illisibles : {' '.join(leftovers)}"
    elif text.count("{") != text.count("}"):
        broken = "accolade d'attributs non refermée dans le titre"
    if broken:
        report.error(
            display_path,
            lineno,
            1,
            "markdown-attributs",
            broken,
            'écrivez par exemple { data-enjeu="politique" }',
        )
    if not text:
        report.error(
            display_path,
            lineno,
            1,
            "markdown-titre",
            "titre vide",
            "écrivez le texte du titre après les dièses",
        )
    return Heading(level, text, attrs, anchor, lineno, bool(broken))


def _check_inline(block: Text, display_path: str, report: Report, macros: Macros | None) -> None:
    text = macros.remove_calls(block.text) if macros is not None else block.text
    text = _CODE_SPAN.sub("", text) if "`" in text else text
    if text.count("**") % 2:
        report.error(
            display_path,
            block.line,
            1,
            "markdown-gras",
            "gras non refermé : un « ** » n'a pas de partenaire",
            "encadrez le passage en gras par « ** » des deux côtés",
        )
    opened = text.count("](")
    if opened and len(_LINK.findall(text)) < opened:
        report.error(
            display_path,
            block.line,
            1,
            "markdown-lien",
            "lien mal formé : « ]( » sans parenthèse fermante",
            "écrivez les liens sous la forme [texte](adresse)",
        )

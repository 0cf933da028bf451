"""Running text of an export -> fiche Markdown: macros for names, escapes for the rest.

Structures named in parentheses become `{{ structure("…") }}` and «fiche n°1»
becomes `{{ fiche("1", "fiche n°1") }}`, so that the site credits and links
them. Everything else must render exactly as written, whatever it contains:
Jinja delimiters are fenced in `{% raw %}` and Markdown block syntax at a line
start is escaped. Wording is never changed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from macros.check.fiche_body import parenthetical_spans
from macros.check.registries import Registries
from macros.core.model import FicheNumber
from macros.core.names import fold
from macros.importer.text_export import SPACE

# Acronyms of kinds of things, not of one organisation: alone in parentheses
# they are not taken for a structure missing from the registry.
GENERIC_ACRONYMS = frozenset(
    {
        "ESS",
        "DLA",
        "CRDLA",
        "SCOP",
        "SCIC",
        "CAE",
        "AMAP",
        "PTCE",
        "SIAE",
        "ESUS",
        "EPCI",
        "RSA",
        "RSE",
        "TPE",
        "PME",
        "ONG",
        "UE",
        "CAF",
        "CCAS",
        "QPV",
        "FSE",
        "FEDER",
        "ETP",
        "CDI",
        "CDD",
    }
)
# Kept in capitals in titles, with the registry's names.
ACRONYMS = GENERIC_ACRONYMS | {
    "CRESS",
    "URSCOP",
    "CGSCOP",
    "CNCRESS",
    "ADEME",
    "URSSAF",
    "MSA",
    "ANCT",
    "BPI",
}

_FICHE_REF = re.compile(
    rf"\bfiches?[{SPACE}]+n[{SPACE}]*[°º][{SPACE}]*(?P<number>\d+(?:\.\d+)?)", re.I
)
_NAME_SEPARATOR = re.compile(r"(,|\bet\b)")
_BOLD = re.compile(r"^\*\*(.+)\*\*$", re.S)
_JINJA_OPEN = re.compile(r"\{[{%#]|\{$")
_ENDRAW = re.compile(r"\{%[-+]?\s*endraw")
_LINE_START = [
    (re.compile(r"^([#>!])"), r"\\\1"),  # heading, quote, admonition
    (re.compile(r"^([-*+])(?=[ \t])"), r"\\\1"),  # a list inside the item
    (re.compile(r"^(\d+)\.(?=[ \t])"), r"\1\\."),  # «2024. Une année…» is not a list
    (re.compile(r"^(=+[ \t]*)$"), r"&#61;\1"),  # a setext underline
    (re.compile(r"^\{"), r"\\{"),  # a line «{…}» would be read as attributes
]
_TAG = re.compile(r"<(?=[A-Za-z/!?])")

RAW_OPEN = "{% raw %}"
RAW_CLOSE = "{% endraw %}"


@dataclass(frozen=True)
class UnknownName:
    """A parenthesised name that looks like a structure but is not in the registry."""

    name: str
    offset: int  # in the block text


def macro(name: str, *args: str) -> str:
    # A JSON string is also a Jinja string literal, with the same escapes.
    quoted = ", ".join(json.dumps(arg, ensure_ascii=False) for arg in args)
    return f"{{{{ {name}({quoted}) }}}}"


def convert_text(text: str, registries: Registries) -> tuple[str, list[UnknownName]]:
    """Markdown for the text of one paragraph or list item (lines joined by «\\n»)."""
    calls, unknown = _structures(text, registries)
    for match in _FICHE_REF.finditer(text):
        number = match.group("number")
        inside = any(s < match.end() and match.start() < e for s, e, _ in calls)
        if FicheNumber.is_valid(number) and not inside:
            calls.append((match.start(), match.end(), macro("fiche", number, match.group(0))))
    out: list[str] = []
    done = 0
    for start, end, call in sorted(calls):
        out += [_plain(text, done, start), call]
        done = end
    out.append(_plain(text, done, len(text)))
    return "".join(out), unknown


def _plain(text: str, start: int, end: int) -> str:
    """The text between two calls: escaped for Markdown, fenced from Jinja."""
    at_line_start = start == 0 or text[start - 1] == "\n"
    return protect(escape_markdown(text[start:end], at_line_start=at_line_start))


def protect(text: str) -> str:
    """`text` fenced in {% raw %} when Jinja would read part of it as a tag."""
    if not _JINJA_OPEN.search(text):
        return text
    # An «{% endraw %}» written in the text would close the fence early: split it.
    body = _ENDRAW.sub(lambda m: "{" + RAW_CLOSE + RAW_OPEN + m.group(0)[1:], text)
    return RAW_OPEN + body + RAW_CLOSE


def heading_text(text: str) -> str:
    """A heading as written. Raw fences will not do here: once Jinja has run,
    attr_list would take «{{ x }} …» for the heading's attribute list. Braces
    as character references are neither Jinja nor attributes; a final «#»
    is escaped, or Markdown drops it as a closing mark."""
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    return re.sub(r"#+$", lambda m: "\\#" * len(m.group(0)), text)


def escape_markdown(text: str, *, at_line_start: bool) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if index or at_line_start:
            for pattern, replacement in _LINE_START:
                line = pattern.sub(replacement, line, count=1)
        lines[index] = _TAG.sub("&lt;", line)
    return "\n".join(lines)


def _structures(
    text: str, registries: Registries
) -> tuple[list[tuple[int, int, str]], list[UnknownName]]:
    """Registry names in parentheses as (start, end, structure call), and the
    names that look like structures missing from the registry."""
    calls: list[tuple[int, int, str]] = []
    unknown: list[UnknownName] = []
    for start, content in parenthetical_spans(text):
        offset = start
        for index, part in enumerate(_NAME_SEPARATOR.split(content)):
            name = part.strip(SPACE + "\n")
            lead = offset + part.index(name) if name else offset
            found = None if index % 2 else _resolve(name, registries)
            if found is not None:
                bold, written = found
                call = macro("structure", written)
                calls.append((lead, lead + len(name), f"**{call}**" if bold else call))
            elif index % 2 == 0 and looks_like_structure(name):
                unknown.append(UnknownName(name, lead))
            offset += len(part)
    return calls, unknown


def _resolve(name: str, registries: Registries) -> tuple[bool, str] | None:
    """(written in bold?, name as written) when the registry knows the name."""
    if not name or "(" in name or ")" in name:
        return None
    bold = _BOLD.match(name)
    written = bold.group(1) if bold else name
    if registries.find_structure(written) is None:
        return None
    return bool(bold), written


def looks_like_structure(name: str) -> bool:
    """«URSCOP», «CRESS Bretagne»: a capitalised acronym opening a short name."""
    words = name.split()
    if not 1 <= len(words) <= 4:
        return False
    first = words[0]
    letters = [c for c in first if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    if not all(c.isalnum() or c in "-&'’" for c in first):
        return False
    return fold(name).upper() not in GENERIC_ACRONYMS

"""Where raw HTML, attribute lists and links hide in a Markdown text, by
position, skipping only what Python-Markdown surely shows as code; the
allow-lists are in html_safety.py."""

from __future__ import annotations

import re
from dataclasses import replace

from markdown.blockprocessors import ReferenceProcessor

from macros.check.html_safety import (
    HINT_ATTR,
    HINT_URL,
    INLINE_URL,
    URL_ATTRIBUTES,
    attribute_problem,
    error_at,
    html_problems,
    url_problem,
)
from macros.check.macro_grammar import Macros, read_macros
from macros.core.diagnostics import Diagnostic, Report
from macros.read.linear_scan import blank_spans, code_spans, fenced_code_spans

# Code is blanked only where Python-Markdown surely reads code (never more):
# its fenced_code rule (fence at column 0, same fence to close) and code spans
# that do not cross a blank line or start with an escaped backtick; both are
# found in linear time (linear_scan.py).
_ESCAPED_LT = re.compile(r"\\<")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
# Link reference definitions (`[x]: adresse`, the address possibly on the
# next line), read by Python-Markdown's own pattern: what it defines is checked.
_REFERENCE = ReferenceProcessor.RE
# The brace comes first and the look-behind after it (same matches as
# `(?<!\{)\{…`): a pattern that starts with a literal is searched for quickly.
# Possessive runs, and the list's own spaces stripped after: a lazy list
# before `[ \t]*\}` would read a long run of spaces once per space.
_ATTR_LIST = re.compile(r"\{(?<!\{\{):?[ \t]*+([^{}\n]++)\}(?!\})")
_ATTR_PAIR = re.compile(r"""([^\s=#.'"{}]+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
_ATTR_WORD = re.compile(r"(?:^|\s)([A-Za-z][\w:-]*)(?=\s|$)")


def _blank_autolinks(text: str) -> str:
    return _AUTOLINK.sub(lambda match: " " * len(match.group(0)), text)


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def markdown_problems(markdown: str, macros: Macros | None = None) -> list[Diagnostic]:
    """Raw HTML, attribute lists and link URLs of a Markdown text, by position.

    Code is shown escaped, never interpreted, so it is not checked. `macros`
    is the text's reading by macro_grammar.read_macros (read here if not
    given): the braces of its Jinja constructs are no attribute list.
    """
    fenced = markdown
    # The fence lines stay: their `{ … }` attributes apply.
    if "```" in markdown or "~~~" in markdown:
        fenced = blank_spans(markdown, fenced_code_spans(markdown))
    spans = code_spans(fenced) if "`" in fenced else []
    text = blank_spans(fenced, spans)
    # Each pattern below needs a «<», «]:» or «{» to match: most bodies are
    # spared the searches whose mark they do not contain.
    tags = "<" in fenced
    patterns = [(INLINE_URL, 1)]
    if "]:" in text:
        patterns.append((_REFERENCE, 2))
    if tags:
        patterns.append((_AUTOLINK, 1))
    found: list[Diagnostic] = []
    for pattern, group in patterns:
        for match in pattern.finditer(text):
            raw = match.group(group)
            target = raw.lstrip("<")
            reason = url_problem(target.rstrip(">"))
            if reason:
                line, column = _position(text, match.start(group) + len(raw) - len(target))
                found.append(error_at(line, column, "adresse-interdite", reason, HINT_URL))
    if tags:
        text = _blank_autolinks(text)
    if "{" in text:
        if macros is None:
            macros = read_macros(markdown, "", 1, Report())
        no_jinja = blank_spans(text, macros.spans)
        for match in _ATTR_LIST.finditer(no_jinja):
            found.extend(_attr_list_problems(no_jinja, match))
    if tags:
        found.extend(html_problems(_ESCAPED_LT.sub("  ", text)))
    if tags and spans:
        # A raw HTML block is not Markdown: backticks inside it are not code. So
        # also parse with the spans in place and keep the tags that start outside
        # them (`<div title="`" onclick=…>`).
        raw = _ESCAPED_LT.sub("  ", _blank_autolinks(fenced))
        problems = html_problems(raw)
        starts = [0, *(match.end() for match in re.finditer("\n", raw))] if problems else []
        for found_raw in problems:
            offset = starts[found_raw.line - 1] + found_raw.column - 1
            if not any(start <= offset < end for start, end in spans):
                found.append(found_raw)
    return sorted(set(found), key=lambda p: (p.line, p.column, p.message))


def _attr_list_problems(text: str, match: re.Match[str]) -> list[Diagnostic]:
    body = match.group(1).rstrip(" \t")
    messages = []
    for pair in _ATTR_PAIR.finditer(body):
        value = next((v for v in pair.groups()[1:] if v is not None), "")
        reason = attribute_problem(None, pair.group(1), value)
        if reason:
            messages.append(f"{{ … }} : {reason}")
    for word in _ATTR_WORD.finditer(_ATTR_PAIR.sub(" ", body)):
        name = word.group(1).lower()
        if name.startswith("on") or name in URL_ATTRIBUTES or name == "style":
            messages.append(f"{{ … }} : attribut « {name} » interdit")
    if not messages:
        return []  # placed only when there is something to say
    line, column = _position(text, match.start())
    return [error_at(line, column, "html-interdit", message, HINT_ATTR) for message in messages]


def check_markdown(
    markdown: str, display_path: str, first_line: int, report: Report, macros: Macros | None = None
) -> bool:
    """Report every policy breach of a page body; True when there is none."""
    problems = markdown_problems(markdown, macros)
    for p in problems:
        report.items.append(replace(p, path=display_path, line=first_line + p.line - 1))
    return not problems

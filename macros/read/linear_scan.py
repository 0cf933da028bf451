"""Linear searches for delimited spans of contributor text.

A lazy regular expression such as `\\{\\{.*?\\}\\}` scans to the end of the
text from every opener that has no closer: quadratic on a text made of
openers (docs/securite.md#lineaire). These functions find the same spans in
one pass: a closer is looked for once, and an opener without one is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"(?=\n[ \t]*\n)")


def code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans as `(`(?<![\\\\`]`)`*)(?!`)(?:(?!\\n[ \\t]*\\n).)+?(?<!`)\\1(?!`)`
    (DOTALL) finds them: a whole run of backticks not after a backslash, up
    to the next run of the same length, without a blank line between."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
    spans: list[tuple[int, int]] = []
    position = 0
    for index, (start, end) in enumerate(runs):
        if start < position or (start > 0 and text[start - 1] == "\\"):
            continue
        same = by_length[end - start]
        later = bisect_left(same, index + 1)
        if later == len(same):
            continue
        close_start, close_end = runs[same[later]]
        # A blank line starting anywhere in the code text ends the search.
        blank = bisect_left(blanks, end)
        if blank < len(blanks) and blanks[blank] < close_start:
            continue
        spans.append((start, close_end))
        position = close_end
    return spans


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span blanked (spaces, newlines kept: offsets hold)."""
    if not spans:
        return text
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        pieces.append("\n".join(" " * len(part) for part in text[start:end].split("\n")))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*)?")
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ ]*")


def fenced_code_spans(text: str) -> list[tuple[int, int]]:
    """The code of each fenced block (offsets of its first and past its last
    line), as Python-Markdown's fenced_code reads them: a fence at column 0,
    closed by a line of the same fence alone; an unclosed fence opens nothing."""
    lines = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    closers: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line[:1] in "`~" and (closing := _FENCE_CLOSE.fullmatch(line)):
            closers.setdefault(closing.group(1), []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(lines) - 1:
        line = lines[index]
        opened = _FENCE_OPEN.fullmatch(line) if line[:1] in "`~" else None
        if opened is None:
            index += 1
            continue
        same = closers.get(opened.group(1), [])
        later = bisect_left(same, index + 1)
        if later == len(same):
            index += 1
            continue
        close = same[later]
        spans.append((starts[index + 1], starts[close]))
        index = close + 1
    return spans


_PROSE_OPENERS = re.compile(r"[{`<]|\]\(")
# What closes each span that an opener starts, but an attribute list's `{`.
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}", "`": "`", "<": ">", "](": ")"}


def hidden_spans(line: str) -> list[tuple[int, int]]:
    """What a reader does not see as prose on one line, as
    `\\{\\{.*?\\}\\}|\\{%.*?%\\}|\\{#.*?#\\}|`[^`]*`|<[^>]*>|\\]\\([^)]*\\)|\\{\\s*[:#.][^}]*\\}|\\{[^}]*=[^}]*\\}`
    finds it (macros, code, tags, link targets, attribute lists), in one pass."""
    cache: dict[str, int] = {}

    def find(needle: str, start: int) -> int:
        """`line.find(needle, start)` for increasing starts, each needle read once."""
        known = cache.get(needle)
        if known is None or -1 < known < start:
            known = cache[needle] = line.find(needle, start)
        return known

    spans: list[tuple[int, int]] = []
    position = 0
    while (found := _PROSE_OPENERS.search(line, position)) is not None:
        start = found.start()
        opener = line[start : start + 2] if line[start : start + 2] in _CLOSERS else line[start]
        closer = _CLOSERS.get(opener, "")
        end = find(closer, start + len(opener)) if closer else -1
        end = end + len(closer) if end != -1 else -1
        # `{`, or `{{`, `{%`, `{#` unclosed: an attribute list, up to the first
        # `}`, if it starts with `:`, `#` or `.` after spaces, or holds an `=`.
        close = find("}", start + 1) if end == -1 and opener[0] == "{" else -1
        if close != -1:
            inner = start + 1
            while inner < close and line[inner].isspace():
                inner += 1
            equals = find("=", start + 1)
            if (inner < close and line[inner] in ":#.") or -1 < equals < close:
                end = close + 1
        if end == -1:
            position = start + 1
            continue
        spans.append((start, end))
        position = end if end > start else start + 1
    return spans

"""HTML read as a browser reads it: lexbor, through selectolax.

lexbor follows the HTML5 parsing specification (tokenizer and tree
construction), so a comment, a CDATA section, a bogus comment or an
unfinished tag means here what it means in Chromium. It is also the fastest
of the spec parsers measured, and linear on hostile input (docs/securite.md,
«Le HTML permis»). Every reading of HTML in the engine goes through here.

What a reading gives: the elements of the tree, with their attributes as
the parser decoded them, and the tree's serialisation. The serialisation
escapes `<` in text and attribute values, so `<!--` or `<?` appears in it
only where the tree holds a comment (comments, CDATA sections and bogus
comments all become comments in HTML content; lexbor keeps `<?…>` as a
processing instruction) or raw text (`<style>`, `<script>`…, refused anyway).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

Node = LexborNode

# The elements a document parse always builds (html_safety checks their attributes).
DOCUMENT_TAGS = frozenset({"html", "head", "body"})
# Appended to each line read: it becomes an element only if the line ends
# outside any markup (a tag, an attribute value, a comment, raw text).
LINE_END_MARK = "x-mes-fin-de-ligne"
_LINE_END = f"<{LINE_END_MARK}>"
# A start tag that tree construction drops outside a table (caption, col,
# colgroup, tbody, td, tfoot, th, thead, tr) or a frameset (frame, head)
# starts with one of these letters: a line without any is read once.
_DROPPED_OUTSIDE_TABLE = re.compile(r"<[cfhtCFHT]")

Element = tuple[str, dict[str, str | None]]


class LineReading(NamedTuple):
    readings: list[list[Element]]  # the line's elements, once per reading
    comments: bool  # whether it holds a comment
    closed: bool  # whether it ends outside any markup


def elements(parser: LexborHTMLParser) -> list[Element]:
    """The name (lowercase) and attributes of each element, in document order."""
    return [((node.tag or "").lower(), node.attributes) for node in parser.css("*")]


def read_line(line: str) -> LineReading:
    """The elements of one line, as a browser would build them in any place.

    Tree construction drops some tags where they do not belong: `<td>` or
    `<tr>` outside a table, `<body>` inside a page (whose attributes then go
    to the page's own body). So the line is read as a whole document, where
    `<html>` and `<body>` attributes land on the document's elements, and,
    when it may hold table tags, as the content of a `<table>` too, where
    they are kept and the rest is kept as well (moved before the table).
    """
    source = line + _LINE_END
    parsers = [LexborHTMLParser(source, scripting=True)]
    if _DROPPED_OUTSIDE_TABLE.search(line):
        parsers.append(
            LexborHTMLParser(source, is_fragment=True, fragment_tag="table", scripting=True)
        )
    readings = [elements(parser) for parser in parsers]
    return LineReading(
        [[e for e in found if e[0] != LINE_END_MARK] for found in readings],
        any(has_comment(parser.html or "") for parser in parsers),
        any(tag == LINE_END_MARK for tag, _ in readings[0]),
    )


def has_comment(markup: str, own: tuple[str, ...] = ()) -> bool:
    """True if a serialisation holds a comment or processing instruction,
    other than those that start with one of `own`."""
    if "<?" in markup:
        return True
    position = markup.find("<!--")
    while position != -1:
        if not markup.startswith(own, position):
            return True
        position = markup.find("<!--", position + 4)
    return False


def parse_fragment(html: str) -> LexborHTMLParser:
    """`html` parsed as the content of a `<div>`, to be changed and serialised."""
    return LexborHTMLParser(html, is_fragment=True, scripting=True)

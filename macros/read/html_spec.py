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
from dataclasses import dataclass, field

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


@dataclass
class Reading:
    elements: list[Element]  # name (lowercase) and attributes, in document order
    markup: str  # the tree's serialisation


@dataclass
class LineReading:
    """What one line holds for a browser: its elements, once per reading
    (read_line); whether it holds a comment; whether it ends outside markup."""

    readings: list[list[Element]] = field(default_factory=list)
    comments: bool = False
    closed: bool = False


def read(parser: LexborHTMLParser) -> Reading:
    elements = [((node.tag or "").lower(), node.attributes) for node in parser.css("*")]
    return Reading(elements, parser.html or "")


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
    document = read(LexborHTMLParser(source, scripting=True))
    readings = [document]
    if _DROPPED_OUTSIDE_TABLE.search(line):
        table = LexborHTMLParser(source, is_fragment=True, fragment_tag="table", scripting=True)
        readings.append(read(table))
    result = LineReading()
    for reading in readings:
        result.readings.append([e for e in reading.elements if e[0] != LINE_END_MARK])
        result.comments = result.comments or has_comment(reading.markup)
    result.closed = any(tag == LINE_END_MARK for tag, _ in document.elements)
    return result


def read_fragment(html: str) -> Reading:
    """`html` read as the content of a `<div>`: how a page's body reads it."""
    return read(parse_fragment(html))


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


def first_node(parser: LexborHTMLParser) -> LexborNode | None:
    """The first top node of a parsed fragment; the others follow by `next`
    (selectolax's `traverse` and `iter` from it also visit its siblings)."""
    return parser.root

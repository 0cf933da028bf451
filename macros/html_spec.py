"""HTML read as a browser reads it: lexbor, through selectolax.

lexbor follows the HTML5 parsing specification (tokenizer and tree
construction), so a comment, a CDATA section, a bogus comment or an
unfinished tag means here what it means in Chromium. It is also the fastest
of the spec parsers measured (docs/securite.md#html), and linear on hostile
input. Every reading of HTML in the engine goes through this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

# The elements a document parse always builds (html_policy checks their attributes).
DOCUMENT_TAGS = frozenset({"html", "head", "body"})
# Appended to each line read: it becomes an element only if the line ends
# outside any markup (a tag, an attribute value, a comment, raw text).
LINE_END_MARK = "x-mes-fin-de-ligne"
_LINE_END = f"<{LINE_END_MARK}>"


@dataclass
class LineReading:
    """What one line holds for a browser: its elements (name, attributes) in
    document order, once per reading (read_line), whether it holds a comment (comments, CDATA sections,
    bogus comments and processing instructions all become comments in HTML
    content), and whether it ends outside any markup."""

    readings: list[list[tuple[str, dict[str, str | None]]]] = field(default_factory=list)
    comments: bool = False
    closed: bool = False


def read_line(line: str) -> LineReading:
    """The elements of one line, as a browser would build them in any place.

    Tree construction drops some tags where they do not belong: `<td>` or
    `<tr>` outside a table, `<body>` inside a page (whose attributes then go
    to the page's own body). So the line is read twice: as a whole document,
    where `<html>` and `<body>` attributes land on the document's elements,
    and as the content of a `<table>`, where table tags are kept and the rest
    is kept too (moved before the table). Both sets of elements are checked.
    """
    reading = LineReading()
    document = LexborHTMLParser(line + _LINE_END, scripting=True)
    in_table = LexborHTMLParser(
        line + _LINE_END, is_fragment=True, fragment_tag="table", scripting=True
    )
    for parser, root in ((document, document.root), (in_table, in_table.root)):
        closed = False
        elements: list[tuple[str, dict[str, str | None]]] = []
        reading.readings.append(elements)
        for node in _nodes(root):
            if not node.is_element_node:
                # Comments, CDATA sections, bogus comments (`<!x>`, `</ x>`)
                # and `<?…>`, which lexbor keeps as processing instructions.
                reading.comments = True
                continue
            tag = (node.tag or "").lower()
            if tag == LINE_END_MARK:
                closed = True
                continue
            elements.append((tag, node.attributes))
        if parser is document:
            reading.closed = closed
    return reading


def parse_fragment(html: str) -> LexborHTMLParser:
    """`html` parsed as the content of a `<div>`: how a page's body reads it."""
    return LexborHTMLParser(html, is_fragment=True, scripting=True)


def fragment_nodes(parser: LexborHTMLParser) -> Iterator[LexborNode]:
    """Every element and comment of a parsed fragment, in document order."""
    return _nodes(parser.root)


def _nodes(first: LexborNode | None) -> Iterator[LexborNode]:
    """Elements and comments of `first`, its following siblings and all their
    descendants (text nodes left out), in document order.

    A walk of its own, by `first_child` and `next`: selectolax's
    `traverse` and `iter` from the first node of a fragment go on through
    its siblings.
    """
    stack: list[LexborNode] = []
    node = first
    while node is not None:
        stack.append(node)
        node = node.next
    stack.reverse()
    while stack:
        node = stack.pop()
        if node.is_text_node:
            continue
        yield node
        children = []
        child = node.first_child
        while child is not None:
            children.append(child)
            child = child.next
        children.reverse()
        stack.extend(children)

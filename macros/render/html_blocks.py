"""Long lists of generated pages, written straight to HTML.

Structure, theme and summary pages list hundreds of fiches and practices.
Written in Markdown, each line went through Python-Markdown and each link
through MkDocs' link resolution. Their headings stay in Markdown (table of
contents, anchors); the lists are kept here as plain data, and the page's
Markdown holds a placeholder (an HTML comment, which Python-Markdown keeps)
that the plugin replaces once the page is converted (site/html_blocks.py),
before search reads the page. The HTML is the one Python-Markdown would write
for the Markdown the page used to hold; its text is escaped here, and its
URLs come from MkDocs' files, relative to the page.

Only plain text can skip Markdown: a page whose lists hold any Markdown
syntax (`plain` is false) keeps its Markdown lists.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# Characters that Markdown (with this site's extensions) would read as syntax,
# and entities; then what would open a block at the start of a line.
_SYNTAX = re.compile(r"[\\`*_\[\]{}<>\n]|&#?[0-9A-Za-z]+;")
_LINE = re.compile(r"^\s|\s$|^#|^(?:[-+]|\d+[.)])(?:\s|$)")


def plain(text: str) -> bool:
    """True when Python-Markdown would show `text`, inside a line, as it is."""
    return not _SYNTAX.search(text)


@dataclass(frozen=True)
class Link:
    text: str
    target: str  # a page's source path (`fiches/1.5.md`), or "" for this page
    anchor: str = ""
    title: str | None = None
    css: str | None = None


@dataclass(frozen=True)
class Em:
    text: str


@dataclass(frozen=True)
class Strong:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Raw:
    """HTML the engine writes itself (a <time> element), never contributor text."""

    html: str


class Break:
    """A hard line break (two spaces at the end of a Markdown line)."""


BREAK = Break()
Inline = str | Link | Em | Strong | Raw | Break


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Items:
    items: tuple[tuple[Inline, ...], ...]


Block = Paragraph | Items
# A page's source path and anchor -> the URL to write on the current page.
Href = Callable[[str, str], str]

# Contributors may write HTML comments: a key drawn at each run keeps theirs
# from ever being taken for a placeholder. Every placeholder is replaced, so
# the built site does not depend on it.
KEY = secrets.token_hex(8)
_MARK = re.compile(rf"<!-- mes-fiches:bloc {KEY} (\d+) -->")


def placeholder(index: int) -> str:
    return f"<!-- mes-fiches:bloc {KEY} {index} -->"


def all_plain(blocks: Sequence[Block]) -> bool:
    """True when every line of `blocks` is plain text and links between them."""
    lines = [b.parts for b in blocks if isinstance(b, Paragraph)]
    lines += [item for b in blocks if isinstance(b, Items) for item in b.items]
    return all(_line_plain(line) for line in lines)


def _line_plain(parts: Sequence[Inline]) -> bool:
    texts: list[str] = []  # what Markdown would read as inline text
    flat: list[str] = []  # the line as written, links as one character
    for part in parts:
        if isinstance(part, str):
            texts.append(part)
            flat.append(part)
        elif isinstance(part, Link | Em):
            texts.append(part.text)
            flat.append("x")
        elif isinstance(part, Strong):
            if not _line_plain(part.parts):
                return False
            flat.append("x")
        else:
            flat.append("\n" if isinstance(part, Break) else "x")
    # No pattern matches across the separator: each text is checked on its own.
    if _SYNTAX.search("\0".join(texts)):
        return False
    return not any(_LINE.search(line) for line in "".join(flat).split("\n"))


@dataclass
class PageSource:
    """A generated page's Markdown and the blocks its placeholders stand for."""

    text: str
    blocks: tuple[tuple[Block, ...], ...] = ()

    def rendered(self, href: Href) -> str:
        """The text with each placeholder replaced by its HTML (tests, tools)."""
        return fill(self.text, self.blocks, href)


@dataclass
class Held:
    """The blocks of the page being written, in placeholder order."""

    blocks: list[tuple[Block, ...]] = field(default_factory=list)

    def place(self, blocks: Sequence[Block]) -> str | None:
        """The placeholder for `blocks`, or None when they hold Markdown syntax
        and the page must write them in Markdown."""
        if not all_plain(blocks):
            return None
        self.blocks.append(tuple(blocks))
        return placeholder(len(self.blocks) - 1)

    def source(self, lines: list[str]) -> PageSource:
        return PageSource("\n".join(lines), tuple(self.blocks))


def fill(content: str, blocks: Sequence[Sequence[Block]], href: Href) -> str:
    """`content` with each placeholder replaced by its blocks' HTML."""
    return _MARK.sub(lambda m: to_html(blocks[int(m.group(1))], href), content)


def to_html(blocks: Sequence[Block], href: Href) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{_inline(block.parts, href)}</p>")
        else:
            lines = [f"<li>{_inline(item, href)}</li>" for item in block.items]
            out.append("<ul>\n" + "\n".join(lines) + "\n</ul>")
    return "\n".join(out)


def _inline(parts: Sequence[Inline], href: Href) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(html.escape(part, quote=False))
        elif isinstance(part, Link):
            out.append(_link(part, href))
        elif isinstance(part, Em):
            out.append(f"<em>{html.escape(part.text, quote=False)}</em>")
        elif isinstance(part, Strong):
            out.append(f"<strong>{_inline(part.parts, href)}</strong>")
        elif isinstance(part, Raw):
            out.append(part.html)
        else:
            # The Markdown line went on, indented, in the list item.
            out.append("<br />\n  ")
    return "".join(out)


def _link(link: Link, href: Href) -> str:
    # Python-Markdown's order: attributes sorted by name.
    attrs = []
    if link.css:
        attrs.append(f'class="{html.escape(link.css)}"')
    attrs.append(f'href="{html.escape(href(link.target, link.anchor))}"')
    if link.title:
        attrs.append(f'title="{html.escape(link.title)}"')
    return f"<a {' '.join(attrs)}>{html.escape(link.text, quote=False)}</a>"

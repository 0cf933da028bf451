"""Listings of generated pages: a template under `overrides/listes/` and its data.

A generated page's Markdown keeps its headings (table of contents, anchors)
and holds, where a listing goes, a placeholder: an HTML comment, which
Python-Markdown keeps as it is. Once the page is converted, the plugin renders
each listing's template and puts it there (site/page_blocks.py). Templates
render with autoescape on: every value is escaped, and the data holds plain
text and page source paths only; the template turns a path into a URL with
`href(path, anchor)`, MkDocs' own URL of that page relative to the current one.
Maintainers change a listing's look by editing its template, as they would
Material's tags listings.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

# Templates live under the theme's custom_dir: `overrides/listes/<name>.html`.
FOLDER = "listes"

# Contributors may write HTML comments: a key drawn at each run keeps theirs
# from ever being taken for a placeholder. Every placeholder is replaced, so
# the built site does not depend on it.
KEY = secrets.token_hex(8)
_MARK = re.compile(rf"<!-- mes-fiches:bloc {KEY} (\d+) -->")


def placeholder(index: int) -> str:
    return f"<!-- mes-fiches:bloc {KEY} {index} -->"


@dataclass(frozen=True)
class Listing:
    """One listing: its template's name and what the template reads."""

    template: str
    data: Mapping[str, Any]
    # Part of what search indexes for the page: rendered before search reads it.
    searched: bool = False


@dataclass
class PageSource:
    """A generated page's Markdown, its metadata (MkDocs' `page.meta`, which the
    plugin sets: nothing is written as front matter to be parsed back) and the
    listings its placeholders stand for."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    listings: tuple[Listing, ...] = ()

    def __post_init__(self) -> None:
        # Only the keys that say something: templates and the macro gate read the keys.
        self.meta = {k: v for k, v in self.meta.items() if v not in (None, "", [], {})}


@dataclass
class Held:
    """The listings of the page being written, in placeholder order."""

    listings: list[Listing] = field(default_factory=list)

    def place(self, template: str, *, searched: bool = False, **data: Any) -> str:
        """The placeholder standing for the listing `template` shows of `data`."""
        self.listings.append(Listing(template, data, searched))
        return placeholder(len(self.listings) - 1)

    def source(self, lines: list[str], **meta: Any) -> PageSource:
        return PageSource("\n".join(lines), meta, tuple(self.listings))


# A page's source path and an anchor -> the URL to write on the current page.
Href = Callable[..., str]


def render(env: Environment, listing: Listing, href: Href) -> str:
    template = env.get_template(f"{FOLDER}/{listing.template}")
    return template.render(href=href, **listing.data)


def fill(content: str, listings: Sequence[Listing], draw: Callable[[Listing], str | None]) -> str:
    """`content` with each placeholder replaced by its listing drawn by `draw`,
    or left for later when `draw` gives None."""

    def one(match: re.Match[str]) -> str:
        drawn = draw(listings[int(match.group(1))])
        return match.group(0) if drawn is None else drawn

    return _MARK.sub(one, content)

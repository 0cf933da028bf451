"""Generated pages: Markdown from `overrides/pages/`, listings from `overrides/listes/`.

A generated page's Markdown is rendered from its template under
`overrides/pages/` (plain Jinja, no autoescape: templates escape content
with the `md` filter), which reads the collection's `index` and `registries`
and sets the page's metadata as `meta`. It keeps its headings (table of
contents, anchors) and holds, where a listing goes, a placeholder
(`place(template, **data)`): an HTML comment, which Python-Markdown keeps as
it is. Once the page is converted, the plugin renders each listing's
template and puts it there (site/page_blocks.py). Listing templates render
with autoescape on: every value is escaped; the data holds model objects and
page source paths, and the template turns a path into a URL with
`href(path, anchor)`, MkDocs' own URL of that page relative to the current
one. Maintainers change a page or a listing by editing its template, as
they would Material's tags listings.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from macros.core.project import THEME_DIR
from macros.core.wording import plural
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.index.plain_text import one_line
from macros.render.links import escape_text, link

# Material's documented search exclusion, for headings (attr_list) whose
# section only repeats text the fiches' own pages already index: structure,
# theme and summary lists would otherwise more than double the search index.
NOT_INDEXED = "data-search-exclude"

# Templates live under the theme's custom_dir: `overrides/listes/<name>.html`.
FOLDER = "listes"
PAGES = "pages"

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
    src_uri: str = ""  # where it pretends to live under docs/ (render/pages.py)
    edit_path: str | None = None  # its real source file, from the repository root
    # Jinja's tree of `text`, when the engine built it from a reading it had
    # already made (fiche pages: macro_grammar.Macros.edited).
    tree: Any = None

    def __post_init__(self) -> None:
        # Only the keys that say something: templates and the macro gate read the keys.
        self.meta = {k: v for k, v in self.meta.items() if v not in (None, "", [], {})}


@cache
def _markdown_env(folder: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=escape_text, one_line=one_line, plural=plural)
    env.globals.update(link=link, fiche_label=fiche_label)
    return env


def markdown_page(collection: Collection, template: str, **data: Any) -> PageSource:
    """The page that `overrides/pages/<template>` writes of `data`, with the
    metadata the template sets as `meta`."""
    listings: list[Listing] = []

    def place(template: str, *, searched: bool = False, **data: Any) -> str:
        """The placeholder standing for the listing `template` shows of `data`."""
        listings.append(Listing(template, data, searched))
        return placeholder(len(listings) - 1)

    env = _markdown_env(collection.paths.root / THEME_DIR / PAGES)
    shared = {"place": place, "registries": collection.registries, "index": collection.index}
    page = env.get_template(template).make_module({**shared, **data})
    return PageSource(str(page), dict(getattr(page, "meta", {})), tuple(listings))


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

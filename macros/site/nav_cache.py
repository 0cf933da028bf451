"""The site navigation's subtrees that hold no current page, each rendered once.

Material renders the whole navigation on every page (partials/nav-item.html),
a fifth of a 1,000-fiche build. A subtree that the current page is not in
comes out the same on every page but for its links, which MkDocs' `url`
filter writes relative to the page (`get_relative_url`). That relative link
depends on the page only through its folder's depth and parent folder,
unless the target lies in the page's own folder. So a subtree is kept by
its place in the navigation and by that depth and parent folder, and
reused by every page for which none of its targets lies in the page's own
folder; for the others it is rendered as usual. The build is the same,
byte for byte (tests/unit/test_nav_cache.py).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context


def folder_parts(url: str) -> list[str]:
    """The folders `get_relative_url` reads a page's URL as: a last part
    holding a dot is a file."""
    folder, _, last = url.rpartition("/")
    if "." in last:
        url = folder
    path = posixpath.normpath("/" + url)[1:]
    return path.split("/") if path else []


def _targets(item: Any) -> Iterator[str]:
    url = getattr(item, "url", None)
    if isinstance(url, str):
        yield url
    for child in getattr(item, "children", None) or ():
        yield from _targets(child)


class NavCache:
    """One build's rendered subtrees (a new one at each build: on_env)."""

    def __init__(self) -> None:
        self._html: dict[tuple[Any, ...], Any] = {}
        # Per navigation item: each folder holding one of its targets, and
        # their parents, as "a/b".
        self._folders: dict[int, frozenset[str]] = {}

    def _target_folders(self, item: Any) -> frozenset[str]:
        found = self._folders.get(id(item))
        if found is None:
            prefixes: set[str] = set()
            for url in _targets(item):
                parts = posixpath.normpath("/" + url)[1:].split("/")
                prefixes.update("/".join(parts[:n]) for n in range(1, len(parts) + 1))
            found = self._folders[id(item)] = frozenset(prefixes)
        return found

    def _page_key(self, page: Any, base_url: str, item: Any) -> tuple[Any, ...] | None:
        if page is None:
            return ("", base_url)  # the `url` filter writes links from base_url
        parts = folder_parts(page.url)
        if parts and "/".join(parts) in self._target_folders(item):
            return None  # a link into the page's own folder: rendered as usual
        return (len(parts), "/".join(parts[:-1]))

    @pass_context
    def render(
        self, context: Context, item: Any, path: str, level: int, *, caller: Callable[[], Any]
    ) -> Any:
        """`{% call nav_cached(item, path, level) %}…{% endcall %}`: the
        subtree as rendered for an earlier page of the same kind, or now."""
        place = self._page_key(context.get("page"), context.get("base_url", ""), item)
        if place is None:
            return caller()
        key = (id(item), path, level, *place)
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = caller()
        return html

"""Booklets filled with their fiches' pages, once every page is converted.

MkDocs converts every page (on_page_content) before it renders any template
(on_env, then on_page_context): the plugin notes the fiche pages and the
booklets as they are converted, then puts each fiche's body in its booklet's
placeholders (render/parcours_page.py) before Material's search plugin reads
the booklets and before MkDocs checks their anchors. The booklet's table of
contents gets each fiche's headings, one level down, as if it had converted
the fiche's Markdown itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from urllib.parse import urljoin, urlsplit, urlunsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from macros.index.collection import Collection
from macros.render import parcours_page as booklet_page


class Booklets:
    """This build's fiche pages and booklet pages, by the time they are converted."""

    def __init__(self, collection: Collection, fiche_pages: dict[str, str]) -> None:
        self._collection = collection
        self._fiche_pages = fiche_pages  # src_uri -> fiche number
        self._fiches: dict[str, Page] = {}
        self._booklets: list[Page] = []

    def collect(self, html: str, page: Page) -> None:
        number = self._fiche_pages.get(page.file.src_uri)
        if number is not None:
            self._fiches[number] = page
        elif booklet_page.MARK in html:  # only booklets hold the run's placeholders
            self._booklets.append(page)

    def fill(self) -> None:
        for booklet in self._booklets:
            self._fill(booklet)
        self._booklets = []

    def _fill(self, booklet: Page) -> None:
        sections = {link.id: link for link in _walk(booklet.toc.items)}

        def body(number: str, selected: tuple[int, ...]) -> str:
            fiche = self._collection.index.fiche(number)
            page = self._fiches.get(number)
            if fiche is None or page is None or page.content is None:
                raise PluginError(
                    f"{booklet.file.src_uri} : la page de la fiche {number} n'a pas été "
                    "produite, le livret ne peut pas la reprendre"
                )
            embedded, ids = booklet_page.embedded_html(
                booklet_page.page_body(page.content, fiche),
                fiche,
                selected,
                partial(rebase, source=page.file.url, target=booklet.file.url),
            )
            if booklet.present_anchor_ids is not None:
                booklet.present_anchor_ids |= ids
            section = sections.get(booklet_page.section_id(fiche))
            if section is not None:
                section.children = _demoted(page.toc.items, booklet_page.id_prefix(fiche))
            return embedded

        booklet.content = booklet_page.fill_bodies(booklet.content or "", body)


def _walk(items: list[AnchorLink]) -> Iterator[AnchorLink]:
    for item in items:
        yield item
        yield from _walk(item.children)


def _demoted(items: list[AnchorLink], prefix: str) -> list[AnchorLink]:
    out = []
    for item in items:
        link = AnchorLink(item.title, prefix + item.id, min(item.level + 1, 6))
        link.children = _demoted(item.children, prefix)
        out.append(link)
    return out


def rebase(url: str, source: str, target: str) -> str:
    """`url`, written relative to the page at `source` (a page URL as MkDocs gives
    it), relative to the page at `target` instead, as MkDocs would write it."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith("/"):
        return url
    # A page URL ends with «/» or with its file's name, as urljoin expects of a base.
    path = get_relative_url(urljoin("/" + source, parts.path), target)
    return urlunsplit(("", "", path, parts.query, parts.fragment))

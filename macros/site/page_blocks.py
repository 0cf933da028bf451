"""The HTML lists of generated pages (render/html_blocks.py), put in their pages.

They go in once Python-Markdown has converted the page around their
placeholders and check_page_html has read it: the lists need no check, their
text being escaped and their URLs MkDocs' own (File.url made relative to the
page, as MkDocs writes links). Lists that search indexes (the news page's) go
in at on_page_content, before Material's search plugin reads the page; the
others sit in sections search never indexes (data-search-exclude) and go in
after it, so that it does not parse thousands of links only to drop them.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..render.html_blocks import Block, fill


class PageBlocks:
    """This build's blocks, by page source path."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[tuple[Block, ...], ...]] = {}
        self._searched: set[str] = set()

    def add(
        self, src_uri: str, blocks: tuple[tuple[Block, ...], ...], *, searched: bool = False
    ) -> None:
        """`searched`: the lists are part of what search indexes for the page."""
        if blocks:
            self._pages[src_uri] = blocks
            if searched:
                self._searched.add(src_uri)

    def fill(self, html: str, page: Page, files: Files, *, searched: bool) -> str:
        """The page with its lists in, when they are those that search indexes
        (`searched`, before search reads the page) or those it does not."""
        src_uri = page.file.src_uri
        blocks = self._pages.get(src_uri)
        if blocks is None or (src_uri in self._searched) != searched:
            return html
        here = page.file.url

        def href(target: str, anchor: str) -> str:
            if not target:
                return f"#{anchor}"
            file = files.get_file_from_path(target)
            if file is None:
                raise PluginError(f"{page.file.src_uri} : lien vers une page introuvable, {target}")
            url = get_relative_url(file.url, here)
            return f"{url}#{anchor}" if anchor else url

        return fill(html, blocks, href)

"""The HTML lists of generated pages (render/html_blocks.py), put in their pages.

They go in at on_page_content, once Python-Markdown has converted the page
around their placeholders and check_page_html has read it: the lists need no
check, their text being escaped and their URLs MkDocs' own (File.url made
relative to the page, as MkDocs writes links). Material's search plugin reads
the page later (on_page_context) and indexes the lists as before.
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

    def add(self, src_uri: str, blocks: tuple[tuple[Block, ...], ...]) -> None:
        if blocks:
            self._pages[src_uri] = blocks

    def fill(self, html: str, page: Page, files: Files) -> str:
        blocks = self._pages.get(page.file.src_uri)
        if blocks is None:
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

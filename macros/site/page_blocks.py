"""The listings of generated pages (render/html_blocks.py), rendered into their pages.

Each listing's template is found as the theme finds its own templates
(`overrides/` first), in an overlay of the theme's Jinja environment with
autoescape on, so that every value from content is escaped. Listings go in
once Python-Markdown has converted the page around their placeholders and
check_page_html has read it. Those that search indexes go in at
on_page_content, before Material's search plugin reads the page; the others
sit in sections search never indexes (data-search-exclude) and go in after
it, so that it does not parse thousands of links only to drop them.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.core.wording import plural
from macros.data.history import french_date
from macros.index.plain_text import one_line
from macros.render.html_blocks import Listing, fill, render


def listing_env(env: Environment) -> Environment:
    """`env` with autoescape on and the listings' filters."""
    listings = env.overlay(autoescape=True)
    listings.filters.update(plural=plural, french_date=french_date, one_line=one_line)
    return listings


class PageBlocks:
    """This build's listings, by page source path."""

    def __init__(self, config: MkDocsConfig | None = None) -> None:
        self._pages: dict[str, tuple[Listing, ...]] = {}
        self._config = config
        self._env: Environment | None = None

    def add(self, src_uri: str, listings: tuple[Listing, ...]) -> None:
        if listings:
            self._pages[src_uri] = listings

    def fill(self, html: str, page: Page, files: Files, *, searched: bool) -> str:
        """The page with its listings in: those search indexes (`searched`,
        before search reads the page), or the others."""
        listings = self._pages.get(page.file.src_uri)
        if listings is None or not any(item.searched == searched for item in listings):
            return html
        if self._env is None:
            assert self._config is not None
            self._env = listing_env(self._config.theme.get_env())
        env = self._env
        here = page.file.url
        urls = files.src_uris

        def href(target: str, anchor: str = "") -> str:
            if not target:
                return f"#{anchor}"
            file = urls.get(target) or files.get_file_from_path(target)
            if file is None:
                raise PluginError(f"{page.file.src_uri} : lien vers une page introuvable, {target}")
            # As MkDocs writes links: relative to the current page.
            url = get_relative_url(file.url, here)
            return f"{url}#{anchor}" if anchor else url

        def draw(listing: Listing) -> str | None:
            return render(env, listing, href) if listing.searched == searched else None

        return fill(html, listings, draw)

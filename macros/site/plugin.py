"""The `mes-fiches` MkDocs plugin: wires build events to the engine, nothing more.

ARCHITECTURE.md lists its events in order, with what each does and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from macros.core.diagnostics import Severity
from macros.core.licence import KNOWN, UNDECIDED, Licence, LicenceError, licence_setting
from macros.core.model import Fiche
from macros.core.project import ProjectPaths
from macros.core.safe_write import write_fiche
from macros.core.wording import plural
from macros.data.citation import AUTHOR
from macros.data.history import Change, git_history, last_changes
from macros.data.open_data import DOWNLOADS, data_files, package_files
from macros.data.search_index import enrich_json, page_words
from macros.index.collection import Collection, load_collection
from macros.index.fiche_cache import FicheCache
from macros.index.macro_words import fiche_label
from macros.render.editor_page import editor_files
from macros.render.fiche_page import LINKS_HEADINGS, fiche_view
from macros.render.json_script import json_script
from macros.render.pages import CATALOGUE_PAGE, NO_FRONT_MATTER, PAGE_VIEWS, virtual_pages
from macros.render.reader_files import absolute, reader_files
from macros.site.booklets import Booklets
from macros.site.config import FichesPluginConfig
from macros.site.final_html import finish
from macros.site.html_check import check_page_html
from macros.site.macros_gate import CheckedMarkdown, page_variables
from macros.site.material_assets import main_sheet, script_path
from macros.site.nav import expand_nav
from macros.site.page_blocks import PageBlocks
from macros.site.page_meta import escape_shown_meta
from macros.site.pagefind import (
    PAGEFIND,
    PagefindSearch,
    build_index,
    check_choice,
    offline_requested,
)
from macros.site.stylesheets import BUNDLE, bundle

log = get_plugin_logger("mes-fiches")
DATA_PAGE = "donnees.md"
DATA_LICENCE_HEADING = "Licence et citation"  # overrides/donnees.html, #licence


class FichesPlugin(BasePlugin[FichesPluginConfig]):
    def __init__(self) -> None:
        self.collection: Collection | None = None
        self._fiche_pages: dict[str, str] = {}
        self._files: Files | None = None
        self._changes: dict[str, Change] = {}
        self._fiche_cache = FicheCache()
        self._booklets: Booklets | None = None
        self._blocks = PageBlocks()
        self._meta: dict[str, dict[str, Any]] = {}  # generated pages' meta, by source path
        # Generated pages whose Jinja tree the engine built, by source path (macro gate).
        self.checked: dict[str, CheckedMarkdown] = {}
        self._pagefind: PagefindSearch | None = None
        self._licence: Licence = KNOWN[UNDECIDED]
        self._material_script = ""  # Material's script, hash included (material_assets.py)

    # Defining on_startup keeps this instance across `mkdocs serve` rebuilds
    # (MkDocs' documented behaviour), so that unchanged fiches are not parsed
    # again; a plain `mkdocs build` starts with an empty cache.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._fiche_cache = FicheCache()

    # Early, so that a broken collection stops the build before anything
    # renders, and the index exists when pages are rendered.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir).resolve()
        if not docs.is_relative_to(root.resolve()):
            # The check, edit links and messages name files from the project's root.
            raise PluginError(
                f"mkdocs.yml : docs_dir ({docs}) doit être un dossier du projet, "
                f"sous {root.resolve()} (un lien symbolique vers ailleurs ne convient pas)"
            )
        paths = ProjectPaths.at(
            root,
            fiches=self.config.fiches_dir,
            registries=self.config.registries_dir,
            docs=str(docs.relative_to(root.resolve())),
        )
        self.collection = load_collection(
            paths,
            page_variables=frozenset(self.config.page_variables),
            cache=self._fiche_cache,
        )
        report = self.collection.report
        shown = {Severity.ERROR: log.error, Severity.WARNING: log.warning}
        for diag in report.sorted():
            line = f"{diag.path}:{diag.line}:{diag.column}: {diag.text()}"
            shown.get(diag.severity, log.info)(line)
        if report.has_errors:
            raise PluginError(
                f"{report.count(Severity.ERROR)} erreur(s) dans les fiches ou les registres "
                "(détail ci-dessus) : corrigez-les, puis relancez. « fiches check » donne la "
                "même liste sans construire le site."
            )
        if self.config.expand_nav and config.nav:
            config.nav = expand_nav(config.nav, self.collection)
        self._fiche_pages = {f.page: str(f.number) for f in self.collection.fiches}
        try:
            self._licence = licence_setting(config.extra)
        except LicenceError as exc:
            raise PluginError(str(exc)) from None
        self._files = None
        self._booklets = Booklets(self.collection, self._fiche_pages)
        # One `git log` for all fiches (macros/data/history.py gives the precedence).
        history = git_history(paths.root, paths.display(paths.fiches_dir))
        self._changes = last_changes(self.collection.fiches, history)
        # Checked here, before any page, and handed to pages by macros_gate.py.
        page_variables(config, self.config.page_variables)
        check_choice(self.config.recherche, config)
        self._pagefind = None
        if self.config.recherche == PAGEFIND:
            self._pagefind = PagefindSearch(config, self.collection)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.collection is not None
        docs_prefix = self.collection.paths.display(self.collection.paths.docs_dir)
        for file in files:
            if file.generated_by is None and not file.src_uri.startswith("assets/"):
                # edit_uri points at the repository root (mkdocs.yml).
                file.edit_uri = f"{docs_prefix}/{file.src_uri}"
        overrides = Path(config.theme.custom_dir or "")
        material = main_sheet(files, palette=bool(config.theme.get("palette")))
        sheets = bundle(overrides, self.config.feuilles_de_style, material)
        files.append(File.generated(config, BUNDLE, content=sheets))
        self._material_script = script_path(files)
        # Pagefind's browser fetches only what a query needs: no reason to trim.
        full_text = (
            self._pagefind is not None
            or len(self.collection.fiches) <= self.config.full_text_search_up_to
        )
        self._blocks = PageBlocks(config)
        docs = f"{docs_prefix}/"
        page_clash = "d'une page générée : supprimez ou renommez ce fichier."
        self._meta = {}
        self.checked = {}
        pages = virtual_pages(
            self.collection, self._changes, feed=bool(config.site_url), full_text_search=full_text
        )
        for page in pages:
            generated = _add(files, config, page.src_uri, page.text, docs, page_clash)
            generated.edit_uri = page.edit_path
            self._blocks.add(page.src_uri, page.listings)
            self._meta[page.src_uri] = page.meta
            if page.tree is not None:
                markdown = page.text.removeprefix(NO_FRONT_MATTER)
                self.checked[page.src_uri] = CheckedMarkdown(markdown, page.tree)
        self._files = files
        if not config.site_url:
            log.info(
                "pas de flux Atom des nouveautés : site_url n'est pas défini "
                "(le flux a besoin d'adresses complètes ; la construction publiée le définit)"
            )
        extra = reader_files(
            self.collection,
            self._changes,
            url_of=self._url_of,
            site_url=config.site_url or "",
            site_name=config.site_name,
            licence=self._licence,
        )
        editor = editor_files(
            self.collection, repo_url=config.repo_url or "", edit_uri=config.edit_uri or ""
        )
        for path, content in [*extra.items(), *editor.items()]:
            _add(files, config, path, content, "", "d'un fichier généré.")
        data_page = files.get_file_from_path(DATA_PAGE)
        homepage = absolute(config.site_url or "", data_page.url) if data_page else ""
        package = package_files(
            title=f"{config.site_name} — données ouvertes",
            description=config.site_description or "",
            licence=self._licence,
            homepage=homepage,
            licence_page=homepage + "#licence" if homepage else "",
        )
        data_clash = "d'un fichier de données généré : supprimez ou renommez ce fichier."
        data = data_files(self.collection, self._url_of, config.site_url) | package
        for path, raw in data.items():
            _add(files, config, path, raw, docs, data_clash)
        return files

    def _url_of(self, src_uri: str) -> str:
        # A fiche's view asks for some thirty URLs, the catalogue's for
        # thousands: MkDocs' own map first, without the path normalisation
        # of get_file_from_path.
        file = None
        if self._files is not None:
            file = self._files.src_uris.get(src_uri) or self._files.get_file_from_path(src_uri)
        if file is None:
            raise PluginError(f"page introuvable : {src_uri}")
        return file.url

    def fiche_of(self, page: Page) -> Fiche | None:
        number = self._fiche_pages.get(page.file.src_uri)
        if number is None or self.collection is None:
            return None
        return self.collection.index.fiche(number)

    # Before mkdocs-macros (0), whose gate reads the page's meta.
    @event_priority(50)
    def _set_meta(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        meta = self._meta.get(page.file.src_uri)
        if meta is not None:
            page.meta = dict(meta)
        return markdown

    # After mkdocs-macros (0) has rendered the page and read its front matter,
    # before any template or the search index reads the page's meta.
    @event_priority(-50)
    def _after_macros(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        number = self._fiche_pages.get(page.file.src_uri)
        if number is not None:
            # The sitemap's lastmod: the fiche's own date, none when unknown
            # (MkDocs' default is the build date). Here, because MkDocs writes
            # sitemap.xml after reading the pages but before rendering them.
            change = self._changes.get(number)
            page.update_date = change.date.isoformat() if change is not None else ""
        escape_shown_meta(page.meta)
        return markdown

    on_page_markdown = CombinedEvent(_set_meta, _after_macros)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = check_page_html(html, page.file.edit_uri or page.file.src_uri)
        html = self._blocks.fill(html, page, files, searched=True)
        if self._booklets is not None:
            self._booklets.collect(html, page)
        if self._pagefind is not None:
            # Pagefind reads the written page: the unsearched lists must be
            # in it now, to get its ignore marks.
            html = self._blocks.fill(html, page, files, searched=False)
            html = self._pagefind.prepare(html, page)
        return html

    # Every page is converted, no template rendered yet (site/booklets.py).
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        assert self.collection is not None
        if self._booklets is not None:
            self._booklets.fill()
        # Every template, the 404 page's included: the footer names the licence.
        data_page = files.get_file_from_path(DATA_PAGE)
        env.globals["licence"] = {
            "label": self._licence.label,
            "url": self._licence.url,
            "page": data_page.url + "#licence" if data_page else "",
        }
        env.filters.update(json_script=json_script, plain=self.collection.plain, plural=plural)
        env.globals.update(
            page_url=self._url_of,
            fiche_label=fiche_label,
            author=AUTHOR,
            registries=self.collection.registries,
            data_page=DATA_PAGE,
            catalogue_page=CATALOGUE_PAGE,
            material_script=self._material_script,
        )
        return env

    # After Material's search plugin (0) has indexed page.content, so that it
    # does not parse the listings it never indexes (site/page_blocks.py).
    @event_priority(-10)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.collection is not None
        if self._files is not None and self._pagefind is None:
            page.content = self._blocks.fill(page.content or "", page, self._files, searched=False)
        site_url = config.site_url or ""
        variables = cast(dict[str, Any], context)  # TemplateContext lists only MkDocs' keys
        fiche = self.fiche_of(page)
        if fiche is not None:
            url = absolute(site_url, self._url_of(fiche.page))
            change = self._changes.get(str(fiche.number))
            view = fiche_view(fiche, self.collection, self._url_of, change, url)
            variables["fiche"] = view
            # The template draws these headings after the body: list them too.
            page.toc.items += [AnchorLink(t, i, 2) for t, i in LINKS_HEADINGS]

        def ld_url(target: str) -> str:
            # Absolute with a published address, else relative to the page.
            url = self._url_of(target)
            return absolute(site_url, url) if site_url else get_relative_url(url, page.url)

        # For partials/donnees-structurees.html, the page's JSON-LD.
        variables["ld_url"] = ld_url
        structure = self.collection.registries.structures.get(page.file.name)
        if structure is not None and structure.page == page.file.src_uri:
            variables["structure"] = structure
        if page.file.src_uri == DATA_PAGE:
            index = self.collection.index
            known = [c.date for n, c in self._changes.items() if index.fiche(n)]
            variables["data_modified"] = max(known).isoformat() if known else ""
            variables["data_downloads"] = DOWNLOADS
            # overrides/donnees.html draws this last section after the
            # text: a sub-entry of the page's title, like the other h2.
            items = page.toc.items
            top = items[0].children if items and items[0].level == 1 else items
            top.append(AnchorLink(DATA_LICENCE_HEADING, "licence", 2))
        named = PAGE_VIEWS.get(page.file.src_uri)
        if named is not None:
            variables[named[0]] = named[1](self.collection)
        return context

    # After Material's search plugin (priority 0) has written
    # search/search_index.json, and before its offline plugin (-100) copies the
    # index into search_index.js: both the online and the offline site then
    # search the enriched index.
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._pagefind is not None:
            build_index(Path(config.site_dir))
            return
        path = Path(config.site_dir) / "search" / "search_index.json"
        if self.collection is None or not path.is_file():
            return
        files = self._files.src_uris if self._files is not None else {}
        words = page_words(self.collection).items()
        extra = {files[src].url: forms for src, forms in words if src in files}
        material = path.read_text(encoding="utf-8")
        enriched, terms = enrich_json(material, extra)
        # Atomic: `mkdocs serve` may be serving the previous index meanwhile.
        write_fiche(path, enriched, replace=True)
        growth = len(enriched) / len(material) - 1
        log.debug(f"recherche : {terms} formes ajoutées à l'index (+{growth:.1%})")

    # Last, after every other plugin has written its part of the page.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._pagefind is not None:
            output = self._pagefind.mark(output, page)
        return finish(output)

    # MkDocs renders the 404 page with absolute links (site_url's path, or
    # «/»), for a server that serves it at any address. The offline copy has
    # no server: its 404.html is opened from the folder, next to index.html.
    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == "404.html" and offline_requested(config):
            context["base_url"] = "."
        return context

    # 404.html: the one page rendered from a theme template, without on_post_page.
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name == "404.html":
            return finish(output_content)
        return output_content


def _add(
    files: Files, config: MkDocsConfig, path: str, content: str | bytes, where: str, what: str
) -> File:
    """Add a generated file, unless a file of the project already has its
    address: `where` prefixes the path in the message, `what` names the file."""
    if files.get_file_from_path(path) is not None:
        raise PluginError(f"{where}{path} occupe l'adresse {what}")
    file = File.generated(config, path, content=content)
    files.append(file)
    return file

"""The `mes-fiches` MkDocs plugin: wires build events to the engine, nothing more.

on_config loads and checks the whole collection (the same validation as
`fiches check`) and fails the build on errors; on_files adds the generated
pages; on_page_context hands fiche pages their view model.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..collection import Collection, load_collection
from ..diagnostics import Severity
from ..fiche_cache import FicheCache
from ..project import ProjectPaths
from ..render.fiche_page import fiche_view
from ..render.pages import virtual_pages
from .compact_html import compact
from .config import FichesPluginConfig
from .nav import expand_nav

log = get_plugin_logger("mes-fiches")


class FichesPlugin(BasePlugin[FichesPluginConfig]):
    def __init__(self) -> None:
        self.collection: Collection | None = None
        self._fiche_pages: dict[str, str] = {}
        self._files: Files | None = None
        self._fiche_cache = FicheCache()

    # Defining on_startup keeps this instance across `mkdocs serve` rebuilds
    # (MkDocs' documented behaviour), so that unchanged fiches are not parsed
    # again; a plain `mkdocs build` starts with an empty cache.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._fiche_cache = FicheCache()

    # Before mkdocs-macros' on_config, so that the index exists when macros
    # are defined, and a broken collection stops the build before rendering.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        paths = ProjectPaths.at(
            root,
            fiches=self.config.fiches_dir,
            registries=self.config.registries_dir,
            docs=str(Path(config.docs_dir).resolve().relative_to(root.resolve())),
        )
        self.collection = load_collection(
            paths, extra_names=frozenset(config.extra or {}), cache=self._fiche_cache
        )
        report = self.collection.report
        for diag in report.sorted():
            line = f"{diag.path}:{diag.line}:{diag.column}: {diag.text()}"
            if diag.severity == Severity.ERROR:
                log.error(line)
            elif diag.severity == Severity.WARNING:
                log.warning(line)
            else:
                log.info(line)
        if report.has_errors:
            raise PluginError(
                f"{report.count(Severity.ERROR)} erreur(s) dans les fiches ou les registres "
                "(détail ci-dessus) : corrigez-les, puis relancez. « fiches check » donne la "
                "même liste sans construire le site."
            )
        if self.config.expand_nav and config.nav:
            config.nav = expand_nav(config.nav, self.collection)
        self._fiche_pages = {f.page: str(f.number) for f in self.collection.fiches}
        self._files = None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.collection is not None
        docs_prefix = self.collection.paths.display(self.collection.paths.docs_dir)
        for file in files:
            if file.generated_by is None and not file.src_uri.startswith("assets/"):
                # edit_uri points at the repository root (mkdocs.yml).
                file.edit_uri = f"{docs_prefix}/{file.src_uri}"
        full_text = len(self.collection.fiches) <= self.config.full_text_search_up_to
        for page in virtual_pages(self.collection, full_text_search=full_text):
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                raise PluginError(
                    f"{docs_prefix}/{page.src_uri} occupe l'adresse d'une page générée : "
                    "supprimez ou renommez ce fichier."
                )
            generated = File.generated(config, page.src_uri, content=page.content)
            generated.edit_uri = page.edit_path
            files.append(generated)
        self._files = files
        return files

    def _url_of(self, src_uri: str) -> str:
        file = self._files.get_file_from_path(src_uri) if self._files is not None else None
        if file is None:
            raise PluginError(f"page introuvable : {src_uri}")
        return file.url

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        number = self._fiche_pages.get(page.file.src_uri)
        if number is not None and self.collection is not None:
            fiche = self.collection.index.fiche(number)
            assert fiche is not None
            context["fiche"] = fiche_view(  # type: ignore[typeddict-unknown-key]
                fiche, self.collection, self._url_of
            )
        return context

    # Last, after every other plugin has written its part of the page.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return compact(output)

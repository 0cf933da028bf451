"""Loading and checking a whole project: the one validation behind build and check."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from macros.check.fiche import parse_fiche
from macros.check.glossary import known_tokens, unknown_acronyms
from macros.check.html_safety import check_static_files, check_yaml_text
from macros.check.macro_grammar import (
    MAX_CONSTRUCTS,
    front_matter_problem,
    macros_rendered,
    read_macros,
)
from macros.check.markdown_safety import check_markdown
from macros.check.references import former_numbers, report_plain_refs, resolve_calls
from macros.check.registries import Registries, load_registries
from macros.core.diagnostics import Report
from macros.core.model import Fiche, FicheRef
from macros.core.project import REGISTRY_FILES, ProjectPaths
from macros.index.cross_refs import Index, build_index
from macros.index.fiche_cache import FicheCache
from macros.index.parcours import Parcours, load_parcours
from macros.index.plain_text import plain_text
from macros.read.front_matter import split
from macros.read.sources import check_foreign, read_source
from macros.read.yaml_reader import load_yaml


@dataclass
class Collection:
    paths: ProjectPaths
    registries: Registries
    fiches: list[Fiche]
    index: Index
    report: Report
    # Display path of each fiche file -> absolute path, including broken ones.
    files: dict[str, str] = field(default_factory=dict)
    # Former fiche number -> the fiche its old URL redirects to.
    redirects: dict[str, Fiche] = field(default_factory=dict)
    parcours: list[Parcours] = field(default_factory=list)
    _plain: dict[str, str] = field(default_factory=dict, repr=False)
    _pieces: dict[str, list[object]] | None = field(default=None, repr=False)

    def plain(self, markdown: str) -> str:
        """plain_text of a fiche text, worked out once for the catalogue and both
        open-data files, from the calls its fiche's one reading found."""
        if markdown not in self._plain:
            if self._pieces is None:
                self._pieces = {k: v for fiche in self.fiches for k, v in fiche.pieces.items()}
            pieces = self._pieces.get(markdown)
            self._plain[markdown] = plain_text(markdown, self.registries, self.index, pieces)
        return self._plain[markdown]


def load_collection(
    paths: ProjectPaths,
    *,
    page_variables: frozenset[str] = frozenset(),
    cache: FicheCache | None = None,
) -> Collection:
    """Read registries, fiches and documentation pages; check them all.

    `page_variables`: what a documentation page may show besides the macros.
    """
    # Loading allocates hundreds of thousands of objects that all stay alive:
    # the cyclic collector's repeated full passes would grow faster than the
    # collection, and nothing here needs a cycle collected before the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(paths, page_variables, cache)
    finally:
        if enabled:
            gc.enable()


def _load(
    paths: ProjectPaths, page_variables: frozenset[str], cache: FicheCache | None
) -> Collection:
    report = Report()
    registries = load_registries(paths, report)
    files: dict[str, str] = {}
    seen: dict[str, Fiche] = {}
    fiche_files = paths.fiche_files()
    _check_fiches_folder(paths, fiche_files, report)
    cache = cache if cache is not None else FicheCache()
    cache.check_registries([paths.registry(name) for name in REGISTRY_FILES])
    acronyms_known = known_tokens(registries)
    for path in fiche_files:
        shown = paths.display(path)
        files[shown] = str(path)
        fiche = cache.read(path, shown, report, partial(_parse, path, shown, registries))
        if fiche is None:
            continue
        number = str(fiche.number)
        if number in seen:
            report.error(
                shown,
                1,
                1,
                "numero-en-double",
                f"le numéro « {number} » est déjà celui de {seen[number].source}",
                "donnez à cette fiche un numéro libre (« fiches new » en propose un)",
            )
            continue
        seen[number] = fiche
        unknown_acronyms(fiche, registries, report, acronyms_known)
    fiches = list(seen.values())
    cache.keep_only(set(files))
    redirects = former_numbers(fiches, report)
    page_refs = _check_pages(paths, registries, report, page_variables)
    check_static_files([paths.display(p) for p in paths.static_files()], report)
    index = build_index(fiches, page_refs, redirects, report)
    for fiche in fiches:
        report_plain_refs(fiche.plain_refs, fiche.source, redirects, report)
    parcours = load_parcours(paths, index, report)
    # Last, so that what a reading above already refused is not told twice.
    check_foreign(paths.root, paths.content_dirs(), paths.display, report)
    return Collection(paths, registries, fiches, index, report, files, redirects, parcours)


def _parse(path: Path, shown: str, registries: Registries, report: Report) -> Fiche | None:
    source = read_source(path, shown, report)
    return None if source is None else parse_fiche(source, shown, registries, report)


def _check_fiches_folder(paths: ProjectPaths, fiche_files: list[Path], report: Report) -> None:
    """The folder, and Markdown the collection would silently skip: a fiche in
    a sub-folder or with another extension never reaches the site, so say so."""
    if not paths.fiches_dir.is_dir():
        report.error(
            paths.display(paths.fiches_dir),
            1,
            1,
            "dossier-absent",
            "dossier des fiches introuvable",
            "créez le dossier « fiches/ »",
        )
        return
    expected = set(fiche_files)
    # The fiches themselves are set aside before anything costs a stat or a sort.
    others = [path for path in paths.fiches_dir.rglob("*") if path not in expected]
    for path in sorted(others):
        if not path.is_file():
            continue
        if path.suffix.lower() in (".md", ".markdown", ".mdown", ".txt"):
            report.error(
                paths.display(path),
                1,
                1,
                "fiche-mal-placee",
                "ce fichier n'est pas lu comme une fiche",
                "une fiche se place directement dans « fiches/ » et se nomme "
                "<numero>.md, par exemple fiches/2.1.md ; pour un export texte, "
                "utilisez « fiches import »",
            )


def _check_pages(
    paths: ProjectPaths, registries: Registries, report: Report, allowed: frozenset[str]
) -> list[tuple[str, FicheRef]]:
    """The pages under docs/ arrive by pull request too: the fiches' rules
    apply, plus the variables the maintainers allowed."""
    refs: list[tuple[str, FicheRef]] = []
    for path in paths.page_files():
        shown = paths.display(path)
        source = read_source(path, shown, report)
        if source is None:
            continue
        parts = split(source, shown, report, required=False)
        if parts is None:
            continue
        data = None
        if parts.yaml_text.strip():
            meta = load_yaml(parts.yaml_text, shown, report, line_offset=parts.yaml_first_line - 1)
            if meta is None:
                continue
            check_yaml_text(meta, shown, report)
            data = meta.data
        problem = front_matter_problem(data)
        if problem is not None:
            report.error(
                shown,
                parts.yaml_first_line,
                1,
                "entete-macros",
                problem,
                "« render_macros: false » montre les accolades de la page telles quelles",
            )
        if not macros_rendered(data):
            # mkdocs-macros shows this page as written (the guide's examples).
            check_markdown(parts.body, shown, parts.body_first_line, report)
            continue
        # Front matter values are template variables too: a listed name the
        # page's own front matter redefines is refused.
        shown_names = allowed - set(data) if isinstance(data, dict) else allowed
        macros = read_macros(
            parts.body,
            shown,
            parts.body_first_line,
            report,
            allowed=shown_names,
            limit=MAX_CONSTRUCTS,
        )
        check_markdown(parts.body, shown, parts.body_first_line, report, macros)
        _, page_refs = resolve_calls(macros.calls, registries, shown, report)
        refs.extend((shown, ref) for ref in page_refs)
    return refs

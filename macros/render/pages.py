"""The virtual pages of the site, produced from the collection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from macros.check.glossary import all_terms
from macros.core.model import Structure, Theme
from macros.data.catalogue import build_catalogue, build_matrix
from macros.data.history import Change, newest_first
from macros.index.collection import Collection
from macros.render import editor_page, fiche_page, parcours_page, structure_page
from macros.render.html_blocks import PageSource, markdown_page
from macros.render.reader_files import FEED_PATH, NEWS_PAGE

# What a generated page's file starts with: its metadata goes to page.meta
# from the plugin, and an empty YAML header keeps MkDocs from reading
# `Key: value` lines at the start of the text (a fiche's body) as
# MultiMarkdown metadata.
NO_FRONT_MATTER = "---\n{}\n---\n\n"
CATALOGUE_PAGE = "catalogue.md"
MATRIX_PAGE = "matrice.md"
# Page source path -> the template variable and model of a page whose
# template draws more than its Markdown.
PAGE_VIEWS: dict[str, tuple[str, Callable[[Collection], Any]]] = {
    CATALOGUE_PAGE: ("catalogue", build_catalogue),
    MATRIX_PAGE: ("matrice", build_matrix),
}


def virtual_pages(
    collection: Collection,
    changes: dict[str, Change],
    *,
    feed: bool,
    full_text_search: bool = True,
) -> list[PageSource]:
    """Every generated page; `feed`: the news page offers the Atom feed."""
    reg = collection.registries
    source = reg.sources.get
    page = partial(markdown_page, collection)
    terms = all_terms(reg)
    structures = sorted(reg.structures.values(), key=lambda s: s.short_name.casefold())
    themes = sorted(reg.themes.values(), key=lambda t: t.label.casefold())
    structures_file, themes_file = source("structures", ""), source("themes", "")
    # Pages drawn from many files have no one source file to edit (None).
    pages: list[tuple[str, PageSource, str | None]] = [
        ("fiches/index.md", page("sommaire.md"), source("chapitres", "")),
        ("structures/index.md", page("structures.md", structures=structures), structures_file),
        ("themes/index.md", page("themes.md", themes=themes), themes_file),
        ("glossaire/index.md", page("glossaire.md", terms=terms), source("glossaire", "")),
        (CATALOGUE_PAGE, page("catalogue.md"), None),
        (MATRIX_PAGE, page("matrice.md"), None),
        (editor_page.PAGE, page("editeur.md"), None),
    ]
    fiche_source = partial(
        fiche_page.fiche_source,
        collection=collection,
        full_text_search=full_text_search,
        terms=terms,
    )
    pages += [(f.page, fiche_source(f), f.source) for f in collection.index.fiches.values()]
    pages += [
        (s.page, structure_page.structure_source(s, collection), structures_file)
        for s in reg.structures.values()
    ]
    theme_page = partial(page, "theme.md", fiche_boost=fiche_page.FICHE_SEARCH_BOOST)
    pages += [
        (t.page, theme_page(theme=t, structures=_involved(t, collection)), themes_file)
        for t in reg.themes.values()
    ]
    # The parcours list, one booklet per parcours, and the whole collection's booklet.
    everything = sorted(collection.parcours, key=lambda p: p.title.casefold())
    pages += [
        (parcours_page.INDEX_PAGE, page("parcours-index.md", parcours=everything), None),
        (parcours_page.COLLECTION_PAGE, parcours_page.collection_booklet(collection), None),
    ]
    pages += [
        (p.page, parcours_page.parcours_source(p, collection), p.source)
        for p in collection.parcours
    ]
    index = collection.index
    dated = [(index.fiche(n), c) for n, c in newest_first(changes) if index.fiche(n)]
    undated = [f for f in index.fiches.values() if str(f.number) not in changes]
    news = page(
        "nouveautes.md",
        feed=FEED_PATH if feed else "",
        dated=dated,
        undated=undated if index.fiches else None,
    )
    pages.append((NEWS_PAGE, news, None))
    return [
        replace(source, text=NO_FRONT_MATTER + source.text, src_uri=uri, edit_path=edit)
        for uri, source, edit in pages
    ]


def _involved(theme: Theme, collection: Collection) -> list[Structure] | None:
    """The structures a theme's fiches name, by first mention; None when they name none."""
    fiches = collection.index.fiches_of_theme.get(theme.slug, [])
    involved = dict.fromkeys(slug for fiche in fiches for slug in fiche.structures())
    known = collection.registries.structures
    return [known[s] for s in involved if s in known] if involved else None

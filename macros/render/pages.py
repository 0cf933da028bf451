"""The virtual pages of the site, produced from the collection."""

from __future__ import annotations

from dataclasses import dataclass

from macros.check.glossary import all_terms
from macros.index.collection import Collection
from macros.render import (
    catalogue_page,
    editor_page,
    fiche_page,
    glossary_page,
    indexes,
    matrix_page,
    parcours_page,
    structure_page,
    theme_page,
)
from macros.render.html_blocks import Listing, PageSource


@dataclass(frozen=True)
class VirtualPage:
    src_uri: str  # where it pretends to live under docs/
    content: str  # Markdown, with front matter
    edit_path: str | None  # the real source file, relative to the repository root
    # What the content's placeholders stand for (html_blocks.py).
    listings: tuple[Listing, ...] = ()

    @staticmethod
    def of(src_uri: str, source: str | PageSource, edit_path: str | None) -> VirtualPage:
        if isinstance(source, str):
            return VirtualPage(src_uri, source, edit_path)
        return VirtualPage(src_uri, source.text, edit_path, source.listings)


def virtual_pages(collection: Collection, *, full_text_search: bool = True) -> list[VirtualPage]:
    reg = collection.registries
    structures_src = reg.sources.get("structures", "")
    themes_src = reg.sources.get("themes", "")
    pages = [
        VirtualPage.of(
            "fiches/index.md", indexes.sommaire(collection), reg.sources.get("chapitres", "")
        ),
        VirtualPage.of("structures/index.md", indexes.structures_index(collection), structures_src),
        VirtualPage.of("themes/index.md", indexes.themes_index(collection), themes_src),
        VirtualPage(
            "glossaire/index.md",
            glossary_page.glossary_source(collection),
            reg.sources.get("glossaire", ""),
        ),
        # Drawn from every fiche: no one source file to edit.
        VirtualPage(catalogue_page.PAGE, catalogue_page.catalogue_source(collection), None),
        VirtualPage(catalogue_page.MATRIX_PAGE, matrix_page.matrix_source(collection), None),
        VirtualPage(editor_page.PAGE, editor_page.editor_source(), None),
    ]
    terms = all_terms(reg)
    for fiche in collection.index.fiches.values():
        pages.append(
            VirtualPage(
                fiche.page,
                fiche_page.fiche_source(
                    fiche, collection, full_text_search=full_text_search, terms=terms
                ),
                fiche.source,
            )
        )
    for structure in reg.structures.values():
        pages.append(
            VirtualPage.of(
                structure.page,
                structure_page.structure_source(structure, collection),
                structures_src,
            )
        )
    for theme in reg.themes.values():
        pages.append(
            VirtualPage.of(theme.page, theme_page.theme_source(theme, collection), themes_src)
        )
    pages += _parcours_pages(collection)
    return pages


def _parcours_pages(collection: Collection) -> list[VirtualPage]:
    """The parcours list, one booklet per parcours, and the whole collection's booklet.

    The list and the collection's booklet come from many files: no single one
    to edit, hence no «Modifier cette page» button (edit path None).
    """
    pages = [
        VirtualPage.of(parcours_page.INDEX_PAGE, parcours_page.parcours_index(collection), None),
        VirtualPage.of(
            parcours_page.COLLECTION_PAGE, parcours_page.collection_booklet(collection), None
        ),
    ]
    for parcours in collection.parcours:
        pages.append(
            VirtualPage(
                parcours.page,
                parcours_page.parcours_source(parcours, collection),
                parcours.source,
            )
        )
    return pages

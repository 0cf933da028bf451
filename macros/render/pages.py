"""The virtual pages of the site, produced from the collection."""

from __future__ import annotations

from dataclasses import dataclass

from ..collection import Collection
from . import fiche_page, indexes, structure_page, theme_page
from .prerender import without_macros


@dataclass(frozen=True)
class VirtualPage:
    src_uri: str  # where it pretends to live under docs/
    content: str  # Markdown, with front matter
    edit_path: str  # the real source file, relative to the repository root


def virtual_pages(collection: Collection, *, full_text_search: bool = True) -> list[VirtualPage]:
    reg = collection.registries
    structures_src = reg.sources.get("structures", "")
    themes_src = reg.sources.get("themes", "")
    pages = [
        VirtualPage(
            "fiches/index.md", indexes.sommaire(collection), reg.sources.get("chapitres", "")
        ),
        VirtualPage("structures/index.md", indexes.structures_index(collection), structures_src),
        VirtualPage("themes/index.md", indexes.themes_index(collection), themes_src),
    ]
    for fiche in collection.index.fiches.values():
        pages.append(
            VirtualPage(
                fiche.page,
                fiche_page.fiche_source(fiche, collection, full_text_search=full_text_search),
                fiche.source,
            )
        )
    for structure in reg.structures.values():
        pages.append(
            VirtualPage(
                structure.page,
                structure_page.structure_source(structure, collection),
                structures_src,
            )
        )
    for theme in reg.themes.values():
        pages.append(
            VirtualPage(theme.page, theme_page.theme_source(theme, collection), themes_src)
        )
    return [
        VirtualPage(p.src_uri, without_macros(p.content, collection), p.edit_path) for p in pages
    ]

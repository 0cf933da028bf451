"""A theme's page: its description, its fiches by chapter, the structures involved."""

from __future__ import annotations

from macros.core.model import Fiche, Theme
from macros.index.collection import Collection
from macros.render.html_blocks import PageSource, markdown_page


def theme_source(theme: Theme, collection: Collection) -> PageSource:
    reg = collection.registries
    fiches = collection.index.fiches_of_theme.get(theme.slug, [])
    chapters: dict[int, list[Fiche]] = {}
    for fiche in fiches:
        chapters.setdefault(fiche.chapter, []).append(fiche)
    involved = dict.fromkeys(slug for fiche in fiches for slug in fiche.structures())
    structures = [reg.structures[s] for s in involved if s in reg.structures]
    return markdown_page(
        collection,
        "theme.md",
        theme=theme,
        count=len(fiches),
        chapters=[(reg.chapter(number), members) for number, members in chapters.items()],
        structures=structures if involved else None,
    )

"""A theme's page: its description, its fiches by chapter, the structures involved."""

from __future__ import annotations

from macros.core.model import Fiche, Theme
from macros.index.collection import Collection
from macros.render.fiche_page import FICHE_SEARCH_BOOST
from macros.render.html_blocks import PageSource, markdown_page

# A theme is named after what its fiches answer («Ressources non monétaires et
# bénévolat»): its page must come after them for those words. Material weighs
# a title match 1,000 times a text match, and a fiche page is boosted
# FICHE_SEARCH_BOOST times: at this boost a theme's title match weighs about
# half a fiche's text match, and still more than a plain page's text match.
THEME_SEARCH_BOOST = FICHE_SEARCH_BOOST / 2000


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
        {
            "title": theme.label,
            "description": theme.description,
            "search": {"boost": THEME_SEARCH_BOOST},
        },
        theme=theme,
        count=len(fiches),
        chapters=[(reg.chapter(number), members) for number, members in chapters.items()],
        structures=structures if involved else None,
    )

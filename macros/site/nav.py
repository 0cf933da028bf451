"""Filling mkdocs.yml's nav with the generated pages.

The nav names only the three index pages; each is replaced by a section whose
index page it is (Material's `navigation.indexes`), holding the fiches by
chapter, the structures or the themes.
"""

from __future__ import annotations

from typing import Any

from ..collection import Collection


def _sections(collection: Collection) -> dict[str, list[Any]]:
    index = collection.index
    reg = collection.registries
    chapters: list[Any] = [
        {reg.chapter(number).label: [fiche.page for fiche in fiches]}
        for number, fiches in sorted(index.by_chapter.items())
    ]
    structures = sorted(reg.structures.values(), key=lambda s: s.short_name.casefold())
    themes = sorted(reg.themes.values(), key=lambda t: t.label.casefold())
    return {
        "fiches/index.md": chapters,
        "structures/index.md": [{s.short_name: s.page} for s in structures],
        "themes/index.md": [{t.label: t.page} for t in themes],
        "parcours/index.md": [
            *({p.title: p.page} for p in sorted(collection.parcours, key=lambda p: p.title)),
            {"Toutes les fiches (livret)": "impression.md"},
        ],
    }


def expand_nav(nav: list[Any], collection: Collection) -> list[Any]:
    sections = _sections(collection)

    def expand(item: Any) -> Any:
        if isinstance(item, dict):
            return {title: expand(value) for title, value in item.items()}
        if isinstance(item, list):
            return [expand(entry) for entry in item]
        if isinstance(item, str) and item in sections:
            return [item, *sections[item]]
        return item

    return [expand(item) for item in nav]

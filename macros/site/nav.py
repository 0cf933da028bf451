"""Filling mkdocs.yml's nav with the generated pages.

The nav names only the three index pages; each is replaced by a section whose
index page it is (Material's `navigation.indexes`), holding the fiches by
chapter, the structures or the themes.
"""

from __future__ import annotations

from typing import Any

from macros.index.collection import Collection

CHAPTERS_PER_GROUP = 10


def expand_nav(nav: list[Any], collection: Collection) -> list[Any]:
    index = collection.index
    reg = collection.registries
    chapters: list[Any] = [
        {reg.chapter(number).label: [fiche.page for fiche in fiches]}
        for number, fiches in sorted(index.by_chapter.items())
    ]
    chapters = _grouped(chapters, sorted(index.by_chapter))
    structures = sorted(reg.structures.values(), key=lambda s: s.short_name.casefold())
    themes = sorted(reg.themes.values(), key=lambda t: t.label.casefold())
    sections = {
        "fiches/index.md": chapters,
        "structures/index.md": [{s.short_name: s.page} for s in structures],
        "themes/index.md": [{t.label: t.page} for t in themes],
        "parcours/index.md": [
            *({p.title: p.page} for p in sorted(collection.parcours, key=lambda p: p.title)),
            {"Toutes les fiches (livret)": "impression.md"},
        ],
    }

    def expand(item: Any) -> Any:
        if isinstance(item, dict):
            return {title: expand(value) for title, value in item.items()}
        if isinstance(item, list):
            return [expand(entry) for entry in item]
        if isinstance(item, str) and item in sections:
            return [item, *sections[item]]
        return item

    return [expand(item) for item in nav]


def _grouped(chapters: list[Any], numbers: list[int]) -> list[Any]:
    """Past CHAPTERS_PER_GROUP chapters, chapters go in groups of that many.

    Every page's navigation lists every chapter (`navigation.prune` keeps the
    entries, only folding their fiches): with hundreds of chapters, each page
    would grow with the collection and the site quadratically. Grouped, a page
    lists the groups, the chapters of its own group and its chapter's fiches.
    """
    if len(chapters) <= CHAPTERS_PER_GROUP:
        return chapters
    groups: list[Any] = []
    for start in range(0, len(chapters), CHAPTERS_PER_GROUP):
        members = chapters[start : start + CHAPTERS_PER_GROUP]
        first, last = numbers[start], numbers[start + len(members) - 1]
        label = f"Chapitres {first} à {last}" if first != last else f"Chapitre {first}"
        groups.append({label: members})
    return groups

"""The index pages: sommaire (fiches by chapter), structures and themes."""

from __future__ import annotations

from macros.core.wording import plural
from macros.index.collection import Collection
from macros.render.html_blocks import PageSource, markdown_page
from macros.render.structure_page import profile_line

KIND_HEADINGS = {
    "reseau-national": "Réseau national",
    "membre-regional": "Structures membres régionales",
    "membre-national": "Structures membres nationales",
    "partenaire": "Partenaires",
}


def sommaire(collection: Collection) -> PageSource:
    index = collection.index
    reg = collection.registries
    numbers = sorted(set(index.by_chapter) | set(reg.chapters))
    chapters = [(reg.chapter(n), index.by_chapter.get(n, [])) for n in numbers]
    return markdown_page(collection, "sommaire.md", count=len(index.fiches), chapters=chapters)


def structures_index(collection: Collection) -> PageSource:
    index = collection.index
    reg = collection.registries
    groups = []
    for kind, label in KIND_HEADINGS.items():
        members = [s for s in reg.structures.values() if s.kind == kind]
        rows = [
            {
                "structure": structure,
                "profile": profile_line(structure),
                "practices": plural(len(index.practices_of.get(structure.slug, [])), "pratique"),
                "fiches": plural(len(index.fiches_of_structure.get(structure.slug, [])), "fiche"),
            }
            for structure in sorted(members, key=lambda s: s.short_name.casefold())
        ]
        if rows:
            groups.append((label, rows))
    return markdown_page(collection, "structures.md", groups=groups)


def themes_index(collection: Collection) -> PageSource:
    index = collection.index
    rows = [
        {"theme": theme, "fiches": plural(len(index.fiches_of_theme.get(theme.slug, [])), "fiche")}
        for theme in sorted(collection.registries.themes.values(), key=lambda t: t.label.casefold())
    ]
    return markdown_page(collection, "themes.md", rows=rows)

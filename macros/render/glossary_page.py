"""The generated /glossaire/ page: every known term, its expansion and definition."""

from __future__ import annotations

from macros.check.glossary import all_terms
from macros.index.collection import Collection
from macros.render.html_blocks import PageSource, markdown_page
from macros.render.links import structure_link, theme_link


def glossary_source(collection: Collection) -> PageSource:
    reg = collection.registries
    terms = all_terms(reg)
    known = {t.term for t in terms}
    entries = []
    for term in terms:
        structure = reg.structures.get(term.structure or "") if term.line == 0 else None
        if structure is not None and term.term != structure.short_name:
            continue  # an alias: listed under the structure's short name
        aliases = [a for a in structure.aliases if a in known] if structure else []
        see = []
        if term.structure and term.structure in reg.structures:
            see.append(f"la structure {structure_link(reg.structures[term.structure])}")
        if term.theme and term.theme in reg.themes:
            see.append(f"le thème {theme_link(reg.themes[term.theme])}")
        entries.append((term, aliases, see))
    return markdown_page(collection, "glossaire.md", entries=entries)

"""The generated /glossaire/ page: every known term, its expansion and definition."""

from __future__ import annotations

from macros.check.glossary import all_terms
from macros.index.collection import Collection
from macros.render.html_blocks import PageSource
from macros.render.links import escape_text, structure_link, theme_link


def glossary_source(collection: Collection) -> PageSource:
    reg = collection.registries
    known = {t.term for t in all_terms(reg)}
    out = [
        "# Glossaire",
        "",
        "Les sigles et termes employés dans les fiches. Dans une fiche, un sigle connu "
        "affiche son développement quand on le survole, le touche ou l'atteint au clavier.",
        "",
    ]
    for term in all_terms(reg):
        structure = reg.structures.get(term.structure or "") if term.line == 0 else None
        if structure is not None and term.term != structure.short_name:
            continue  # an alias: listed under the structure's short name
        out += [
            f"## {escape_text(term.term)} {{ #{term.anchor} }}",
            "",
            f"**{escape_text(term.expansion)}**",
            "",
        ]
        out += [term.definition, ""]
        aliases = [a for a in structure.aliases if a in known] if structure else []
        if aliases:
            out += ["Aussi écrit : " + ", ".join(f"« {a} »" for a in aliases) + ".", ""]
        see = []
        if term.structure and term.structure in reg.structures:
            structure = reg.structures[term.structure]
            see.append(f"la structure {structure_link(structure)}")
        if term.theme and term.theme in reg.themes:
            see.append(f"le thème {theme_link(reg.themes[term.theme])}")
        if see:
            out += ["Voir " + " et ".join(see) + ".", ""]
    description = "Les sigles et termes de l'économie solidaire employés dans les fiches."
    return PageSource("\n".join(out), {"title": "Glossaire", "description": description})

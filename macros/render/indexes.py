"""The index pages: sommaire (fiches by chapter), structures and themes."""

from __future__ import annotations

from macros.core.wording import plural
from macros.index.collection import Collection
from macros.render.html_blocks import Held, PageSource
from macros.render.links import escape_text
from macros.render.markdown import NOT_INDEXED
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
    out = [
        "# Sommaire",
        "",
        plural(
            len(index.fiches),
            "fiche publiée ou en préparation",
            "fiches publiées ou en préparation",
        )
        + ", par chapitre. "
        "Chaque fiche présente un contexte, ses enjeux et les pratiques des structures du MES.",
        "",
    ]
    chapters = sorted(set(index.by_chapter) | set(reg.chapters))
    held = Held()
    for number in chapters:
        chapter = reg.chapter(number)
        out += [f"## {escape_text(chapter.label)} {{ #chapitre-{number} {NOT_INDEXED} }}", ""]
        fiches = index.by_chapter.get(number, [])
        if fiches:
            out += [held.place("sommaire.html", fiches=fiches), ""]
        else:
            out += ["*Pas encore de fiche dans ce chapitre.*", ""]
    return held.source(out, title="Sommaire", description="Toutes les fiches, par chapitre.")


def structures_index(collection: Collection) -> PageSource:
    index = collection.index
    reg = collection.registries
    out = [
        "# Structures",
        "",
        "Les structures membres du Mouvement pour l'Économie Solidaire et leurs partenaires. "
        "Chaque page rassemble les pratiques d'une structure à travers toutes les fiches.",
        "",
    ]
    held = Held()
    for kind, label in KIND_HEADINGS.items():
        members = [s for s in reg.structures.values() if s.kind == kind]
        if not members:
            continue
        rows = [
            {
                "structure": structure,
                "profile": profile_line(structure),
                "practices": plural(len(index.practices_of.get(structure.slug, [])), "pratique"),
                "fiches": plural(len(index.fiches_of_structure.get(structure.slug, [])), "fiche"),
            }
            for structure in sorted(members, key=lambda s: s.short_name.casefold())
        ]
        out += [f"## {label}", "", held.place("structures.html", searched=True, rows=rows), ""]
    description = "Les structures du MES et leurs partenaires."
    return held.source(out, title="Structures", description=description)


def themes_index(collection: Collection) -> PageSource:
    index = collection.index
    reg = collection.registries
    out = [
        "# Thèmes",
        "",
        "Chaque thème réunit les fiches qui le traitent.",
        "",
    ]
    rows = [
        {"theme": theme, "fiches": plural(len(index.fiches_of_theme.get(theme.slug, [])), "fiche")}
        for theme in sorted(reg.themes.values(), key=lambda t: t.label.casefold())
    ]
    held = Held()
    out += [held.place("themes.html", searched=True, rows=rows), ""]
    return held.source(out, title="Thèmes", description="Les thèmes des fiches.")

"""The index pages: sommaire (fiches by chapter), structures and themes."""

from __future__ import annotations

from ..collection import Collection
from ..model import Fiche
from ..wording import plural
from .html_blocks import BREAK, Em, Held, Inline, Items, Link, PageSource
from .links import escape_text, fiche_label, link, structure_link, theme_link
from .markdown import NOT_INDEXED, front_matter
from .structure_page import profile_line

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
        front_matter(title="Sommaire", description="Toutes les fiches, par chapitre."),
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
        if not fiches:
            out += ["*Pas encore de fiche dans ce chapitre.*", ""]
        placed = held.place([Items(tuple(_sommaire_item(f) for f in fiches))]) if fiches else None
        if placed is not None:
            out += [placed, ""]
            continue
        for fiche in fiches:
            line = f"- {link(fiche_label(fiche), fiche.page)}"
            if fiche.status != "publiee":
                line += f" *({fiche.status_label.lower()})*"
            if fiche.summary:
                line += f"  \n  {fiche.summary}"
            out.append(line)
        out.append("")
    return held.source(out)


def _sommaire_item(fiche: Fiche) -> tuple[Inline, ...]:
    line: tuple[Inline, ...] = (Link(fiche_label(fiche), fiche.page),)
    if fiche.status != "publiee":
        line += (" ", Em(f"({fiche.status_label.lower()})"))
    if fiche.summary:
        line += (BREAK, fiche.summary)
    return line


def structures_index(collection: Collection) -> str:
    index = collection.index
    reg = collection.registries
    out = [
        front_matter(title="Structures", description="Les structures du MES et leurs partenaires."),
        "# Structures",
        "",
        "Les structures membres du Mouvement pour l'Économie Solidaire et leurs partenaires. "
        "Chaque page rassemble les pratiques d'une structure à travers toutes les fiches.",
        "",
    ]
    for kind, label in KIND_HEADINGS.items():
        members = [s for s in reg.structures.values() if s.kind == kind]
        if not members:
            continue
        out += [f"## {label}", ""]
        for structure in sorted(members, key=lambda s: s.short_name.casefold()):
            practices = len(index.practices_of.get(structure.slug, []))
            fiches = len(index.fiches_of_structure.get(structure.slug, []))
            out.append(
                f"- {structure_link(structure)} — {structure.name}  \n"
                f"  {profile_line(structure)} · {plural(practices, 'pratique')} · "
                f"{plural(fiches, 'fiche')}"
            )
        out.append("")
    return "\n".join(out)


def themes_index(collection: Collection) -> str:
    index = collection.index
    reg = collection.registries
    out = [
        front_matter(title="Thèmes", description="Les thèmes des fiches."),
        "# Thèmes",
        "",
        "Chaque thème réunit les fiches qui le traitent.",
        "",
    ]
    for theme in sorted(reg.themes.values(), key=lambda t: t.label.casefold()):
        count = len(index.fiches_of_theme.get(theme.slug, []))
        out.append(f"- {theme_link(theme)} — {plural(count, 'fiche')}  \n  {theme.description}")
    out.append("")
    return "\n".join(out)

"""A theme's page: its description, its fiches by chapter, the structures involved."""

from __future__ import annotations

from ..collection import Collection
from ..model import Theme
from .links import fiche_label, link, structure_link
from .markdown import NOT_INDEXED, front_matter


def theme_source(theme: Theme, collection: Collection) -> str:
    index = collection.index
    reg = collection.registries
    fiches = index.fiches_of_theme.get(theme.slug, [])
    out = [
        front_matter(title=theme.label, description=theme.description),
        f"# {theme.label}",
        "",
        theme.description.strip(),
        "",
        f"## Fiches ({len(fiches)}) {{ #fiches {NOT_INDEXED} }}",
        "",
    ]
    if not fiches:
        out += ["*Aucune fiche sur ce thème pour l'instant.*", ""]
    chapter = None
    for fiche in fiches:
        if fiche.chapter != chapter:
            chapter = fiche.chapter
            out += ["", f"**{reg.chapter(chapter).label}**", ""]
        line = f"- {link(fiche_label(fiche), fiche.page)}"
        if fiche.summary:
            line += f"  \n  {fiche.summary}"
        out.append(line)
    out.append("")
    involved: dict[str, None] = {}
    for fiche in fiches:
        for slug in fiche.structures():
            involved.setdefault(slug, None)
    if involved:
        out += ["## Structures engagées sur ce thème { #structures }", ""]
        names = [structure_link(reg.structures[s]) for s in involved if s in reg.structures]
        out += [" · ".join(names), ""]
    return "\n".join(out)

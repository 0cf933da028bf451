"""A theme's page: its description, its fiches by chapter, the structures involved."""

from __future__ import annotations

from ..collection import Collection
from ..model import Fiche, Theme
from .fiche_page import FICHE_SEARCH_BOOST
from .html_blocks import BREAK, Block, Held, Inline, Items, Link, PageSource, Paragraph, Strong
from .links import escape_text, fiche_label, link, structure_link
from .markdown import NOT_INDEXED, front_matter

# A theme is named after what its fiches answer («Ressources non monétaires et
# bénévolat»): its page must come after them for those words. Material weighs
# a title match 1,000 times a text match, and a fiche page is boosted
# FICHE_SEARCH_BOOST times: at this boost a theme's title match weighs about
# half a fiche's text match, and still more than a plain page's text match.
THEME_SEARCH_BOOST = FICHE_SEARCH_BOOST / 2000


def theme_source(theme: Theme, collection: Collection) -> PageSource:
    index = collection.index
    reg = collection.registries
    fiches = index.fiches_of_theme.get(theme.slug, [])
    out = [
        front_matter(
            title=theme.label,
            description=theme.description,
            search={"boost": THEME_SEARCH_BOOST},
        ),
        f"# {escape_text(theme.label)}",
        "",
        theme.description.strip(),
        "",
        f"## Fiches ({len(fiches)}) {{ #fiches {NOT_INDEXED} }}",
        "",
    ]
    held = Held()
    if not fiches:
        out += ["*Aucune fiche sur ce thème pour l'instant.*", ""]
    placed = held.place(_fiche_blocks(fiches, collection)) if fiches else None
    if placed is not None:
        out += [placed, ""]
        fiches_shown: list[Fiche] = []
    else:
        fiches_shown = fiches
    chapter = None
    for fiche in fiches_shown:
        if fiche.chapter != chapter:
            chapter = fiche.chapter
            out += ["", f"**{escape_text(reg.chapter(chapter).label)}**", ""]
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
    return held.source(out)


def _fiche_blocks(fiches: list[Fiche], collection: Collection) -> list[Block]:
    """The fiches by chapter: the chapter's name, then its fiches and their summaries."""
    reg = collection.registries
    blocks: list[Block] = []
    items: list[tuple[Inline, ...]] = []
    chapter = None
    for fiche in fiches:
        if fiche.chapter != chapter:
            if items:
                blocks.append(Items(tuple(items)))
                items = []
            chapter = fiche.chapter
            blocks.append(Paragraph((Strong((reg.chapter(chapter).label,)),)))
        line: tuple[Inline, ...] = (Link(fiche_label(fiche), fiche.page),)
        if fiche.summary:
            line += (BREAK, fiche.summary)
        items.append(line)
    if items:
        blocks.append(Items(tuple(items)))
    return blocks

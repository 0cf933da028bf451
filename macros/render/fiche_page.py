"""A fiche's page: its body with practice anchors, its cross-references, its view model."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..collection import Collection
from ..model import Fiche
from .links import fiche_label, fiche_link
from .markdown import NOT_INDEXED, front_matter
from .search_scope import exclude_context

RELATED = 8  # «Sur les mêmes thèmes» entries on a fiche page
_ITEM_MARKER = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])[ \t]+)")


def fiche_source(fiche: Fiche, collection: Collection, *, full_text_search: bool = True) -> str:
    meta: dict[str, Any] = {
        "title": f"{fiche.number} — {fiche.title}",
        "description": fiche.summary,
        "template": "fiche.html",
        "search": fiche.search,
    }
    keywords = ""
    if fiche.keywords:
        # In the page text, so that search finds the fiche by its keywords.
        keywords = "Mots-clés : " + ", ".join(fiche.keywords) + "\n{ .fiche-mots-cles }\n\n"
    return (
        front_matter(**meta)
        + _anchored_body(fiche, full_text_search)
        + "\n\n"
        + keywords
        + _cross_references(fiche, collection)
    )


def _anchored_body(fiche: Fiche, full_text_search: bool = True) -> str:
    """Give each practice a stable anchor (`#pratique-N`) that structure pages link to.

    Python-Markdown's attr_list cannot set an id on a tight list item, hence
    an empty span at the start of the item.
    """
    lines = fiche.body.split("\n")
    for practice in fiche.practices:
        index = practice.line - fiche.body_first_line
        anchor = f'<span class="ancre-pratique" id="{practice.anchor}"></span>'
        lines[index] = _ITEM_MARKER.sub(_prefix(anchor), lines[index], count=1)
    if not full_text_search:
        exclude_context(lines)
    return "\n".join(lines).rstrip()


def _prefix(html: str) -> Callable[[re.Match[str]], str]:
    return lambda match: match.group(1) + html


def _cross_references(fiche: Fiche, collection: Collection) -> str:
    index = collection.index
    number = str(fiche.number)
    # Titles of other fiches, which their own pages index already.
    out = [f"## Fiches liées {{ #fiches-liees {NOT_INDEXED} }}", ""]
    cited = index.cites.get(number, [])
    related = [
        f for f in index.related(fiche, limit=RELATED + len(cited)) if str(f.number) not in cited
    ]
    if cited:
        out.append("Fiches citées :")
        out.append("")
        for ref in cited:
            out.append(f"- {fiche_link(index, ref)}")
        out.append("")
    if related:
        out.append("Sur les mêmes thèmes :")
        out.append("")
        for other in related[:RELATED]:
            out.append(f"- {fiche_link(index, str(other.number))}")
        out.append("")
    if not cited and not related:
        out += ["*Aucune autre fiche liée pour l'instant.*", ""]
    out += [f"## Cette fiche est citée par {{ #citee-par {NOT_INDEXED} }}", ""]
    citing = index.cited_by.get(number, [])
    if citing:
        out += [f"- {fiche_link(index, str(other.number))}" for other in citing]
    else:
        out.append("*Aucune fiche ne cite celle-ci pour l'instant.*")
    return "\n".join(out) + "\n"


def fiche_view(
    fiche: Fiche, collection: Collection, url_of: Callable[[str], str]
) -> dict[str, Any]:
    """What `overrides/fiche.html` shows above the body.

    `url_of` maps a page's source path (`themes/x.md`) to its site-root URL,
    so that the view follows MkDocs' URL settings rather than guessing them.
    """
    reg = collection.registries
    chapter = reg.chapter(fiche.chapter)
    credited = {slug for p in fiche.practices for slug in p.credits}
    return {
        "number": str(fiche.number),
        "title": fiche.title,
        "label": fiche_label(fiche),
        "chapter": {
            "label": chapter.label,
            "url": f"{url_of('fiches/index.md')}#chapitre-{chapter.number}",
        },
        "status": fiche.status,
        "status_label": fiche.status_label,
        "summary": fiche.summary,
        "updated": fiche.updated or fiche.created,
        "themes": [
            {
                "label": reg.themes[s].label,
                "url": url_of(reg.themes[s].page),
                "title": reg.themes[s].description,
            }
            for s in fiche.themes
            if s in reg.themes
        ],
        "structures": [
            {
                "label": reg.structures[s].short_name,
                "url": url_of(reg.structures[s].page),
                "title": reg.structures[s].name,
                "credited": s in credited,
            }
            for s in fiche.structures()
            if s in reg.structures
        ],
        "authors": [reg.structures[s].short_name for s in fiche.authors if s in reg.structures],
        "practices": len(fiche.practices),
    }

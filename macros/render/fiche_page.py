"""A fiche's page: its body with practice anchors, and its view model."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from macros.check.fiche_body import CONTEXT
from macros.check.glossary import abbreviations
from macros.check.macro_grammar import Edit, apply_edits
from macros.check.markdown_blocks import ITEM_MARKER
from macros.core.model import Fiche, GlossaryTerm
from macros.core.names import fold
from macros.data.citation import AUTHOR, citation
from macros.data.history import Change, french_date
from macros.data.related import related_fiches
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.render.html_blocks import NOT_INDEXED, PageSource
from macros.render.links import PENDING_TITLE
from macros.render.reader_files import citation_paths

FICHE_SEARCH_BOOST = 5
# The headings fiche.html draws after the body, for the table of contents: (title, id).
LINKS_HEADINGS = (("Fiches liées", "fiches-liees"), ("Cette fiche est citée par", "citee-par"))

_ATTR_LIST = re.compile(r"(?<!\{)\{(?!\{)[^{}]*\}$")


def fiche_source(
    fiche: Fiche,
    collection: Collection,
    *,
    full_text_search: bool = True,
    terms: list[GlossaryTerm] | None = None,
) -> PageSource:
    """The fiche page's Markdown, the body as written with what the page adds,
    and its Jinja tree; `terms` is glossary.all_terms, worked out once by a
    caller that writes every fiche page."""
    meta: dict[str, Any] = {
        "title": f"{fiche.number} — {fiche.title}",
        "description": fiche.summary,
        "template": "fiche.html",
        # Readers search for practices: a fiche outranks the index pages that
        # merely list it. The fiche's own `search:` settings still win.
        "search": {"boost": FICHE_SEARCH_BOOST, **fiche.search},
    }
    keywords = ""
    if fiche.keywords:
        # In the page text, so that search finds the fiche by its keywords.
        keywords = "Mots-clés : " + ", ".join(fiche.keywords) + "\n{ .fiche-mots-cles }\n\n"
    body = fiche.body
    edits = body_edits(fiche, full_text_search=full_text_search)
    text = apply_edits(body, edits).rstrip() + "\n\n" + keywords
    definitions = abbreviations(collection.registries, _shown_text(fiche, text), terms=terms)
    # MkDocs drops the blank lines a page starts with; the gate compares texts.
    blank = len(body) - len(body.lstrip("\n"))
    end = len(body.rstrip())
    edits += [(0, blank, "")] if blank <= end else []
    edits.append((end, len(body), "\n\n" + keywords + definitions))
    tree = fiche.macros.edited(body, edits) if fiche.macros is not None else None
    return PageSource(apply_edits(body, edits), meta, tree=tree)


def _shown_text(fiche: Fiche, text: str) -> str | None:
    """Every text the page's `abbr` extension can see comes from `text`, except
    two, added here or answered by None (all terms):

    - the «à paraître» mark of `{{ fiche("9.9") }}`, «Fiche 9.9» (render/links.py);
    - an admonition's default title, its capitalised type (`!!! note`: «Note»).
    Other macros write links, whose text the `abbr` extension never sees
    (site/glossary_abbr.py), and escapes and entities are placeholders then.
    """
    if "!!!" in text:
        return None
    return "\n".join([text, *(f"Fiche {ref.number}" for ref in fiche.fiche_refs)])


def body_edits(fiche: Fiche, prefix: str = "", *, full_text_search: bool = True) -> list[Edit]:
    """What a page adds to the body as written, as edits of `fiche.body`.

    Each practice gets a stable anchor (`#pratique-N`) that structure pages
    link to: Python-Markdown's attr_list cannot set an id on a tight list
    item, hence an empty span at the start of the item. `prefix` keeps the
    ids unique when several fiches share a page (parcours booklets). Past a
    threshold, «Contexte et enjeux» leaves the search index (exclude_context).
    """
    lines = fiche.body.split("\n")
    starts = [0, *accumulate(len(line) + 1 for line in lines)]
    edits: list[Edit] = []
    for practice in fiche.practices:
        index = practice.line - fiche.body_first_line
        marker = ITEM_MARKER.match(lines[index])
        if marker is not None:
            anchor = f'<span class="ancre-pratique" id="{prefix}{practice.anchor}"></span>'
            edits.append((starts[index] + marker.end(), starts[index] + marker.end(), anchor))
    if not full_text_search:
        edits += [(starts[i] + s, starts[i] + e, r) for i, s, e, r in exclude_context(fiche, lines)]
    return edits


def fiche_view(
    fiche: Fiche,
    collection: Collection,
    url_of: Callable[[str], str],
    change: Change | None,
    url: str,
) -> dict[str, Any]:
    """What `overrides/fiche.html` and its partials show around the body
    (update date and citation: overrides/partials/citer.html).

    `url_of` maps a page's source path (`themes/x.md`) to its site-root URL,
    as the templates' `page_url` does, so that the view follows MkDocs' URL
    settings rather than guessing them; `url` is the fiche page's published address.
    """
    reg = collection.registries
    index = collection.index
    cited = index.cites.get(str(fiche.number), [])
    chapter = reg.chapter(fiche.chapter)
    credited = list(dict.fromkeys(slug for p in fiche.practices for slug in p.credits))
    view: dict[str, Any] = {
        "number": str(fiche.number),
        "title": fiche.title,
        "page": fiche.page,
        "label": fiche_label(fiche),
        "chapter": {
            "label": chapter.label,
            "url": f"{url_of('fiches/index.md')}#chapitre-{chapter.number}",
        },
        "status": fiche.status,
        "status_label": fiche.status_label,
        "summary": fiche.summary,
        "updated": fiche.updated or fiche.created,
        # Theme and Structure (macros/core/model.py); templates get their URLs with page_url.
        "themes": [reg.themes[s] for s in fiche.themes if s in reg.themes],
        "structures": [reg.structures[s] for s in fiche.structures() if s in reg.structures],
        "credited": credited,
        "contributors": [reg.structures[s] for s in credited if s in reg.structures],
        "keywords": fiche.keywords,
        "created": fiche.created,
        "authors": [reg.structures[s].short_name for s in fiche.authors if s in reg.structures],
        # The fiches it cites (with None for one not published yet), those close
        # by themes and structures, and those citing it: partials/fiches-liees.html.
        "links": {
            "cites": [(ref, index.fiche(ref)) for ref in cited],
            "related": related_fiches(index, fiche, exclude=frozenset(cited)),
            "cited_by": index.cited_by.get(str(fiche.number), []),
            "pending_title": PENDING_TITLE,
        },
        "author": AUTHOR,
        "citation": citation(fiche, change, url),
        "downloads": citation_paths(fiche),
    }
    if change is not None:
        view["updated"] = change.date.isoformat()
        view["updated_label"] = french_date(change.date)
    return view


# Past a threshold (plugin option `full_text_search_up_to`), a fiche's
# «Contexte et enjeux» leaves the search index: the browser builds Material's
# index from the whole JSON file before showing a first result, so its size is
# what a reader waits for. Material's documented `data-search-exclude` on its
# headings does it: titles, practices, further sections and keywords stay
# searchable, and the page itself is unchanged.
def exclude_context(fiche: Fiche, lines: list[str]) -> list[tuple[int, int, int, str]]:
    """The «Contexte et enjeux» heading and its sub-headings (the body's
    `lines`) with the exclusion added to their attribute list, or one added:
    (line index, start, end, text)."""
    inside = False
    wanted = fold(CONTEXT)
    edits = []
    for heading in fiche.headings:
        if heading.level <= 2:
            inside = heading.level == 2 and fold(heading.title) == wanted
        if not inside:
            continue
        index = heading.line - fiche.body_first_line
        line = lines[index]
        end = len(line.rstrip())
        if _ATTR_LIST.search(line[:end]):
            edits.append((index, len(line[: end - 1].rstrip()), end, f" {NOT_INDEXED} }}"))
        else:
            edits.append((index, end, end, f" {{ {NOT_INDEXED} }}"))
    return edits

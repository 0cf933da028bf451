"""Parcours booklets: the session plan, then the full text of each fiche, ready to print.

Three kinds of pages: one per parcours (/parcours/<slug>/), the list of all
parcours (/parcours/), and the whole collection as one booklet (/impression/),
which `fiches pdf` prints alongside the parcours. Their Markdown is written
by overrides/pages/parcours.md, parcours-index.md and impression.md.

A fiche inside a booklet keeps its ids unique: headings go one level down
(the fiche's title is the booklet's section heading) and are left to the
fiche's own page in search, every id gets the fiche's prefix (`f1-5-`), so
that two fiches with a «Contexte et enjeux» section, or two practices 3,
never clash, and the practices chosen for a session are marked.

The booklet's Markdown holds a placeholder per fiche (`placeholder`), so
that Python-Markdown does not convert every fiche twice: the plugin puts
there the HTML the fiche's own page got (site/booklets.py, `embedded_html`),
with those changes and relative URLs rewritten for the booklet's address.
That HTML has passed check_page_html; read again by the same spec parser
(html_spec.py), it only gets ids and fragments renamed with the fiche's
number, fixed attributes, the glossary terms' <abbr> wrappers dropped and
relative URLs re-relativised, so it stays safe. A body whose own raw HTML
would not read the same so is embedded as Markdown (`embedded_body`)
instead, its macro calls kept: mkdocs-macros renders them on the booklet
page, so links read exactly as on the fiche's own page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from macros.check.fiche_body import anchor_for
from macros.check.macro_grammar import apply_edits
from macros.core.model import Fiche
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.index.parcours import Parcours
from macros.read.html_spec import parse_fragment
from macros.render.fiche_page import body_edits
from macros.render.html_blocks import KEY, NOT_INDEXED, PageSource, markdown_page

INDEX_PAGE = "parcours/index.md"
COLLECTION_PAGE = "impression.md"
SELECTED_TITLE = "Pratique retenue pour la séance"
_URL_ATTRS = ("href", "src")
_DEMOTED = {f"h{level}": f"h{min(level + 1, 6)}" for level in range(1, 7)}
MARK = f"<!-- mes-fiches:corps {KEY} "
_MARK = re.compile(re.escape(MARK) + r"([0-9.]+) ([0-9,]*) -->")
# Raw HTML the page's HTML cannot be told from, or that names ids the prefix
# would break: <abbr> (the glossary's are dropped), headings (Markdown's alone
# go one level down), `name` anchors and ARIA references to ids.
_OWN_MARKUP = re.compile(r"<(?:abbr|h[1-6])\b|\s(?:name|aria-[a-z]+)\s*=", re.I)


def _body(fiche: Fiche, selected: tuple[int, ...]) -> str:
    if can_reuse_page_html(fiche):
        return placeholder(fiche, selected)
    return embedded_body(fiche, selected)


def _booklet(collection: Collection, page: str, **data: Any) -> PageSource:
    return markdown_page(
        collection, page, section_id=section_id, practice_id=practice_id, body=_body, **data
    )


def parcours_source(parcours: Parcours, collection: Collection) -> PageSource:
    steps = [(step, collection.index.fiches[step.number]) for step in parcours.steps]
    fiches = " · ".join(fiche_label(f) for _, f in steps)
    return _booklet(collection, "parcours.md", parcours=parcours, steps=steps, fiches=fiches)


def collection_booklet(collection: Collection) -> PageSource:
    return _booklet(collection, "impression.md")


def id_prefix(fiche: Fiche) -> str:
    """`f1-5-`: ids may not hold dots in attribute lists."""
    return "f" + str(fiche.number).replace(".", "-") + "-"


def section_id(fiche: Fiche) -> str:
    return "fiche-" + str(fiche.number).replace(".", "-")


def practice_id(fiche: Fiche, rank: int) -> str:
    return f"{id_prefix(fiche)}pratique-{rank}"


def mark_selected(text: str, fiche: Fiche, selected: tuple[int, ...]) -> str:
    """`text` with the anchors of the practices chosen for a session marked for the reader."""
    for rank in selected:
        anchor = practice_id(fiche, rank)
        text = text.replace(
            f'class="ancre-pratique" id="{anchor}"',
            f'class="ancre-pratique pratique-retenue" id="{anchor}" title="{SELECTED_TITLE}"',
        )
    return text


def embedded_body(fiche: Fiche, selected: tuple[int, ...] = ()) -> str:
    """The fiche's body as booklet Markdown; `selected` practices are marked for the reader."""
    prefix = id_prefix(fiche)
    lines = apply_edits(fiche.body, body_edits(fiche, prefix)).rstrip().split("\n")
    for heading in fiche.headings:
        # The fiche's own page is what search should find, not each booklet's copy.
        parts = [f"#{prefix}{anchor_for(heading)}", NOT_INDEXED]
        for key, value in heading.attrs.items():
            if key == "class":
                parts += [f".{name}" for name in value.split()]
            else:
                parts.append(f'{key}="{html.escape(value, quote=True)}"')
        level = "#" * min(heading.level + 1, 6)
        lines[heading.line - fiche.body_first_line] = (
            f"{level} {heading.title} {{ {' '.join(parts)} }}"
        )
    return mark_selected("\n".join(lines), fiche, selected)


def placeholder(fiche: Fiche, selected: tuple[int, ...] = ()) -> str:
    """What the booklet's Markdown holds where the fiche's page HTML goes.

    An HTML comment: Python-Markdown keeps it as it is, inside `markdown` divs too.
    """
    return f"{MARK}{fiche.number} {','.join(map(str, selected))} -->"


def fill_bodies(html: str, body: Callable[[str, tuple[int, ...]], str]) -> str:
    """`html` with each placeholder replaced by `body(number, selected)`."""

    def one(match: re.Match[str]) -> str:
        return body(match.group(1), tuple(int(rank) for rank in match.group(2).split(",") if rank))

    return _MARK.sub(one, html)


def can_reuse_page_html(fiche: Fiche) -> bool:
    """False when the body writes raw HTML that would not read the same in the
    booklet: the booklet then converts the body's Markdown again."""
    return "<" not in fiche.body or not _OWN_MARKUP.search(fiche.body)


def page_body(content: str, fiche: Fiche) -> str:
    """The fiche page's HTML without what follows the body (fiche_page.fiche_source):
    the keywords paragraph; glossary definitions leave no HTML."""
    if fiche.keywords:
        end = content.rfind('<p class="fiche-mots-cles">')
        if end >= 0:
            content = content[:end]
    return content.rstrip()


def embedded_html(
    body: str, fiche: Fiche, selected: tuple[int, ...], rebase: Callable[[str], str]
) -> tuple[str, set[str]]:
    """`body` (page_body) as the booklet shows it, and the ids it holds; `rebase`
    maps a URL relative to the fiche's page to the same target relative to the booklet."""
    prefix = id_prefix(fiche)
    parser = parse_fragment(body)
    parser.unwrap_tags(["abbr"])
    ids: set[str] = set()
    for node in parser.css("[id], [href], [src]"):
        attrs = node.attrs
        if "id" in attrs:
            new_id = prefix + (attrs["id"] or "")
            attrs["id"] = new_id
            ids.add(new_id)
        for name in _URL_ATTRS:
            url = attrs.get(name)
            if url is not None:
                attrs[name] = "#" + prefix + url[1:] if url.startswith("#") else rebase(url)
    for heading in parser.css(", ".join(_DEMOTED)):
        # One level down, left out of search, its attributes in Python-Markdown's
        # (sorted) order: the booklet reads as if Markdown had written it.
        shown = parser.create_node(_DEMOTED[heading.tag or ""])
        attributes = {NOT_INDEXED: "", **heading.attributes}
        for name in sorted(attributes):
            shown.attrs[name] = attributes[name] or ""
        shown.inner_html = heading.inner_html or ""
        heading.replace_with(shown)
    return mark_selected(parser.html or "", fiche, selected), ids

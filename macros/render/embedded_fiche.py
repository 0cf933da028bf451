"""A fiche's full text inside another page (parcours booklets), ids kept unique.

Booklets reuse the fiche page's HTML (embedded_html.py), which follows these
rules; this Markdown is what they embed when a body cannot be reused so.

The body keeps its macro calls: mkdocs-macros renders them on the booklet
page with the same macros, so structure and fiche links read exactly as on
the fiche's own page. Headings go one level down (the fiche's title is the
booklet's section heading) and every id gets the fiche's prefix, so that two
fiches with a «Contexte et enjeux» section, or two practices 3, never clash.
"""

from __future__ import annotations

import html

from macros.check.fiche_body import anchor_for
from macros.check.markdown_blocks import Heading, scan
from macros.core.diagnostics import Report
from macros.core.model import Fiche
from macros.render.fiche_page import anchored_body
from macros.render.html_blocks import NOT_INDEXED

SELECTED_TITLE = "Pratique retenue pour la séance"


def id_prefix(fiche: Fiche) -> str:
    """`f1-5-`: ids may not hold dots in attribute lists."""
    return "f" + str(fiche.number).replace(".", "-") + "-"


def section_id(fiche: Fiche) -> str:
    return "fiche-" + str(fiche.number).replace(".", "-")


def practice_id(fiche: Fiche, rank: int) -> str:
    return f"{id_prefix(fiche)}pratique-{rank}"


def embedded_body(fiche: Fiche, selected: tuple[int, ...] = ()) -> str:
    """The fiche's body for a booklet; `selected` practices are marked for the reader."""
    prefix = id_prefix(fiche)
    lines = anchored_body(fiche, prefix).split("\n")
    # The fiche was scanned (and its problems reported) when it was loaded.
    for block in scan(fiche.body, fiche.source, fiche.body_first_line, Report()):
        if isinstance(block, Heading):
            index = block.line - fiche.body_first_line
            lines[index] = _demoted(block, prefix)
    return mark_selected("\n".join(lines), fiche, selected)


def mark_selected(text: str, fiche: Fiche, selected: tuple[int, ...]) -> str:
    """`text` with the anchors of the practices chosen for a session marked for the reader."""
    for rank in selected:
        anchor = practice_id(fiche, rank)
        text = text.replace(
            f'class="ancre-pratique" id="{anchor}"',
            f'class="ancre-pratique pratique-retenue" id="{anchor}" title="{SELECTED_TITLE}"',
        )
    return text


def _demoted(heading: Heading, prefix: str) -> str:
    # The fiche's own page is what search should find, not each booklet's copy.
    parts = [f"#{prefix}{anchor_for(heading)}", NOT_INDEXED]
    for key, value in heading.attrs.items():
        if key == "class":
            parts += [f".{name}" for name in value.split()]
        else:
            parts.append(f'{key}="{html.escape(value, quote=True)}"')
    level = min(heading.level + 1, 6)
    return f"{'#' * level} {heading.title} {{ {' '.join(parts)} }}"

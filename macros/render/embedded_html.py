"""A fiche page's converted body, made into a section of a booklet.

Booklets (/impression/, /parcours/<slug>/) hold a placeholder per fiche
(`placeholder`), so that Python-Markdown does not convert every fiche twice:
the plugin puts there the HTML the fiche's own page got (site/booklets.py),
changed as embedded_fiche.py changes the Markdown: headings one level down
and left to the fiche's own page in search, every id prefixed (`f1-5-`) and
the in-page links with it, the practices chosen for a session marked, and
relative URLs rewritten for the booklet's address.

The fiche page's HTML has passed check_page_html; read again by the same
spec parser (html_spec.py), it only gets ids and fragments renamed with the
fiche's number, fixed attributes, the glossary terms' <abbr> wrappers
dropped and relative URLs re-relativised, so it stays safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from macros.core.model import Fiche
from macros.read.html_spec import parse_fragment
from macros.render.embedded_fiche import id_prefix, mark_selected
from macros.render.html_blocks import KEY, NOT_INDEXED

_URL_ATTRS = ("href", "src")
_DEMOTED = {f"h{level}": f"h{min(level + 1, 6)}" for level in range(1, 7)}
MARK = f"<!-- mes-fiches:corps {KEY} "
_MARK = re.compile(re.escape(MARK) + r"([0-9.]+) ([0-9,]*) -->")


def placeholder(fiche: Fiche, selected: tuple[int, ...] = ()) -> str:
    """What the booklet's Markdown holds where the fiche's body goes.

    An HTML comment: Python-Markdown keeps it as it is, inside `markdown` divs too.
    """
    return f"{MARK}{fiche.number} {','.join(map(str, selected))} -->"


def fill_bodies(html: str, body: Callable[[str, tuple[int, ...]], str]) -> str:
    """`html` with each placeholder replaced by `body(number, selected)`."""

    def one(match: re.Match[str]) -> str:
        return body(match.group(1), tuple(int(rank) for rank in match.group(2).split(",") if rank))

    return _MARK.sub(one, html)


# Raw HTML the page's HTML cannot be told from, or that names ids the prefix
# would break: <abbr> (the glossary's are dropped), headings (Markdown's alone
# go one level down), `name` anchors and ARIA references to ids.
_OWN_MARKUP = re.compile(r"<(?:abbr|h[1-6])\b|\s(?:name|aria-[a-z]+)\s*=", re.I)


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


@dataclass
class Embedded:
    html: str
    ids: set[str] = field(default_factory=set)


def embedded_html(
    body: str, fiche: Fiche, selected: tuple[int, ...], rebase: Callable[[str], str]
) -> Embedded:
    """`body` (page_body) as the booklet shows it; `rebase` maps a URL relative to
    the fiche's page to the same target relative to the booklet."""
    prefix = id_prefix(fiche)
    parser = parse_fragment(body)
    parser.unwrap_tags(["abbr"])
    out = Embedded("")
    for node in parser.css("[id], [href], [src]"):
        attrs = node.attrs
        if "id" in attrs:
            new_id = prefix + (attrs["id"] or "")
            attrs["id"] = new_id
            out.ids.add(new_id)
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
    out.html = mark_selected(parser.html or "", fiche, selected)
    return out

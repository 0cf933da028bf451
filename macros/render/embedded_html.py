"""A fiche page's converted body, made into a section of a booklet.

Booklets (/impression/, /parcours/<slug>/) hold a placeholder per fiche
(`placeholder`), so that Python-Markdown does not convert every fiche twice:
the plugin puts there the HTML the fiche's own page got (site/booklets.py),
changed as embedded_fiche.py changes the Markdown: headings one level down
and left to the fiche's own page in search, every id prefixed (`f1-5-`) and
the in-page links with it, the practices chosen for a session marked, and
relative URLs rewritten for the booklet's address.

The fiche page's HTML has passed check_page_html; this only renames ids and
fragments with the fiche's number, adds fixed attributes, drops the glossary
terms' <abbr> wrappers and re-relativises relative URLs, so it stays safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from macros.core.model import Fiche
from macros.render.embedded_fiche import id_prefix, mark_selected
from macros.render.html_blocks import KEY
from macros.render.markdown import NOT_INDEXED

# Python-Markdown writes its own tags with double-quoted, sorted attributes;
# raw HTML that contributors wrote keeps its own quoting, hence the three forms.
_VALUE = r"(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+)"
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s\"'<>/=]+(?:\s*=\s*" + _VALUE + r")?)*)(\s*/?)>"
)
_ATTR = re.compile(r"(\s+)([^\s\"'<>/=]+)(?:(\s*=\s*)(" + _VALUE + r"))?")
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_URL_ATTRS = ("href", "src")
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
    out = Embedded("")

    def value(raw: str, change: Callable[[str], str]) -> str:
        if raw[:1] in ("'", '"'):
            return raw[0] + change(raw[1:-1]) + raw[0]
        return change(raw)

    def new_id(old: str) -> str:
        out.ids.add(prefix + old)
        return prefix + old

    def url(old: str) -> str:
        return "#" + prefix + old[1:] if old.startswith("#") else rebase(old)

    def attribute(match: re.Match[str]) -> str:
        name, raw = match.group(2).lower(), match.group(4)
        if raw is None:
            return match.group(0)
        if name == "id":
            raw = value(raw, new_id)
        elif name in _URL_ATTRS:
            raw = value(raw, url)
        else:
            return match.group(0)
        return match.group(1) + match.group(2) + match.group(3) + raw

    def tag(match: re.Match[str]) -> str:
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if name == "abbr":
            return ""
        level = _HEADINGS.get(name)
        if level is not None:
            shown = f"h{min(level + 1, 6)}"
            if closing:
                return f"</{shown}>"
            return f"<{shown}{_heading_attributes(_ATTR.sub(attribute, attrs))}>"
        if closing or not attrs or not any(key in attrs for key in ("id=", "href=", "src=")):
            return match.group(0)
        start, end = match.span(3)
        return (
            match.string[match.start() : start]
            + _ATTR.sub(attribute, attrs)
            + match.string[end : match.end()]
        )

    out.html = mark_selected(_TAG.sub(tag, body), fiche, selected)
    return out


def _heading_attributes(attrs: str) -> str:
    """The heading's attributes with the search exclusion, in Python-Markdown's
    (sorted) order, so the booklet reads as if Markdown had written it."""
    found = [(m.group(2), m.group(0).lstrip()) for m in _ATTR.finditer(attrs)]
    if not any(name.lower() == NOT_INDEXED for name, _ in found):
        found.append((NOT_INDEXED, NOT_INDEXED))
    return "".join(" " + written for _, written in sorted(found))

"""The raw-HTML and URL policy for contributor content: one place, one list.

Markdown lets a page carry raw HTML, attribute lists (`{ onclick=… }`) and
links with any scheme, so a pull request could put a script on the published
site. These lists apply to plain-text fields and files (here), to page bodies
(markdown_safety.py) and to each page's final HTML (html_lock.py). To allow a
new harmless tag or attribute, extend the sets below.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from macros.check.macro_policy import may_hold_macros
from macros.core.diagnostics import Diagnostic, Report, Severity
from macros.read.html_spec import DOCUMENT_TAGS, LINE_END_MARK, read_line
from macros.read.yaml_reader import Located

# Tags Markdown, attr_list, md_in_html and the admonition and toc extensions
# produce, plus harmless inline markup contributors may write by hand.
ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code",
        "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
        "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s",
        "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "markdown"})
ATTRIBUTE_PREFIXES = ("data-", "aria-")
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "rel", "name", "target"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
}
# What Markdown extensions and the generated pages write into the final HTML,
# and only its check accepts: table alignment, task-list boxes and tabs
# (pymdownx.tasklist, pymdownx.tabbed), icons (pymdownx.emoji), inert controls
# that the theme's scripts bring to life. <form> and event attributes stay refused.
GENERATED_TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "input": frozenset(
        {"type", "checked", "disabled", "name", "value", "placeholder", "autocomplete"}
    ),
    "label": frozenset({"for"}),
    "button": frozenset({"type", "disabled"}),
    "select": frozenset({"name", "multiple"}),
    "option": frozenset({"value", "selected"}),
    "svg": frozenset({"xmlns", "viewbox", "width", "height", "fill", "focusable"}),
    "path": frozenset({"d", "fill", "fill-rule", "clip-rule"}),
    # Glossary terms take keyboard focus so that Material shows their tooltip
    # to keyboard, screen-reader and touch users (site/glossary_abbr.py).
    "abbr": frozenset({"tabindex"}),
}
GENERATED_STYLE = re.compile("^text-align: (left|right|center);?$")
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Anything else with a scheme (javascript:, data:, vbscript:, file:…) is refused.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Files under docs/ besides pages: MkDocs publishes them as they are, on the
# site's own origin, so an .html, .svg or .js file there would run its script
# for every reader. Theme files live in overrides/, reviewed by maintainers.
STATIC_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf"})

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")
# The target of a Markdown link or image, `[texte](cible)`, up to its `)`:
# wider than Markdown's own reading, so a space cannot hide a scheme.
INLINE_URL = re.compile(r"\]\(\s*<?([^)>\n]*)")

HINT_TAG = (
    "les balises permises sont les balises de mise en forme (abbr, sup, sub, br, kbd, "
    "mark, small, span, div, details…) ; écrivez le texte en Markdown, ou "
    "mettez l'exemple de code entre accents graves `…`"
)
HINT_URL = "les liens doivent commencer par https://, http://, mailto: ou tel:, ou être relatifs"
HINT_ATTR = "gardez les attributs class, id, title, lang, data-… et aria-…"
MESSAGE_COMMENT = (
    "commentaire HTML ou balise mal formée (« <!-- », « <![CDATA[ », « <! », « <? » "
    "ou « </ » suivi d'une espace) refusé"
)
HINT_COMMENT = (
    "un navigateur lit ces formes autrement qu'elles n'en ont l'air : supprimez-les ; "
    "pour montrer ces caractères, mettez-les entre accents graves `…` ou écrivez « &lt; »"
)
MESSAGE_UNCLOSED = "balise ouverte par « < » et non refermée par « > » sur la même ligne"
HINT_UNCLOSED = (
    "écrivez chaque balise entière sur une seule ligne, ou « \\< » ou « &lt; » pour "
    "montrer un chevron"
)


def error_at(line: int, column: int, code: str, message: str, hint: str) -> Diagnostic:
    """An error at `line` and `column` of the checked text; its caller places it in a file."""
    return Diagnostic("", line, column, Severity.ERROR, code, message, hint)


def url_problem(url: str) -> str | None:
    """Why `url` may not be published, or None; entities and hidden characters count."""
    clean = _INVISIBLE.sub("", html.unescape(url)).lower()
    match = _SCHEME.match(clean)
    if match is None or match.group(1) in SAFE_SCHEMES:
        return None
    return f"adresse « {match.group(1)}: » interdite"


def attribute_problem(tag: str | None, name: str, value: str | None) -> str | None:
    """Why attribute `name` may not be published; `tag` None means «any element»
    (attr_list lists, which apply to whatever precedes them)."""
    name = name.lower()
    if name.startswith("on"):
        return f"attribut d'événement « {name} » interdit"
    allowed = name in GLOBAL_ATTRIBUTES or name.startswith(ATTRIBUTE_PREFIXES)
    if tag is None:
        allowed = allowed or any(name in attrs for attrs in TAG_ATTRIBUTES.values())
    else:
        allowed = allowed or name in TAG_ATTRIBUTES.get(tag, frozenset())
    if not allowed:
        return f"attribut « {name} » interdit"
    if name in URL_ATTRIBUTES and value is not None:
        return url_problem(value)
    return None


def _tag_problems(
    tag: str, attrs: Iterable[tuple[str, str | None]], generated: bool
) -> list[tuple[str, str]]:
    """(message, hint) for each way one start tag breaks the policy."""
    extra = GENERATED_TAG_ATTRIBUTES.get(tag) if generated else None
    if tag not in ALLOWED_TAGS and extra is None:
        return [(f"balise <{tag}> interdite", HINT_TAG)]
    found = []
    for name, value in attrs:
        if extra is not None and name in extra:
            continue
        if generated and name == "style" and GENERATED_STYLE.match(value or ""):
            continue
        problem = attribute_problem(tag, name, value)
        if problem:
            hint = HINT_URL if "adresse" in problem else HINT_ATTR
            found.append((f"<{tag}> : {problem}", hint))
    return found


def html_problems(text: str) -> list[Diagnostic]:
    """Raw HTML of contributor text outside the allow-list, by line and column.

    Each line must start and end outside any markup: a tag, comment or CDATA
    section not closed on its line is refused, so no line can change how the
    next one is read, and an excerpt reads as it did in the whole.
    """
    found: list[Diagnostic] = []
    for number, physical in enumerate(text.split("\n"), start=1):
        if "<" not in physical:
            continue
        # Markdown also ends a line at a lone carriage return.
        for line in physical.split("\r"):
            if "<" in line:
                found.extend(_line_problems(line, number))
    return found


def _line_problems(line: str, number: int) -> list[Diagnostic]:
    lower = line.lower()
    if LINE_END_MARK in lower:
        return [
            error_at(number, 1, "html-interdit", f"balise <{LINE_END_MARK}> interdite", HINT_TAG)
        ]
    # For the message only: the verdict comes from the parser, the column
    # from the n-th «<name» of the line.
    starts: dict[str, list[int]] = {}

    def tag_column(tag: str, nth: int) -> int:
        found = starts.setdefault(tag, [])
        while len(found) < nth:
            position = lower.find(f"<{tag}", found[-1] + 1 if found else 0)
            if position == -1:
                return 1
            found.append(position)
        return found[nth - 1] + 1

    found: dict[Diagnostic, None] = {}  # both readings of the line, each problem once
    read = read_line(line)
    for elements in read.readings:
        seen: dict[str, int] = {}
        for tag, attrs in elements:
            seen[tag] = seen.get(tag, 0) + 1
            if not attrs and (tag in ALLOWED_TAGS or tag in DOCUMENT_TAGS):
                continue  # the common case; document tags are built by every parse
            # A document tag written by hand is refused: a browser moves its
            # attributes to the page's own element.
            for message, hint in _tag_problems(tag, attrs.items(), generated=False):
                code = "adresse-interdite" if hint == HINT_URL else "html-interdit"
                found[error_at(number, tag_column(tag, seen[tag]), code, message, hint)] = None
    if read.comments:
        markup = [i for i in (lower.find(m) for m in ("<!", "<?", "</")) if i != -1]
        at = min(markup, default=0) + 1
        found[error_at(number, at, "html-commentaire", MESSAGE_COMMENT, HINT_COMMENT)] = None
    elif not read.closed:
        at = lower.rfind("<") + 1
        found[error_at(number, at, "html-non-fermee", MESSAGE_UNCLOSED, HINT_UNCLOSED)] = None
    return list(found)


def text_problem(value: str, *, quotes: bool = True) -> str | None:
    """Why a plain-text field may not be published: MkDocs templates do not
    escape what they show. `quotes=False` also refuses straight double quotes,
    for values that templates put inside attributes."""
    if may_hold_macros(value):
        return "« {{ », « {% » et « {# » sont réservés aux macros"
    if "<" in value or ">" in value:
        return "les chevrons « < » et « > » (balises HTML) sont interdits dans ce champ"
    entity = entity_reference(value)
    if entity is not None:
        return (
            f"la référence d'entité HTML « {entity} » est interdite dans ce champ "
            "(écrivez le caractère lui-même)"
        )
    if not quotes and '"' in value:
        return 'les guillemets droits « " » sont interdits dans ce champ (utilisez « »)'
    for match in INLINE_URL.finditer(value):
        problem = url_problem(match.group(1))
        if problem:
            return problem
    return None


_AMPERSAND = re.compile(r"&[^&]{0,40}")


def entity_reference(value: str) -> str | None:
    """The first character reference of `value` that an HTML parser would
    decode (`&lt;`, `&#60;`, `&lt` without its semicolon…), or None: by
    html.unescape, which follows HTML5, «R&D» or «A & B» stay as they are."""
    for match in _AMPERSAND.finditer(value):
        text = match.group(0)
        decoded = html.unescape(text)
        if decoded == text:
            continue
        # The reference is the shortest start of `text` that decodes to what
        # the whole does, the rest unchanged.
        for end in range(2, len(text) + 1):
            if html.unescape(text[:end]) + text[end:] == decoded:
                return text[:end]
    return None


def check_yaml_text(
    located: Located,
    display_path: str,
    report: Report,
    *,
    quotes: bool = True,
    only: frozenset[str] | None = None,
) -> bool:
    """Report plain-text fields (front matter, registries) that could inject markup;
    `only` limits the check to these top-level keys (the others hold Markdown)."""
    ok = True
    for path, raw in sorted(located.raw.items(), key=lambda item: located.where(item[0])):
        if only is not None and (not path or path[0] not in only):
            continue
        problem = text_problem(raw, quotes=quotes)
        if problem is None:
            continue
        ok = False
        line, column = located.where(path)
        report.error(
            display_path,
            line,
            column,
            "texte-interdit",
            f"valeur refusée : {problem}",
            "ce champ est du texte simple, publié tel quel ; retirez ces caractères",
        )
    return ok


def check_static_files(files: list[str], report: Report) -> None:
    """Report files under docs/ that MkDocs would publish as they are and that
    are not inert media (`files`: display paths of every non-Markdown file)."""
    for shown in files:
        suffix = PurePosixPath(shown).suffix.lower()
        if suffix in STATIC_SUFFIXES:
            continue
        report.error(
            shown,
            1,
            1,
            "fichier-interdit",
            f"fichier « {PurePosixPath(shown).name} » refusé dans docs/ : il serait "
            "publié tel quel sur le site",
            "seules les pages .md et les images ou PDF (.png, .jpg, .gif, .webp, .avif, .pdf) "
            "vont dans docs/ ; les styles et scripts vont dans overrides/, relus par les "
            "mainteneurs",
        )

"""What Pagefind reads in a rendered page: the content area, its weight, its hidden forms.

Pagefind indexes the built HTML, not Material's search index, so the choices
Material's index makes are written into the page as Pagefind's documented
attributes:

- the article gets `data-pagefind-body`, so that navigation, header, footer
  and every page left without it (`search: exclude`, the booklets) stay out;
- sections that Material's index skips (`data-search-exclude` on a heading
  or an element) get `data-pagefind-ignore` on each of their elements;
- pages that Material's index boosts (fiche pages: FICHE_SEARCH_BOOST) weigh
  more (`data-pagefind-weight`);
- the forms a reader types that the page does not hold (search_terms.py)
  go in a `variantes` metadata field: Pagefind 1.5 searches metadata, and its
  result excerpts show only the page's own words.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Material's own exclusion marker, as macros/render/markdown.py writes it.
MATERIAL_EXCLUDE = "data-search-exclude"
IGNORE = "data-pagefind-ignore"
VARIANTS_KEY = "variantes"
# Boosted pages' hidden forms (fiche pages'): the search page weighs this key
# more (overrides/assets/javascripts/recherche-pagefind.js), as their text.
FICHE_VARIANTS_KEY = "variantes_fiche"

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_SKIPPED_TEXT = frozenset({"script", "style"})


class _Sections(HTMLParser):
    """Offsets of the start tags to mark, and the text that stays indexed.

    A heading marked for exclusion excludes itself and its following siblings
    up to the next heading of the same parent, as Material's indexer ends a
    section at the next heading.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[int, int]] = []
        self.kept: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        # Per open parent (index 0: the fragment itself): inside an excluded section?
        self._excluding: list[bool] = [False]

    def _ignored(self) -> bool:
        return any(ignored for _, ignored in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marked = any(name == MATERIAL_EXCLUDE for name, _ in attrs)
        if tag in _HEADINGS:
            self._excluding[-1] = marked
        ignored = marked or self._excluding[-1]
        if ignored and not self._ignored():
            self.marks.append(self.getpos())
        if tag in _VOID:
            return
        self._stack.append((tag, ignored))
        self._excluding.append(False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                del self._excluding[depth + 1 :]
                return

    def handle_data(self, data: str) -> None:
        if self._ignored() or (self._stack and self._stack[-1][0] in _SKIPPED_TEXT):
            return
        if self._excluding[-1]:
            return
        self.kept.append(data)


def ignore_excluded_sections(content: str) -> tuple[str, str]:
    """The page body with Pagefind told to skip what Material's index skips, and the
    text that remains indexed (for the hidden forms)."""
    if MATERIAL_EXCLUDE not in content:
        return content, content
    parser = _Sections()
    parser.feed(content)
    parser.close()
    starts = [0] + [m.end() for m in re.finditer("\n", content)]
    offsets = sorted(starts[line - 1] + column for line, column in parser.marks)
    out: list[str] = []
    position = 0
    for offset in offsets:
        name_end = re.compile(r"<[^\s/>]+").match(content, offset)
        if name_end is None:
            continue
        out.append(content[position : name_end.end()])
        out.append(f" {IGNORE}")
        position = name_end.end()
    out.append(content[position:])
    return "".join(out), " ".join(parser.kept)


def mark_article(output: str, *, weight: float | None, variants: list[str]) -> str:
    """The page with its article opened to Pagefind; unchanged if it has no article.

    A `weight` (Material's page boost) multiplies its words' weight; its
    hidden forms then weigh more too.
    """
    attributes = " data-pagefind-body"
    key = VARIANTS_KEY
    if weight is not None:
        attributes += f' data-pagefind-weight="{weight:g}"'
        key = FICHE_VARIANTS_KEY
    if variants:
        value = html.escape(f"{key}:{' '.join(variants)}", quote=True)
        attributes += f' data-pagefind-meta="{value}"'
    return _ARTICLE.sub(lambda m: m.group(0) + attributes, output, count=1)

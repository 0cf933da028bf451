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

from macros.read.html_spec import Node, parse_fragment
from macros.render.html_blocks import NOT_INDEXED

IGNORE = "data-pagefind-ignore"
VARIANTS_KEY = "variantes"
# Boosted pages' hidden forms (fiche pages'): the search page weighs this key
# more (overrides/assets/javascripts/recherche-pagefind.js), as their text.
FICHE_VARIANTS_KEY = "variantes_fiche"

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED_TEXT = frozenset({"script", "style"})


def ignore_excluded_sections(content: str) -> tuple[str, str]:
    """The page body with Pagefind told to skip what Material's index skips, and the
    text that remains indexed (for the hidden forms).

    A heading marked for exclusion excludes itself and its following siblings
    up to the next heading of the same parent, as Material's indexer ends a
    section at the next heading. The body is read by the spec parser
    (html_spec.py) and given back as its serialisation: the lock already made
    the page that serialisation, so only the added attributes change.
    """
    if NOT_INDEXED not in content:
        return content, content
    parser = parse_fragment(content)
    kept: list[str] = []
    _mark_children(parser.root, ignored=False, kept=kept)
    return parser.html or "", " ".join(kept)


def _mark_children(first: Node | None, *, ignored: bool, kept: list[str]) -> None:
    """Mark the siblings from `first` on; `ignored`: an ancestor is marked."""
    excluding = False  # inside a section whose heading is marked
    node = first
    while node is not None:
        if node.is_text_node:
            if not ignored and not excluding:
                kept.append(node.text_content or "")
        elif node.is_element_node:
            tag = (node.tag or "").lower()
            marked = NOT_INDEXED in node.attributes
            if tag in _HEADINGS:
                excluding = marked
            mine = marked or excluding
            if mine and not ignored:
                node.attrs[IGNORE] = ""
            if tag not in _SKIPPED_TEXT:
                _mark_children(node.first_child, ignored=ignored or mine, kept=kept)
        node = node.next


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

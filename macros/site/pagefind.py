"""Pagefind search for online deployments (plugin option `recherche: pagefind`).

Material's search makes the browser download its whole index and build it
before the first result: about 5 s at 5,000 fiches (docs/performances.md).
Pagefind indexes the built site once, at build time, and the browser then
fetches only the few index chunks a query needs. Material's search stays the
default, and the only choice offline: Pagefind loads its index with fetch(),
which pages opened from file:// may not do.

With Pagefind, Material's search plugin keeps drawing the header's search
slot (overrides/partials/search.html shows Pagefind's button there), but
indexes no page: every page is marked `search: exclude` for it, once its own
choice has been noted for Pagefind, and its near-empty index is deleted.

Pagefind indexes the built HTML, not Material's search index, so the choices
Material's index makes are written into the page as Pagefind's documented
attributes:

- the article gets `data-pagefind-body`, so that navigation, header, footer
  and every page left without it (`search: exclude`, the booklets) stay out;
- sections that Material's index skips (`data-search-exclude` on a heading
  or an element) get `data-pagefind-ignore` on each of their elements;
- pages that Material's index boosts (fiche pages: FICHE_SEARCH_BOOST) weigh
  more (`data-pagefind-weight`);
- the forms a reader types that the page does not hold (data/search_index.py)
  go in a `variantes` metadata field: Pagefind 1.5 searches metadata, and its
  result excerpts show only the page's own words.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from macros.data.search_index import Forms, PageWords, folded, page_words, plain_text, tokens
from macros.index.collection import Collection
from macros.read.html_spec import Node, parse_fragment
from macros.render.html_blocks import NOT_INDEXED

PAGEFIND = "pagefind"
LANGUAGE = "fr"
# Parts of the article that Material's index never sees either (they are
# drawn by templates, not written in the page's Markdown), and the «¶» of
# heading permalinks.
NOT_CONTENT = (
    ".headerlink",
    ".md-content__button",
    ".bouton-imprimer",
    ".fiches-liees",
    ".fiche-citer",
    ".fiche-source-impression",
    ".md-source-file",
)
IGNORE = "data-pagefind-ignore"
VARIANTS_KEY = "variantes"
# Boosted pages' hidden forms (fiche pages'): the search page weighs this key
# more (overrides/assets/javascripts/recherche-pagefind.js), as their text.
FICHE_VARIANTS_KEY = "variantes_fiche"

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIPPED_TEXT = frozenset({"script", "style"})
_DEFAULT_SEPARATOR = r"[\s\-]+"
TIMEOUT_S = 600


def offline_requested(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return plugin is not None and bool(getattr(plugin.config, "enabled", False))


def check_choice(choice: str, config: MkDocsConfig) -> None:
    """Refuse Pagefind for the offline copy, whose pages cannot fetch its index."""
    if choice == PAGEFIND and offline_requested(config):
        raise PluginError(
            "mkdocs.yml : « recherche: pagefind » ne fonctionne pas dans la copie hors ligne "
            "(OFFLINE=true) : ouverte depuis un dossier, une page ne peut pas charger l'index "
            "de Pagefind. Construisez la copie hors ligne avec RECHERCHE=material (ce que fait "
            "« make offline »)."
        )


def candidate_forms(text: str, extra: PageWords, forms: Forms) -> set[str]:
    """Forms a reader may type for a page: those of its indexed `text`, and its other names."""
    return forms.of(text)[1] | forms.all_of((*extra.names, *extra.header))


def hidden_forms(candidates: set[str], shown: str, separator: re.Pattern[str]) -> list[str]:
    """The candidates Pagefind would not match in the `shown` text on its own.

    Pagefind already ignores accents and elided articles; the inclusive forms
    («porteuses» for «porteur·ses») and a page's unwritten names remain.
    """
    reached = {folded(w) for w in tokens(shown, separator)}
    # One form per folded spelling: Pagefind matches «adherente» as «adhérente».
    kept = {folded(w): w for w in sorted(candidates, reverse=True) if w.isalnum()}
    return sorted(w for key, w in kept.items() if key not in reached)


class PagefindSearch:
    """One build's Pagefind state: the pages left out, and each page's hidden forms."""

    def __init__(self, config: MkDocsConfig, collection: Collection) -> None:
        search = config.plugins.get("material/search")
        pattern = getattr(search.config, "separator", None) if search is not None else None
        self._separator = re.compile(pattern or _DEFAULT_SEPARATOR)
        self._forms = Forms(self._separator)
        self._words = page_words(collection)
        self._weights: dict[str, float] = {}
        self._candidates: dict[str, set[str]] = {}

    def prepare(self, html: str, page: Page) -> str:
        """The page body marked for Pagefind; the page left out of Material's index."""
        src = page.file.src_uri
        search = page.meta.get("search")
        search = dict(search) if isinstance(search, dict) else {}
        if search.get("exclude"):
            return html
        page.meta["search"] = {**search, "exclude": True}
        boost = search.get("boost")
        # Boosts below 1 (theme pages, overrides/pages/theme.md) offset the weight of
        # lunr's title field, which Pagefind does not have: they stay Material's.
        if isinstance(boost, int | float) and boost > 1:
            # Material's page boost (FICHE_SEARCH_BOOST on fiche pages, or a
            # fiche's own), within Pagefind's weights, 0 to 10.
            self._weights[src] = min(max(float(boost), 0.0), 10.0)
        marked, kept = ignore_excluded_sections(html)
        extra = self._words.get(src, PageWords())
        self._candidates[src] = candidate_forms(plain_text(kept), extra, self._forms)
        return marked

    def mark(self, output: str, page: Page) -> str:
        src = page.file.src_uri
        candidates = self._candidates.get(src)  # None: a page search leaves out
        if candidates is None:
            return output
        start, end = output.find("<article"), output.find("</article>")
        shown = plain_text(output[start:end]) if 0 <= start < end else ""
        forms = hidden_forms(candidates, shown, self._separator)
        return mark_article(output, weight=self._weights.get(src), variants=forms)


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


def build_index(site_dir: Path) -> None:
    """Index the built site into site_dir/pagefind/, or fail the build in French."""
    from pagefind_bin import get_executable

    material_index = site_dir / "search" / "search_index.json"
    material_index.unlink(missing_ok=True)
    if material_index.parent.is_dir() and not any(material_index.parent.iterdir()):
        material_index.parent.rmdir()
    try:
        command = [str(get_executable()), "--site", str(site_dir), "--force-language", LANGUAGE]
        command += ["--exclude-selectors", ", ".join(NOT_CONTENT), "--quiet"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(
            f"recherche Pagefind : l'indexation n'a pas pu s'exécuter ({error})."
        ) from error
    if result.returncode != 0:
        raise PluginError(
            "recherche Pagefind : l'indexation a échoué (code "
            f"{result.returncode}) :\n{result.stdout}{result.stderr}"
        )

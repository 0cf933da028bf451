"""Enriching Material's search index with the forms readers type (search_terms.py).

Material's search worker indexes every field listed in the index's
`config.fields` (lunr's `this.field(name)` with an extractor reading
`doc[name]`), but its result template only shows a document's `title`, `text`
and `tags`. Extra fields are thus searched and never displayed: the variant
terms go there, one field weighted as the title and one as the text, so that
«economie» ranks a page as «économie» would. Nothing is written into `title`
or `text`, so snippets stay exactly the page's words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from macros.data.search_terms import plain_text, tokens, variants
from macros.index.collection import Collection

# Short names: they are repeated in every enriched entry of the index.
TITLE_ALT = "title_alt"
TEXT_ALT = "text_alt"


@dataclass(frozen=True)
class Growth:
    """What the enrichment added to the index, for the build log and the size budget."""

    terms: int
    bytes_before: int
    bytes_after: int

    @property
    def ratio(self) -> float:
        return (self.bytes_after - self.bytes_before) / self.bytes_before


def compact(candidates: Iterable[str], present: Iterable[str]) -> list[str]:
    """The candidates a prefix query would not already reach, sorted.

    Material turns every query term into a prefix query («porteur*»), so a
    candidate that starts another indexed word («porteuse» beside
    «porteuses») would only repeat it. In sorted order, the words that start
    with a term come right after it: only the next word needs a look.
    """
    wanted = set(candidates)
    ordered = sorted(wanted | set(present))
    return [
        term
        for term, after in zip(ordered, [*ordered[1:], None], strict=False)
        if term in wanted and (after is None or not after.startswith(term))
    ]


class _Forms:
    """The words and reader forms of texts, worked out once per distinct chunk.

    Index entries repeat the same words thousands of times; a text's forms
    are the union of its whitespace-separated chunks' forms, because neither
    an inclusive word nor a separator match spans whitespace. A separator that
    does not split on whitespace (a site's own setting) gets the whole-text
    path. Lives for one enrichment: no cache outlives a build.
    """

    def __init__(self, separator: re.Pattern[str]) -> None:
        self.separator = separator
        self._by_chunk: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._chunked = len(tokens("a b\tc\u00a0d\ne", separator)) == 5

    def of(self, text: str) -> tuple[set[str], set[str]]:
        """`text`'s own words (as the worker indexes them), and the forms it does not hold."""
        if not self._chunked:
            words = tokens(text, self.separator)
            return set(words), variants(text, self.separator, words)
        own: set[str] = set()
        found: set[str] = set()
        cache = self._by_chunk
        for chunk in set(text.split()):
            entry = cache.get(chunk)
            if entry is None:
                words = tokens(chunk, self.separator)
                # Not yet minus the other chunks' words: only the whole text says.
                forms = variants(chunk, self.separator, words)
                entry = cache[chunk] = (frozenset(words), frozenset(forms))
            own |= entry[0]
            found |= entry[1]
        return own, found - own

    def all_of(self, texts: Iterable[str]) -> set[str]:
        """Every word and form of several texts together."""
        return set().union(*(own | forms for own, forms in map(self.of, texts)))


@dataclass(frozen=True)
class PageWords:
    """Words that must find a page though Material does not index them.

    `names` weigh as the page's title; `header` as its text.
    """

    names: tuple[str, ...] = ()
    header: tuple[str, ...] = ()


def page_words(collection: Collection) -> dict[str, PageWords]:
    """By source page path: a structure's short name and aliases (OPALE's page
    is found by «CRDLA Culture»), a theme's label, and what a fiche's template
    shows above its body (summary, themes, structures), which Material's
    indexer never sees.
    """
    reg = collection.registries
    words: dict[str, PageWords] = {}
    for structure in reg.structures.values():
        words[structure.page] = PageWords(names=(structure.short_name, *structure.aliases))
    for theme in reg.themes.values():
        words[theme.page] = PageWords(names=(theme.label,))
    for fiche in collection.fiches:
        header = [fiche.summary, reg.chapter(fiche.chapter).label]
        header += [reg.themes[s].label for s in fiche.themes if s in reg.themes]
        for slug in fiche.structures():
            if slug in reg.structures:
                header += [reg.structures[slug].short_name, *reg.structures[slug].aliases]
        words[fiche.page] = PageWords(header=tuple(header))
    return words


def _entry_terms(
    title: str, text: str, extra: PageWords, forms: _Forms
) -> tuple[list[str], list[str]]:
    title_words, title_candidates = forms.of(title)
    title_candidates |= forms.all_of(extra.names)
    title_alt = compact(title_candidates - title_words, title_words)
    # A word the title fields already reach finds the entry: no need to repeat it.
    text_words, text_candidates = forms.of(text)
    reached = text_words | title_words | set(title_alt)
    text_candidates |= forms.all_of(extra.header)
    text_alt = compact(text_candidates - reached, reached)
    return title_alt, text_alt


def enrich(index: dict[str, Any], extra: Mapping[str, PageWords]) -> int:
    """Add the hidden variant fields to a parsed search index, in place.

    `extra` maps a page's URL (the location of its first entry) to words that
    must find it. Running it twice gives the same index. Returns the number
    of terms added.
    """
    config = index["config"]
    forms = _Forms(re.compile(config["separator"]))
    fields = config["fields"]
    fields[TITLE_ALT] = {"boost": fields.get("title", {}).get("boost", 1.0)}
    fields[TEXT_ALT] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    added = 0
    for doc in index["docs"]:
        doc.pop(TITLE_ALT, None)
        doc.pop(TEXT_ALT, None)
        title_alt, text_alt = _entry_terms(
            plain_text(doc.get("title", "")),
            plain_text(doc.get("text", "")),
            extra.get(doc["location"], PageWords()),
            forms,
        )
        if title_alt:
            doc[TITLE_ALT] = " ".join(title_alt)
        if text_alt:
            doc[TEXT_ALT] = " ".join(text_alt)
        added += len(title_alt) + len(text_alt)
    return added


def enrich_json(data: str, extra: Mapping[str, PageWords]) -> tuple[str, Growth]:
    """`enrich` on the text of search_index.json, written as Material writes it.

    ASCII escapes, as Material's own file: the offline copy loads the index
    as a script, whatever encoding the browser assumes for it.
    """
    index = json.loads(data)
    before = _dump(index)
    added = enrich(index, extra)
    enriched = _dump(index)
    return enriched, Growth(added, len(before), len(enriched))


def _dump(index: dict[str, Any]) -> str:
    return json.dumps(index, separators=(",", ":"))

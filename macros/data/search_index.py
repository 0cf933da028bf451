"""Enriching Material's search index with the forms readers type (search_terms.py).

Material's worker indexes every field of `config.fields` but shows only
`title`, `text` and `tags`: the variant terms go into two extra fields, weighted
as the title and as the text, so snippets stay exactly the page's words.
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


def compact(candidates: Iterable[str], present: Iterable[str]) -> list[str]:
    """The candidates a prefix query («porteur*») would not already reach, sorted.

    In sorted order, the words that start with a term come right after it.
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

    Neither an inclusive word nor a separator match spans whitespace, so a
    text's forms are its chunks' forms, unless the site's separator does not
    split on whitespace. Lives for one enrichment: no cache outlives a build.
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
        return set().union(*(own | forms for own, forms in map(self.of, texts)))


@dataclass(frozen=True)
class PageWords:
    """Words that must find a page though Material does not index them."""

    names: tuple[str, ...] = ()  # weigh as the page's title
    header: tuple[str, ...] = ()  # weigh as its text


def page_words(collection: Collection) -> dict[str, PageWords]:
    """By source page path: a structure's short name and aliases, a theme's
    label, and what a fiche's template shows above its body."""
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


def enrich(index: dict[str, Any], extra: Mapping[str, PageWords]) -> int:
    """Add the hidden variant fields to a parsed search index, in place; the number of terms.

    `extra` maps a page's URL (the location of its first entry) to words that must find it.
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
        page = extra.get(doc["location"], PageWords())
        title_words, title_candidates = forms.of(plain_text(doc.get("title", "")))
        title_candidates |= forms.all_of(page.names)
        title_alt = compact(title_candidates - title_words, title_words)
        # A word the title fields already reach finds the entry: no need to repeat it.
        text_words, text_candidates = forms.of(plain_text(doc.get("text", "")))
        reached = text_words | title_words | set(title_alt)
        text_candidates |= forms.all_of(page.header)
        text_alt = compact(text_candidates - reached, reached)
        if title_alt:
            doc[TITLE_ALT] = " ".join(title_alt)
        if text_alt:
            doc[TEXT_ALT] = " ".join(text_alt)
        added += len(title_alt) + len(text_alt)
    return added


def enrich_json(data: str, extra: Mapping[str, PageWords]) -> tuple[str, int]:
    """`enrich` on the text of search_index.json, written as Material writes it.

    ASCII escapes, as Material's own file: the offline copy loads the index
    as a script, whatever encoding the browser assumes for it.
    """
    index = json.loads(data)
    added = enrich(index, extra)
    return json.dumps(index, separators=(",", ":")), added

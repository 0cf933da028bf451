"""The words a French reader may type for a text, and Material's search index
enriched with those the page does not hold.

The search matches a query term only as the start of an indexed word, unstemmed:
«porteur·ses» is not found by «porteuses», nor «économie» by «economie».
Material's worker indexes every field of `config.fields` but shows only
`title`, `text` and `tags`: the variant terms go into two extra fields, weighted
as the title and as the text, so snippets stay exactly the page's words.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from macros.index.collection import Collection

# The middle dot and the look-alikes that writers and keyboards put in its place.
MIDDLE_DOTS = "·∙•‧⋅"
APOSTROPHES = "'’ʼ‘"

_LETTERS = r"[^\W\d_]"
# «porteur·ses», «salarié·e·s»: letters joined by middle dots, nothing else.
# The look-behinds spare a retry from every letter of every word.
_DOTTED = re.compile(rf"(?<!{_LETTERS}){_LETTERS}+(?:[{MIDDLE_DOTS}]{_LETTERS}+)+")
# The older «adhérent(e)s», «structure(s)».
_BRACKETED = re.compile(rf"(?<!{_LETTERS})({_LETTERS}{{2,}})\(({_LETTERS}+)\)({_LETTERS}*)")
_ELISION = re.compile(rf"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)[{APOSTROPHES}](.+)$")
_TAGS = re.compile(r"<[^>]*>")

# Endings, feminine rules and irregular forms of inclusive writing: data that a
# French reader of the network can extend without reading this module.
_RULES = yaml.safe_load(
    resources.files("macros").joinpath("templates", "ecriture-inclusive.yml").read_bytes()
)
_FEMININE_ENDINGS: list[str] = _RULES["terminaisons_feminines"]
_ENDINGS = frozenset({"s", *_FEMININE_ENDINGS, *(e + "s" for e in _FEMININE_ENDINGS)})
_FEMININE_RULES: list[tuple[str, str, int, str]] = [tuple(rule) for rule in _RULES["feminins"]]
IRREGULAR = {key: tuple(forms) for forms, keys in _RULES["irreguliers"] for key in keys}

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "OE", "Æ": "AE"})


def unaccented(word: str) -> str:
    """«économie» → «economie», «cœur» → «coeur»: unlike names.fold, it keeps
    case and spacing, and spells out ligatures, which Unicode does not decompose."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_LIGATURES))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def bare(word: str) -> str:
    """The word without its elided article or pronoun: «l'économie» → «économie»."""
    match = _ELISION.match(word)
    return match.group(1) if match else word


def folded(word: str) -> str:
    """What Pagefind matches a word as: without elision, accents or case."""
    return unaccented(bare(word)).lower()


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    if word.endswith(("eau", "eu")):
        return word + "x"
    return word + "s"


def _feminine(stem: str, ending: str) -> str:
    for masculine, written, drop, tail in _FEMININE_RULES:
        if stem.endswith(masculine) and ending == written:
            return (stem[:-drop] if drop else stem) + tail
    return stem + ending


def _singular(stem: str, ending: str) -> str:
    """The singular of a stem written in the plural: «locaux·les», «nouveaux·elles»."""
    if stem.endswith("eaux"):
        return stem[:-1]
    if stem.endswith("aux") and ending in ("le", "ale"):
        return stem[:-3] + "al"
    return stem


def inclusive_forms(word: str) -> tuple[str, ...]:
    """«porteur·ses» → porteur, porteurs, porteuse, porteuses; «kW·h» → ()."""
    lowered = word.lower().translate({ord(dot): "·" for dot in MIDDLE_DOTS})
    if lowered in IRREGULAR:
        return IRREGULAR[lowered]
    stem, *rest = lowered.split("·")
    ending = "".join(rest)
    if (
        not rest
        or len(stem) < 2
        or ending not in _ENDINGS
        or not all(part.isalpha() for part in (stem, *rest))
    ):
        return ()
    feminine_ending = ending[:-1] if ending.endswith("s") and ending != "s" else ending
    if ending == "s":
        return (stem, _plural(stem))
    masculine = _singular(stem, feminine_ending)
    feminine = _feminine(masculine, feminine_ending)
    return tuple(dict.fromkeys((masculine, _plural(masculine), feminine, _plural(feminine))))


def _inclusive_words(text: str) -> Iterable[str]:
    if any(dot in text for dot in MIDDLE_DOTS):
        for match in _DOTTED.finditer(text):
            yield from inclusive_forms(match.group(0))
    if "(" not in text:
        return
    for match in _BRACKETED.finditer(text):
        stem, inner, after = match.groups()
        yield from inclusive_forms(f"{stem}·{inner}" + (f"·{after}" if after else ""))


def plain_text(html_text: str) -> str:
    return html.unescape(_TAGS.sub(" ", html_text))


def tokens(text: str, separator: re.Pattern[str]) -> list[str]:
    """The words the search worker indexes for `text`: split on the separator, lower case."""
    return [part.lower() for part in separator.split(text) if part]


def variants(text: str, separator: re.Pattern[str], words: Iterable[str] | None = None) -> set[str]:
    """Every form a reader may type for `text` that is not one of its words.

    `words` are `tokens(text, separator)`, when the caller has them already.
    """
    own = set(tokens(text, separator) if words is None else words)
    found = {form for w in _inclusive_words(text) for form in tokens(w, separator)}
    found |= {bare(w) for w in own if not w.isalnum()}
    found |= {unaccented(w) for w in own | found}
    return found - own


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


class Forms:
    """The words and reader forms of texts, worked out once per distinct chunk.

    Neither an inclusive word nor a separator match spans whitespace, so a
    text's forms are its chunks' forms, unless the site's separator does not
    split on whitespace. Lives for one build: no cache outlives it.
    """

    def __init__(self, separator: re.Pattern[str]) -> None:
        self.separator = separator
        self._chunked = len(tokens("a b\tc\u00a0d\ne", separator)) == 5
        self._of_chunk = cache(self._forms)

    def _forms(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        words = tokens(text, self.separator)
        return frozenset(words), frozenset(variants(text, self.separator, words))

    def of(self, text: str) -> tuple[set[str], set[str]]:
        """`text`'s own words (as the worker indexes them), and the forms it does not hold."""
        if not self._chunked:
            words, forms = self._forms(text)
            return set(words), set(forms)
        own: set[str] = set()
        found: set[str] = set()
        for chunk in set(text.split()):
            # Not yet minus the other chunks' words: only the whole text says.
            words, forms = self._of_chunk(chunk)
            own |= words
            found |= forms
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
    forms = Forms(re.compile(config["separator"]))
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

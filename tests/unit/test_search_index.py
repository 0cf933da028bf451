"""Enriching Material's search index (macros/data/search_index.py)."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from macros.data.search_index import (
    TEXT_ALT,
    TITLE_ALT,
    Forms,
    PageWords,
    compact,
    enrich,
    enrich_json,
    page_words,
    tokens,
    variants,
)
from macros.index.collection import Collection
from tests.unit.test_search_terms import SEPARATOR


def _index(*docs: dict[str, str]) -> dict[str, Any]:
    return {
        "config": {
            "lang": ["fr"],
            "separator": SEPARATOR.pattern,
            "pipeline": ["stopWordFilter"],
            "fields": {
                "title": {"boost": 1000.0},
                "text": {"boost": 1.0},
                "tags": {"boost": 1000000.0},
            },
        },
        "docs": list(docs),
    }


FICHE = {
    "location": "fiches/1.5/#enjeux",
    "title": "Enjeux économiques",
    "text": "<p>Les porteur·ses de projet, les <em>acteur·ices</em> de l'économie.</p>",
}


def test_compact_keeps_only_what_no_other_word_starts_with() -> None:
    assert compact({"porteuse", "porteuses", "porteurs"}, {"porteur"}) == [
        "porteurs",
        "porteuses",
    ]
    assert compact({"econ"}, {"economie"}) == []
    assert compact({"economie"}, {"econ"}) == ["economie"]
    assert compact(set(), {"mot"}) == []


def test_enrich_adds_hidden_fields_and_leaves_title_and_text_alone() -> None:
    index = _index(dict(FICHE))
    enrich(index, {})
    doc = index["docs"][0]
    assert doc["title"] == FICHE["title"]
    assert doc["text"] == FICHE["text"]
    assert doc[TITLE_ALT].split() == ["economiques"]
    text_alt = doc[TEXT_ALT].split()
    assert {"porteurs", "porteuses", "acteurs", "actrices", "economie"} <= set(text_alt)
    # Compact: no prefix of another term, no word the entry already has.
    assert "porteuse" not in text_alt
    assert "porteur" not in text_alt
    assert len(text_alt) == len(set(text_alt))


def test_enrich_declares_the_hidden_fields_with_the_weights_of_title_and_text() -> None:
    index = _index(dict(FICHE))
    enrich(index, {})
    fields = index["config"]["fields"]
    assert fields[TITLE_ALT] == {"boost": 1000.0}
    assert fields[TEXT_ALT] == {"boost": 1.0}
    assert fields["tags"] == {"boost": 1000000.0}


def test_enrich_skips_words_the_title_already_reaches() -> None:
    index = _index(
        {"location": "x/", "title": "Bénévolat", "text": "<p>Le bénévolat des militant·es</p>"}
    )
    enrich(index, {})
    doc = index["docs"][0]
    assert doc[TITLE_ALT] == "benevolat"
    assert "benevolat" not in doc[TEXT_ALT].split()
    assert {"militants", "militantes"} <= set(doc[TEXT_ALT].split())


def test_entry_without_variants_gets_no_field() -> None:
    index = _index({"location": "x/", "title": "Fiche 1.5", "text": "<p>Voir la fiche 1.5.</p>"})
    enrich(index, {})
    assert TITLE_ALT not in index["docs"][0]
    assert TEXT_ALT not in index["docs"][0]


def test_page_words_find_the_page_entry_only() -> None:
    index = _index(
        {"location": "structures/opale/", "title": "OPALE", "text": "<p>Association</p>"},
        {"location": "structures/opale/#fiches", "title": "Fiches", "text": ""},
    )
    extra = {"structures/opale/": PageWords(names=("OPALE", "CRDLA Culture"), header=("Côté",))}
    enrich(index, extra)
    page, section = index["docs"]
    assert page[TITLE_ALT].split() == ["crdla", "culture"]
    assert set(page[TEXT_ALT].split()) == {"côté", "cote"}
    assert TITLE_ALT not in section


def test_enrich_twice_gives_the_same_index() -> None:
    index = _index(dict(FICHE))
    enrich(index, {})
    once = copy.deepcopy(index)
    enrich(index, {})
    assert index == once


def test_enrich_json_writes_ascii_like_material_and_counts_the_terms() -> None:
    data = json.dumps(_index(dict(FICHE)), separators=(",", ":"))
    enriched, terms = enrich_json(data, {})
    assert enriched.isascii()
    assert len(enriched) > len(data)
    assert terms == len(json.loads(enriched)["docs"][0][TEXT_ALT].split()) + 1


def test_page_words_of_the_collection(repo_collection: Collection) -> None:
    words = page_words(repo_collection)
    assert words["structures/opale.md"].names == ("OPALE", "Opale", "CRDLA Culture")
    assert words["structures/pes-21.md"].names[:2] == ("PES 21", "PES21")
    assert words["themes/ressources-non-monetaires.md"].names == (
        "Ressources non monétaires et bénévolat",
    )
    header = words["fiches/1.5.md"].header
    assert "OPALE" in header
    assert "Ressources non monétaires et bénévolat" in header
    assert any(text.startswith("Comment les structures du MES") for text in header)


def test_forms_by_chunk_equal_the_whole_text_definition() -> None:
    """Forms are worked out per whitespace chunk and cached for the build;
    the result must be what `tokens` and `variants` give on the whole text,
    also when one chunk's form is another chunk's word, and from a warm cache."""
    texts = [
        "Les porteur·ses de projet et l'économie des adhérent(e)s\u00a0: 1.5 et 2.3.",
        "Acteur·ices, salarié·e·s… «tou·te·s» les bénévoles ;\ncoopérer.",
        "porteuses porteur·ses porteurs economie économie",
    ]
    forms = Forms(SEPARATOR)
    assert forms._chunked
    for _ in range(2):
        for text in texts:
            assert forms.of(text) == (set(tokens(text, SEPARATOR)), variants(text, SEPARATOR))
    # A separator blind to whitespace takes the whole-text path.
    commas = re.compile(r"[,;]+")
    blind = Forms(commas)
    assert not blind._chunked
    assert blind.of(texts[1]) == (set(tokens(texts[1], commas)), variants(texts[1], commas))

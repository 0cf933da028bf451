"""The search index of a real build: enriched, compact, and the same offline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from macros.data.search_index import TEXT_ALT, TITLE_ALT
from tests.support import build_site, copy_project

pytestmark = pytest.mark.build

# Another issue caps what the enrichment may add to the index.
MAX_GROWTH = 0.15


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("recherche") / "projet")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _index(site: Path) -> dict[str, Any]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def _doc(index: dict[str, Any], location: str) -> dict[str, Any]:
    return next(d for d in index["docs"] if d["location"] == location)


def _dump(index: dict[str, Any]) -> str:
    return json.dumps(index, separators=(",", ":"))


def test_enrichment_adds_at_most_fifteen_percent(built: Path) -> None:
    index = _index(built)
    enriched = len(_dump(index))
    for doc in index["docs"]:
        doc.pop(TITLE_ALT, None)
        doc.pop(TEXT_ALT, None)
    del index["config"]["fields"][TITLE_ALT], index["config"]["fields"][TEXT_ALT]
    plain = len(_dump(index))
    assert enriched > plain
    assert (enriched - plain) / plain <= MAX_GROWTH


def test_hidden_fields_are_declared_and_filled(built: Path) -> None:
    index = _index(built)
    # Material appends * to query terms and lunr does not stem those: a stemmed
    # index would match nothing. The hidden fields replace the stemmer.
    assert "stemmer" not in index["config"]["pipeline"]
    assert {TITLE_ALT, TEXT_ALT} <= set(index["config"]["fields"])
    enjeux = _doc(index, "fiches/1.5/#enjeux-et-points-de-vigilance-politiques-de-laccompagnement")
    assert {"porteurs", "porteuses", "militants", "militantes", "economie"} <= set(
        enjeux[TEXT_ALT].split()
    )
    assert "porteuses" not in enjeux["text"]
    assert "CRDLA" not in _doc(index, "fiches/1.5/")["text"]
    assert "crdla" in _doc(index, "structures/opale/")[TITLE_ALT].split()
    assert "opale" in _doc(index, "fiches/1.5/")[TEXT_ALT].split()


def test_no_entry_repeats_a_word_in_its_hidden_fields(built: Path) -> None:
    for doc in _index(built)["docs"]:
        for field in (TITLE_ALT, TEXT_ALT):
            words = doc.get(field, "").split()
            assert len(words) == len(set(words)), doc["location"]

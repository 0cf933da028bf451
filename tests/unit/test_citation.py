"""«Citer cette fiche»: French citation, BibTeX and CSL-JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import bibtexparser
import pytest

from macros.citation import bibtex, citation, csl_json
from macros.collection import Collection
from macros.history import Change

CHANGE = Change(dt.date(2026, 11, 26), "2026-11-26T00:00:00+00:00", "Mise à jour", "git", False)
URL = "https://exemple.org/fiches/1.5/"


def test_citation_text_of_fiche_1_5(repo_collection: Collection) -> None:
    fiche = repo_collection.index.fiche("1.5")
    assert fiche is not None
    cite = citation(fiche, CHANGE, URL)
    assert cite.text == (
        "Mouvement pour l'Économie Solidaire, Quelles conditions politiques et matérielles "
        "de l'accompagnement ?, fiche n°1.5, 2026, https://exemple.org/fiches/1.5/"
    )
    # No published address, no date: «s. d.» and no URL.
    assert citation(fiche, None, "").text.endswith("fiche n°1.5, s. d.")


def test_bibtex_entry_and_escaping(repo_collection: Collection) -> None:
    fiche = repo_collection.index.fiche("1.5")
    assert fiche is not None
    entry = bibtex(citation(fiche, CHANGE, URL))
    assert entry.startswith("@misc{mes-fiche-1-5,\n")
    assert "  author = {{Mouvement pour l'Économie Solidaire}},\n" in entry
    assert "  year = {2026},\n" in entry
    assert f"  url = {{{URL}}},\n" in entry
    assert entry.count("{") == entry.count("}")
    odd = dataclasses.replace(fiche, title="Coûts & marges : 100 % {brut} #1_a")
    escaped = bibtex(citation(odd, CHANGE, URL))
    assert (
        r"title = {{Coûts \& marges : 100 \% \textbraceleft{}brut\textbraceright{} \#1\_a}}"
        in escaped
    )


def _balanced_as_bibtex_reads(text: str) -> bool:
    """BibTeX's own reading: every brace counts, a backslash escapes none."""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize(
    "title",
    [
        "x}, author = {Pirate",
        "x\\}, note = {y",
        "{{{",
        "}}}",
        "a\\",
        "@misc{autre, title={z}}",
        "T &quot;&gt;&lt;script&gt; ]]> </script> ' \"",
    ],
)
def test_hostile_titles_stay_inside_their_field(repo_collection: Collection, title: str) -> None:
    fiche = repo_collection.index.fiche("1.5")
    assert fiche is not None
    entry = bibtex(citation(dataclasses.replace(fiche, title=title), CHANGE, URL))
    assert _balanced_as_bibtex_reads(entry.split("  title = ", 1)[1].split(",\n", 1)[0])
    library = bibtexparser.parse_string(entry)
    assert not library.failed_blocks
    [parsed] = library.entries
    assert parsed.key == "mes-fiche-1-5"
    assert sorted(parsed.fields_dict) == [
        "author", "howpublished", "language", "month", "title", "url", "year",
    ]  # fmt: skip
    [item] = json.loads(csl_json(citation(dataclasses.replace(fiche, title=title), CHANGE, URL)))
    assert item["title"] == title


def test_csl_json_for_zotero(repo_collection: Collection) -> None:
    fiche = repo_collection.index.fiche("1.5")
    assert fiche is not None
    [item] = json.loads(csl_json(citation(fiche, CHANGE, URL)))
    assert item["title"] == fiche.title
    assert item["author"] == [{"literal": "Mouvement pour l'Économie Solidaire"}]
    assert item["issued"] == {"date-parts": [[2026, 11, 26]]}
    assert item["URL"] == URL
    assert item["number"] == "1.5"

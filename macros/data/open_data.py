"""The open data files: `donnees/fiches.json`, `donnees/pratiques.csv`, and
`donnees/datapackage.json`, which describes them as a Frictionless data
package, with the static schemas of macros/schemas/donnees/ beside the data.

No date of generation: an unchanged collection gives byte-identical files.
`url_of` maps a page's source path to its site-root URL, `page_url` to its
URL in the files, absolute with a `site_url`. docs/donnees.md documents
every field: keep it in step.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

import yaml

from macros.core.licence import Licence
from macros.core.model import Fiche
from macros.index.collection import Collection

FORMAT_VERSION = 1
FOLDER = "donnees"
JSON_PATH = f"{FOLDER}/fiches.json"
CSV_PATH = f"{FOLDER}/pratiques.csv"
PACKAGE_PATH = f"{FOLDER}/datapackage.json"
# Each published file and its media type, as the data page's JSON-LD lists them.
DOWNLOADS = (
    (CSV_PATH, "text/csv"),
    (JSON_PATH, "application/json"),
    (PACKAGE_PATH, "application/json"),
)
SCHEMAS = ("pratiques.schema.json", "fiches.schema.json")
# French Excel reads «;» as the column separator; the BOM tells Excel the
# file is UTF-8 (LibreOffice detects both).
CSV_DELIMITER = ";"
MULTI_SEPARATOR = " | "
# What makes a spreadsheet read a cell as a formula (OWASP, «CSV Injection»).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The columns, in the order the published Table Schema gives them.
CSV_COLUMNS = tuple(
    column["name"]
    for column in json.loads(
        resources.files("macros").joinpath("schemas", FOLDER, SCHEMAS[0]).read_bytes()
    )["fields"]
)


def _fiche_record(fiche: Fiche, collection: Collection, page_url: str) -> dict[str, Any]:
    reg = collection.registries
    number = str(fiche.number)
    credited = {s for p in fiche.practices for s in p.credits}
    chapter = reg.chapter(fiche.chapter)
    return {
        "numero": number,
        "titre": fiche.title,
        "url": page_url,
        "chapitre": {"numero": chapter.number, "titre": chapter.title},
        "statut": fiche.status,
        "resume": fiche.summary,
        "themes": [
            {"id": t, "libelle": reg.themes[t].label} for t in fiche.themes if t in reg.themes
        ],
        "structures": [
            {
                "id": s,
                "nom_court": reg.structures[s].short_name,
                "nom": reg.structures[s].name,
                "pratiques_creditees": s in credited,
            }
            for s in fiche.structures()
            if s in reg.structures
        ],
        "redaction": list(fiche.authors),
        "mots_cles": list(fiche.keywords),
        "date_creation": fiche.created,
        "date_mise_a_jour": fiche.updated,
        "cite": list(collection.index.cites.get(number, [])),
        "citee_par": [str(f.number) for f in collection.index.cited_by.get(number, [])],
        "pratiques": [
            {
                "rang": p.rank,
                "url": f"{page_url}#{p.anchor}",
                "structures": list(dict.fromkeys(p.credits)),
                "texte": collection.plain(p.text),
            }
            for p in fiche.practices
        ],
    }


def fiches_json(collection: Collection, page_url: Callable[[str], str]) -> str:
    records = [
        _fiche_record(fiche, collection, page_url(fiche.page))
        for fiche in collection.index.fiches.values()
    ]
    document = {"version": FORMAT_VERSION, "fiches": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def practice_rows(collection: Collection, page_url: Callable[[str], str]) -> list[list[str]]:
    reg = collection.registries
    rows: list[list[str]] = []
    for fiche in collection.index.fiches.values():
        url = page_url(fiche.page)
        themes = [t for t in fiche.themes if t in reg.themes]
        for practice in fiche.practices:
            credits = [s for s in dict.fromkeys(practice.credits) if s in reg.structures]
            rows.append(
                [
                    # A spreadsheet reads a bare 1.10 as the number 1.1 (LibreOffice
                    # in English, docs/donnees.md): «n°» keeps it text, everywhere.
                    f"n°{fiche.number}",
                    fiche.title,
                    str(practice.rank),
                    f"{url}#{practice.anchor}",
                    MULTI_SEPARATOR.join(reg.structures[s].short_name for s in credits),
                    MULTI_SEPARATOR.join(credits),
                    MULTI_SEPARATOR.join(reg.themes[t].label for t in themes),
                    MULTI_SEPARATOR.join(themes),
                    str(fiche.chapter),
                    collection.plain(practice.text),
                ]
            )
    return rows


def pratiques_csv(collection: Collection, page_url: Callable[[str], str]) -> str:
    """The CSV text, BOM first, CRLF as RFC 4180 says; every data cell quoted."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=CSV_DELIMITER).writerow(CSV_COLUMNS)
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_ALL)
    for row in practice_rows(collection, page_url):
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def csv_cell(value: str) -> str:
    """A leading `'` (Excel and LibreOffice read «text follows») before a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def data_files(
    collection: Collection, url_of: Callable[[str], str], site_url: str | None = None
) -> dict[str, bytes]:
    """Each file's path from the site root, and its bytes."""

    def page_url(src_uri: str) -> str:
        url = url_of(src_uri)
        return f"{site_url.rstrip('/')}/{url}" if site_url else url

    return {
        JSON_PATH: fiches_json(collection, page_url).encode("utf-8"),
        CSV_PATH: pratiques_csv(collection, page_url).encode("utf-8"),
    }


def package_files(
    *, title: str, description: str, licence: Licence, homepage: str, licence_page: str
) -> dict[str, bytes]:
    """`homepage` and `licence_page` are "" without site_url."""
    stored = resources.files("macros")
    descriptor = yaml.safe_load(stored.joinpath("templates", "datapackage.yml").read_bytes())
    descriptor.update(title=title, description=description, homepage=homepage)
    if licence.chosen:
        chosen = {"name": licence.spdx, "path": licence.url, "title": licence.name}
        descriptor["licenses"] = [chosen]
    elif licence_page:
        # The specification asks a name or a path of each licence: until the
        # MES chooses, the package points to the page that says so.
        descriptor["licenses"] = [{"title": licence.label, "path": licence_page}]
    for key in ("homepage", "licenses"):
        if not descriptor[key]:
            del descriptor[key]
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    schemas = stored.joinpath("schemas", FOLDER)
    files = {f"{FOLDER}/{name}": schemas.joinpath(name).read_bytes() for name in SCHEMAS}
    return {PACKAGE_PATH: text.encode("utf-8"), **files}

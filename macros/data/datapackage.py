"""The open data as a Frictionless data package: `donnees/datapackage.json`.

Data tools (frictionless, Open Data portals, CKAN) read the package and find
the two files of open_data.py with their schemas: a Table Schema for
pratiques.csv, a JSON Schema for fiches.json. Both schemas are static files
of macros/schemas/donnees/, published as they are beside the data. Like the
data, the package holds no build date: an unchanged collection gives the
same bytes.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from macros.core.licence import Licence
from macros.data.open_data import CSV_DELIMITER, CSV_PATH, JSON_PATH, DataFile

FOLDER = "donnees"
PACKAGE_PATH = f"{FOLDER}/datapackage.json"
CSV_SCHEMA_PATH = f"{FOLDER}/pratiques.schema.json"
JSON_SCHEMA_PATH = f"{FOLDER}/fiches.schema.json"
PACKAGE_NAME = "mes-fiches-pratiques"


def schema_text(path: str) -> str:
    """A published schema, as stored in macros/schemas/donnees/."""
    name = path.rsplit("/", 1)[-1]
    return resources.files("macros").joinpath("schemas", FOLDER, name).read_text("utf-8")


def _local(path: str) -> str:
    """Paths inside the package are relative to datapackage.json's folder."""
    return path.removeprefix(f"{FOLDER}/")


def package(
    *, title: str, description: str, licence: Licence, homepage: str, licence_page: str
) -> dict[str, Any]:
    """The datapackage.json descriptor; `homepage` and `licence_page` are "" without site_url."""
    descriptor: dict[str, Any] = {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": title,
        "description": description,
        "language": "fr",
    }
    if homepage:
        descriptor["homepage"] = homepage
    if licence.chosen:
        chosen = {"name": licence.spdx, "path": licence.url, "title": licence.name}
        descriptor["licenses"] = [chosen]
    elif licence_page:
        # The specification asks a name or a path of each licence: until the
        # MES chooses, the package points to the page that says so.
        descriptor["licenses"] = [{"title": licence.label, "path": licence_page}]
    descriptor["resources"] = [
        {
            "name": "pratiques",
            "title": "Pratiques des fiches, une ligne par pratique",
            "path": _local(CSV_PATH),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            # The BOM that tells Excel the file is UTF-8 (open_data.py).
            "encoding": "utf-8-sig",
            "dialect": {"delimiter": CSV_DELIMITER},
            "schema": _local(CSV_SCHEMA_PATH),
        },
        {
            "name": "fiches",
            "title": "Fiches, pratiques comprises",
            "path": _local(JSON_PATH),
            "profile": "data-resource",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            # Data Package has no schema property for JSON data: this is the
            # name its version 2 drafts and the frictionless JS tools use.
            "jsonSchema": _local(JSON_SCHEMA_PATH),
        },
    ]
    return descriptor


def package_files(
    *, title: str, description: str, licence: Licence, homepage: str, licence_page: str
) -> list[DataFile]:
    descriptor = package(
        title=title,
        description=description,
        licence=licence,
        homepage=homepage,
        licence_page=licence_page,
    )
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    return [
        DataFile(PACKAGE_PATH, text.encode("utf-8")),
        DataFile(CSV_SCHEMA_PATH, schema_text(CSV_SCHEMA_PATH).encode("utf-8")),
        DataFile(JSON_SCHEMA_PATH, schema_text(JSON_SCHEMA_PATH).encode("utf-8")),
    ]

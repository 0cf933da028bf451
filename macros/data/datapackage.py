"""The open data as a Frictionless data package: `donnees/datapackage.json`,
with the static schemas of macros/schemas/donnees/ beside the data."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from macros.core.licence import Licence
from macros.data.open_data import CSV_DELIMITER, CSV_PATH, JSON_PATH, DataFile

FOLDER = "donnees"
PACKAGE_PATH = f"{FOLDER}/datapackage.json"
SCHEMAS = ("pratiques.schema.json", "fiches.schema.json")


def package_files(
    *, title: str, description: str, licence: Licence, homepage: str, licence_page: str
) -> list[DataFile]:
    """`homepage` and `licence_page` are "" without site_url."""
    descriptor: dict[str, Any] = {
        "profile": "data-package",
        "name": "mes-fiches-pratiques",
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
            "path": CSV_PATH.removeprefix(f"{FOLDER}/"),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            # The BOM that tells Excel the file is UTF-8 (open_data.py).
            "encoding": "utf-8-sig",
            "dialect": {"delimiter": CSV_DELIMITER},
            "schema": SCHEMAS[0],
        },
        {
            "name": "fiches",
            "title": "Fiches, pratiques comprises",
            "path": JSON_PATH.removeprefix(f"{FOLDER}/"),
            "profile": "data-resource",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            # Data Package has no schema property for JSON data: this is the
            # name its version 2 drafts and the frictionless JS tools use.
            "jsonSchema": SCHEMAS[1],
        },
    ]
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    stored = resources.files("macros").joinpath("schemas", FOLDER)
    return [
        DataFile(PACKAGE_PATH, text.encode("utf-8")),
        *(DataFile(f"{FOLDER}/{name}", stored.joinpath(name).read_bytes()) for name in SCHEMAS),
    ]

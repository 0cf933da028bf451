"""The fiche editor («Proposer une fiche»): its page and the data it works from.

The form lives in overrides/editeur.html and assets/javascripts/editeur*.js.
What it needs from the build is written here as JavaScript files, not JSON:
the offline copy opens from file://, where a page may load a script but not
fetch() a file. Each value is JSON, which is JavaScript; `ensure_ascii` keeps
line separators and non-ASCII out of the file's text altogether.

- editeur/donnees.js: the shared template, the fiche schema, the registries,
  the numbers in use and the repository's address;
- editeur/fiches/<n>.js: one fiche's text and the answers that write it back
  byte for byte (fiche_writer.answers_from_text), loaded only when that fiche
  is edited.
"""

from __future__ import annotations

import json
import re
from typing import Any

from macros.check.schemas import load_schema
from macros.core.model import STATUS_LABELS
from macros.data import fiche_writer
from macros.index.collection import Collection

PAGE = "contribuer/editeur.md"
DATA = "editeur/donnees.js"
FICHE_DATA = "editeur/fiches/{number}.js"
_BRANCH = re.compile(r"^(?:edit|blob|tree)/([^/]+)/")


def _js(variable: str, value: Any) -> str:
    return f"{variable} = {json.dumps(value, ensure_ascii=True, sort_keys=True)};\n"


def editor_data(collection: Collection, *, repo_url: str, edit_uri: str) -> dict[str, Any]:
    reg = collection.registries
    paths = collection.paths
    branch = _BRANCH.match(edit_uri)
    return {
        "modele": fiche_writer.load_template(),
        "modeline": fiche_writer.MODELINE,
        "champs": list(fiche_writer.FIELDS),
        "schema": load_schema("fiche"),
        "themes": [{"slug": t.slug, "libelle": t.label} for t in reg.themes.values()],
        "structures": [
            {"slug": s.slug, "nom_court": s.short_name, "nom": s.name, "alias": list(s.aliases)}
            for s in reg.structures.values()
        ],
        "enjeux": [{"slug": k.slug, "libelle": k.label} for k in reg.stake_kinds.values()],
        "chapitres": [{"numero": c.number, "titre": c.title or ""} for c in reg.chapters.values()],
        # A list, not an object: _js sorts object keys, and the select keeps this order.
        "statuts": [{"slug": slug, "libelle": label} for slug, label in STATUS_LABELS.items()],
        "numeros": fiche_writer.used_numbers(collection),
        "fiches": [
            {"numero": str(f.number), "titre": f.title}
            for f in sorted(collection.fiches, key=lambda f: f.number.parts)
        ],
        "depot": repo_url.rstrip("/"),
        "branche": branch.group(1) if branch else "main",
        "dossier": paths.display(paths.fiches_dir),
    }


def editor_files(collection: Collection, *, repo_url: str, edit_uri: str) -> dict[str, str]:
    """Site path -> content of the editor's data scripts."""
    data = editor_data(collection, repo_url=repo_url, edit_uri=edit_uri)
    files = {DATA: _js("window.MES_EDITEUR", data)}
    for number, fiche in collection.index.fiches.items():
        path = collection.paths.root / fiche.source
        text = path.read_text(encoding="utf-8")
        entry = {
            "numero": str(number),
            "chemin": fiche.source,
            "texte": text,
            # None: a layout the form cannot write back; the page says so.
            "reponses": fiche_writer.answers_from_text(text, fiche.source),
        }
        files[FICHE_DATA.format(number=number)] = (
            "window.MES_EDITEUR_FICHES = window.MES_EDITEUR_FICHES || {};\n"
            + _js(f"window.MES_EDITEUR_FICHES[{json.dumps(str(number))}]", entry)
        )
    return files

"""A project with a hostile value in every text field of every kind of content.

Every registry gets an entry whose text fields all carry the payloads; a
fiche (9.1, in a chapter of its own) carries them in its front matter and is
credited to that structure, theme and enjeu; a parcours carries them in its
fields; every page of docs/ carries them in its `title` and `description`.
Each field's value is `<label> <payloads> fin`, where the label names the
field, so that the benign build (`benign=True`, no payload) has the same
pages, the same headings and the same lists.

`write_project` returns where each field was written (file and line), so that
a test can tell which payloads `fiches check` refuses, field by field, and
build with the others only: a refused value never reaches a build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.support import copy_project

# A payload calls pwn(): the browser test defines it to set a flag.
PAYLOADS: dict[str, str] = {
    "entite-nommee": "&quot;&gt;&lt;img src=x onerror=pwn(1)&gt;",
    "entite-decimale": "&#34;&#62;&#60;img src=x onerror=pwn(2)&#62;",
    "entite-hexa": "&#x22;&#x3E;&#x3C;svg onload=pwn(3)&#x3E;",
    "entite-sans-point-virgule": "&quot&gt&lt;b onmouseover=pwn(4)&gt",
    "guillemet-droit": '" autofocus onfocus="pwn(5)" data-x="',
    "apostrophe": "' autofocus onfocus='pwn(6)' data-y='",
    "fin-de-script": "</script><script>pwn(7)</script>",
    "fin-de-cdata": "]]><x:y>pwn(8)</x:y>",
    "jinja": "{{ pwn(9) }}",
    "liste-d-attributs": "{ onclick=pwn(10) }",
    "esperluette": "R&D & A&B",
    "lien": "[clic](javascript:pwn(11)) javascript:pwn(12)",
}
# What must never pass `fiches check`, whatever the field.
ALWAYS_REFUSED = (
    "entite-nommee",
    "entite-decimale",
    "entite-hexa",
    "entite-sans-point-virgule",
    "fin-de-script",
    "fin-de-cdata",
    "jinja",
    "lien",
)
HOSTILE_FICHE = "9.1"
HOSTILE_PARCOURS = "piege"
# One page of each kind that the payloads reach.
PAGE_KINDS = (
    f"fiches/{HOSTILE_FICHE}/index.html",
    "fiches/index.html",
    "structures/pirate/index.html",
    "structures/index.html",
    "themes/theme-pirate/index.html",
    "themes/index.html",
    f"parcours/{HOSTILE_PARCOURS}/index.html",
    "parcours/index.html",
    "impression/index.html",
    "formateurs/index.html",
    "contribuer/messages/index.html",
    "catalogue/index.html",
    "matrice/index.html",
    "glossaire/index.html",
    "nouveautes/index.html",
    "donnees/index.html",
)


@dataclass(frozen=True)
class Field:
    path: str  # from the project root
    line: int
    label: str


class _Writer:
    def __init__(self, value: Callable[[str], str]) -> None:
        self.value = value
        self.fields: list[Field] = []

    def yaml_lines(self, path: str, first_line: int, lines: list[tuple[str, str | None]]) -> str:
        """`lines` of (prefix, label): the label's value follows the prefix, JSON
        quoted (a YAML double-quoted scalar); no label, the prefix alone."""
        out = []
        for offset, (prefix, label) in enumerate(lines):
            if label is None:
                out.append(prefix)
                continue
            self.fields.append(Field(path, first_line + offset, label))
            out.append(prefix + json.dumps(self.value(label), ensure_ascii=False))
        return "\n".join(out) + "\n"


def _append(project: Path, path: str, writer: _Writer, lines: list[tuple[str, str | None]]) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    first = text.count("\n") + 1
    file.write_text(text + writer.yaml_lines(path, first, lines), encoding="utf-8")


def write_project(dest: Path, payloads: dict[str, list[str]] | None) -> tuple[Path, list[Field]]:
    """A copy of the project with the hostile content. `payloads` maps a field
    label to the payload names it carries; None writes no payload (benign)."""

    def value(label: str) -> str:
        names = [] if payloads is None else payloads.get(label, [])
        return " ".join([label, *(PAYLOADS[n] for n in names), "fin"])

    project = copy_project(dest)
    writer = _Writer(value)
    _append(
        project,
        "fiches/registres/structures.yml",
        writer,
        [
            ("- slug: pirate", None),
            ("  nom_court: ", "Court pirate"),
            ("  nom: ", "Nom pirate"),
            ("  type: partenaire", None),
            ("  localisation: ", "Lieu pirate"),
            ("  site: https://exemple.org/", None),
            ("  description: ", "Description pirate"),
            ("  alias:", None),
            ("    - ", "Alias pirate"),
        ],
    )
    _append(
        project,
        "fiches/registres/themes.yml",
        writer,
        [
            ("- slug: theme-pirate", None),
            ("  libelle: ", "Libelle theme"),
            ("  description: ", "Description theme"),
        ],
    )
    _append(
        project,
        "fiches/registres/chapitres.yml",
        writer,
        [("- numero: 9", None), ("  titre: ", "Titre chapitre")],
    )
    _append(
        project,
        "fiches/registres/enjeux.yml",
        writer,
        [("- slug: enjeu-pirate", None), ("  libelle: ", "Libelle enjeu")],
    )
    _append(
        project,
        "fiches/registres/glossaire.yml",
        writer,
        [
            ("- terme: ", "Terme pirate"),
            ("  developpement: ", "Developpement pirate"),
            ("  definition: ", "Definition pirate"),
        ],
    )
    fiche = f"fiches/{HOSTILE_FICHE}.md"
    head = writer.yaml_lines(
        fiche,
        2,
        [
            (f'numero: "{HOSTILE_FICHE}"', None),
            ("titre: ", "Titre fiche"),
            ("themes: [theme-pirate, projet-politique]", None),
            ("statut: publiee", None),
            ("date_creation: 2026-11-01", None),
            ("date_mise_a_jour: 2026-11-30", None),
            ("note_de_version: ", "Note version"),
            ("redaction: [pirate]", None),
            ("resume: ", "Resume fiche"),
            ("mots_cles:", None),
            ("  - ", "Mot cle"),
        ],
    )
    body = (
        "\n## Contexte et enjeux\n\n"
        '### Enjeux du pirate { data-enjeu="enjeu-pirate" }\n\n'
        '- Un enjeu que porte {{ structure("pirate") }}.\n\n'
        "## Les pratiques des structures du MES\n\n"
        '- Tenir une permanence ({{ structure("pirate") }}).\n'
        '- Orienter vers le réseau ({{ structure("PES 21") }}).\n'
    )
    (project / fiche).write_text("---\n" + head + "---\n" + body, encoding="utf-8")
    parcours = f"fiches/parcours/{HOSTILE_PARCOURS}.yml"
    (project / parcours).write_text(
        writer.yaml_lines(
            parcours,
            1,
            [
                ("titre: ", "Titre parcours"),
                ("public: ", "Public parcours"),
                ("duree: ", "Duree parcours"),
                ("introduction: ", "Introduction parcours"),
                ("fiches:", None),
                (f'  - numero: "{HOSTILE_FICHE}"', None),
                ("    pratiques: [1, 2]", None),
                ("    questions:", None),
                ("      - ", "Question parcours"),
                ("    notes: ", "Notes parcours"),
            ],
        ),
        encoding="utf-8",
    )
    for page in sorted((project / "docs").rglob("*.md")):
        _docs_front_matter(project, page, writer)
    return project, writer.fields


_FRONT = re.compile(r"\A---\n(.*?)^---\n", re.S | re.M)


def _docs_front_matter(project: Path, page: Path, writer: _Writer) -> None:
    """Put a hostile title and description first in the page's front matter."""
    text = page.read_text(encoding="utf-8")
    match = _FRONT.match(text)
    meta = (yaml.safe_load(match.group(1)) or {}) if match else {}
    body = text[match.end() :] if match else text
    meta.pop("title", None)
    meta.pop("description", None)
    shown = page.relative_to(project).as_posix()
    name = page.relative_to(project / "docs").as_posix()
    head = writer.yaml_lines(
        shown, 2, [("title: ", f"Titre page {name}"), ("description: ", f"Description page {name}")]
    )
    rest = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    page.write_text("---\n" + head + rest + "---\n" + body, encoding="utf-8")


# Markdown fields: entities there are Markdown's own (shown as characters).
MARKDOWN_LABELS = frozenset({"Introduction parcours", "Question parcours", "Notes parcours"})


def refused_lines(project: Path) -> set[tuple[str, int]]:
    """(file, line) of every error of the project's check, in process."""
    from macros.core.diagnostics import Severity
    from macros.core.project import ProjectPaths
    from macros.index.collection import load_collection

    report = load_collection(ProjectPaths.at(project)).report
    return {(d.path, d.line) for d in report.items if d.severity == Severity.ERROR}


def surviving_payloads(base: Path) -> dict[str, list[str]]:
    """Field label -> the payloads `fiches check` accepts in that field, tried
    one payload at a time in every field."""
    _, fields = write_project(base / "liste", None)
    survivors: dict[str, list[str]] = {f.label: [] for f in fields}
    for name in PAYLOADS:
        project, fields = write_project(base / name, {f.label: [name] for f in fields})
        refused = refused_lines(project)
        for field in fields:
            if (field.path, field.line) not in refused:
                survivors[field.label].append(name)
    return survivors


def hostile_site(base: Path, *, benign: bool, site_url: str = "") -> Path:
    """Build the project with the surviving payloads (or none) into project/site."""
    from tests.support import build_site

    payloads = None if benign else surviving_payloads(base / "essais")
    project, _ = write_project(base / ("benin" if benign else "hostile"), payloads)
    if not benign:
        # Every payload that survived together must pass the check as a whole.
        assert refused_lines(project) == set()
    env = {"SITE_URL": site_url} if site_url else {}
    result = build_site(project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project

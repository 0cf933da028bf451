"""Parcours (training paths): one session's fiches in order, read from fiches/parcours/*.yml.

The address is the file name (`atelier-dla.yml` -> /parcours/atelier-dla/)
unless the file declares `slug:`, never the title: retitling a session must
not break the links trainers have already shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from macros.check import schemas
from macros.check.html_safety import check_yaml_text
from macros.check.markdown_safety import check_markdown
from macros.core.diagnostics import Report
from macros.core.names import fold, suggestion
from macros.core.project import ProjectPaths
from macros.core.wording import plural
from macros.index.cross_refs import Index
from macros.read.sources import read_source
from macros.read.yaml_reader import Located, load_yaml

PARCOURS_FOLDER = "parcours"
# /parcours/index/ is the list of all parcours.
RESERVED_SLUGS = frozenset({"index"})
# Shown as plain text (page title, description, cover); the introduction,
# questions and notes are Markdown.
PLAIN_TEXT_FIELDS = frozenset({"titre", "public", "duree"})


@dataclass(frozen=True)
class Step:
    """One fiche of a parcours, with what the trainer picked from it."""

    number: str
    practices: tuple[int, ...]  # ranks, 1-based, in the order the trainer wrote them
    questions: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class Parcours:
    slug: str
    title: str
    audience: str
    duration: str
    introduction: str
    steps: tuple[Step, ...]
    source: str  # display path, e.g. fiches/parcours/atelier-dla.yml
    slug_line: int = 1  # where `slug:` is declared, else the top of the file

    @property
    def page(self) -> str:
        return f"{PARCOURS_FOLDER}/{self.slug}.md"


def parcours_files(paths: ProjectPaths) -> list[Path]:
    folder = paths.fiches_dir / PARCOURS_FOLDER
    return sorted(p for p in folder.glob("*") if p.is_file() and p.suffix in (".yml", ".yaml"))


def slug_of_name(stem: str) -> str:
    """`Atelier DLA` -> `atelier-dla`: what a file name gives when no `slug:` is declared."""
    return re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-")


def load_parcours(paths: ProjectPaths, index: Index, report: Report) -> list[Parcours]:
    found: dict[str, Parcours] = {}
    for path in parcours_files(paths):
        shown = paths.display(path)
        parcours = _read(path, shown, index, report)
        if parcours is None:
            continue
        owner = found.get(parcours.slug)
        if owner is not None or parcours.slug in RESERVED_SLUGS:
            where = owner.source if owner is not None else "la liste des parcours"
            report.error(
                shown,
                parcours.slug_line,
                1,
                "parcours-doublon",
                f"l'adresse /parcours/{parcours.slug}/ est déjà celle de {where}",
                "renommez le fichier, ou donnez-lui une autre clé « slug: »",
            )
            continue
        found[parcours.slug] = parcours
    return list(found.values())


def _read(path: Path, shown: str, index: Index, report: Report) -> Parcours | None:
    source = read_source(path, shown, report)
    if source is None:
        return None
    located = load_yaml(source, shown, report)
    if located is None:
        return None
    if schemas.validate(located, "parcours", shown, report, what="le parcours"):
        return None
    plain_ok = check_yaml_text(located, shown, report, only=PLAIN_TEXT_FIELDS)
    if not (_check_markdown_fields(located, source, shown, report) and plain_ok):
        return None
    data = located.data
    slug = data.get("slug") or slug_of_name(path.stem)
    if not slug:
        report.error(
            shown,
            1,
            1,
            "parcours-nom-fichier",
            f"le nom de fichier « {path.name} » ne donne pas d'adresse de page",
            "nommez le fichier avec des lettres et des chiffres, par exemple atelier-dla.yml",
        )
        return None
    return Parcours(
        slug=slug,
        title=data["titre"].strip(),
        audience=data["public"].strip(),
        duration=data["duree"].strip(),
        introduction=data["introduction"].strip(),
        steps=tuple(_steps(located, shown, index, report)),
        source=shown,
        slug_line=located.where(["slug"])[0] if "slug" in data else 1,
    )


def _check_markdown_fields(located: Located, text: str, shown: str, report: Report) -> bool:
    """The introduction, questions and notes are Markdown: the page bodies' policy applies."""
    fields: list[tuple[list[str | int], object]] = [
        (["introduction"], located.data["introduction"])
    ]
    for i, entry in enumerate(located.data["fiches"]):
        questions = enumerate(entry.get("questions", []))
        fields += [(["fiches", i, "questions", j], question) for j, question in questions]
        if "notes" in entry:
            fields.append((["fiches", i, "notes"], entry["notes"]))
    lines = text.split("\n")
    ok = True
    for path, value in fields:
        line, _ = located.where(path)
        # A block scalar (| or >) starts on the line after its indicator.
        written = lines[line - 1].rstrip() if line <= len(lines) else ""
        first = line + 1 if written.endswith(("|", ">", "|-", ">-", "|+", ">+")) else line
        ok = check_markdown(str(value), shown, first, report) and ok
    return ok


def _steps(located: Located, shown: str, index: Index, report: Report) -> list[Step]:
    steps: list[Step] = []
    first_line: dict[str, int] = {}
    for i, entry in enumerate(located.data["fiches"]):
        where: list[str | int] = ["fiches", i, "numero"]
        line, column = located.where(where)
        # Unquoted 1.10 is the float 1.1 for YAML: keep what was written.
        number = located.raw.get(tuple(where), str(entry["numero"])).strip()
        fiche = index.fiche(number)
        if fiche is None:
            report.error(
                shown,
                line,
                column,
                "parcours-fiche-inconnue",
                f"la fiche « {number} » n'est pas dans la collection",
                suggestion(number, list(index.fiches), what="fiches de la collection"),
            )
            continue
        if number in first_line:
            report.error(
                shown,
                line,
                column,
                "parcours-fiche-en-double",
                f"la fiche {number} figure déjà dans ce parcours, ligne {first_line[number]}",
                "gardez-la une seule fois et regroupez-y ses pratiques et ses questions",
            )
            continue
        first_line[number] = line
        ranks = entry.get("pratiques", [])
        known = len(fiche.practices)
        unknown = [(j, rank) for j, rank in enumerate(ranks) if rank > known]
        for j, rank in unknown:
            pline, pcol = located.where(["fiches", i, "pratiques", j])
            report.error(
                shown,
                pline,
                pcol,
                "parcours-pratique-inconnue",
                f"la fiche {number} n'a pas de pratique {rank} : elle en compte "
                + plural(known, "pratique"),
                "les pratiques se comptent à partir de 1, dans l'ordre de la section "
                "« Les pratiques des structures du MES » de la fiche",
            )
        if unknown:
            continue
        steps.append(
            Step(
                number=number,
                practices=tuple(ranks),
                questions=tuple(q.strip() for q in entry.get("questions", [])),
                notes=entry.get("notes", "").strip(),
            )
        )
    return steps

"""Splitting a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

from dataclasses import dataclass

from macros.core.diagnostics import Report

FENCE = "---"


@dataclass(frozen=True)
class Split:
    yaml_text: str  # without the fences
    body: str
    yaml_first_line: int  # file line of the first YAML line
    body_first_line: int


def split(text: str, display_path: str, report: Report, *, required: bool) -> Split | None:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        if required:
            report.error(
                display_path,
                1,
                1,
                "entete-absent",
                "la fiche doit commencer par un en-tête YAML entre deux lignes « --- »",
                "copiez l'en-tête d'une fiche existante ou lancez « fiches new »",
            )
            return None
        return Split("", text, 1, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return Split("\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), 2, index + 2)
    report.error(
        display_path,
        1,
        1,
        "entete-non-ferme",
        "l'en-tête YAML n'est jamais refermé",
        "ajoutez une ligne « --- » après la dernière clé de l'en-tête",
    )
    return None

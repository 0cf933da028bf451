"""A new fiche for `fiches new`: the shared template (fiche_writer.py) filled, and free numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from macros.core.model import FicheNumber
from macros.data.fiche_writer import load_template, new_fiche_answers, write_fiche_text
from macros.index.collection import Collection

__all__ = ["TemplateError", "last_chapter", "load_template", "next_free_number", "render_fiche"]


class TemplateError(Exception):
    """The packaged template is broken; the message says how to restore it."""


def render_fiche(
    template: str, *, numero: str, titre: str, themes: list[str], statut: str, created: dt.date
) -> str:
    """The shared template filled as the site's editor fills it for the same answers."""
    answers = new_fiche_answers(
        numero=numero, titre=titre, themes=themes, statut=statut, created=created
    )
    try:
        return write_fiche_text(answers, template)
    except Exception as exc:  # pystache raises several kinds; all mean a broken template
        raise TemplateError(
            "le modèle macros/templates/fiche.mustache est illisible "
            f"({exc}) ; restaurez-le depuis l'historique Git"
        ) from None


def used_numbers(collection: Collection) -> dict[str, str]:
    """Number -> display path of the file that holds it, broken files included."""
    used: dict[str, str] = {}
    for shown in collection.files:
        stem = Path(shown).stem
        if FicheNumber.is_valid(stem):
            used[stem] = shown
    # A parsed fiche's own number wins over its file name (fiches/foo.md may say 2.1).
    for fiche in collection.fiches:
        used[str(fiche.number)] = fiche.source
    return used


def next_free_number(used: Iterable[str], chapter: int) -> str:
    """The rank after the highest one of `chapter`: gaps may be kept for announced fiches."""
    numbers = [FicheNumber(n) for n in used if FicheNumber.is_valid(n)]
    ranks = [n.parts[1] for n in numbers if len(n.parts) == 2 and n.chapter == chapter]
    return f"{chapter}.{max(ranks, default=0) + 1}"


def last_chapter(used: Iterable[str]) -> int:
    chapters = [FicheNumber(n).chapter for n in used if FicheNumber.is_valid(n)]
    return max(chapters, default=1)

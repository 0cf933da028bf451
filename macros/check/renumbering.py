"""Former fiche numbers (`anciens_numeros`): which old URL leads to which fiche.

A former number must be free: a fiche that carries it now, or a second fiche
that claims it too, would make its old URL ambiguous.
"""

from __future__ import annotations

from macros.core.diagnostics import Report
from macros.core.model import Fiche


def former_numbers(fiches: list[Fiche], report: Report) -> dict[str, Fiche]:
    """Old number -> the fiche its URL now redirects to; conflicts are reported."""
    current = {str(f.number): f for f in fiches}
    claimed: dict[str, tuple[Fiche, int]] = {}
    # By the numbers' parts: FicheNumber's order, compared as tuples.
    for fiche in sorted(fiches, key=lambda f: f.number.parts):
        for former in fiche.former:
            owner = current.get(former.number)
            if owner is fiche:
                report.error(
                    fiche.source,
                    former.line,
                    former.column,
                    "ancien-numero-actuel",
                    f"« {former.number} » est le numéro actuel de cette fiche",
                    "retirez-le de « anciens_numeros » : n'y figurent que les numéros d'avant",
                )
            elif owner is not None:
                report.error(
                    fiche.source,
                    former.line,
                    former.column,
                    "ancien-numero-pris",
                    f"l'ancien numéro « {former.number} » est le numéro actuel de {owner.source}",
                    "son ancienne adresse mène à cette autre fiche : retirez ce numéro de "
                    "« anciens_numeros », ou renumérotez l'autre fiche",
                )
            elif former.number in claimed:
                first, line = claimed[former.number]
                report.error(
                    fiche.source,
                    former.line,
                    former.column,
                    "ancien-numero-en-double",
                    f"l'ancien numéro « {former.number} » est aussi revendiqué par "
                    f"{first.source} (ligne {line})",
                    "une ancienne adresse ne peut renvoyer qu'à une fiche : "
                    "gardez ce numéro dans une seule des deux",
                )
            else:
                claimed[former.number] = (fiche, former.line)
    return {number: fiche for number, (fiche, _) in claimed.items()}

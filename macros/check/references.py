"""Checking macro calls against the registries and the fiche numbering.

Fiches and documentation pages share these rules, so that a name unknown in
either place gets the same message from `fiches check` and from the build.

A former fiche number (`anciens_numeros`) leads its old URL to the fiche, so
it must be free: a fiche that carries it now, or a second fiche that claims
it too, would make its old URL ambiguous.
"""

from __future__ import annotations

from macros.check.macro_grammar import MacroCall
from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.core.model import Fiche, FicheNumber, FicheRef, PlainFicheRef


def resolve_calls(
    calls: list[MacroCall], registries: Registries, display_path: str, report: Report
) -> tuple[list[str], list[FicheRef]]:
    mentions: list[str] = []
    refs: list[FicheRef] = []
    for call in calls:
        if call.name == "structure":
            structure = registries.find_structure(call.target)
            if structure is None:
                registries.unknown_structure(
                    call.target, display_path, call.line, call.column, report
                )
                continue
            call.resolved = structure.slug
            mentions.append(structure.slug)
        elif call.name == "theme":
            theme = registries.find_theme(call.target)
            if theme is None:
                registries.unknown_theme(call.target, display_path, call.line, call.column, report)
                continue
            call.resolved = theme.slug
        elif call.name == "fiche":
            if not FicheNumber.is_valid(call.target):
                report.error(
                    display_path,
                    call.line,
                    call.column,
                    "numero-invalide",
                    f"numéro de fiche mal formé « {call.target} »",
                    'écrivez par exemple {{ fiche("1.5") }}',
                )
                continue
            call.resolved = call.target
            refs.append(FicheRef(call.target, call.line, call.column))
    return mentions, refs


def report_plain_refs(
    refs: list[PlainFicheRef], display_path: str, renumbered: dict[str, Fiche], report: Report
) -> None:
    """«fiche n°2.3» in plain text: propose the macro, with the current number
    when 2.3 is a former number (`renumbered`: former number -> fiche)."""
    for ref in refs:
        current = renumbered.get(ref.number)
        number = ref.number if current is None else str(current.number)
        written = ref.written[: len(ref.written) - len(ref.number)] + number
        message = f"« {ref.written} » est écrit en texte simple"
        hint = f'écrivez {{{{ fiche("{number}", "{written}") }}}} pour en faire un lien'
        if current is not None:
            message += f", et la fiche {ref.number} porte désormais le numéro {number}"
            hint += " vers son numéro actuel"
        report.info(display_path, ref.line, ref.column, "fiche-non-liee", message, hint)


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

"""Checking macro calls against the registries and the fiche numbering.

Fiches and documentation pages share these rules, so that a name unknown in
either place gets the same message from `fiches check` and from the build.
"""

from __future__ import annotations

from macros.check.macro_grammar import MacroCall
from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.core.model import Fiche, FicheNumber, FicheRef, Mention, PlainFicheRef


def resolve_calls(
    calls: list[MacroCall], registries: Registries, display_path: str, report: Report
) -> tuple[list[Mention], list[FicheRef]]:
    mentions: list[Mention] = []
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
            mentions.append(Mention(structure.slug, call.line, call.column))
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

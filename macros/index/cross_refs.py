"""The cross-reference index: who practises what, where, and which fiche cites which.

Built once per build in a single pass over the fiches, sorted by number first
so that every list in the index comes out in reading order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from macros.core.diagnostics import Report
from macros.core.model import Fiche, FicheRef, Practice, Stake


@dataclass
class Index:
    fiches: dict[str, Fiche] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)  # number -> position in reading order
    by_chapter: dict[int, list[Fiche]] = field(default_factory=dict)
    practices_of: dict[str, list[tuple[Fiche, Practice]]] = field(default_factory=dict)
    fiches_of_structure: dict[str, list[Fiche]] = field(default_factory=dict)
    # structure -> the stake passages that name it: (fiche, stake, item text)
    stakes_naming: dict[str, list[tuple[Fiche, Stake, str]]] = field(default_factory=dict)
    fiches_of_theme: dict[str, list[Fiche]] = field(default_factory=dict)
    cites: dict[str, list[str]] = field(default_factory=dict)
    cited_by: dict[str, list[Fiche]] = field(default_factory=dict)
    # Former number -> the fiche that carries it now (`anciens_numeros`).
    renumbered: dict[str, Fiche] = field(default_factory=dict)
    # related.py's ranking of signatures, built on first use: never outlives the build.
    related_levels: Callable[[Any], Any] | None = field(default=None, repr=False)

    def fiche(self, number: str) -> Fiche | None:
        return self.fiches.get(number)

    def resolve(self, number: str) -> Fiche | None:
        """The fiche a reference to `number` leads to, former numbers included."""
        return self.fiches.get(number) or self.renumbered.get(number)


def build_index(
    fiches: list[Fiche],
    page_refs: list[tuple[str, FicheRef]] | None = None,
    renumbered: dict[str, Fiche] | None = None,
    report: Report | None = None,
) -> Index:
    """`fiches` must have unique numbers; `renumbered` maps former numbers to their fiche.

    A reference by a former number, or to a fiche not in the collection, is
    reported as an information.
    """
    report = Report() if report is None else report
    index = Index()
    # By the numbers' parts: FicheNumber's order, compared as tuples.
    ordered = sorted(fiches, key=lambda f: f.number.parts)
    index.fiches = {str(f.number): f for f in ordered}
    index.renumbered = dict(renumbered or {})
    index.rank = {number: position for position, number in enumerate(index.fiches)}
    for fiche in ordered:
        number = str(fiche.number)
        index.by_chapter.setdefault(fiche.chapter, []).append(fiche)
        for practice in fiche.practices:
            for slug in practice.credits:
                index.practices_of.setdefault(slug, []).append((fiche, practice))
        for slug in fiche.structures():
            index.fiches_of_structure.setdefault(slug, []).append(fiche)
        for stake in fiche.stakes:
            for text, slugs in zip(stake.items, stake.named, strict=True):
                for slug in slugs:
                    index.stakes_naming.setdefault(slug, []).append((fiche, stake, text))
        for theme in fiche.themes:
            index.fiches_of_theme.setdefault(theme, []).append(fiche)
        cited: list[str] = []
        for ref in fiche.fiche_refs:
            target = _resolve(index, ref, fiche.source, report)
            # A former number counts as a citation of the fiche that carries it now.
            key = str(target.number) if target is not None else ref.number
            if key == number or key in cited:
                continue
            cited.append(key)
            if target is not None:
                index.cited_by.setdefault(key, []).append(fiche)
            else:
                _pending(ref, fiche.source, report)
        index.cites[number] = cited
    for source, ref in page_refs or []:
        if _resolve(index, ref, source, report) is None:
            _pending(ref, source, report)
    return index


def _resolve(index: Index, ref: FicheRef, source: str, report: Report) -> Fiche | None:
    """The fiche `ref` leads to. Every reference by a former number is noted,
    even a repeated one: each place written with the old number is a place to correct."""
    target = index.resolve(ref.number)
    if target is not None and str(target.number) != ref.number:
        current = target.number
        report.info(
            source,
            ref.line,
            ref.column,
            "fiche-ancien-numero",
            f"la fiche {ref.number} porte désormais le numéro {current} : "
            f"le renvoi mène à la fiche {current}",
            f'écrivez son numéro actuel, {{{{ fiche("{current}") }}}}, '
            "celui que le lecteur retrouve dans le sommaire",
        )
    return target


def _pending(ref: FicheRef, source: str, report: Report) -> None:
    report.info(
        source,
        ref.line,
        ref.column,
        "fiche-a-paraitre",
        f"la fiche {ref.number} n'est pas encore dans la collection",
        "le renvoi s'affiche « à paraître », sans lien, jusqu'à sa publication",
    )

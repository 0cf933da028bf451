"""Reading text exports into sections and blocks, with their input lines."""

from __future__ import annotations

import pytest

from macros.core.diagnostics import Report
from macros.importer.text_export import CONTEXT, OTHER, PRACTICES, Export, parse_export
from tests.support import SEED

MINIMAL = """\
••• FICHE 2.3 – UN TITRE

••• CONTEXTE ET ENJEUX

- Un enjeu.

••• LES PRATIQUES DES STRUCTURES DU MES

- Une pratique.
"""


def parse(text: str) -> tuple[Export, Report]:
    report = Report()
    return parse_export(text, "export.txt", report), report


def codes(report: Report) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in report.items]


def test_seed_sections_blocks_and_lines() -> None:
    export, report = parse(SEED.read_text(encoding="utf-8"))
    assert report.items == []
    assert export.number == "1.5"
    assert export.title == "QUELLES CONDITIONS POLITIQUES ET MATÉRIELLES DE L'ACCOMPAGNEMENT?"
    assert export.header_line == 5
    assert [(s.kind, s.line) for s in export.sections] == [(CONTEXT, 7), (PRACTICES, 27)]
    context = export.sections[0].blocks
    assert [(b.kind, b.line) for b in context][:3] == [
        ("subheading", 9),
        ("bullet", 11),
        ("bullet", 12),
    ]
    assert [b.text for b in context if b.kind == "subheading"] == [
        "Enjeux et points de vigilance politiques de l'accompagnement",
        "Les enjeux économiques de l'accompagnement",
    ]
    practices = export.sections[1].blocks
    assert len(practices) == 6
    assert practices[1].text.startswith("**Faire reconnaître ses pratiques**")


@pytest.mark.parametrize(
    "header, number, title",
    [
        ("••• FICHE 1.5 – TITRE ICI", "1.5", "TITRE ICI"),
        ("••• FICHE 12 — TITRE LONG", "12", "TITRE LONG"),
        ("••• FICHE 3.10 - TITRE", "3.10", "TITRE"),
        ("•••FICHE 2.1–TITRE COLLÉ", "2.1", "TITRE COLLÉ"),
        ("  ••• fiche 4.2 : Titre en casse mixte", "4.2", "Titre en casse mixte"),
    ],
)
def test_header_variants(header: str, number: str, title: str) -> None:
    export, report = parse(MINIMAL.replace("••• FICHE 2.3 – UN TITRE", header))
    assert report.items == []
    assert (export.number, export.title) == (number, title)


@pytest.mark.parametrize(
    "header, column",
    [
        ("••• FICHE 1.A – TITRE", 11),
        ("••• FICHE 1,5 – TITRE", 11),
        ("••• FICHE 0.3 – TITRE", 11),
        ("••• FICHE 1-5 – TITRE", 11),
        ("••• FICHE – TITRE", 11),
    ],
)
def test_malformed_numbers_are_reported_at_the_number(header: str, column: int) -> None:
    export, report = parse("\n" + MINIMAL.replace("••• FICHE 2.3 – UN TITRE", header))
    assert export.number is None
    assert [(d.code, d.line, d.column) for d in report.items] == [
        ("import-numero-invalide", 2, column)
    ]


def test_missing_header_points_at_first_text() -> None:
    _, report = parse("\n\n\nCONTEXTE\n- x\n")
    assert codes(report) == [("import-entete-absent", 4)]


def test_missing_title() -> None:
    _, report = parse(MINIMAL.replace("– UN TITRE", "–"))
    assert codes(report) == [("import-titre-absent", 1)]


def test_text_outside_sections() -> None:
    text = "Préambule\n" + MINIMAL.replace("\n••• CONTEXTE", "Sous-titre perdu\n\n••• CONTEXTE")
    _, report = parse(text)
    assert codes(report) == [("import-texte-hors-section", 1), ("import-texte-hors-section", 3)]


def test_missing_and_duplicate_and_misplaced_sections() -> None:
    no_practices = MINIMAL.split("••• LES PRATIQUES")[0]
    assert codes(parse(no_practices)[1]) == [("import-section-manquante", 3)]
    twice = MINIMAL + "\n••• CONTEXTE ET ENJEUX\n\n- Encore.\n"
    assert codes(parse(twice)[1]) == [("import-section-en-double", 11)]
    other_first = MINIMAL.replace("••• LES PRATIQUES", "••• ANNEXE\n\n- a\n\n••• LES PRATIQUES")
    assert codes(parse(other_first)[1]) == [("import-section-ordre", 11)]


def test_practices_without_items() -> None:
    _, report = parse(MINIMAL.replace("- Une pratique.", "Rien encore."))
    assert codes(report) == [("import-pratiques-vides", 7)]


def test_second_fiche_header() -> None:
    _, report = parse(MINIMAL + "\n••• FICHE 2.4 – AUTRE\n")
    assert codes(report) == [("import-entete-en-double", 11)]


def test_bullet_markers_numbered_items_and_nesting() -> None:
    body = """\
Enjeux sociaux
• Premier,
  suite du premier.
   – imbriqué
– Second
1) Un
12. Douze
"""
    export, report = parse(MINIMAL.replace("- Un enjeu.\n", body))
    assert report.items == []
    blocks = export.sections[0].blocks
    assert [(b.kind, b.marker, b.depth) for b in blocks] == [
        ("subheading", "", 0),
        ("bullet", "-", 0),
        ("bullet", "-", 1),
        ("bullet", "-", 0),
        ("numbered", "1.", 0),
        ("numbered", "12.", 0),
    ]
    assert blocks[1].text == "Premier,\nsuite du premier."
    assert blocks[2].text == "imbriqué"


def test_subheading_rules() -> None:
    body = """\
Un paragraphe de contexte qui se termine par un point.

Une introduction à une liste :
- a

Pas de liste après

Un paragraphe.

Un vrai sous-titre ?
- b
"""
    export, _ = parse(MINIMAL.replace("- Un enjeu.\n", body))
    kinds = [(b.kind, b.text[:12]) for b in export.sections[0].blocks]
    assert kinds == [
        ("paragraph", "Un paragraph"),
        ("paragraph", "Une introduc"),
        ("bullet", "a"),
        ("paragraph", "Pas de liste"),
        ("paragraph", "Un paragraph"),
        ("subheading", "Un vrai sous"),
        ("bullet", "b"),
    ]


def test_subheadings_only_in_context() -> None:
    text = MINIMAL + "\n••• POUR ALLER PLUS LOIN\n\nRessources\n- un lien\n"
    export, _ = parse(text)
    assert export.sections[-1].kind == OTHER
    assert [b.kind for b in export.sections[-1].blocks] == ["paragraph", "bullet"]


def test_positions_follow_lines_and_columns() -> None:
    text = MINIMAL.replace("- Un enjeu.", "   -  Début\n   suite (X)")
    export, _ = parse(text)
    block = export.sections[0].blocks[0]
    assert block.text == "Début\nsuite (X)"
    assert block.position(0) == (5, 7)
    assert block.position(block.text.index("X")) == (6, 11)


def test_no_break_spaces_and_blank_runs_are_kept_or_skipped() -> None:
    text = MINIMAL.replace("- Un enjeu.", "\n\n\n- Qui\u00a0? «\u202fnous\u202f»\n\n\n")
    export, report = parse(text)
    assert report.items == []
    assert [b.text for b in export.sections[0].blocks] == ["Qui\u00a0? «\u202fnous\u202f»"]

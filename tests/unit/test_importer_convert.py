"""Export -> fiche Markdown: titles, stake kinds, front matter, layout, validation."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from macros.check.fiche import parse_fiche
from macros.check.registries import Registries
from macros.core.diagnostics import Report, Severity
from macros.importer.convert import LIST_BREAK, convert, front_matter
from macros.importer.text_export import Export, parse_export
from macros.importer.titles import known_names, sentence_case, stake_kind
from macros.read.front_matter import split
from macros.read.sources import decode
from tests.support import ROOT, SEED

TODAY = dt.date(2026, 3, 14)
OK = ROOT / "tests" / "fixtures" / "exports" / "ok"


def export_of(text: str) -> Export:
    report = Report()
    export = parse_export(text, "export.txt", report)
    assert not report.has_errors, report.items
    return export


@pytest.mark.parametrize(
    "title, expected",
    [
        (
            "QUELLES CONDITIONS POLITIQUES ET MATÉRIELLES DE L'ACCOMPAGNEMENT ?",
            "Quelles conditions politiques et matérielles de l'accompagnement ?",
        ),
        (
            "LE RÔLE DU PES 21 ET DE MES OCCITANIE DANS L'ESS",
            "Le rôle du PES 21 et de MES Occitanie dans l'ESS",
        ),
        ("OPALE ET LE DLA CULTURE", "OPALE et le DLA culture"),
        ("LE MOUVEMENT POUR L'ÉCONOMIE SOLIDAIRE", "Le Mouvement pour l'Économie Solidaire"),
        ("POUR ALLER PLUS LOIN", "Pour aller plus loin"),
        ("déjà en minuscules, avec MES", "Déjà en minuscules, avec MES"),
        ("« ÉCONOMIE » SOLIDAIRE", "« Économie » solidaire"),
    ],
)
def test_sentence_case_keeps_names(registries: Registries, title: str, expected: str) -> None:
    assert sentence_case(title, known_names(registries)) == expected


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("Enjeux et points de vigilance politiques de l'accompagnement", "politique"),
        ("Les enjeux économiques de l'accompagnement", "economique"),
        ("Enjeux sociaux et humains", "social"),
        ("Ancrage territorial", "territorial"),
        ("Questions d'organisation interne", "organisationnel"),
        ("Enjeux juridiques", "juridique"),
        ("Écologie et environnement", "ecologique"),
        ("Enjeux environnementaux", "ecologique"),
        ("Enjeux territoriaux et économiques", "territorial"),
        ("Autres points de vigilance", "general"),
    ],
)
def test_stake_kind(registries: Registries, heading: str, kind: str) -> None:
    assert stake_kind(heading, list(registries.stake_kinds)) == kind


def test_stake_kind_falls_back_to_registry_kinds() -> None:
    assert stake_kind("Enjeux juridiques", ["politique", "social"]) == "politique"


@pytest.mark.parametrize(
    "title",
    [
        "Coopérer : quelle place pour l'ESS ?",
        "Le « sur mesure »\u00a0!",
        "# pas un commentaire",
        '"Entre guillemets"',
        "- tiret",
        "yes",
        "2024",
        "Titre {{ x }} et % et @",
        "ends with colon:",
        "Faut-il facturer\u202f?",
    ],
)
def test_front_matter_round_trips(title: str) -> None:
    export = Export("x.txt", number="1.10")
    text = front_matter(export, title, ["dla-culture", "projet-politique"], TODAY)
    assert text.split("\n")[1] == (
        "# yaml-language-server: $schema=../macros/schemas/fiche.schema.json"
    )
    data = yaml.safe_load(text.strip("-\n"))
    assert data["titre"] == title
    assert data["numero"] == "1.10"
    assert data["themes"] == ["dla-culture", "projet-politique"]
    assert data["statut"] == "brouillon"
    assert str(data["date_creation"]) == "2026-03-14"


def test_seed_converts_to_the_reference_fiche_body(registries: Registries) -> None:
    converted = convert(
        export_of(SEED.read_text(encoding="utf-8")), registries, themes=[], today=TODAY
    )
    reference = split(
        (ROOT / "fiches" / "1.5.md").read_text(encoding="utf-8"), "", Report(), required=True
    )
    produced = split(converted.text, "", Report(), required=True)
    assert reference is not None and produced is not None
    # The export names the MES outside parentheses, where the importer adds no macro.
    expected = reference.body.replace('du {{ structure("MES") }}', "du MES")
    assert produced.body.strip() == expected.strip()
    assert 'numero: "1.5"' in produced.yaml_text
    assert "titre: Quelles conditions politiques et matérielles de l'accompagnement?" in (
        produced.yaml_text
    )
    assert "themes: []" in produced.yaml_text
    assert converted.unknown == []


def test_line_map_points_back_to_the_export(registries: Registries) -> None:
    converted = convert(
        export_of(SEED.read_text(encoding="utf-8")), registries, themes=[], today=TODAY
    )
    out = converted.text.split("\n")
    seed = SEED.read_text(encoding="utf-8").split("\n")
    for line, source in converted.lines.items():
        produced, written = out[line - 1], seed[source - 1]
        if produced.startswith("- "):
            assert produced[2:12] == written[2:12]
        elif produced.startswith("### "):
            assert produced[4:].startswith(written)
    assert converted.lines[out.index("## Les pratiques des structures du MES") + 1] == 27


def test_lists_of_different_kinds_are_kept_apart(registries: Registries) -> None:
    text = """\
••• FICHE 2.3 – LISTES

••• CONTEXTE ET ENJEUX

- Un enjeu.

••• LES PRATIQUES DES STRUCTURES DU MES

1) Première.
2) Deuxième,
sur deux lignes.
- Une pratique à puce.
   • imbriquée
"""
    converted = convert(export_of(text), registries, themes=[], today=TODAY)
    body = converted.text.split("## Les pratiques des structures du MES\n\n")[1]
    assert body == (
        "1. Première.\n2. Deuxième,\n   sur deux lignes.\n\n"
        + LIST_BREAK
        + "\n\n- Une pratique à puce.\n    - imbriquée\n"
    )


def test_other_sections_and_themes(registries: Registries) -> None:
    text = (OK / "pour-aller-plus-loin-3.1.txt").read_text(encoding="utf-8")
    converted = convert(
        export_of(text), registries, themes=["evaluation-valorisation"], today=TODAY
    )
    assert "\n## Pour aller plus loin\n\nVoir le guide" in converted.text
    assert "themes:\n  - evaluation-valorisation\n" in converted.text
    assert '- {{ fiche("1.5", "Fiche n°1.5") }} sur les conditions' in converted.text


@pytest.mark.parametrize("fixture", sorted(p.name for p in OK.glob("*.txt")))
def test_every_ok_fixture_validates_without_error_or_warning(
    registries: Registries, fixture: str
) -> None:
    report = Report()
    text = decode((OK / fixture).read_bytes(), fixture, report)
    assert text is not None
    export = parse_export(text, fixture, report)
    assert not report.has_errors
    converted = convert(export, registries, themes=[], today=TODAY)
    checks = Report()
    fiche = parse_fiche(converted.text, f"fiches/{export.number}.md", registries, checks)
    assert fiche is not None
    assert [d for d in checks.items if d.severity >= Severity.WARNING] == []
    # Nothing of the export's words is lost: every word is still in the fiche.
    words = set(re.findall(r"[^\W\d_]{4,}", text)) - {"FICHE"}
    produced = converted.text.casefold()
    assert [w for w in words if w.casefold() not in produced] == []


def test_unknown_structures_are_located(registries: Registries) -> None:
    text = (OK / "structure-inconnue-3.2.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    converted = convert(export_of(text), registries, themes=[], today=TODAY)
    assert converted.unknown == [
        (6, lines[5].index("URSCOP") + 1, "URSCOP"),
        (6, lines[5].index("CRESS") + 1, "CRESS Bretagne"),
        (11, lines[10].index("URSCOP") + 1, "URSCOP"),
    ]


def test_numbers_keep_their_quotes_in_yaml() -> None:
    export = Export("x.txt", number="3.10")
    assert 'numero: "3.10"' in front_matter(export, "Titre", [], TODAY)

"""The parser on the real fiche 1.5, converted from the seed export."""

from __future__ import annotations

import re

from macros.core.diagnostics import Severity
from macros.core.model import Fiche
from macros.index.collection import Collection
from tests.support import SEED, normalise


def _fiche(collection: Collection) -> Fiche:
    fiche = collection.index.fiche("1.5")
    assert fiche is not None
    return fiche


def test_real_collection_has_no_error_or_warning(repo_collection: Collection) -> None:
    problems = [d.format() for d in repo_collection.report.items if d.severity > Severity.INFO]
    assert problems == []


def test_metadata(repo_collection: Collection) -> None:
    fiche = _fiche(repo_collection)
    assert fiche.title == "Quelles conditions politiques et matérielles de l'accompagnement ?"
    assert fiche.chapter == 1
    assert fiche.status == "publiee"
    assert len(fiche.themes) >= 5
    assert fiche.source == "fiches/1.5.md"


def test_stakes_grouped_by_kind(repo_collection: Collection) -> None:
    stakes = _fiche(repo_collection).stakes
    assert [(s.kind, s.title) for s in stakes] == [
        ("politique", "Enjeux et points de vigilance politiques de l'accompagnement"),
        ("economique", "Les enjeux économiques de l'accompagnement"),
    ]
    assert [len(s.items) for s in stakes] == [5, 3]
    assert stakes[1].items[0].startswith("Résister à la standardisation")


def test_practices_and_their_credits(repo_collection: Collection) -> None:
    practices = _fiche(repo_collection).practices
    assert len(practices) == 6
    assert [p.anchor for p in practices] == [f"pratique-{i}" for i in range(1, 7)]
    # «(OPALE, centre de ressources DLA culture)» credits OPALE; the partners
    # named earlier in the same practice, «(UFISC et COFAC)», are mentions.
    assert practices[0].credits == ["opale"]
    assert practices[3].credits == ["ardes", "pes-21"]
    assert [p.credits for p in practices if p.rank not in (1, 4)] == [[], [], [], []]


def test_mentions_and_fiche_references(repo_collection: Collection) -> None:
    fiche = _fiche(repo_collection)
    assert set(fiche.structures()) == {
        "mes",
        "pes-21",
        "ardes",
        "apes",
        "mes-occitanie",
        "opale",
        "ufisc",
        "cofac",
    }
    assert fiche.structures()[:3] == ["opale", "ardes", "pes-21"]  # credited ones first
    assert [r.number for r in fiche.fiche_refs] == ["1"]
    assert fiche.fiche_refs[0].line == _line_of(fiche, "cf. {{ fiche(")


def _line_of(fiche: Fiche, needle: str) -> int:
    for offset, line in enumerate(fiche.body.split("\n")):
        if needle in line:
            return fiche.body_first_line + offset
    raise AssertionError(needle)


def test_every_seed_passage_is_in_the_fiche_source(repo_collection: Collection) -> None:
    """Word for word: macros rendered as the names they show, spacing normalised."""
    fiche = _fiche(repo_collection)
    shown = re.sub(r'\{\{ structure\("([^"]+)"\) \}\}', r"\1", fiche.body)
    shown = re.sub(r'\{\{ fiche\("[^"]+", "([^"]+)"\) \}\}', r"\1", shown)
    shown = normalise(re.sub(r"\{[^{}]*data-enjeu[^{}]*\}", "", shown))
    for line in SEED.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if not text or text.startswith("•••"):
            continue
        passage = normalise(text.removeprefix("- "))
        assert passage in shown, passage

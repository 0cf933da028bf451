"""The fiche writer shared with the browser editor: YAML values, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from macros.data.fiche_writer import (
    answers_from_text,
    entry,
    new_fiche_answers,
    scalar,
    write_fiche_text,
)
from tests.support import ROOT

AWKWARD = [
    "Coopérer : pourquoi, comment ?",
    'Le « sur mesure » et le "tout entrepreneurial"',
    "- commence par un tiret",
    "# ressemble à un commentaire",
    "yes",
    "No",
    "null",
    "1.5",
    "2026-01-01",
    "[crochets] et {accolades}",
    "fin par deux-points:",
    "un # dièse",
    "Pourquoi\u202f? Le «\u00a0sur mesure\u00a0»",
    "& ancre * alias ! étiquette % @ `",
    "ligne\u2028séparée",
    "tab\tulation",
    " espace devant",
    "espace derrière ",
    'antislash \\ et guillemet "',
    "",
]
FICHE_FILES = sorted(
    [ROOT / "fiches" / "1.5.md", *(ROOT / "tests" / "fixtures").rglob("fiches/*.md")]
)


@pytest.mark.parametrize("text", AWKWARD)
def test_each_value_reads_back_as_itself(text: str) -> None:
    assert yaml.safe_load(f"titre: {scalar(text)}") == {"titre": text}
    listed = entry("mots_cles", [text, "b"])
    assert yaml.safe_load(listed) == {"mots_cles": [text, "b"]}


def test_number_stays_text_and_dates_stay_dates() -> None:
    assert yaml.safe_load(entry("numero", "1.10")) == {"numero": "1.10"}
    assert yaml.safe_load(entry("date_creation", "2026-03-14")) == {
        "date_creation": dt.date(2026, 3, 14)
    }
    assert entry("themes", []) == "themes: []"


def test_fiche_1_5_round_trips_with_its_body_in_fields() -> None:
    text = (ROOT / "fiches" / "1.5.md").read_text(encoding="utf-8")
    answers = answers_from_text(text, "fiches/1.5.md")
    assert answers is not None
    assert "corps_brut" not in answers
    assert [p["structures"] for p in answers["pratiques"]][3] == ["ARDES", "PES 21"]
    assert [s["type"] for s in answers["enjeux"]] == ["politique", "economique"]
    assert write_fiche_text(answers) == text


@pytest.mark.parametrize("path", FICHE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fiche_the_form_opens_is_written_back_byte_for_byte(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    answers = answers_from_text(text, str(path))
    # None: the page offers no form for that fiche; it never rewrites it otherwise.
    assert answers is None or write_fiche_text(answers) == text


def test_fiches_that_pass_the_check_open_in_the_form() -> None:
    ok = sorted((ROOT / "tests" / "fixtures" / "check" / "ok").rglob("fiches/*.md"))
    refused = [
        str(p.relative_to(ROOT))
        for p in ok
        if answers_from_text(p.read_text(encoding="utf-8"), str(p)) is None
    ]
    # A byte order mark and CRLF line ends: the template writes neither.
    assert refused == ["tests/fixtures/check/ok/bom-crlf/fiches/2.1.md"]


def test_a_changed_field_is_rewritten_and_the_rest_kept() -> None:
    text = (ROOT / "fiches" / "1.5.md").read_text(encoding="utf-8")
    answers = answers_from_text(text, "fiches/1.5.md")
    assert answers is not None
    answers["champs"]["titre"] = "Un nouveau titre : avec deux-points"
    answers["champs"]["mots_cles"] = []
    written = write_fiche_text(answers)
    assert '\ntitre: "Un nouveau titre : avec deux-points"\n' in written
    assert "mots_cles" not in written
    before, after = text.split("\n---\n", 1)[1], written.split("\n---\n", 1)[1]
    assert before == after
    assert "resume: >-\n  Comment les structures" in written


def test_new_fiche_answers_fill_the_template_text_only_while_the_body_is_empty() -> None:
    answers = new_fiche_answers(
        numero="2.1", titre="Abc", themes=["x"], statut="brouillon", created=dt.date(2026, 1, 2)
    )
    assert write_fiche_text(answers).count("À remplacer") == 4
    answers["pratiques"] = [{"texte": "Une pratique", "structures": ["ARDES"]}]
    written = write_fiche_text(answers)
    assert "remplacer" not in written
    assert '\n- Une pratique ({{ structure("ARDES") }})\n' in written

"""The quick schema check never says «valid» where jsonschema finds an error."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from macros.schema_check import load_schema
from macros.schema_fast import compile_schema

GOOD: dict[str, Any] = {
    "numero": "1.5",
    "titre": "Un titre de fiche",
    "themes": ["projet-politique", "dla-culture"],
    "statut": "publiee",
    "date_creation": "2025-02-11",
    "resume": "Un résumé.",
    "mots_cles": ["accueil"],
    "redaction": ["mes"],
    "search": {"boost": 2},
}
VARIANTS: list[dict[str, Any]] = [
    GOOD,
    {**GOOD, "numero": 1.5},
    {**GOOD, "numero": "1.x"},
    {**GOOD, "date_creation": "2025-02-30"},
    {**GOOD, "date_creation": "25-02-11"},
    {**GOOD, "themes": ["a", "a"]},
    {**GOOD, "themes": "projet-politique"},
    {**GOOD, "themes": [1]},
    {**GOOD, "inconnue": 1},
    {**GOOD, "statut": "autre"},
    {**GOOD, "statut": True},
    {**GOOD, "titre": "ab"},
    {**GOOD, "titre": "a {{ b"},
    {**GOOD, "chapitre": True},
    {**GOOD, "chapitre": 0},
    {**GOOD, "chapitre": 1.0},
    {**GOOD, "chapitre": 1},
    {**GOOD, "mots_cles": ["a"]},
    {k: v for k, v in GOOD.items() if k != "titre"},
    [],
    None,
]


@pytest.mark.parametrize("value", VARIANTS)
def test_quick_check_agrees_with_jsonschema(value: Any) -> None:
    schema = load_schema("fiche")
    quick = compile_schema(schema)
    assert quick is not None
    full = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    if quick(value):
        assert full.is_valid(value)
    if value is GOOD:
        assert quick(value)


@pytest.mark.parametrize("name", ["fiche", "structures", "themes", "chapitres", "enjeux"])
def test_every_project_schema_compiles(name: str) -> None:
    assert compile_schema(load_schema(name)) is not None


def test_unknown_keywords_leave_the_answer_to_jsonschema() -> None:
    assert compile_schema({"type": "string", "oneOf": [{"minLength": 1}]}) is None

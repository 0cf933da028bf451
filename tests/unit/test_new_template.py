"""The fiche template and the pieces of `fiches new` that do not need a process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from macros.check.fiche import parse_fiche
from macros.check.registries import load_registries
from macros.cli.errors import UsageError
from macros.cli.new_cmd import write_new
from macros.core.diagnostics import Report
from macros.core.project import ProjectPaths
from macros.data.fiche_writer import (
    TemplateError,
    load_template,
    new_fiche_answers,
    next_free_number,
    write_fiche_text,
)
from macros.read.front_matter import split
from tests.support import ROOT

TODAY = dt.date(2026, 3, 14)

AWKWARD_TITLES = [
    "Coopérer : pourquoi, comment ?",
    'Le « sur mesure » et le "tout entrepreneurial"',
    "L'accompagnement d'aujourd'hui",
    "- commence par un tiret",
    "# ressemble à un commentaire",
    "yes",
    "null",
    "1.5",
    "[crochets] et {accolades}",
    "Pourquoi\u202f? Le «\u00a0sur mesure\u00a0»",
    "& ancre * alias ! étiquette % @ `",
    ("Titre très long " + "avec beaucoup de mots " * 20).strip(),
]


def _render(**overrides: object) -> str:
    values: dict[str, object] = {
        "numero": "2.1",
        "titre": "Une fiche de test",
        "themes": ["projet-politique"],
        "statut": "brouillon",
        "created": TODAY,
    }
    values.update(overrides)
    return write_fiche_text(new_fiche_answers(**values))  # type: ignore[arg-type]


def _front_matter(text: str) -> dict[str, object]:
    parts = split(text, "fiches/2.1.md", Report(), required=True)
    assert parts is not None
    data = yaml.safe_load(parts.yaml_text)
    assert isinstance(data, dict)
    return data


def test_template_is_package_data_and_the_fiche_starts_with_the_schema_modeline() -> None:
    template = load_template()
    assert template.startswith("{{=<% %>=}}\n---\n")
    text = _render()
    assert text.startswith(
        '---\n# yaml-language-server: $schema=../macros/schemas/fiche.schema.json\nnumero: "2.1"\n'
    )


def test_body_has_the_canonical_sections_and_placeholders() -> None:
    text = _render()
    assert "\n## Contexte et enjeux\n" in text
    assert '{ data-enjeu="politique" }' in text
    assert "\n## Les pratiques des structures du MES\n" in text
    assert '({{ structure("PES 21") }})' in text
    assert "\n## Pour aller plus loin\n" in text
    assert text.lower().count("à remplacer") >= 4
    assert text.index("## Contexte et enjeux") < text.index("## Les pratiques des structures")
    assert "<%" not in text


@pytest.mark.parametrize("title", AWKWARD_TITLES)
def test_front_matter_reads_back_exactly_whatever_the_title(title: str) -> None:
    data = _front_matter(_render(titre=title, themes=["projet-politique", "dla-culture"]))
    assert data == {
        "numero": "2.1",
        "titre": title,
        "themes": ["projet-politique", "dla-culture"],
        "statut": "brouillon",
        "date_creation": TODAY,
    }


def test_number_is_double_quoted_so_that_1_10_stays_1_10() -> None:
    text = _render(numero="1.10")
    assert '\nnumero: "1.10"\n' in text
    assert _front_matter(text)["numero"] == "1.10"


def test_themes_are_a_block_list_and_date_is_iso() -> None:
    text = _render(themes=["projet-politique", "modele-economique"])
    assert "\nthemes:\n  - projet-politique\n  - modele-economique\n" in text
    assert "\ndate_creation: 2026-03-14\n" in text


def test_rendered_template_passes_the_check_with_only_placeholder_reminders() -> None:
    paths = ProjectPaths.at(ROOT)
    registries = load_registries(paths, Report())
    for title in AWKWARD_TITLES:
        report = Report()
        text = _render(titre=title, themes=list(registries.themes)[:2])
        fiche = parse_fiche(text, "fiches/2.1.md", registries, report)
        assert fiche is not None
        # A draft only gets reminders, one per «À remplacer» line of the body.
        placeholders = [n for n, line in enumerate(fiche.body.split("\n")) if "remplacer" in line]
        assert [(d.severity.label, d.code) for d in report.items] == [
            ("info", "texte-a-remplacer")
        ] * len(placeholders)
        assert len(placeholders) >= 4
        assert fiche.title == title
        assert [p.credits for p in fiche.practices] == [["pes-21"]]
        assert [s.kind for s in fiche.stakes] == ["politique"]
        sections = [h.title for h in fiche.headings if h.level == 2]
        assert sections[2:] == ["Pour aller plus loin"]


def test_unknown_token_in_template_is_a_french_error_not_a_crash() -> None:
    answers = new_fiche_answers(
        numero="1.1", titre="abc", themes=[], statut="brouillon", created=TODAY
    )
    with pytest.raises(TemplateError, match="modèle"):
        write_fiche_text(answers, "---\nauteur: {{auteur}}\n---\n")


@pytest.mark.parametrize(
    ("used", "chapter", "expected"),
    [
        ([], 1, "1.1"),
        (["1.5"], 1, "1.6"),
        (["1.5", "1.2", "1.10"], 1, "1.11"),
        (["1", "1.5", "2.3"], 2, "2.4"),
        (["1.5"], 3, "3.1"),
        (["1", "2"], 1, "1.1"),
    ],
)
def test_next_free_number(used: list[str], chapter: int, expected: str) -> None:
    assert next_free_number(used, chapter) == expected


def test_write_new_never_overwrites_and_leaves_no_temp_file(tmp_path: Path) -> None:
    paths = ProjectPaths.at(tmp_path)
    target = paths.fiches_dir / "2.1.md"
    write_new(target, "premier\n", paths)
    assert target.read_text(encoding="utf-8") == "premier\n"
    with pytest.raises(UsageError, match="existe déjà"):
        write_new(target, "second\n", paths)
    assert target.read_text(encoding="utf-8") == "premier\n"
    assert sorted(p.name for p in paths.fiches_dir.iterdir()) == ["2.1.md"]

"""`fiches new` as a contributor runs it: options, questions, refusals, then check and build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.support import build_site, copy_project, page_text, run_fiches

# Every call feeds stdin (even empty) so that a run from a terminal never
# leaves the command waiting for answers.
NO_INPUT = ""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "projet")


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    _, yaml_text, _ = text.split("---\n", 2)
    data = yaml.safe_load(yaml_text)
    assert isinstance(data, dict)
    return data


def _check_is_clean(project: Path) -> None:
    result = run_fiches("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": erreur:" not in result.stdout
    assert ": avertissement:" not in result.stdout
    assert "0 erreur, 0 avertissement" in result.stderr


def _fiche_files(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "fiches").glob("*.md"))


def test_options_create_the_fiche_and_print_its_path(project: Path) -> None:
    result = run_fiches(
        "new",
        "--numero",
        "2.1",
        "--titre",
        "Coopérer entre structures",
        "--theme",
        "projet-politique",
        "--theme",
        "modele-economique",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "fiches/2.1.md"
    created = project / "fiches" / "2.1.md"
    assert _front_matter(created) == {
        "numero": "2.1",
        "titre": "Coopérer entre structures",
        "themes": ["projet-politique", "modele-economique"],
        "statut": "brouillon",
        "date_creation": dt.date.today(),
    }
    assert created.read_text(encoding="utf-8").startswith(
        "---\n# yaml-language-server: $schema=../macros/schemas/fiche.schema.json\n"
    )
    # The next steps go to stderr so that stdout stays the path alone.
    assert "fiches check" in result.stderr
    assert "make serve" in result.stderr
    assert "À remplacer" in result.stderr
    _check_is_clean(project)


def test_awkward_title_and_status_are_written_safely(project: Path) -> None:
    title = 'Le « sur mesure » : "tout entrepreneurial" # ou pas ?'
    result = run_fiches(
        "new",
        "--numero",
        "1.6",
        "--titre",
        title,
        "--theme",
        "Place des personnes accompagnées",
        "--statut",
        "relecture",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 0, result.stderr
    data = _front_matter(project / "fiches" / "1.6.md")
    assert data["titre"] == title
    assert data["themes"] == ["personnes-accompagnees"]  # a label is written as its slug
    assert data["statut"] == "relecture"
    _check_is_clean(project)


def test_chapter_alone_takes_the_next_free_number(project: Path) -> None:
    result = run_fiches(
        "new",
        "--chapitre",
        "1",
        "--titre",
        "Une autre fiche",
        "--theme",
        "dla-culture",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "fiches/1.6.md"
    assert "1.6" in result.stderr
    assert _front_matter(project / "fiches" / "1.6.md")["numero"] == "1.6"


def test_used_number_is_refused_and_the_existing_fiche_untouched(project: Path) -> None:
    existing = project / "fiches" / "1.5.md"
    before = existing.read_bytes()
    result = run_fiches(
        "new",
        "--numero",
        "1.5",
        "--titre",
        "Doublon",
        "--theme",
        "projet-politique",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 2
    assert "fiches : erreur : le numéro « 1.5 » est déjà celui de fiches/1.5.md" in result.stderr
    assert "« 1.6 »" in result.stderr  # the free number it proposes instead
    assert "Traceback" not in result.stderr
    assert existing.read_bytes() == before
    assert _fiche_files(project) == ["1.5.md"]


def test_number_used_by_a_file_with_another_name_is_refused(project: Path) -> None:
    source = (project / "fiches" / "1.5.md").read_text(encoding="utf-8")
    (project / "fiches" / "autre.md").write_text(
        source.replace('numero: "1.5"', 'numero: "2.4"'), encoding="utf-8"
    )
    result = run_fiches(
        "new",
        "--numero",
        "2.4",
        "--titre",
        "Doublon",
        "--theme",
        "projet-politique",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 2
    assert "déjà celui de fiches/autre.md" in result.stderr
    assert not (project / "fiches" / "2.4.md").exists()


def test_existing_file_is_never_overwritten_even_if_broken(project: Path) -> None:
    broken = project / "fiches" / "3.1.md"
    broken.write_bytes(b"pas d'en-tete, fiche en cours\n")
    result = run_fiches(
        "new",
        "--numero",
        "3.1",
        "--titre",
        "Par-dessus",
        "--theme",
        "projet-politique",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 2
    assert "fiches/3.1.md" in result.stderr
    assert broken.read_bytes() == b"pas d'en-tete, fiche en cours\n"
    assert not [p for p in (project / "fiches").iterdir() if p.name.endswith(".tmp")]


def test_unknown_theme_is_a_usage_error_naming_the_closest(project: Path) -> None:
    result = run_fiches(
        "new",
        "--numero",
        "2.1",
        "--titre",
        "Une fiche",
        "--theme",
        "projet-politiqe",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 2
    assert "thème inconnu « projet-politiqe »" in result.stderr
    assert "vouliez-vous dire « projet-politique » ?" in result.stderr
    assert "Traceback" not in result.stderr
    assert _fiche_files(project) == ["1.5.md"]


@pytest.mark.parametrize("number", ["2,1", "abc", "1.05", "0.1", "1.5.2", "v2"])
def test_malformed_number_is_a_usage_error(project: Path, number: str) -> None:
    result = run_fiches(
        "new",
        "--numero",
        number,
        "--titre",
        "Une fiche",
        "--theme",
        "projet-politique",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 2
    assert f"numéro de fiche mal formé « {number} »" in result.stderr
    assert "Traceback" not in result.stderr
    assert _fiche_files(project) == ["1.5.md"]


def test_chapter_must_agree_with_number(project: Path) -> None:
    result = run_fiches(
        "new",
        "--numero",
        "2.1",
        "--chapitre",
        "1",
        "--titre",
        "Une fiche",
        "--theme",
        "projet-politique",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert result.returncode == 2
    assert "est dans le chapitre 2, pas dans le chapitre 1" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--chapitre", "zéro", "--titre", "Une fiche", "--theme", "dla-culture"],
            "chapitre invalide « zéro »",
        ),
        (["--numero", "2.1", "--titre", "ab", "--theme", "dla-culture"], "titre trop court"),
        (
            ["--numero", "2.1", "--titre", "Le {{ nom }} du projet", "--theme", "dla-culture"],
            "réservés aux macros",
        ),
        (
            ["--numero", "2.1", "--titre", "Le <script> du projet", "--theme", "dla-culture"],
            "titre refusé : les chevrons",
        ),
        (
            [
                "--numero",
                "2.1",
                "--titre",
                "Une fiche",
                "--theme",
                "dla-culture",
                "--statut",
                "fini",
            ],
            "choix invalide",
        ),
    ],
)
def test_other_bad_options_are_usage_errors(project: Path, args: list[str], message: str) -> None:
    result = run_fiches("new", *args, cwd=project, stdin=NO_INPUT)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_option_without_terminal_fails_instead_of_waiting(project: Path) -> None:
    result = run_fiches("new", "--titre", "Une fiche", cwd=project, stdin=NO_INPUT)
    assert result.returncode == 2
    assert "options manquantes : --numero (ou --chapitre), --theme" in result.stderr
    assert result.stdout == ""
    assert _fiche_files(project) == ["1.5.md"]


def test_questions_answered_through_stdin(project: Path) -> None:
    answers = (
        "\n".join(
            [
                "",  # chapter: the proposed one (1)
                "1.5",  # a used number: asked again
                "",  # the proposed free number, 1.6
                "",  # empty title: asked again
                "Mutualiser : les « outils » partagés",
                "projet-politiqe",  # a typo: asked again, with a suggestion
                "1, dla-culture",  # by rank in the list and by slug
            ]
        )
        + "\n"
    )
    result = run_fiches("new", "--interactif", cwd=project, stdin=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Chapitre de la fiche [1] :" in out
    assert "Numéro de la fiche [1.6] :" in out
    assert "le numéro « 1.5 » est déjà celui de fiches/1.5.md" in out
    assert "titre trop court" in out
    assert "vouliez-vous dire « projet-politique » ?" in out
    assert out.rstrip().splitlines()[-1] == "fiches/1.6.md"
    data = _front_matter(project / "fiches" / "1.6.md")
    assert data["titre"] == "Mutualiser : les « outils » partagés"
    assert data["themes"] == ["projet-politique", "dla-culture"]
    assert data["statut"] == "brouillon"
    _check_is_clean(project)


def test_questions_only_for_what_options_left_out(project: Path) -> None:
    result = run_fiches(
        "new",
        "--interactif",
        "--numero",
        "4.2",
        "--theme",
        "dla-culture",
        cwd=project,
        stdin="Une fiche du chapitre 4\n",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Chapitre" not in result.stdout
    assert "Thèmes" not in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == "fiches/4.2.md"


def test_end_of_input_during_questions_creates_nothing(project: Path) -> None:
    result = run_fiches("new", "--interactif", cwd=project, stdin="2\n\n")
    assert result.returncode == 2
    assert "saisie interrompue" in result.stderr
    assert _fiche_files(project) == ["1.5.md"]


def test_help_is_in_french(project: Path) -> None:
    result = run_fiches("new", "--help", cwd=project, stdin=NO_INPUT)
    assert result.returncode == 0
    for words in (
        "--numero",
        "--titre",
        "--chapitre",
        "--theme",
        "--statut",
        "afficher cette aide",
        "par défaut : brouillon",
        "répétez l'option",
    ):
        assert words in result.stdout


@pytest.mark.build
def test_contributor_creates_edits_checks_and_builds_a_fiche(project: Path) -> None:
    title = "Coopérer pour accompagner : l'exemple normand"
    created = run_fiches(
        "new",
        "--numero",
        "2.1",
        "--titre",
        title,
        "--theme",
        "cooperation-accompagnement",
        cwd=project,
        stdin=NO_INPUT,
    )
    assert created.returncode == 0, created.stderr
    fiche = project / created.stdout.strip()
    text = fiche.read_text(encoding="utf-8")
    placeholder = next(
        line
        for line in text.splitlines()
        if line.startswith("- ") and 'structure("PES 21")' in line
    )
    practice = (
        "- Réunir chaque trimestre les structures d'accompagnement de la région pour "
        'partager les situations difficiles ({{ structure("ARDES") }}).'
    )
    fiche.write_text(text.replace(placeholder, practice), encoding="utf-8")
    _check_is_clean(project)

    built = build_site(project)
    assert built.returncode == 0, built.stdout + built.stderr
    site = project / "site"
    ardes = page_text((site / "structures" / "ardes" / "index.html").read_text(encoding="utf-8"))
    assert title in ardes
    theme = page_text(
        (site / "themes" / "cooperation-accompagnement" / "index.html").read_text(encoding="utf-8")
    )
    assert title in theme
    assert (site / "fiches" / "2.1" / "index.html").is_file()

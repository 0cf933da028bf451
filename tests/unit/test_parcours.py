"""Parcours: loading and checking the YAML files, and the booklet Markdown."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from macros.core.project import ProjectPaths
from macros.index.collection import Collection, load_collection
from macros.index.parcours import slug_of_name
from macros.render.pages import virtual_pages
from macros.render.parcours_page import collection_booklet, embedded_body, parcours_source
from tests.support import ROOT, copy_project, rendered

MINI = ROOT / "tests" / "fixtures" / "collections" / "mini" / "fiches"
PARCOURS_HEAD = """titre: Coopérer
public: Des formatrices
duree: 2 heures
introduction: Une séance pour coopérer entre structures.
"""


def _mini(tmp_path: Path, files: dict[str, str]) -> Collection:
    project = copy_project(tmp_path / "projet", with_fiches=False)
    shutil.copytree(MINI, project / "fiches", dirs_exist_ok=True)
    folder = project / "fiches" / "parcours"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_collection(ProjectPaths.at(project))


def _codes(collection: Collection) -> list[tuple[str, int, str]]:
    return [
        (Path(d.path).name, d.line, d.code)
        for d in collection.report.sorted()
        if d.severity == 2  # errors only
    ]


def test_the_shipped_parcours_is_valid_and_uses_real_practices(
    repo_collection: Collection,
) -> None:
    assert not repo_collection.report.has_errors
    [parcours] = repo_collection.parcours
    assert parcours.slug == "accompagnement-sur-mesure"
    assert parcours.page == "parcours/accompagnement-sur-mesure.md"
    [step] = parcours.steps
    assert step.number == "1.5"
    assert step.practices and step.questions and step.notes
    fiche = repo_collection.index.fiches["1.5"]
    assert max(step.practices) <= len(fiche.practices)


def test_file_name_gives_the_address_unless_a_slug_is_declared() -> None:
    assert slug_of_name("Atelier DLA") == "atelier-dla"
    assert slug_of_name("Séance_été 2026") == "seance-ete-2026"
    assert slug_of_name("---") == ""


def test_every_parcours_problem_is_reported_at_its_line(tmp_path: Path) -> None:
    collection = _mini(
        tmp_path,
        {
            "a.yml": PARCOURS_HEAD
            + 'fiches:\n  - numero: "3.9"\n  - numero: 3.1\n    pratiques: [2, 7]\n'
            + '  - numero: "3.2"\n  - numero: "3.2"\n',
            "b.yml": "slug: a\n" + PARCOURS_HEAD + 'fiches:\n  - numero: "3.1"\n',
            "vide.yml": PARCOURS_HEAD + "fiches: []\n",
            "---.yml": PARCOURS_HEAD + 'fiches:\n  - numero: "3.1"\n',
        },
    )
    assert _codes(collection) == [
        ("---.yml", 1, "parcours-nom-fichier"),
        ("a.yml", 6, "parcours-fiche-inconnue"),
        ("a.yml", 8, "parcours-pratique-inconnue"),
        ("a.yml", 10, "parcours-fiche-en-double"),
        ("b.yml", 1, "parcours-doublon"),
        ("vide.yml", 5, "schema-minItems"),
    ]
    unknown = next(d for d in collection.report.items if d.code == "parcours-fiche-inconnue")
    assert "« 3.1 »" in unknown.hint  # the closest numbers
    assert [p.slug for p in collection.parcours] == ["a"]


def test_a_clean_parcours_keeps_its_order_and_choices(tmp_path: Path) -> None:
    collection = _mini(
        tmp_path,
        {
            "Coopérer ici.yml": PARCOURS_HEAD
            + 'fiches:\n  - numero: "3.2"\n  - numero: "3.1"\n    pratiques: [2, 1]\n'
            + '    questions: ["Avec qui ?"]\n    notes: Tour de table.\n'
        },
    )
    assert not collection.report.has_errors
    [parcours] = collection.parcours
    assert parcours.slug == "cooperer-ici"
    assert [s.number for s in parcours.steps] == ["3.2", "3.1"]
    assert parcours.steps[1].practices == (2, 1)


def test_embedded_fiche_has_demoted_headings_and_prefixed_ids(
    repo_collection: Collection,
) -> None:
    fiche = repo_collection.index.fiches["1.5"]
    body = embedded_body(fiche, (4,))
    headings = re.findall(r"^(#+) (.*)$", body, re.M)
    assert headings and all(len(level) >= 3 for level, _ in headings)
    # Search leads to the fiche's own page, not to this copy.
    assert "### Contexte et enjeux { #f1-5-contexte-et-enjeux data-search-exclude }" in body
    # Attributes other than the id survive (the stake's kind).
    assert re.search(r'^#### .* \{ #f1-5-\S+ .*data-enjeu="politique" \}$', body, re.M)
    assert body.count('id="f1-5-pratique-') == len(fiche.practices)
    assert 'class="ancre-pratique pratique-retenue" id="f1-5-pratique-4"' in body
    assert body.count("pratique-retenue") == 1
    # Macro calls stay as written: the booklet page renders them like the fiche page.
    assert '{{ structure("PES 21") }}' in body


def test_booklet_plan_then_fiches_in_order(repo_collection: Collection) -> None:
    [parcours] = repo_collection.parcours
    source = parcours_source(parcours, repo_collection)
    assert source.meta["template"] == "parcours.html"
    text = source.text
    plan = text.index("## Déroulé")
    fiche_section = text.index("{ #fiche-1-5 data-search-exclude }")
    assert text.index('<div class="livret-couverture"') < plan < fiche_section
    for rank in parcours.steps[0].practices:
        assert f"(#f1-5-pratique-{rank})" in text[plan:fiche_section]
    for question in parcours.steps[0].questions:
        assert " ".join(question.split()) in text


def test_index_and_collection_booklet_pages(repo_collection: Collection) -> None:
    pages = {p.src_uri: p for p in virtual_pages(repo_collection, {}, feed=False)}
    index = rendered(pages["parcours/index.md"])
    assert '<a href="/parcours/accompagnement-sur-mesure.md">' in index
    assert "(/impression.md)" in index
    booklet = collection_booklet(repo_collection).text
    for number in repo_collection.index.fiches:
        assert "{ #fiche-" + number.replace(".", "-") + " data-search-exclude }" in booklet
    assert pages["parcours/accompagnement-sur-mesure.md"].edit_path == (
        "fiches/parcours/accompagnement-sur-mesure.yml"
    )
    assert pages["parcours/index.md"].edit_path is None
    assert "impression.md" in pages

"""At scale: related fiches, structure pages and the navigation stay linear."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import write_collection
from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from tests.support import copy_project, rendered


def test_structure_page_of_a_large_collection_shows_openings(tmp_path: Path) -> None:
    from macros.render.structure_page import FULL_TEXT_UP_TO, structure_source

    project = copy_project(tmp_path / "projet", with_fiches=False)
    write_collection(project, 120, per_chapter=40)
    collection = load_collection(ProjectPaths.at(project))
    slug, practices = max(collection.index.practices_of.items(), key=lambda kv: len(kv[1]))
    assert len(practices) > FULL_TEXT_UP_TO
    source = structure_source(collection.registries.structures[slug], collection)
    page = rendered(source)
    # One line per practice, linked to it, without full texts or per-fiche headings.
    assert page.count(", pratique ") == len(practices)
    assert "\n### " not in page and "{{" not in page
    fiche, practice = practices[0]
    assert f'href="/{fiche.page}#{practice.anchor}"' in page


def test_opening_is_plain_text_cut_on_a_word(registries: object) -> None:
    from macros.check.registries import Registries
    from macros.index.plain_text import excerpt, plain_text

    assert isinstance(registries, Registries)
    text = 'Un **accueil** ouvert ({{ structure("pes-21") }}, {{ structure("ARDES") }})'
    assert plain_text(text, registries) == "Un accueil ouvert (PES 21, ARDES)"
    long = excerpt(plain_text("mot " * 100, registries), 30)
    assert long.endswith(" …") and len(long) <= 32 and "mot mot" in long


def test_many_chapters_are_grouped_in_the_navigation(tmp_path: Path) -> None:
    from macros.site.nav import CHAPTERS_PER_GROUP, expand_nav

    project = copy_project(tmp_path / "projet", with_fiches=False)
    write_collection(project, 50, per_chapter=2)  # 25 chapters
    collection = load_collection(ProjectPaths.at(project))
    nav = expand_nav([{"Sommaire": "fiches/index.md"}], collection)
    sommaire = nav[0]["Sommaire"]
    assert sommaire[0] == "fiches/index.md"
    groups = sommaire[1:]
    assert [next(iter(g)) for g in groups] == [
        "Chapitres 1 à 10",
        "Chapitres 11 à 20",
        "Chapitres 21 à 25",
    ]
    first = groups[0]["Chapitres 1 à 10"]
    assert len(first) == CHAPTERS_PER_GROUP
    assert first[0] == {
        "Chapitre 1 — Le projet politique de l'accompagnement": [
            "fiches/1.1.md",
            "fiches/1.2.md",
        ]
    }

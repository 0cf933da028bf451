"""The catalogue's entries and facets, the matrix, and plain-text excerpts."""

from __future__ import annotations

import re

from macros.data.catalogue import FICHE, PRACTICE, build_catalogue, build_matrix
from macros.index.collection import Collection
from macros.index.plain_text import excerpt, plain_text


def test_entries_list_each_fiche_then_its_practices(catalogue_collection: Collection) -> None:
    catalogue = build_catalogue(catalogue_collection)
    shown = [(e.kind, str(e.fiche.number), e.rank) for e in catalogue.entries]
    assert shown[:5] == [
        (FICHE, "2.1", 0),
        (PRACTICE, "2.1", 1),
        (PRACTICE, "2.1", 2),
        (PRACTICE, "2.1", 3),
        (FICHE, "2.2", 0),
    ]
    assert (catalogue.count(FICHE), catalogue.count(PRACTICE)) == (4, 9)
    fiche, first, _, uncredited = catalogue.entries[:4]
    # A fiche: every structure it names; a practice: its credits, its fiche's themes.
    assert fiche.structures == ("pes-21", "ardes", "apes")
    assert first.structures == ("pes-21",) and uncredited.structures == ()
    assert first.themes == fiche.themes == ("personnes-accompagnees", "cooperation-accompagnement")
    assert first.fiche.chapter == 2 and first.anchor == "pratique-1" and fiche.anchor == ""
    assert first.text == "Tenir une permanence d'accueil sans rendez-vous (PES 21)."


def test_facets_count_entries_and_list_only_used_values(
    catalogue_collection: Collection,
) -> None:
    facets = {f.name: f for f in build_catalogue(catalogue_collection).facets}
    assert [f for f in facets] == ["type", "chapitre", "theme", "structure"]

    def counts(name: str) -> dict[str, int]:
        return {v.id: v.count for v in facets[name].values}

    assert counts("type") == {"fiche": 4, "pratique": 9}
    assert counts("chapitre") == {"2": 7, "3": 6}
    # PES 21: named by fiches 2.1, 2.2, 3.1; credited with 2.1#1, 2.2#1, 3.1#2.
    assert counts("structure") == {
        "apes": 3,
        "ardes": 2,
        "cofac": 2,
        "mes-occitanie": 2,
        "opale": 4,
        "pes-21": 6,
        "ufisc": 2,
    }
    assert "mes" not in counts("structure") and "projet-politique" not in counts("theme")
    # Sorted by label, accents ignored: «Évaluation» among the E's.
    labels = [v.label for v in facets["theme"].values]
    assert labels == sorted(labels, key=lambda s: s.replace("É", "E"))
    assert labels.index("Évaluation et valorisation non quantitative") == 2


def test_matrix_counts_practices_per_structure_and_theme(
    catalogue_collection: Collection,
) -> None:
    matrix = build_matrix(catalogue_collection)
    column = {t.slug: i for i, t in enumerate(matrix.themes)}
    rows = {r.structure.slug: r for r in matrix.rows}
    pes = rows["pes-21"]
    assert pes.total == 3
    assert pes.cells[column["modele-economique"]] == 2  # 2.2#1 and 3.1#2
    assert pes.cells[column["personnes-accompagnees"]] == 1
    assert pes.cells[column["dla-culture"]] == 0
    assert rows["mes"].total == 0 and set(rows["mes"].cells) == {0}


def test_plain_text_shows_what_the_page_shows(catalogue_collection: Collection) -> None:
    reg = catalogue_collection.registries
    text = (
        '**Mutualiser** un [outil](https://x.org) ({{ structure("pes-21") }}, '
        '{{ structure("OPALE", "Opale") }}) : voir {{ theme("dla-culture") }}, '
        '{{ fiche("2.1") }} et {{ fiche("2.2", "la fiche n°2.2") }}.\n  <br> suite'
    )
    title = catalogue_collection.index.fiches["2.1"].title
    assert plain_text(text, reg, catalogue_collection.index) == (
        "Mutualiser un outil (PES 21, Opale) : voir DLA et DLA culture, "
        f"Fiche 2.1 — {title} et la fiche n°2.2. suite"
    )
    assert excerpt("un deux trois", 8) == "un deux …"
    assert excerpt("court", 8) == "court"


def test_every_place_shows_a_call_with_the_words_of_its_link(
    catalogue_collection: Collection,
) -> None:
    """The link text the macros write, and every text that shows a call as
    words (plain text for search and open data, the catalogue's excerpts,
    the structure pages' openings), give the same words."""
    import markdown as python_markdown

    from macros.render.structure_page import _opening
    from tests.support import render_macros

    collection = catalogue_collection
    calls = [
        '{{ structure("pes-21") }}',
        '{{ structure("PES 21") }}',
        '{{ structure("OPALE", "Opale") }}',
        '{{ structure("ARDES", texte="l\'ARDES") }}',
        '{{ theme("dla-culture") }}',
        '{{ theme("dla-culture", texte="le DLA") }}',
        '{{ fiche("2.1") }}',
        '{{ fiche("2.2", "la fiche n°2.2") }}',
        '{{ fiche("9.9") }}',  # not published: its «à paraître» mark
    ]
    for call in calls:
        html = python_markdown.markdown(render_macros(call, collection))
        link_words = re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").replace("&#39;", "'")
        assert plain_text(call, collection.registries, collection.index) == link_words, call
        assert collection.plain(call) == link_words, call
        assert _opening(call, collection) == link_words, call
    # The catalogue and open data read collection.plain: one practice with a call.
    practice = next(p for f in collection.fiches for p in f.practices if "{{" in p.text)
    shown = excerpt(collection.plain(practice.text))
    assert "{{" not in shown
    assert any(shown in str(entry) for entry in build_catalogue(collection).entries)

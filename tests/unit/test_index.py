"""The cross-reference index, on the real collection and on synthetic fiches."""

from __future__ import annotations

from macros.core.diagnostics import Report
from macros.core.model import FicheRef
from macros.index.collection import Collection
from macros.index.cross_refs import build_index
from tests.support import make_fiche as _fiche


def test_real_index_links_structures_themes_and_fiches(repo_collection: Collection) -> None:
    index = repo_collection.index
    for slug in ("pes-21", "ardes", "apes", "mes-occitanie", "opale", "ufisc", "cofac"):
        assert [str(f.number) for f in index.fiches_of_structure[slug]] == ["1.5"]
    assert [(str(f.number), p.rank) for f, p in index.practices_of["pes-21"]] == [("1.5", 4)]
    assert [(str(f.number), p.rank) for f, p in index.practices_of["opale"]] == [("1.5", 1)]
    assert "ufisc" not in index.practices_of
    assert all(
        [str(f.number) for f in index.fiches_of_theme[t]] == ["1.5"]
        for t in repo_collection.fiches[0].themes
    )
    assert index.cites["1.5"] == ["1"]
    pending = [d for d in repo_collection.report.items if d.code == "fiche-a-paraitre"]
    assert [(d.message, d.path) for d in pending] == [
        ("la fiche 1 n'est pas encore dans la collection", "fiches/1.5.md")
    ]


def test_numbers_sort_numerically_and_group_by_chapter() -> None:
    index = build_index([_fiche("1.10"), _fiche("2.1"), _fiche("1.2"), _fiche("1")])
    assert list(index.fiches) == ["1", "1.2", "1.10", "2.1"]
    assert {c: [str(f.number) for f in fs] for c, fs in index.by_chapter.items()} == {
        1: ["1", "1.2", "1.10"],
        2: ["2.1"],
    }


def test_citations_both_ways_and_pending() -> None:
    report = Report()
    index = build_index(
        [
            _fiche("1.1", refs=["1.2", "9.9", "1.2", "9.9", "1.1"]),
            _fiche("1.2", refs=["1.1"]),
            _fiche("1.3", refs=["1.1"]),
        ],
        report=report,
    )
    assert index.cites["1.1"] == ["1.2", "9.9"]  # deduplicated, self-references dropped
    assert [str(f.number) for f in index.cited_by["1.1"]] == ["1.2", "1.3"]
    assert [str(f.number) for f in index.cited_by["1.2"]] == ["1.1"]
    # Once per citing fiche, at its first place.
    assert [(d.code, d.message) for d in report.items] == [
        ("fiche-a-paraitre", "la fiche 9.9 n'est pas encore dans la collection")
    ]


def test_structures_practices_and_mentions() -> None:
    index = build_index(
        [
            _fiche("2.1", credits=[["a"], [], ["a", "b"]], mentions=["c"]),
            _fiche("1.1", credits=[["b"]]),
        ]
    )
    assert [(str(f.number), p.rank) for f, p in index.practices_of["a"]] == [("2.1", 1), ("2.1", 3)]
    assert [(str(f.number), p.rank) for f, p in index.practices_of["b"]] == [("1.1", 1), ("2.1", 3)]
    assert [str(f.number) for f in index.fiches_of_structure["c"]] == ["2.1"]
    assert "c" not in index.practices_of


def test_index_build_is_linear_in_shape() -> None:
    """Every fiche lands in exactly its buckets, whatever the input order."""
    fiches = [_fiche(f"{c}.{r}", themes=[f"t{r % 3}"]) for c in range(1, 4) for r in range(1, 50)]
    index = build_index(list(reversed(fiches)))
    assert sum(len(v) for v in index.fiches_of_theme.values()) == len(fiches)
    assert list(index.fiches) == [str(f.number) for f in fiches]


def test_former_number_counts_as_a_citation_of_the_current_fiche() -> None:
    renumbered = _fiche("2.4")
    report = Report()
    index = build_index(
        [
            renumbered,
            _fiche("1.1", refs=["2.3", "2.4", "2.3"]),
            _fiche("3.1", refs=["2.3"]),
        ],
        page_refs=[("docs/index.md", FicheRef("2.3", 7, 2))],
        renumbered={"2.3": renumbered},
        report=report,
    )
    assert index.resolve("2.3") is renumbered and index.fiche("2.3") is None
    assert index.cites["1.1"] == ["2.4"]  # one citation, whichever number it used
    assert [str(f.number) for f in index.cited_by["2.4"]] == ["1.1", "3.1"]
    # No «à paraître»; each place written with the old number is noted, with its position.
    assert {d.code for d in report.items} == {"fiche-ancien-numero"}
    assert [(d.path, d.line) for d in report.items] == [
        ("fiches/1.1.md", 3),
        ("fiches/1.1.md", 3),
        ("fiches/3.1.md", 3),
        ("docs/index.md", 7),
    ]
    assert report.items[0].message.startswith("la fiche 2.3 porte désormais le numéro 2.4")


def test_citing_oneself_by_a_former_number_is_no_citation() -> None:
    fiche = _fiche("2.4", refs=["2.3"])
    report = Report()
    index = build_index([fiche], renumbered={"2.3": fiche}, report=report)
    assert index.cites["2.4"] == []
    assert "2.4" not in index.cited_by
    assert [(d.code, d.path) for d in report.items] == [("fiche-ancien-numero", "fiches/2.4.md")]


def test_current_number_wins_over_a_former_one() -> None:
    # collection.py refuses such a map (ancien-numero-pris); the index stays safe anyway.
    old, new = _fiche("2.3"), _fiche("2.4")
    report = Report()
    fiches = [old, new, _fiche("1.1", refs=["2.3"])]
    index = build_index(fiches, renumbered={"2.3": new}, report=report)
    assert index.resolve("2.3") is old
    assert index.cites["1.1"] == ["2.3"]
    assert report.items == []

"""«Fiches liées»: weights per dimension, top N, deterministic ties, no pair scan."""

from __future__ import annotations

from macros.index import Index, build_index
from macros.model import Fiche, FicheNumber, Mention
from macros.related import related_fiches


def _fiche(number: str, themes: list[str], structures: list[str] | None = None) -> Fiche:
    return Fiche(
        number=FicheNumber(number),
        title=f"Titre {number}",
        source=f"fiches/{number}.md",
        themes=themes,
        status="publiee",
        created=None,
        updated=None,
        summary="",
        keywords=[],
        search={},
        authors=[],
        body="",
        body_first_line=1,
        mentions=[Mention(s, 1, 1) for s in structures or []],
    )


def _numbers(index: Index, fiche: Fiche, **kwargs: object) -> list[tuple[str, int]]:
    return [
        (str(r.fiche.number), r.score)
        for r in related_fiches(index, fiche, **kwargs)  # type: ignore[arg-type]
    ]


def test_themes_weigh_twice_structures_and_scores_add_up() -> None:
    fiches = [
        _fiche("1.1", ["x", "y"], ["a", "b"]),
        _fiche("1.2", ["x"]),  # 2
        _fiche("1.3", ["x", "y"], ["a"]),  # 2 + 2 + 1
        _fiche("1.4", [], ["a", "b"]),  # 1 + 1
        _fiche("1.5", ["z"], ["c"]),  # nothing shared
    ]
    index = build_index(fiches)
    assert _numbers(index, fiches[0]) == [("1.3", 5), ("1.2", 2), ("1.4", 2)]
    found = related_fiches(index, fiches[0])[0]
    assert (found.themes, found.structures) == (["x", "y"], ["a"])
    assert _numbers(index, fiches[0], theme_weight=1, structure_weight=3)[:2] == [
        ("1.4", 6),
        ("1.3", 5),
    ]


def test_ties_go_to_shared_themes_then_lower_number_whatever_the_input_order() -> None:
    fiches = [
        _fiche("2.1", ["x"], ["a"]),
        _fiche("1.10", [], ["a"]),  # 1, by structure
        _fiche("1.9", [], ["a"]),  # 1, by structure
        _fiche("3.1", ["x"]),  # 2, by theme
        _fiche("1.2", [], ["a"]),  # 1
    ]
    expected = [("3.1", 2), ("1.2", 1), ("1.9", 1), ("1.10", 1)]
    assert _numbers(build_index(fiches), fiches[0]) == expected
    assert _numbers(build_index(list(reversed(fiches))), fiches[0]) == expected
    assert _numbers(build_index(fiches), fiches[0], limit=2) == expected[:2]


def test_excluded_and_self_are_never_listed() -> None:
    fiches = [_fiche("1.1", ["x"]), _fiche("1.2", ["x"]), _fiche("1.3", ["x"])]
    index = build_index(fiches)
    assert _numbers(index, fiches[0], exclude=frozenset({"1.2"})) == [("1.3", 2)]
    assert _numbers(build_index([fiches[0]]), fiches[0]) == []


class _NoWalk(dict[str, Fiche]):
    """Lookups by number only: walking the whole collection fails the test."""

    def _walk(self, *args: object) -> None:
        raise AssertionError("related_fiches walked the whole collection")

    __iter__ = keys = values = items = _walk  # type: ignore[assignment]


class _WatchedList(list[Fiche]):
    """A posting list that records its theme when read."""

    read: set[str] = set()  # noqa: RUF012 — reset by the test

    def __init__(self, theme: str, fiches: list[Fiche]) -> None:
        super().__init__(fiches)
        self.theme = theme

    def __iter__(self):  # type: ignore[no-untyped-def]
        _WatchedList.read.add(self.theme)
        return super().__iter__()


def test_only_the_inverted_lists_of_the_fiche_s_own_values_are_read() -> None:
    fiches = [_fiche(f"1.{n}", [f"t{n % 50}"]) for n in range(1, 501)]
    index = build_index(fiches)
    index.fiches_of_theme = {k: _WatchedList(k, v) for k, v in index.fiches_of_theme.items()}
    index.fiches = _NoWalk(index.fiches)
    _WatchedList.read = set()
    related = related_fiches(index, fiches[0])
    assert _WatchedList.read == {"t1"}  # fiche 1.1's only theme
    assert [str(r.fiche.number) for r in related] == ["1.51", "1.101", "1.151", "1.201", "1.251"]

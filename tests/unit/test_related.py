"""«Fiches liées»: weighted dimensions, top N, deterministic ties, no fiche-pair scan."""

from __future__ import annotations

import random

from macros.core.model import Fiche
from macros.data.related import related_fiches
from macros.index.cross_refs import Index, build_index
from tests.support import make_fiche


def _fiche(number: str, themes: list[str], structures: list[str] | None = None) -> Fiche:
    return make_fiche(number, themes=themes, mentions=structures)


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


def _pairwise(index: Index, fiche: Fiche, limit: int, exclude: frozenset[str]) -> list:
    """The definition, fiche against fiche: what the signature groups must equal."""
    scored = []
    for other in index.fiches.values():
        if other.number.text == fiche.number.text or other.number.text in exclude:
            continue
        themes = len(set(fiche.themes) & set(other.themes))
        structures = len(set(fiche.structures()) & set(other.structures()))
        score = 2 * themes + structures
        if score:
            scored.append((-score, -themes, index.rank[other.number.text], other.number.text))
    return [(number, -score) for score, _, _, number in sorted(scored)[:limit]]


def test_signature_groups_rank_exactly_as_fiche_against_fiche() -> None:
    rng = random.Random(5)
    themes, structures = list("abcdef"), ["s1", "s2", "s3", "s4", "s5"]
    fiches = [
        _fiche(
            f"{1 + n // 40}.{1 + n % 40}",
            rng.sample(themes, rng.randint(0, 3)),
            rng.sample(structures, rng.randint(0, 4)),
        )
        for n in range(160)
    ]
    index = build_index(fiches)
    for fiche in fiches:
        exclude = frozenset({fiches[(fiches.index(fiche) + 7) % 160].number.text})
        for limit in (1, 5, 12):
            found = _numbers(index, fiche, limit=limit, exclude=exclude)
            assert found == _pairwise(index, fiche, limit, exclude)


def test_each_signature_is_scored_once_whatever_the_number_of_fiches() -> None:
    # 600 fiches, but only 30 distinct (themes, structures) signatures.
    fiches = [
        _fiche(f"{1 + n // 50}.{1 + n % 50}", [f"t{n % 6}"], [f"s{n % 5}"]) for n in range(600)
    ]
    index = build_index(fiches)
    for fiche in fiches:
        related_fiches(index, fiche)
    assert index.related_levels is not None
    assert index.related_levels.cache_info().misses == 30  # type: ignore[attr-defined]
    # Same theme t1, same structure s1: the first fiches of that signature.
    assert _numbers(index, fiches[1], limit=2) == [("1.32", 3), ("2.12", 3)]

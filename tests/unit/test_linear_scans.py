"""Each pattern that a quadratic scan chokes on, as a whole 1 MB fiche: the
check still gives the right verdict (its time is `make bench`'s business,
tests/bench/bench_hostile.py, never asserted here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from tests.bench.bench_hostile import PATTERNS, hostile_fiche
from tests.support import copy_project

# Label -> error codes the fiche must get (empty: accepted).
EXPECTED: dict[str, set[str]] = {
    "<a ": {"html-interdit", "html-non-fermee"},
    "<a>": set(),
    "<b><i>": set(),
    "<": set(),
    "<!--": {"html-commentaire"},
    "<![CDATA[": {"html-commentaire"},
    "](": {"markdown-lien"},
    "[x](": {"markdown-lien"},
    "[": set(),
    "[x]: (définitions)": set(),
    "[x]:\\n (définitions)": set(),
    "` (accents graves)": {"markdown-bloc-code"},
    "`` x (accents graves)": set(),
    "```\\n (clôtures)": set(),
    "~~~\\n (clôtures)": set(),
    "{ .a (attributs)": set(),
    "# { (titres)": {"markdown-attributs", "titre-en-double"},
    "**": {"markdown-gras"},
    "&": set(),
    "listes imbriquées": set(),
    # Past MAX_CONSTRUCTS braces, a file is refused before Jinja reads it.
    "{{": {"macros-trop-nombreuses"},
    "{%": {"macros-trop-nombreuses"},
    "{#": {"macros-trop-nombreuses"},
    "}}": set(),
    "{{ x": {"macros-trop-nombreuses"},
    "{{(": {"macros-trop-nombreuses"},
    "{{ 1 }}": {"macros-trop-nombreuses"},
    '{{ structure("PES 21") }}': {"macros-trop-nombreuses"},
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("lineaire") / "projet", with_fiches=False)


def test_every_benchmarked_pattern_has_a_verdict() -> None:
    assert [label for label, _ in PATTERNS] == list(EXPECTED)


@pytest.mark.parametrize(("label", "unit"), PATTERNS, ids=[label for label, _ in PATTERNS])
def test_a_1_mb_fiche_of_one_pattern_gets_its_verdict(
    project: Path, label: str, unit: str | None
) -> None:
    text = hostile_fiche(unit)
    assert 0.99e6 < len(text.encode("utf-8")) < 1024 * 1024
    (project / "fiches" / "2.1.md").write_text(text, encoding="utf-8")
    report = load_collection(ProjectPaths.at(project)).report
    codes = {d.code for d in report.items if d.severity == 2}
    expected = EXPECTED[label]
    if expected:
        assert expected <= codes, (label, codes)
    else:
        assert codes == set(), (label, codes)

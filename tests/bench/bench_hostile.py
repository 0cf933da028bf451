"""`make bench`: how fast hostile input is refused (docs/securite.md, «Les limites»).

Each case must print a time far below a second, and a refusal: a YAML alias
bomb, a YAML nested to the limit of the file size, a file over the size cap,
and the whole hostile corpus through `load_collection`. Then the macro
grammar's worst inputs: 1 MB fiches of repeated `{{`, `{%`, `{#`, `}}`… (a
refusal in well under a second: Jinja's parser stops at the first error),
and of repeated calls, which must be read whole (linear, a few seconds).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from macros.collection import load_collection
from macros.diagnostics import Report
from macros.project import ProjectPaths
from macros.sources import MAX_SOURCE_BYTES, read_source
from macros.yamlpos import load_yaml
from tests.support import ROOT, copy_project

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)
DEEP = "a: " + "[" * (MAX_SOURCE_BYTES // 2 - 4) + "]" * (MAX_SOURCE_BYTES // 2 - 4)


def _timed(label: str, run: Callable[[], Report]) -> None:
    start = time.perf_counter()
    report = run()
    elapsed = time.perf_counter() - start
    codes = sorted({d.code for d in report.items if d.severity == 2})
    print(f"{label:<34} {elapsed * 1000:>9.1f} ms  {', '.join(codes[:4]) or 'ACCEPTÉ'}")


def _yaml(text: str) -> Report:
    report = Report()
    load_yaml(text, "bench.yml", report)
    return report


# Brace-heavy fiche bodies of 1 MB for the macro grammar (macro_grammar.py):
# what Jinja's lexer and parser refuse early, and what they must read whole.
BRACES = ("{{", "{%", "{#", "}}", "{{ x", "{{(", '{{ structure("PES 21") }} ', "{{ 1 }}")
FICHE_HEAD = (
    '---\nnumero: "2.1"\ntitre: T\nthemes: [projet-politique]\nstatut: brouillon\n---\n\n'
    "## Contexte et enjeux\n\n"
)


def _brace_cases(project: Path) -> None:
    """`fiches check`'s reading of a 1 MB fiche made of one pattern repeated."""
    from macros.fiche_parser import parse_fiche
    from macros.registries import load_registries
    from macros.schema_check import Schemas

    schemas = Schemas()
    registries = load_registries(ProjectPaths.at(project), schemas, Report())
    for unit in BRACES:
        body = FICHE_HEAD + unit * ((MAX_SOURCE_BYTES - len(FICHE_HEAD)) // len(unit))

        def _check(text: str = body) -> Report:
            report = Report()
            parse_fiche(text, "fiches/2.1.md", registries, schemas, report)
            return report

        _timed(f"1 Mo de {unit.strip()!r}"[:34], _check)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        _timed("bombe YAML (9^9 valeurs)", lambda: _yaml(BOMB))
        _timed("YAML imbriqué, 1 Mo de [[[", lambda: _yaml(DEEP))
        huge = Path(tmp) / "2.1.md"
        with huge.open("wb") as handle:
            handle.truncate(50 * MAX_SOURCE_BYTES)

        def _huge() -> Report:
            report = Report()
            read_source(huge, "fiches/2.1.md", report)
            return report

        _timed("fichier de 50 Mo", _huge)
        project = copy_project(Path(tmp) / "projet", with_fiches=False)
        shutil.copytree(
            ROOT / "tests/fixtures/hostile/fiches", project / "fiches", dirs_exist_ok=True
        )
        shutil.copytree(ROOT / "tests/fixtures/hostile/docs", project / "docs", dirs_exist_ok=True)
        _timed(
            "corpus hostile (load_collection)",
            lambda: load_collection(ProjectPaths.at(project)).report,
        )
        _brace_cases(project)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

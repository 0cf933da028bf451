"""`make bench`: how fast hostile input is refused (docs/securite.md, «Les limites»).

Each case must print a time far below a second, and a refusal: a YAML alias
bomb, a YAML nested to the limit of the file size, a file over the size cap,
and the whole hostile corpus through `load_collection`. Then the check of a
1 MB fiche made of each pattern that a quadratic scan would choke on
(docs/securite.md#lineaire): each must answer within 10 s on a 2-core machine.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from macros.core.diagnostics import Report
from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from macros.read.sources import MAX_SOURCE_BYTES, read_source
from macros.read.yaml_reader import load_yaml
from tests.support import ROOT, copy_project

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)
# A fiche's header and sections, then 1 MB of one pattern repeated.
HEAD = """---
numero: "2.1"
titre: Charge hostile
statut: brouillon
themes:
  - projet-politique
---

## Contexte et enjeux

Texte.

## Les pratiques des structures du MES

- Une pratique ordinaire.
"""
# (label, repeated unit); None: a list nested deeper at each line.
PATTERNS: list[tuple[str, str | None]] = [
    ("<a ", "<a "),
    ("<a>", "<a>"),
    ("<b><i>", "<b><i>"),
    ("<", "<"),
    ("<!--", "<!--"),
    ("<![CDATA[", "<![CDATA["),
    ("](", "]("),
    ("[x](", "[x]("),
    ("[", "["),
    ("[x]: (définitions)", "[x]: "),
    ("[x]:\\n (définitions)", "[x]:\n"),
    ("` (accents graves)", "`"),
    ("`` x (accents graves)", "`` x "),
    ("```\\n (clôtures)", "```\n"),
    ("~~~\\n (clôtures)", "~~~\n"),
    ("{ .a (attributs)", "{ .a "),
    ("# { (titres)", "# {"),
    ("**", "**"),
    ("&", "&"),
    ("listes imbriquées", None),
    # The macro grammar's worst inputs (macro_grammar.py): what Jinja's lexer
    # and parser refuse early, and calls that must be read whole.
    ("{{", "{{"),
    ("{%", "{%"),
    ("{#", "{#"),
    ("}}", "}}"),
    ("{{ x", "{{ x"),
    ("{{(", "{{("),
    ("{{ 1 }}", "{{ 1 }}"),
    ('{{ structure("PES 21") }}', '{{ structure("PES 21") }} '),
]


def hostile_fiche(unit: str | None, size: int = MAX_SOURCE_BYTES - 1) -> str:
    """A fiche of `size` characters: the header, then `unit` repeated."""
    room = size - len(HEAD)
    if unit is None:
        unit = "".join("  " * depth + "- x\n" for depth in range(2000))
    return HEAD + (unit * (room // len(unit) + 1))[:room]


DEEP = "a: " + "[" * (MAX_SOURCE_BYTES // 2 - 4) + "]" * (MAX_SOURCE_BYTES // 2 - 4)


def _timed(label: str, run: Callable[[], Report]) -> None:
    start = time.perf_counter()
    report = run()
    elapsed = time.perf_counter() - start
    codes = sorted({d.code for d in report.items if d.severity == 2})
    print(f"{label:<34} {elapsed * 1000:>9.1f} ms  {', '.join(codes[:4]) or 'ACCEPTÉ'}", flush=True)


def _yaml(text: str) -> Report:
    report = Report()
    load_yaml(text, "bench.yml", report)
    return report


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
        print("\nfiches check d'une fiche de 1 Mo faite d'un seul motif :")
        single = copy_project(Path(tmp) / "un-motif", with_fiches=False)
        for label, unit in PATTERNS:
            (single / "fiches" / "2.1.md").write_text(hostile_fiche(unit), encoding="utf-8")
            _timed(f"  {label}", lambda: load_collection(ProjectPaths.at(single)).report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The engine's shortcuts give what the plain way gives, on the hostile corpus.

Each search below is written to be found fast (a literal first, a pre-check
that skips it). The reference is the plain form of the same search; both run
on every hostile fixture, the checked fixtures and generated text made of the
characters each search cares about.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from macros.check import fiche as fiche_parser
from macros.check import fiche_body, glossary, markdown_safety
from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.core.model import Fiche, FicheNumber
from macros.core.project import ProjectPaths
from macros.read import yaml_reader
from macros.read.linear_scan import code_spans, fenced_code_spans, hidden_spans
from tests.support import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = sorted((FIXTURES / "hostile").rglob("*.md")) + sorted((FIXTURES / "check").rglob("*.md"))
TEXTS = [path.read_bytes().decode("utf-8", "replace") for path in CORPUS]

# (module, name of the rewritten pattern, the pattern as first written, its flags,
#  characters that matter to it).
REWRITTEN = [
    (glossary, "_TOKEN", r"(?<![\w-])[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ]{3,}(?![\w-])", 0, "ABÉ-_x 1"),
    (
        fiche_parser,
        "_TEXT_FICHE_REF",
        r"\bfiches?\s+n\s*[°o]\s*(\d+(?:\.\d+)?)",
        re.I,
        "fichesFİı nNo°O 1.2\n-x",
    ),
]


def _generated(alphabet: str, seed: int, count: int = 4000) -> list[str]:
    rng = random.Random(seed)
    pieces = [*alphabet, "fiche", "FICHE", "{{", "}}", "```", "n°"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(count)]


# (the linear search, its arguments, the pattern it replaced, its flags, alphabet)
LINEAR = [
    (
        code_spans,
        (),
        r"(?<![\\`])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)",
        re.S,
        "`\\a \t\n",
    ),
]


@pytest.mark.parametrize(("search", "args", "before", "flags", "alphabet"), LINEAR)
def test_linear_searches_find_what_the_regex_found(
    search: Callable[..., list[tuple[int, int]]],
    args: tuple[object, ...],
    before: str,
    flags: int,
    alphabet: str,
) -> None:
    then = re.compile(before, flags)
    for text in TEXTS + _generated(alphabet, seed=len(before)):
        assert search(text, *args) == [m.span() for m in then.finditer(text)], text


def test_fenced_code_is_found_as_before() -> None:
    fenced = re.compile(
        r"^(?P<fence>`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*)?\n"
        r"(?P<code>.*?)(?<=\n)(?P=fence)[ ]*$",
        re.M | re.S,
    )
    rng = random.Random(3)
    pieces = ["```", "~~~", "````", "\n", " ", "a", "{x}", ".py", "`", "{"]
    texts = TEXTS + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(5000)
    ]
    for text in texts:
        assert fenced_code_spans(text) == [m.span("code") for m in fenced.finditer(text)], text


def test_attribute_lists_are_found_as_before() -> None:
    """The list is now read with possessive runs and stripped after."""
    then = re.compile(r"(?<!\{)\{:?[ \t]*([^{}\n]+?)[ \t]*\}(?!\})")
    for text in TEXTS + _generated("{}: \t\na", seed=11):
        old = [(m.start(), m.group(1)) for m in then.finditer(text) if m.group(1).strip()]
        new = [
            (m.start(), m.group(1).rstrip(" \t"))
            for m in markdown_safety._ATTR_LIST.finditer(text)
            if m.group(1).strip()
        ]
        assert new == old, text


@pytest.mark.parametrize(("module", "name", "before", "flags", "alphabet"), REWRITTEN)
def test_rewritten_searches_match_where_they_used_to(
    module: object, name: str, before: str, flags: int, alphabet: str
) -> None:
    now = getattr(module, name)
    then = re.compile(before, flags)
    for text in TEXTS + _generated(alphabet, seed=len(name)):
        expected = [(m.span(), m.groups()) for m in then.finditer(text)]
        assert [(m.span(), m.groups()) for m in now.finditer(text)] == expected, text


def _depth(node: yaml.Node) -> int:
    """The nesting depth, the way it was measured before: every node, keys included."""
    if isinstance(node, yaml.SequenceNode):
        return 1 + max((_depth(child) for child in node.value), default=0)
    if isinstance(node, yaml.MappingNode):
        return 1 + max((_depth(child) for pair in node.value for child in pair), default=0)
    return 1


def test_depth_cap_counts_every_level() -> None:
    for depth in range(1, 30):
        nested = "".join(" " * level + f"k{level}:\n" for level in range(depth))
        for text in (nested + " " * depth + "v", nested + " " * depth + "- [x, {y: z}]"):
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            assert node is not None
            report = Report()
            refused = yaml_reader.load_yaml(text, "f.yml", report) is None
            assert refused == (_depth(node) > yaml_reader.MAX_YAML_DEPTH), text
            assert [d.code for d in report.items] == (["yaml-profondeur"] if refused else [])


# What unknown_acronyms blanked with one regex, now found by linear_scan.hidden_spans.
HIDDEN = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|`[^`]*`|<[^>]*>|\]\([^)]*\)|\{\s*[:#.][^}]*\}|\{[^}]*=[^}]*\}"
)


def test_hidden_spans_are_found_as_the_regex_found_them() -> None:
    pieces = [*"{}%#`<>]()=:. a\t", "{{", "}}", "](", "{:"]
    rng = random.Random(9)
    lines = [line for text in TEXTS for line in text.split("\n")] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(5000)
    ]
    for line in lines:
        assert hidden_spans(line) == [m.span() for m in HIDDEN.finditer(line)], line


def _acronyms_slow(body: str, known: frozenset[str]) -> list[tuple[int, int, str]]:
    """unknown_acronyms as it was: every line blanked and searched."""
    found: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    fenced = False
    token = re.compile(r"(?<![\w-])[A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ]{3,}(?![\w-])")
    for offset, line in enumerate(body.split("\n")):
        if glossary._FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        visible = HIDDEN.sub(lambda m: " " * len(m.group(0)), line)
        for match in token.finditer(visible):
            if match.group(0) not in known and match.group(0) not in seen:
                seen.add(match.group(0))
                found.append((offset, match.start(), match.group(0)))
    return found


def test_unknown_acronyms_are_found_as_before(registries: Registries) -> None:
    known = glossary.known_tokens(registries)
    bodies = TEXTS + _generated("ABCDÉ `<>{}()[]-\n", seed=11) + ["ESS MES\n`CAF` {{ x }} URSSAF"]
    for body in bodies:
        fiche = _fiche(body)
        report = Report()
        glossary.unknown_acronyms(fiche, registries, report, known)
        words = [d.message.split("« ")[1].split(" »")[0] for d in report.items]
        got = [(d.line - 1, d.column - 1, w) for d, w in zip(report.items, words, strict=True)]
        assert got == _acronyms_slow(body, known), body


def test_single_parenthesis_groups_as_the_general_loop() -> None:
    def general(text: str) -> list[str]:
        groups: list[str] = []
        depth = opened = 0
        for index, char in enumerate(text):
            if char == "(":
                opened = index if depth == 0 else opened
                depth += 1
            elif char == ")" and depth:
                depth -= 1
                if depth == 0:
                    groups.append(text[opened + 1 : index])
        return groups

    for text in TEXTS + _generated("()a, ", seed=5):
        assert fiche_body.parenthetical_groups(text) == general(text), text


def test_placeholder_pre_check_never_hides_one() -> None:
    for text in TEXTS + _generated("àÀ rRemplacEK", seed=13) + ["x À REMPLACER y", "à rEmplacer"]:
        report = Report()
        fiche_parser._placeholders(_fiche(text), "fiches/1.1.md", report)
        lines = [line for line in text.split("\n") if fiche_parser._PLACEHOLDER.search(line)]
        assert len(report.items) == len(lines), text


def test_fiche_files_are_in_path_order(tmp_path: Path) -> None:
    for root in (ROOT, FIXTURES / "hostile"):
        paths = ProjectPaths.at(root)
        assert paths.fiche_files() == sorted(paths.fiches_dir.glob("*.md"))


def _fiche(body: str) -> Fiche:
    number = FicheNumber("1.1")
    return Fiche(number, "t", "fiches/1.1.md", [], "brouillon", None, None, "", [], [], {}, body, 1)

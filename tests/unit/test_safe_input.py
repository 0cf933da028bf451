"""Hostile data: YAML bombs, deep nesting, huge files, markup in plain-text fields."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.check.html_safety import entity_reference, text_problem
from macros.check.markdown_safety import markdown_problems
from macros.core.diagnostics import Report
from macros.read.sources import MAX_SOURCE_BYTES, read_source
from macros.read.yaml_reader import MAX_YAML_DEPTH, load_yaml

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)


def _codes(report: Report) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in report.items]


def test_alias_bomb_is_refused_before_anything_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    original = yaml.constructor.BaseConstructor.construct_object

    def spy(self: yaml.SafeLoader, node: yaml.Node, deep: bool = False) -> object:
        built.append(node)
        return original(self, node, deep)

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_object", spy)
    report = Report()
    assert load_yaml(BOMB, "fiches/registres/themes.yml", report) is None
    assert _codes(report) == [(2, "yaml-alias")]
    assert built == []  # refused while composing: 9**9 values never exist


def test_deep_nesting_is_refused() -> None:
    report = Report()
    deep = "themes: " + "[" * 5000 + "]" * 5000
    assert load_yaml(deep, "f.md", report, line_offset=1) is None
    assert _codes(report) == [(2, "yaml-profondeur")]
    ok = Report()
    shallow = "a: " + "[" * (MAX_YAML_DEPTH - 1) + "]" * (MAX_YAML_DEPTH - 1)
    assert load_yaml(shallow, "f.md", ok) is not None
    assert ok.items == []


def test_python_tags_are_never_constructed() -> None:
    report = Report()
    assert load_yaml("titre: !!python/object/apply:os.system [id]\n", "f.md", report) is not None
    report = Report()
    assert load_yaml("titre: !!python/name:os.system\n", "f.md", report) is None
    assert [d.code for d in report.items] == ["yaml-syntaxe"]


def test_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "2.1.md"
    with big.open("wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: nothing is written
    report = Report()
    assert read_source(big, "fiches/2.1.md", report) is None
    assert _codes(report) == [(1, "fichier-trop-gros")]


@pytest.mark.parametrize(
    ("value", "quotes", "refused"),
    [
        ("Coopérer : pourquoi, comment ?", False, False),
        ('Le "tout entrepreneurial"', True, False),
        ('Association " onmouseover="alert(1)', False, True),
        ("Titre <script>alert(1)</script>", True, True),
        ("Voir [ici](javascript:alert(1))", True, True),
        ("Voir [ici](https://exemple.org/)", True, False),
        ("{{ config }}", True, True),
        # Character references a browser decodes: named, decimal, hex, without «;».
        ("T &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", True, True),
        ("T &#34;&#62;&#60;script&#62;", True, True),
        ("T &#x22;&#x3E;&#x3c;script&#x3e;", True, True),
        ("T &lt;script", True, True),
        ("Recherche & développement, R&D, AT&T;", True, False),
    ],
)
def test_plain_text_fields(value: str, quotes: bool, refused: bool) -> None:
    assert (text_problem(value, quotes=quotes) is not None) is refused


@pytest.mark.parametrize(
    ("value", "reference"),
    [
        ("a &amp;amp; b", "&amp;"),
        ("&#60;b", "&#60;"),
        ("&#X3C;", "&#X3C;"),
        ("&copy 2026", "&copy"),
        ("&NotNestedGreaterGreater;", "&NotNestedGreaterGreater;"),
        ("A & B", None),
        ("&x; &# &", None),
    ],
)
def test_entity_reference_is_named_in_the_message(value: str, reference: str | None) -> None:
    assert entity_reference(value) == reference
    if reference is not None:
        assert f"« {reference} »" in (text_problem(value) or "")


@pytest.mark.parametrize(
    "markdown",
    [
        'Texte <abbr title="Économie sociale et solidaire">ESS</abbr>, H<sub>2</sub>O',
        "1<sup>er</sup> et <kbd>Ctrl</kbd>",
        '<div class="grid cards" markdown>\n\n- a\n\n</div>',
        '### Titre { data-enjeu="politique" #ancre .classe }',
        "Un exemple `<script>` en code, et\n\n```html\n<iframe src=x></iframe>\n```\n",
        "Un lien <https://exemple.org/> et [relatif](../fiches/1.5.md) et [m](mailto:a@b.fr)",
        "a < b et c > d, \\<pas une balise>",
        '{{ structure("PES 21") }} et {{ fiche("1.5", texte="la fiche") }}',
    ],
)
def test_harmless_markdown_passes(markdown: str) -> None:
    assert markdown_problems(markdown) == []


@pytest.mark.parametrize(
    ("markdown", "line", "column"),
    [
        ("x\n\n<SCRIPT>alert(1)</SCRIPT>", 3, 1),
        ("x\n[a](  JAVA\tscript:alert(1))", 2, 7),
        ("[a]: <data:text/html,x>", 1, 7),
        ("<vbscript:msgbox>", 1, 2),
        ('Paragraphe\n{: style="position:fixed" }', 2, 1),
        ("Paragraphe { onmouseover }", 1, 12),
        ('<span data-x="1" onfocus="alert(1)" tabindex="0">a</span>', 1, 1),
        ('<svg><a href="#">x</a></svg>', 1, 1),
        # What looks like code to a careless scanner but is not code to Markdown:
        ('<div title="`" onmouseover="alert(1)" x="`">x</div>', 1, 1),
        ("`\n\n<script>alert(1)</script>\n\n`", 3, 1),
        ("   ```\n\n<script>alert(1)</script>\n\n   ```", 3, 1),
        ("\\`<script>alert(1)</script>\\`", 1, 3),
        ('```{ .html onclick="alert(1)" }\n<p>exemple</p>\n```', 1, 4),
    ],
)
def test_hostile_markdown_is_refused_at_its_position(markdown: str, line: int, column: int) -> None:
    problems = markdown_problems(markdown)
    assert problems, markdown
    assert (problems[0].line, problems[0].column) == (line, column)


# Read by Chromium as live markup, by html.parser as a comment or text: the
# spec parser (html_spec.py) reads them as a browser does, and they are refused.
COMMENT_FORMS = [
    "<!--> <img src=x onerror=alert(1)> -->",
    "<!---> <img src=x onerror=alert(1)> -->",
    "<!-- a --!> <img src=x onerror=alert(1)> -->",
    "<![CDATA[ <img src=x onerror=alert(1)> ]]>",
    "<![CDATA[x]]> texte",
    "<!x> texte",
    "</ x> texte",
    "</1> texte",
    "<?pi?> texte",
    "<?xml version='1.0'?> texte",
    "texte <!-- commentaire --> ordinaire",
]


@pytest.mark.parametrize("markdown", COMMENT_FORMS)
def test_comments_cdata_and_bogus_comments_are_refused(markdown: str) -> None:
    problems = markdown_problems("Avant.\n\n" + markdown + "\n")
    assert problems, markdown
    assert {p.line for p in problems} == {3}
    assert "html-commentaire" in {p.code for p in problems}


@pytest.mark.parametrize(
    "markdown",
    [
        "- Une pratique <img src=x onerror=alert(1)",
        "- Une pratique <img src=x onerror=alert(1)\n- Une autre pratique.",
        '- Une pratique <span title="x\n- <img src=x onerror=alert(1)>"> suite',
        "- Une pratique <a href=x",
        "<abbr\ntitle=x>ESS</abbr>",
        "Texte <b",
    ],
)
def test_a_tag_left_open_at_the_end_of_its_line_is_refused(markdown: str) -> None:
    problems = markdown_problems(markdown)
    assert problems and problems[0].line == 1, markdown
    assert {p.code for p in problems} & {"html-non-fermee", "html-interdit"}
    assert all(p.line == 1 for p in problems if p.code == "html-non-fermee")


@pytest.mark.parametrize(
    "markdown",
    [
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="&#x6A;avascript:alert(1)">x</a>',
        '<a href="&#X6a;avascript:alert(1)">x</a>',
        '<a href="java&Tab;script:alert(1)">x</a>',
        '<a href="javascript&colon;alert(1)">x</a>',
        '<a href="&NewLine;javascript:alert(1)">x</a>',
        "<a href=javascript&#58;alert(1)>x</a>",
        '<img src="x" alt="&quot;" onerror="alert(1)">',
        "<td onclick=alert(1)>x</td>",
        "<b>x</b> <tr onclick=alert(1)>",
        "<body onload=alert(1)>",
        '<html lang="fr">',
    ],
)
def test_entities_and_context_dropped_tags_are_read_as_a_browser_does(markdown: str) -> None:
    problems = markdown_problems(markdown)
    assert problems, markdown
    assert problems[0].code in {"adresse-interdite", "html-interdit"}


@pytest.mark.parametrize(
    ("markdown", "line"),
    [
        ("[x]:\njavascript:alert(1)\n\n[lien][x]", 2),
        ("[x]:\n   <javascript:alert(1)>\n\n[lien][x]", 2),
        ("Texte.\n\n   [x]: data:text/html,x 'titre'\n\n[lien][x]", 3),
    ],
)
def test_link_definitions_are_read_as_python_markdown_reads_them(markdown: str, line: int) -> None:
    problems = markdown_problems(markdown)
    assert [(p.line, p.code) for p in problems][:1] == [(line, "adresse-interdite")]


def test_harmless_lines_pass_with_their_entities() -> None:
    text = (
        "Un &lt;script&gt; montré, &amp; un &#60;b&#62; aussi, &nbsp;et <b>gras</b>.\n"
        '<a href="https://exemple.org/?a=1&amp;b=2" title="&quot;x&quot;">lien</a>\n'
        "<table><tr><td>a</td></tr></table>\n"
    )
    assert markdown_problems(text) == []

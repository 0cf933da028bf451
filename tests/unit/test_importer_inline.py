"""Running text -> Markdown: structure and fiche macros, Jinja and Markdown escapes."""

from __future__ import annotations

from html import unescape

import jinja2
import markdown
import pytest

from macros.check.registries import Registries
from macros.importer.inline import (
    convert_text,
    escape_markdown,
    heading_text,
    looks_like_structure,
    protect,
)


def render(text: str) -> str:
    """What mkdocs-macros makes of the text, with macros showing their first argument."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    return env.from_string(text).render(structure=lambda n: n, fiche=lambda n, t=None: t or n)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(ARDES, PES 21)", '({{ structure("ARDES") }}, {{ structure("PES 21") }})'),
        (
            "(OPALE, centre de ressources DLA culture)",
            '({{ structure("OPALE") }}, centre de ressources DLA culture)',
        ),
        ("(UFISC et COFAC)", '({{ structure("UFISC") }} et {{ structure("COFAC") }})'),
        ("(en coulisse)", "(en coulisse)"),
        ("(Conseil régional)", "(Conseil régional)"),
        ("(apes hauts-de-france)", '({{ structure("apes hauts-de-france") }})'),
        ("(**ARDES**)", '(**{{ structure("ARDES") }}**)'),
        ("(voir (ARDES))", "(voir (ARDES))"),
    ],
)
def test_structures_in_parentheses(registries: Registries, text: str, expected: str) -> None:
    assert convert_text(text, registries) == (expected, [])


def test_structure_names_outside_parentheses_stay_text(registries: Registries) -> None:
    assert convert_text("membres du MES et de ARDES", registries)[0] == (
        "membres du MES et de ARDES"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(cf. fiche n°1)", '(cf. {{ fiche("1", "fiche n°1") }})'),
        ("voir la fiche n° 2.3.", 'voir la {{ fiche("2.3", "fiche n° 2.3") }}.'),
        (
            "Fiche n°1.5 et fiches n°2",
            '{{ fiche("1.5", "Fiche n°1.5") }} et {{ fiche("2", "fiches n°2") }}',
        ),
        ("fiche n°0 reste du texte", "fiche n°0 reste du texte"),
    ],
)
def test_fiche_references(registries: Registries, text: str, expected: str) -> None:
    assert convert_text(text, registries)[0] == expected


def test_unknown_structure_like_names_are_reported_with_offsets(registries: Registries) -> None:
    text = "statut (URSCOP, CRESS Bretagne, ESS) puis (URSCOP et PES 21) (DLA) (Région Sud)"
    converted, unknown = convert_text(text, registries)
    assert [(u.name, u.offset) for u in unknown] == [
        ("URSCOP", text.index("URSCOP")),
        ("CRESS Bretagne", text.index("CRESS")),
        ("URSCOP", text.rindex("URSCOP")),
    ]
    assert "(URSCOP, CRESS Bretagne, ESS)" in converted
    assert '(URSCOP et {{ structure("PES 21") }})' in converted


@pytest.mark.parametrize(
    "name, expected",
    [
        ("URSCOP", True),
        ("CRESS Bretagne", True),
        ("CRESS de la région Bretagne", False),
        ("ESS", False),
        ("Conseil régional", False),
        ("A", False),
        ("etc.", False),
        ("AMAP du quartier", True),
        ("**URSCOP**", False),
    ],
)
def test_looks_like_structure(name: str, expected: bool) -> None:
    assert looks_like_structure(name) is expected


@pytest.mark.parametrize(
    "text",
    [
        "écrits {{ nom }} ou {% si %}, et {# notes #}",
        "fin sur une accolade {",
        "un {% endraw %} écrit tel quel",
        "un {%- endraw -%} et {{ x }}",
    ],
)
def test_jinja_text_is_protected_and_renders_verbatim(text: str) -> None:
    protected = protect(text)
    assert protected.startswith("{% raw %}")
    assert render(protected) == text


def test_plain_text_is_not_wrapped() -> None:
    assert protect("rien de spécial { ni } ici") == "rien de spécial { ni } ici"


def test_protection_keeps_macros_working(registries: Registries) -> None:
    text = "{{ x }} (ARDES) {\n{note} et {% si %}"
    converted, _ = convert_text(text, registries)
    assert '{{ structure("ARDES") }}' in converted
    html = markdown.markdown(render(converted), extensions=["attr_list"])
    assert html == f"<p>{text}</p>"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("# titre", "\\# titre"),
        ("> citation", "\\> citation"),
        ("!!! note", "\\!!! note"),
        ("- tiret", "\\- tiret"),
        ("2024. Une année", "2024\\. Une année"),
        ("===", "&#61;==="),
        ("{: .classe }", "\\{: .classe }"),
        ("a <b>gras</b> et a < b", "a &lt;b>gras&lt;/b> et a < b"),
        ("Un texte ordinaire (12. ou #3)", "Un texte ordinaire (12. ou #3)"),
    ],
)
def test_markdown_block_syntax_is_escaped(line: str, expected: str) -> None:
    assert escape_markdown(line, at_line_start=True) == expected


@pytest.mark.parametrize("line", ["# titre", "2024. Une année", "a <b>gras</b> et a < b"])
def test_escaped_text_renders_as_written(line: str) -> None:
    html = markdown.markdown(escape_markdown(line, at_line_start=True))
    assert html == f"<p>{line.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Annexe {B} et {{ x }} {% si %}",
            "Annexe &#123;B&#125; et &#123;&#123; x &#125;&#125; &#123;% si %&#125;",
        ),
        ("Langage C#", "Langage C\\#"),
        ("Sans rien", "Sans rien"),
    ],
)
def test_heading_text(text: str, expected: str) -> None:
    assert heading_text(text) == expected
    html = markdown.markdown(f'## {expected} {{ data-enjeu="general" }}', extensions=["attr_list"])
    assert unescape(html) == f'<h2 data-enjeu="general">{text}</h2>'
    assert render(expected) == expected


def test_escape_only_at_real_line_starts(registries: Registries) -> None:
    converted, _ = convert_text("suite (ARDES) # pas un titre\n# titre", registries)
    assert converted.endswith("# pas un titre\n\\# titre")

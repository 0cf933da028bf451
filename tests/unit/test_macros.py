"""The structure(), theme() and fiche() macros, and their error messages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from mkdocs.exceptions import PluginError

from macros import define_env
from macros.check.macro_grammar import read_macros
from macros.check.references import resolve_calls
from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.index.collection import Collection
from tests.support import MacrosEnv


@pytest.fixture
def macros(repo_collection: Collection) -> dict[str, Callable[..., str]]:
    env = MacrosEnv(repo_collection)
    define_env(env)
    return env.macros  # type: ignore[return-value]


def test_define_env_registers_the_three_macros(repo_collection: Collection) -> None:
    env = MacrosEnv(repo_collection)
    define_env(env)
    assert sorted(env.macros) == ["fiche", "structure", "theme"]


def test_structure_by_short_name_alias_or_slug(macros: dict[str, Callable[..., str]]) -> None:
    expected = '[PES 21](/structures/pes-21.md "Pôle d&#x27;Économie Solidaire 21")'
    assert macros["structure"]("PES 21") == expected
    assert macros["structure"]("pes-21") == expected  # a slug shows the short name
    assert macros["structure"]("pes 21") == expected.replace("[PES 21]", "[pes 21]")
    assert macros["structure"]("PES21").startswith("[PES21](/structures/pes-21.md ")
    assert macros["structure"]("ARDES", texte="l'ARDES").startswith("[l'ARDES](/structures/")


def test_theme_and_fiche_links(macros: dict[str, Callable[..., str]]) -> None:
    assert macros["theme"]("dla-culture").startswith("[DLA et DLA culture](/themes/dla-culture.md")
    assert macros["fiche"]("1.5") == (
        "[Fiche 1.5 — Quelles conditions politiques et matérielles de l'accompagnement ?]"
        "(/fiches/1.5.md)"
    )
    assert macros["fiche"]("1.5", "cette fiche").startswith("[cette fiche](/fiches/1.5.md ")


def test_unpublished_fiche_is_marked_never_linked(macros: dict[str, Callable[..., str]]) -> None:
    html = macros["fiche"]("1", "fiche n°1")
    assert html.startswith('<span class="fiche-a-paraitre"')
    assert html.endswith(">fiche n°1</span>")
    assert "href" not in html and "](" not in html


def test_unknown_names_fail_with_closest_names(macros: dict[str, Callable[..., str]]) -> None:
    with pytest.raises(PluginError, match=r"structure inconnue « PES 12 ».*« PES 21 »"):
        macros["structure"]("PES 12")
    with pytest.raises(PluginError, match=r"thème inconnu « dla ».*themes\.yml"):
        macros["theme"]("dla")


def test_missing_plugin_is_a_clear_error() -> None:
    with pytest.raises(PluginError, match="mes-fiches"):
        define_env(MacrosEnv(None, with_plugin=False))


def test_options_that_widen_the_grammar_are_refused(repo_collection: Collection) -> None:
    for key, value in [
        ("include_dir", "docs"),
        ("j2_variable_start_string", "[["),
        ("j2_extensions", ["jinja2.ext.do"]),
        ("render_by_default", False),
        ("on_error_fail", False),
        ("modules", ["autre"]),
    ]:
        env = MacrosEnv(repo_collection)
        env.config[key] = value
        with pytest.raises(PluginError, match=f"l'option « {key} » du plugin macros"):
            define_env(env)


def _diagnose(text: str, registries: Registries, first_line: int = 1) -> list[str]:
    report = Report()
    found = read_macros(text, "docs/page.md", first_line, report)
    resolve_calls(found.calls, registries, "docs/page.md", report)
    return [d.format() for d in report.items]


def test_check_names_file_line_column_and_closest(registries: Registries) -> None:
    text = 'Intro.\n\nVoir {{ structure("MES Ocitanie") }} et {{ theme("evaluation") }}.\n'
    assert _diagnose(text, registries, first_line=5) == [
        "docs/page.md:7:6: erreur: structure inconnue « MES Ocitanie » ; vouliez-vous dire "
        "« MES Occitanie » ? ; si c'est une nouvelle structure, ajoutez-la au registre "
        "fiches/registres/structures.yml [structure-inconnue]",
        "docs/page.md:7:41: erreur: thème inconnu « evaluation » ; vouliez-vous dire "
        "« evaluation-valorisation » ? ; pour un nouveau thème, ajoutez-le au registre "
        "fiches/registres/themes.yml [theme-inconnu]",
    ]


def test_check_macro_misuse(registries: Registries) -> None:
    problems = _diagnose(
        '{{ structre("ARDES") }}\n{{ structure(nom) }}\n{{ fiche("1.x") }}\n'
        '{{ fiche() }}\n{% raw %}{{ structure("Inconnue") }}{% endraw %}\n',
        registries,
    )
    by_line = sorted(problems, key=lambda p: int(p.split(":")[1]))
    assert [(p.split(":")[1], p.split(" [")[-1]) for p in by_line] == [
        ("1", "macro-inconnue]"),
        ("2", "macro-arguments]"),
        ("3", "numero-invalide]"),
        ("4", "macro-arguments]"),
    ]
    assert problems[0].startswith(
        "docs/page.md:1:1: erreur: macro inconnue « structre » ; vouliez-vous dire « structure » ?"
    )
    assert by_line[1].startswith(
        "docs/page.md:2:1: erreur: l'appel à « structure » doit recevoir du texte entre guillemets"
    )


def test_jinja_syntax_error_has_its_line(registries: Registries) -> None:
    problems = _diagnose('Ligne 1\nLigne 2 {{ structure("ARDES") }\n', registries, 10)
    assert len(problems) == 1
    assert problems[0].startswith("docs/page.md:11:1: erreur: syntaxe de macro invalide")


def test_arguments_a_macro_does_not_take_are_refused(registries: Registries) -> None:
    for call in [
        '{{ structure("PES 21", nom="a") }}',
        '{{ structure("PES 21", "a", "b") }}',
        '{{ structure("PES 21", titre="a") }}',
        '{{ fiche("1.5", texte="a", texte="b") }}',
        '{{ theme(slug="dla-culture") }}',
        "{{ structure(*x) }}",
        '{{ structure("PES 21", **x) }}',
    ]:
        problems = _diagnose("Texte.\n" + call + "\n", registries)
        assert problems, call
        assert all(p.startswith("docs/page.md:2:1: erreur: ") for p in problems), problems
        assert all(p.endswith("[macro-arguments]") for p in problems), problems


def test_calls_carry_their_exact_source_span(registries: Registries) -> None:
    text = (
        'a  {{- structure("PES 21", texte="x\\"y") -}}  b {% raw %}{{ x }}{% endraw %}'
        ' {# {{ #} {{fiche("1.5")}}\n\t{{ theme("dla-culture") }}'
    )
    found = read_macros(text, "docs/page.md", 3, Report())
    assert [text[c.start : c.end] for c in found.calls] == [
        '{{- structure("PES 21", texte="x\\"y") -}}',
        '{{fiche("1.5")}}',
        '{{ theme("dla-culture") }}',
    ]
    assert [(c.line, c.column) for c in found.calls] == [(3, 4), (3, 87), (4, 2)]
    assert [c.text for c in found.calls] == ['x"y', None, None]
    # The text between the calls is what Jinja renders: raw blocks unwrapped,
    # comments gone, whitespace control applied.
    assert "".join(p for p in found.pieces if isinstance(p, str)) == "ab {{ x }}  \n\t"

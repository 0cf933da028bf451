"""The structure(), theme() and fiche() macros, and their error messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from macros.collection import Collection
from macros.diagnostics import Report
from macros.jinja_scan import check_template, find_calls
from macros.references import resolve_calls
from macros.registries import Registries
from macros.site.macros_env import register


@dataclass
class _Plugin:
    collection: Collection | None


@dataclass
class _Env:
    """The slice of mkdocs-macros' env that macros_env uses."""

    conf: dict[str, Any]
    page: Any = None
    macros: dict[str, Callable[..., str]] = field(default_factory=dict)

    def macro(self, function: Callable[..., str]) -> Callable[..., str]:
        self.macros[function.__name__] = function
        return function


@pytest.fixture
def macros(repo_collection: Collection) -> dict[str, Callable[..., str]]:
    env = _Env({"plugins": {"mes-fiches": _Plugin(repo_collection)}})
    register(env)
    return env.macros


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
    env = _Env({"plugins": {}})
    register(env)
    with pytest.raises(PluginError, match="mes-fiches"):
        env.macros["structure"]("PES 21")


def _diagnose(text: str, registries: Registries, first_line: int = 1) -> list[str]:
    report = Report()
    if check_template(text, "docs/page.md", first_line, report, allowed=frozenset()):
        resolve_calls(
            find_calls(text, "docs/page.md", first_line, report), registries, "docs/page.md", report
        )
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

"""Generated pages carry their macro calls written out, exactly as the macros render them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
import pytest

from macros.collection import Collection
from macros.render.pages import virtual_pages
from macros.render.prerender import without_macros
from macros.site.macros_env import register


class _Env:
    """The slice of mkdocs-macros' env that macros_env uses."""

    def __init__(self, collection: Collection) -> None:
        self.conf: dict[str, Any] = {"plugins": {"mes-fiches": _Plugin(collection)}}
        self.page: Any = None
        self.macros: dict[str, Callable[..., str]] = {}

    def macro(self, function: Callable[..., str]) -> Callable[..., str]:
        self.macros[function.__name__] = function
        return function


class _Plugin:
    def __init__(self, collection: Collection) -> None:
        self.collection = collection


def _jinja_render(body: str, collection: Collection) -> str:
    env = _Env(collection)
    register(env)
    return jinja2.Environment().from_string(body).render(**env.macros)


PAGE = """---
title: Essai
---

- Une pratique ({{ structure("PES 21") }}, {{ structure("opale", "l'OPALE") }}).
- Voir {{ fiche("1.5") }}, {{ fiche("9.9", texte="la fiche 9.9") }} et {{theme("dla-culture")}}.
"""


def test_written_out_calls_match_what_the_macros_render(repo_collection: Collection) -> None:
    result = without_macros(PAGE, repo_collection)
    assert result.startswith("---\nrender_macros: false\ntitle: Essai\n---\n")
    body = PAGE.split("---\n", 2)[2]
    # Jinja drops the final newline by default; Markdown does not care.
    assert result.split("---\n", 2)[2].rstrip("\n") == _jinja_render(body, repo_collection)
    assert "{{" not in result


@pytest.mark.parametrize(
    "body",
    [
        "{% if true %}x{% endif %} {{ structure('PES 21') }}",
        '{{- structure("PES 21") }}',
        '{{ structure("PES 21") | upper }}',
        '{# note #} {{ fiche("1.5") }}',
        '{{ structure("Inconnue") }}',
    ],
)
def test_other_jinja_is_left_to_mkdocs_macros(body: str, repo_collection: Collection) -> None:
    page = f"---\ntitle: Essai\n---\n\n{body}\n"
    assert without_macros(page, repo_collection) == page


def test_every_generated_page_of_the_collection_is_written_out(
    repo_collection: Collection,
) -> None:
    pages = virtual_pages(repo_collection)
    assert pages
    for page in pages:
        assert page.content.startswith("---\nrender_macros: false\n"), page.src_uri
        assert "{{" not in page.content, page.src_uri

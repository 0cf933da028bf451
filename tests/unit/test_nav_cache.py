"""A navigation subtree rendered once gives each page the links that page
would have rendered itself, with MkDocs' own `url` filter."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, pass_context
from mkdocs.utils import normalize_url

from macros.site.nav_cache import NavCache

URLS = [
    "",
    "fiches/",
    "fiches/1.5/",
    "fiches/1.6/",
    "fiches/1.5/annexe/",
    "structures/pes-21/",
    "a/b/c/",
    "404.html",
    "x/page.html",
    "x/autre.html",
    "https://example.org/",
]


def _leaf(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url, children=None)


ITEMS = [
    *(_leaf(url) for url in URLS),
    SimpleNamespace(url=None, children=[_leaf("fiches/1.5/"), _leaf("fiches/1.6/")]),
    SimpleNamespace(url=None, children=[_leaf("x/page.html"), _leaf("a/b/c/")]),
]

TEMPLATE = (
    "{% macro links(item) %}"
    '{% if item.url %}<a href="{{ item.url | url }}"></a>{% endif %}'
    "{% for child in item.children or [] %}{{ links(child) }}{% endfor %}"
    "{% endmacro %}"
    "{% for item in items %}"
    '{% call nav_cached(item, "__nav_" ~ loop.index, 1) %}{{ links(item) }}{% endcall %}'
    "{% endfor %}"
)


@pass_context
def _url(context: Any, value: str) -> str:
    # As mkdocs.utils.templates.url_filter.
    return normalize_url(str(value), page=context["page"], base=context["base_url"])


def _environment(nav_cached: Any) -> Environment:
    env = Environment()
    env.filters["url"] = _url
    env.globals["nav_cached"] = nav_cached
    return env


@pass_context
def _uncached(context: Any, item: Any, path: str, level: int, *, caller: Any) -> Any:
    return caller()


@pytest.mark.parametrize("seed", range(5))
def test_every_page_gets_the_links_it_would_render(seed: int) -> None:
    pages: list[SimpleNamespace | None] = [
        *(SimpleNamespace(url=u) for u in [*URLS[:-1], "x/encore.html", "fiches/2.1/"]),
        None,
    ]
    random.Random(seed).shuffle(pages)
    renders = 0

    def counted(context: Any, item: Any, path: str, level: int, *, caller: Any) -> Any:
        nonlocal renders

        def count() -> Any:
            nonlocal renders
            renders += 1
            return caller()

        return cache.render(context, item, path, level, caller=count)

    cache = NavCache()
    cached = _environment(pass_context(counted)).from_string(TEMPLATE)
    plain = _environment(_uncached).from_string(TEMPLATE)
    for page in pages:
        context = {"items": ITEMS, "page": page, "base_url": "../.."}
        assert cached.render(context) == plain.render(context), page
    # The cache was used: fewer renders than pages times items.
    assert renders < len(pages) * len(ITEMS) * 2 // 3

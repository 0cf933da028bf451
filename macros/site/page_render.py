"""Each page's macros, rendered in the sandbox; each page's HTML, checked.

mkdocs-macros is not used: it renders with a plain Jinja environment that
offers the build's configuration, environment and Python internals to any
page (docs/securite.md). The plugin renders the project's macros itself,
through render/sandbox.py, and checks the final HTML against the same
policy as `fiches check` (html_policy.py) as a second lock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..html_policy import html_problems
from ..render.sandbox import RenderRefused, render_page, sandbox
from .macros_env import register


class PageRenderer:
    """This build's macros, with the slice of mkdocs-macros' `env` they use
    (`macro`, `conf`, `page`), so that macros_env.register serves unchanged."""

    def __init__(self, config: MkDocsConfig, variables: Mapping[str, object]) -> None:
        self.conf = config
        self.page: Page | None = None
        self._macros: dict[str, Callable[..., str]] = {}
        register(self)
        self._env = sandbox(self._macros)
        self._variables = dict(variables)

    def macro(self, function: Callable[..., str]) -> Callable[..., str]:
        self._macros[function.__name__] = function
        return function

    def render(self, markdown: str, page: Page, where: str, *, first_line: int, doc: bool) -> str:
        self.page = page
        try:
            return render_page(
                self._env,
                markdown,
                where,
                first_line=first_line,
                variables=self._variables if doc else None,
            )
        except RenderRefused as exc:
            raise PluginError(str(exc)) from None
        finally:
            self.page = None


def body_first_line(page: Page) -> int:
    """File line where the Markdown MkDocs hands over begins (after front matter)."""
    source = page.file.content_string if not page.file.generated_by else ""
    start = source.find(page.markdown or "") if page.markdown else -1
    return source.count("\n", 0, start) + 1 if start > 0 else 1


def check_page_html(content: str, where: str) -> None:
    """Fail the build if a page's HTML breaks the raw-HTML policy anyway."""
    problems = html_problems(content, generated=True)
    if problems:
        details = " ; ".join(p.message for p in problems[:5])
        raise PluginError(
            f"{where} : HTML refusé dans la page produite ({details}) ; "
            "« fiches check » indique la ligne à corriger"
        )


def page_variables(config: MkDocsConfig, names: list[str]) -> dict[str, Any]:
    """The `extra:` values that documentation pages may show, all plain scalars."""
    extra: Mapping[str, Any] = config.extra or {}
    values: dict[str, Any] = {}
    for name in names:
        value = extra.get(name)
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise PluginError(
                f"mkdocs.yml : page_variables cite « {name} », qui doit être une valeur "
                "simple (texte ou nombre) de la section extra:"
            )
        values[name] = value
    return values

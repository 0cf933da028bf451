"""Each page's macros, rendered in the sandbox; each page's HTML, checked.

mkdocs-macros is not used: it renders with a plain Jinja environment that
offers the build's configuration, environment and Python internals to any
page (docs/securite.md). The plugin renders the project's macros itself,
through render/sandbox.py, and checks the final HTML against the same
policy as `fiches check` (html_lock.py) as a second lock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..html_lock import lock_page_html
from ..model import Fiche
from ..render.embedded_html import MARK as BODY_MARK
from ..render.html_blocks import KEY
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

    def render(self, markdown: str, page: Page, fiche: Fiche | None) -> str:
        """The page's Markdown with its macros replaced; `fiche` when it is a fiche's page.

        Hand-written pages may opt out (`render_macros: false`: braces shown
        as written) and show `page_variables`; generated pages never do either.
        """
        written = page.file.generated_by is None
        if written and page.meta.get("render_macros") is False:
            return markdown
        where, first_line = _source_position(page, fiche)
        self.page = page
        try:
            return render_page(
                self._env,
                markdown,
                where,
                first_line=first_line,
                variables=self._variables if written else None,
            )
        except RenderRefused as exc:
            raise PluginError(str(exc)) from None
        finally:
            self.page = None


def _source_position(page: Page, fiche: Fiche | None) -> tuple[str, int]:
    """The real source file of a page, and its line where the rendered Markdown begins."""
    where = page.file.edit_uri or page.file.src_uri
    if fiche is not None:
        # MkDocs drops the blank lines between front matter and body.
        return where, fiche.body_first_line + len(fiche.body) - len(fiche.body.lstrip("\n"))
    if page.file.generated_by is not None or not page.markdown:
        return where, 1
    source = page.file.content_string
    start = source.find(page.markdown)
    return where, source.count("\n", 0, start) + 1 if start > 0 else 1


# The engine's own placeholder comments, up to their keyed part.
OWN_COMMENTS = (BODY_MARK, f"<!-- mes-fiches:bloc {KEY} ")


def check_page_html(content: str, where: str) -> str:
    """The page's HTML as the lock re-serialised it (html_lock.py); fail the
    build if it breaks the raw-HTML policy anyway."""
    locked = lock_page_html(content, OWN_COMMENTS)
    if locked.problems:
        details = " ; ".join(locked.problems[:5])
        raise PluginError(
            f"{where} : HTML refusé dans la page produite ({details}) ; "
            "« fiches check » indique la ligne à corriger"
        )
    return locked.html


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

"""Rendering a page's macros in a Jinja sandbox, after the allow-list check.

load_collection has already refused every page outside the allow-list with
its file and line; this is the second lock. The template tree is checked
again, then run by a `SandboxedEnvironment` that knows nothing but the
project's macros: no globals (`cycler`, `lipsum`, `range`, `namespace`…), no
filters, no tests, no loader (so no include), undefined names fail.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..jinja_policy import MACROS, violations

Macro = Callable[..., str]


class RenderRefused(Exception):
    """A page the sandbox will not render; the message is French and names the line."""


def sandbox(macros: Mapping[str, Macro]) -> SandboxedEnvironment:
    """An environment that offers only `macros` (allow-listed names only)."""
    env = SandboxedEnvironment(
        loader=None, undefined=jinja2.StrictUndefined, autoescape=False, auto_reload=False
    )
    env.globals.clear()
    env.filters.clear()
    env.tests.clear()
    env.globals.update({name: func for name, func in macros.items() if name in MACROS})
    return env


def render_page(
    env: SandboxedEnvironment,
    markdown: str,
    where: str,
    *,
    first_line: int = 1,
    variables: Mapping[str, object] | None = None,
) -> str:
    """`markdown` with its macros replaced by their output.

    `variables` (documentation pages only) are shown HTML-escaped. Raises
    RenderRefused, never a Jinja or Python traceback.
    """
    # Jinja reads nothing else as template syntax: a page without these
    # delimiters renders to itself (most generated pages, whose macro calls
    # render/prerender.py has written out).
    if not any(mark in markdown for mark in ("{{", "{%", "{#")):
        return markdown
    shown = {name: html.escape(str(value)) for name, value in (variables or {}).items()}
    try:
        tree = env.parse(markdown)
        refused = violations(tree, variables=frozenset(shown))
        if refused:
            first = refused[0]
            raise RenderRefused(
                f"{where}:{first_line + first.line - 1}: construction refusée par le bac à "
                f"sable des macros : {first.what} ; « fiches check » donne le détail"
            )
        return env.from_string(tree).render(**shown)
    except RenderRefused:
        raise
    except jinja2.TemplateSyntaxError as exc:
        line = first_line + (exc.lineno or 1) - 1
        raise RenderRefused(f"{where}:{line}: syntaxe de macro invalide") from None
    except jinja2.exceptions.SecurityError:
        raise RenderRefused(f"{where}: opération interdite par le bac à sable") from None
    except jinja2.UndefinedError:
        raise RenderRefused(f"{where}: nom inconnu dans une macro") from None
    except RecursionError:
        raise RenderRefused(f"{where}: macro trop imbriquée") from None

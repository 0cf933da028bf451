"""What a page may ask of the template engine: the allow-list of Jinja constructs.

Fiches and pages come from pull requests written outside the core team, and
Jinja is a programming language: `{{ cycler.__init__.__globals__.os }}` runs
commands, `{{ config }}` prints the build's settings. So a page may only call
the project's macros with literal arguments, and (documentation pages only)
show a variable that the maintainers listed in mkdocs.yml. Everything else is
refused here, statically, before anything renders; the sandboxed renderer
(render/sandbox.py) checks the same tree again before running it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from jinja2 import nodes

# Macro name -> (positional parameter names, optional parameter names).
# A new macro is added here AND registered in site/macros_env.py.
MACROS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "structure": (("nom",), ("texte",)),
    "theme": (("slug",), ("texte",)),
    "fiche": (("numero",), ("texte",)),
}

_TEMPLATE_MARK = re.compile(r"\{[{%#]")

# Statement tags, in the words a contributor wrote them.
_STATEMENTS: dict[type[nodes.Node], str] = {
    nodes.For: "for",
    nodes.If: "if",
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.FilterBlock: "filter",
    nodes.With: "with",
    nodes.Block: "block",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
    nodes.Assign: "set",
    nodes.AssignBlock: "set",
}


@dataclass(frozen=True)
class Violation:
    """One construct the policy refuses; `kind` decides who reports it."""

    line: int  # 1-based, in the scanned text
    kind: str  # "statement", "expression", "unknown-name", "unknown-macro", "arguments"
    what: str  # a short French description of what was found
    name: str = ""


def violations(
    tree: nodes.Template,
    *,
    variables: frozenset[str] = frozenset(),
    macros: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = MACROS,
) -> list[Violation]:
    """Every construct of `tree` outside the allow-list, in source order."""
    found: list[Violation] = []
    for node in tree.body:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    continue  # plain text, including {% raw %} blocks
                found.extend(_expression(child, variables, macros))
        else:
            tag = _STATEMENTS.get(type(node), type(node).__name__.lower())
            found.append(Violation(node.lineno, "statement", f"balise « {{% {tag} %}} »"))
    return found


def _expression(
    expr: nodes.Expr,
    variables: frozenset[str],
    macros: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
) -> Iterator[Violation]:
    if isinstance(expr, nodes.Name):
        if expr.name in variables:
            return
        if expr.name in macros:
            yield Violation(expr.lineno, "arguments", f"« {expr.name} » sans parenthèses")
            return
        yield Violation(expr.lineno, "unknown-name", "nom inconnu", expr.name)
        return
    if isinstance(expr, nodes.Call) and isinstance(expr.node, nodes.Name):
        name = expr.node.name
        if name not in macros:
            yield Violation(expr.lineno, "unknown-macro", "macro inconnue", name)
            return
        if not _literal_call(expr, macros[name]):
            yield Violation(expr.lineno, "arguments", f"arguments de « {name} »", name)
        return
    yield Violation(expr.lineno, "expression", _describe(expr))


def _literal_call(call: nodes.Call, signature: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    required, optional = signature
    if call.dyn_args is not None or call.dyn_kwargs is not None:
        return False
    values = [*call.args, *(kw.value for kw in call.kwargs)]
    if not all(isinstance(v, nodes.Const) and _plain(v.value) for v in values):
        return False
    if any(kw.key not in required + optional for kw in call.kwargs):
        return False
    return 1 <= len(call.args) + len(call.kwargs) <= len(required) + len(optional)


def _plain(value: object) -> bool:
    """A literal, and no template inside it: a macro's output is never rendered again,
    but a `{{` there can only be a mistake or a probe."""
    if isinstance(value, str):
        return _TEMPLATE_MARK.search(value) is None
    return isinstance(value, int | float) and not isinstance(value, bool)


def _describe(expr: nodes.Expr) -> str:
    """Name the refused construct the way a contributor would recognise it."""
    if _has(expr, nodes.Getattr, nodes.Getitem):
        return "accès à un attribut ou un élément (« . » ou « [ ] »)"
    if _has(expr, nodes.Filter):
        return "filtre « | »"
    if _has(expr, nodes.Test):
        return "test « is »"
    if isinstance(expr, nodes.Const | nodes.TemplateData):
        return "valeur écrite seule"
    return "expression"


def _has(expr: nodes.Expr, *types: type[nodes.Node]) -> bool:
    return isinstance(expr, types) or next(expr.find_all(types), None) is not None

"""What a page may ask of the template engine: the allow-list of Jinja constructs.

Fiches and pages come from pull requests written outside the core team, and
Jinja is a programming language: `{{ cycler.__init__.__globals__.os }}` runs
commands, `{{ config }}` prints the build's settings. So a page may only call
the project's macros with literal arguments, and (documentation pages only)
show a variable that the maintainers listed in mkdocs.yml. Everything else is
refused here, on the tree Jinja's own parser reads, before mkdocs-macros
renders anything.
"""

from __future__ import annotations

from jinja2 import defaults, nodes

from macros.core.diagnostics import Report
from macros.core.names import suggestion

# Macro name -> (positional parameter names, optional parameter names).
# A new macro is added here AND defined in macros/__init__.py (define_env).
MACROS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "structure": (("nom",), ("texte",)),
    "theme": (("slug",), ("texte",)),
    "fiche": (("numero",), ("texte",)),
}

# What starts a Jinja construct in mkdocs-macros' environment, which keeps
# Jinja's default delimiters (macro_grammar.py).
MARKS = (
    defaults.VARIABLE_START_STRING,
    defaults.BLOCK_START_STRING,
    defaults.COMMENT_START_STRING,
)

# Statement tags whose node name is not the word a contributor wrote.
_STATEMENTS: dict[type[nodes.Node], str] = {
    nodes.CallBlock: "call",
    nodes.FilterBlock: "filter",
    nodes.FromImport: "from … import",
    nodes.Assign: "set",
    nodes.AssignBlock: "set",
}


def check_tree(
    tree: nodes.Template,
    display_path: str,
    first_line: int,
    report: Report,
    variables: frozenset[str] = frozenset(),
) -> bool:
    """Report every construct of `tree` outside the allow-list, in source
    order; True when there is none. `variables`: what a page may show."""
    ok = True
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            tag = _STATEMENTS.get(type(node), type(node).__name__.lower())
            _refuse(f"balise « {{% {tag} %}} »", first_line + node.lineno - 1, display_path, report)
            ok = False
            continue
        for expr in node.nodes:
            # TemplateData is plain text, including {% raw %} blocks.
            if not isinstance(expr, nodes.TemplateData):
                ok = _check_expression(expr, display_path, first_line, report, variables) and ok
    return ok


def _check_expression(
    expr: nodes.Expr, display_path: str, first_line: int, report: Report, variables: frozenset[str]
) -> bool:
    line = first_line + expr.lineno - 1
    if isinstance(expr, nodes.Name):
        if expr.name in variables:
            return True
        if expr.name in MACROS:
            _refuse(f"« {expr.name} » sans parenthèses", line, display_path, report)
            return False
        unknown = "nom inconnu", expr.name
    elif isinstance(expr, nodes.Call) and isinstance(expr.node, nodes.Name):
        if expr.node.name in MACROS:
            problem = arguments_problem(expr, MACROS[expr.node.name])
            if problem is not None:
                report.error(display_path, line, 1, "macro-arguments", problem[0], problem[1])
            return problem is None
        unknown = "macro inconnue", expr.node.name
    else:
        _refuse(_describe(expr), line, display_path, report)
        return False
    what, name = unknown
    report.error(
        display_path,
        line,
        1,
        "macro-inconnue",
        f"{what} « {name} »",
        suggestion(name, sorted(MACROS), what="macros connues"),
    )
    return False


def _refuse(what: str, line: int, display_path: str, report: Report) -> None:
    report.error(
        display_path,
        line,
        1,
        "jinja-interdit",
        f"construction refusée : {what}",
        "seuls les appels de macros avec du texte entre guillemets sont permis, "
        'comme {{ structure("PES 21") }} ; pour montrer des accolades telles '
        "quelles, placez-les dans un bloc de code",
    )


def literal_value(value: nodes.Expr) -> str | int | float | None:
    """The value of a literal argument a macro may take, or None."""
    if isinstance(value, nodes.Const) and isinstance(value.value, str | int | float):
        return None if isinstance(value.value, bool) else value.value
    return None


def arguments_problem(
    call: nodes.Call, signature: tuple[tuple[str, ...], tuple[str, ...]]
) -> tuple[str, str] | None:
    """What is wrong with the arguments of a macro call, and how to write it
    (in French), or None when the macro takes them."""
    assert isinstance(call.node, nodes.Name)
    name = call.node.name
    required, optional = signature
    parameters = required + optional
    shown = ", ".join([f'"{p}"' for p in required] + [f'{p}="…"' for p in optional])
    usage = f"{{{{ {name}({shown}) }}}}"
    values = [*call.args, *(kw.value for kw in call.kwargs)]
    if (
        call.dyn_args is not None
        or call.dyn_kwargs is not None
        or any(literal_value(v) is None for v in values)
    ):
        return f"l'appel à « {name} » doit recevoir du texte entre guillemets", f"écrivez {usage}"
    if any(may_hold_macros(str(literal_value(v))) for v in values):
        # A macro's output is never rendered again, but a `{{` there can only
        # be a mistake or a probe.
        return (
            f"le texte donné à « {name} » contient « {{{{ », « {{% » ou « {{# »",
            "une macro ne peut pas en contenir une autre : retirez ces accolades",
        )
    # The first parameter by position; the others by position or by keyword,
    # each once, as Python binds them when mkdocs-macros calls the macro.
    bound = parameters[: len(call.args)]
    keywords = [kw.key for kw in call.kwargs]
    if (
        not call.args
        or len(call.args) > len(parameters)
        or any(key not in optional or key in bound for key in keywords)
        or len(set(keywords)) < len(keywords)
    ):
        return f"nombre ou nom d'arguments incorrect pour « {name} »", f"écrivez {usage}"
    return None


def may_hold_macros(text: str) -> bool:
    """False when Jinja would read `text` as plain text: no delimiter in it."""
    return "{" in text and any(mark in text for mark in MARKS)


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

"""Finding macro calls in fiches and pages, and Jinja mistakes, with positions.

The engine needs each `{{ structure("…") }}` call as data (who is credited,
who is cited) before anything renders, and contributors need Jinja mistakes
reported at their line rather than as a failed build.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

import jinja2

from .diagnostics import Report
from .jinja_policy import MACROS, violations
from .names import suggestion

_TEMPLATE_MARK = re.compile(r"\{[{%#]")
_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.S)
_LITERAL = r'"[^"\\{}%#\n]*"'
# Quoted text without braces: text with braces takes the full path below,
# which refuses template marks inside arguments.
_LITERAL_ARGS = r'\s*"([^"\\\n{}]*)"\s*(?:,\s*(texte\s*=\s*)?"([^"\\\n{}]*)"\s*)?'
# A call: its name (group 1), then its arguments, either the usual literal
# ones read by _LITERAL_ARGS (groups 2 to 4) or any others (group 5). Literal
# arguments hold no brace, so they cannot run past the first `) }}`: both
# branches end the call where `(.*?)` alone would.
_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\((?:" + _LITERAL_ARGS + r"|(.*?))\)\s*-?\}\}", re.S)
# `\{\{(?<!\{\{\{)` is `(?<!\{)\{\{` with the literal first, which the regex
# engine searches for quickly instead of trying the look-behind everywhere.
_PLAIN_CALL = re.compile(
    r"\{\{(?<!\{\{\{)-?[ \t]*(?:"
    + "|".join(MACROS)
    + r")\([ \t]*"
    + _LITERAL
    + r"(?:[ \t]*,[ \t]*(?:texte[ \t]*=[ \t]*)?"
    + _LITERAL
    + r")?[ \t]*\)[ \t]*-?\}\}"
)


@dataclass
class MacroCall:
    name: str
    args: list[str]
    kwargs: dict[str, str]
    line: int
    column: int
    start: int  # offset in the scanned text
    end: int
    resolved: str | None = None  # registry slug or fiche number, once checked

    @property
    def target(self) -> str:
        return self.args[0] if self.args else ""

    @property
    def text(self) -> str | None:
        return self.kwargs.get("texte") or (self.args[1] if len(self.args) > 1 else None)


def _usage(name: str) -> str:
    required, optional = MACROS[name]
    params = [f'"{p}"' for p in required] + ['texte="…"' for p in optional if p == "texte"]
    return f"{{{{ {name}({', '.join(params)}) }}}}"


def find_calls(text: str, display_path: str, first_line: int, report: Report) -> list[MacroCall]:
    """Calls to the project's macros, with literal arguments checked."""
    calls: list[MacroCall] = []
    # Blank out {% raw %} blocks but keep offsets: examples there are not calls.
    if "{%" in text:
        text = _RAW.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    counted = newlines = 0  # lines are counted once over the text, not per call
    for match in _CALL.finditer(text):
        name, args = match.group(1, 5)
        if name not in MACROS:
            continue  # unknown names are reported by check_template
        start, end = match.span()
        newlines += text.count("\n", counted, start)
        counted = start
        line = first_line + newlines
        column = start - text.rfind("\n", 0, start)
        if args is None:
            # The usual `"PES 21"` or `"1.5", "fiche n°1.5"`: Python's parser
            # would say the same, at ten times the cost.
            first, keyword, second = match.group(2, 3, 4)
            if second is None:
                calls.append(MacroCall(name, [first], {}, line, column, start, end))
            elif keyword:
                calls.append(MacroCall(name, [first], {"texte": second}, line, column, start, end))
            else:
                calls.append(MacroCall(name, [first, second], {}, line, column, start, end))
            continue
        call = MacroCall(name, [], {}, line, column, start, end)
        try:
            parsed = ast.parse(f"f({args})", mode="eval").body
        except SyntaxError:
            report.error(
                display_path,
                line,
                column,
                "macro-arguments",
                f"arguments illisibles dans l'appel à « {name} »",
                f"écrivez {_usage(name)}",
            )
            continue
        assert isinstance(parsed, ast.Call)
        ok = True
        for arg in parsed.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str | int | float):
                call.args.append(str(arg.value))
            else:
                ok = False
        for kw in parsed.keywords:
            if kw.arg and isinstance(kw.value, ast.Constant):
                call.kwargs[kw.arg] = str(kw.value.value)
            else:
                ok = False
        required, optional = MACROS[name]
        unknown_kw = [k for k in call.kwargs if k not in required + optional]
        if not ok:
            report.error(
                display_path,
                line,
                column,
                "macro-arguments",
                f"l'appel à « {name} » doit recevoir du texte entre guillemets",
                f"écrivez {_usage(name)}",
            )
            continue
        if any(_TEMPLATE_MARK.search(v) for v in [*call.args, *call.kwargs.values()]):
            report.error(
                display_path,
                line,
                column,
                "macro-arguments",
                f"le texte donné à « {name} » contient « {{{{ », « {{% » ou « {{# »",
                "une macro ne peut pas en contenir une autre : retirez ces accolades",
            )
            continue
        if not call.args or len(call.args) > len(required) + len(optional) or unknown_kw:
            report.error(
                display_path,
                line,
                column,
                "macro-arguments",
                f"nombre ou nom d'arguments incorrect pour « {name} »",
                f"écrivez {_usage(name)}",
            )
            continue
        calls.append(call)
    return calls


def check_template(
    text: str,
    display_path: str,
    first_line: int,
    report: Report,
    *,
    allowed: frozenset[str] = frozenset(),
) -> bool:
    """Report Jinja syntax errors and everything outside the allow-list
    (jinja_policy.py); True when the text parses.

    `allowed` are the variables a documentation page may show, `{{ name }}`.
    """
    if _only_plain_calls(text):
        return True
    env = jinja2.Environment()
    try:
        tree = env.parse(text)
    except jinja2.TemplateSyntaxError as exc:
        line = first_line + (exc.lineno or 1) - 1
        report.error(
            display_path,
            line,
            1,
            "jinja-syntaxe",
            f"syntaxe de macro invalide : {_french_jinja(exc.message or '')}",
            'une macro s\'écrit {{ structure("PES 21") }} : vérifiez les accolades '
            "doubles, les parenthèses et les guillemets",
        )
        return False
    except RecursionError:
        report.error(
            display_path,
            first_line,
            1,
            "jinja-syntaxe",
            "syntaxe de macro invalide : expression trop imbriquée",
            'une macro s\'écrit simplement {{ structure("PES 21") }}',
        )
        return False
    for found in violations(tree, variables=allowed):
        line = first_line + found.line - 1
        if found.kind in ("unknown-name", "unknown-macro"):
            report.error(
                display_path,
                line,
                1,
                "macro-inconnue",
                f"{found.what} « {found.name} »",
                suggestion(found.name, sorted(MACROS), what="macros connues"),
            )
        elif found.kind == "arguments" and found.name:
            continue  # find_calls says precisely what is wrong with the arguments
        else:
            report.error(
                display_path,
                line,
                1,
                "jinja-interdit",
                f"construction refusée : {found.what}",
                "seuls les appels de macros avec du texte entre guillemets sont permis, "
                'comme {{ structure("PES 21") }} ; pour montrer des accolades telles '
                "quelles, placez-les dans un bloc de code",
            )
    return True


def _only_plain_calls(text: str) -> bool:
    """True when every Jinja construct of `text` is a project macro called with
    quoted literals, the way fiches are written: such text always parses and
    names nothing unknown, so Jinja's parser (most of a fiche's load time) has
    nothing to report. Anything else goes through the parser."""
    if "{" not in text:
        return True
    return _TEMPLATE_MARK.search(_PLAIN_CALL.sub(" ", text)) is None


def _french_jinja(message: str) -> str:
    """Jinja's English parser messages, said in French with the offending text."""
    got = re.search(r"got '([^']*)'", message)
    char = re.match(r"unexpected char '(.+?)' at \d+", message)
    if message.startswith("unexpected end of template"):
        return "fin de texte inattendue, une macro n'est pas refermée par « }} »"
    if char:
        return f"caractère inattendu « {char.group(1)} » dans une macro"
    if message.startswith("unexpected '}'"):
        return "accolade « } » seule, une macro se referme par « }} »"
    if message.lower().startswith("expected an expression"):
        return "macro vide ou incomplète"
    if message.startswith("expected token") and got:
        return f"« {got.group(1)} » inattendu dans une macro"
    if message.startswith("unexpected '"):
        return f"« {message.split(chr(39))[1]} » inattendu dans une macro"
    if message.startswith("Encountered unknown tag"):
        tag = re.search(r"tag '([^']*)'", message)
        return f"balise « {{% {tag.group(1) if tag else '…'} %}} » inconnue"
    return f"syntaxe incorrecte ({message})"

"""The macro grammar: every Jinja construct of a text, read once by Jinja itself.

mkdocs-macros renders each page with a plain `jinja2.Environment` and the
`j2_*` options of mkdocs.yml, which site/macros_config.py refuses: with
Jinja's default delimiters and no extension, what is read here is what
mkdocs-macros would run. One lexing pass gives both the tree (checked
against macro_policy.py) and the offsets of each `{{ … }}`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

import jinja2
from jinja2 import nodes
from jinja2.lexer import TokenStream
from jinja2.parser import Parser

from macros.check.macro_policy import (
    MACROS,
    MARKS,
    arguments_problem,
    check_tree,
    literal_value,
    may_hold_macros,
)
from macros.core.diagnostics import Report

# As mkdocs-macros builds its own: no j2_* option, no extension.
_ENV = jinja2.Environment()
# Replace text[start:end] by a text: (start, end, replacement).
Edit = tuple[int, int, str]
# Per contributor file: a fiche holds a few dozen calls. Jinja reads some
# 50,000 a second here, so a file made of nothing else would hold CI for
# seconds per megabyte; past this count it is refused unread.
MAX_CONSTRUCTS = 5000


@dataclass
class MacroCall:
    name: str
    args: list[str]
    kwargs: dict[str, str]
    line: int
    column: int
    start: int  # offset in the scanned text
    end: int
    source: str  # as written, e.g. `{{ structure("PES 21") }}`
    resolved: str | None = None  # registry slug or fiche number, once checked

    @property
    def target(self) -> str:
        return self.args[0] if self.args else ""

    @property
    def text(self) -> str | None:
        return self.kwargs.get("texte") or (self.args[1] if len(self.args) > 1 else None)


@dataclass
class Macros:
    """A text as Jinja reads it: its calls, and the text around them in order."""

    calls: list[MacroCall] = field(default_factory=list)
    # Template text (raw blocks unwrapped, comments and whitespace control
    # applied, as Jinja renders it) and the calls, in order.
    pieces: list[str | MacroCall] = field(default_factory=list)
    ok: bool = True  # False when something was refused
    tree: nodes.Template | None = None  # Jinja's, as checked
    # Offsets of each `{{ … }}`, `{% … %}` and `{# … #}`, allowed or not.
    spans: list[tuple[int, int]] = field(default_factory=list)
    # Their source text, longest first: a comment that holds a call goes whole.
    sources: tuple[str, ...] = ()

    def pieces_of(
        self, fragment: str, first_line: int, last_line: int
    ) -> list[str | MacroCall] | None:
        """`fragment`, a block of the scanned text on these lines (say a
        practice), split at the calls read there, as `pieces` splits the
        whole text; None when only reading it again could tell."""
        if not may_hold_macros(fragment):
            return [fragment]
        if not self.ok:
            return None
        lines = [call.line for call in self.calls]
        inside = self.calls[bisect_left(lines, first_line) : bisect_right(lines, last_line)]
        pieces: list[str | MacroCall] = []
        position = 0
        for call in inside:
            start = fragment.find(call.source, position)
            if start < 0:
                return None  # the block's text is not the source's (a call across lines)
            pieces += [fragment[position:start], call]
            position = start + len(call.source)
        pieces.append(fragment[position:])
        # Anything else between braces (a raw block) is left to the grammar.
        if any(may_hold_macros(p) for p in pieces if isinstance(p, str)):
            return None
        return pieces

    def edited(self, text: str, edits: list[Edit]) -> nodes.Template | None:
        """Jinja's tree of `text` (the text read here) once `edits` are made,
        built from this reading, not by reading the edited text again; None
        when only reading it again could tell.

        Each edit replaces `text[start:end]`, outside every construct, with
        plain text. That is all that changes when every delimiter in `text`
        opens a construct read here (no raw block, no delimiter inside a
        string), no construct spans lines or trims whitespace, and no edit
        makes a delimiter with its neighbours: the calls are the ones the
        allow-list accepted, in the same order, between edited text.
        """
        if not self.ok or self.tree is None:
            return None
        if sum(text.count(mark) for mark in MARKS) != len(self.spans):
            return None
        sources = [text[start:end] for start, end in self.spans]
        if any("\n" in s or s[2] == "-" or s[-3] == "-" for s in sources):
            return None
        # Accepted (`ok`), the tree is all Output nodes.
        children = [child for output in self.tree.body for child in output.nodes]  # type: ignore[attr-defined]
        expressions = iter(c for c in children if not isinstance(c, nodes.TemplateData))
        read = [c.data for c in children if isinstance(c, nodes.TemplateData)]
        # The text between constructs, as written and as edited.
        gaps = [0, *(offset for span in self.spans for offset in span), len(text)]
        edits = sorted(edits, key=lambda edit: edit[:2])
        written: list[str] = []
        built: list[nodes.Node] = []
        for index in range(0, len(gaps), 2):
            start, end = gaps[index], gaps[index + 1]
            inside: list[Edit] = []
            while edits and edits[0][0] <= end:
                edit_start, edit_end, replacement = edits.pop(0)
                around = (
                    text[edit_start - 1 : edit_start] + replacement + text[edit_end : edit_end + 1]
                )
                if edit_start < start or edit_end > end or may_hold_macros(around):
                    return None  # an edit that touches a construct, or makes one
                inside.append((edit_start - start, edit_end - start, replacement))
            was = text[start:end]
            data = apply_edits(was, inside)
            if index + 2 == len(gaps):
                # Jinja drops one newline at the end of a template.
                was, data = was.removesuffix("\n"), data.removesuffix("\n")
            written.append(was)
            if data:  # Jinja reads no empty text
                built.append(nodes.TemplateData(data))
            if index + 2 < len(gaps) and sources[index // 2].startswith("{{"):
                expression = next(expressions, None)
                if expression is None:
                    return None
                built.append(expression)
        if edits or [w for w in written if w] != read:
            return None
        output = nodes.Output(built, lineno=1)
        tree = nodes.Template([output], lineno=1)
        # What set_environment does, for the new nodes only: the calls have it.
        for node in (tree, output, *built):
            node.environment = _ENV
        return tree

    def remove_calls(self, text: str) -> str:
        """`text`, a part of the scanned text, without the `{{ … }}` and
        `{% … %}` it holds: their brackets and asterisks are not Markdown."""
        if "{" not in text:
            return text
        for source in self.sources:
            text = text.replace(source, "")
        return text


def apply_edits(text: str, edits: list[Edit]) -> str:
    """`text` with each `(start, end, replacement)` made; the edits do not overlap."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits, key=lambda edit: edit[:2]):
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def read_macros(
    text: str,
    display_path: str,
    first_line: int,
    report: Report,
    *,
    allowed: frozenset[str] = frozenset(),
    limit: int | None = None,
) -> Macros:
    """The calls to the project's macros in `text`; everything outside the
    allow-list, and Jinja syntax errors, reported at their line.

    `allowed` are the variables a documentation page may show, `{{ name }}`.
    `limit`: refuse, unread, a text with more delimiters than that.
    """
    if not may_hold_macros(text):
        return Macros([], [text])
    if limit is not None:
        count = sum(text.count(mark) for mark in MARKS)
        if count > limit:
            report.error(
                display_path,
                first_line,
                1,
                "macros-trop-nombreuses",
                f"{count} « {{{{ », « {{% » ou « {{# » dans ce fichier, plus de {limit}",
                "une fiche ou une page en compte quelques dizaines : découpez le texte",
            )
            return Macros(ok=False)
    found = Macros()
    expressions: list[tuple[int, int, int, int]] = []
    try:
        # The parser pulls tokens as it goes: a text it refuses early (1 MB
        # of `{{`, say) is never lexed to its end.
        tokens = _spans(text, _ENV.lexer.tokeniter(text, None), found.spans, expressions)
        parser = Parser(_ENV, text)
        parser.stream = TokenStream(_ENV.lexer.wrap(tokens), None, None)
        tree = parser.parse()
    except jinja2.TemplateSyntaxError as exc:
        report.error(
            display_path,
            first_line + (exc.lineno or 1) - 1,
            1,
            "jinja-syntaxe",
            f"syntaxe de macro invalide : {_french_jinja(exc.message or '')}",
            'une macro s\'écrit {{ structure("PES 21") }} : vérifiez les accolades '
            "doubles, les parenthèses et les guillemets",
        )
        return Macros(ok=False)
    except RecursionError:
        report.error(
            display_path,
            first_line,
            1,
            "jinja-syntaxe",
            "syntaxe de macro invalide : expression trop imbriquée",
            'une macro s\'écrit simplement {{ structure("PES 21") }}',
        )
        return Macros(ok=False)
    found.ok = check_tree(tree, display_path, first_line, report, allowed)
    # An accepted tree is all Output nodes; a refused one may hide calls in blocks.
    found_outputs = tree.body if found.ok else tree.find_all(nodes.Output)
    outputs = [child for output in found_outputs for child in output.nodes]  # type: ignore[attr-defined]
    spans = iter(expressions)  # one per `{{ … }}`, in order, as Output nodes are
    for child in outputs:
        if isinstance(child, nodes.TemplateData):
            found.pieces.append(child.data)
            continue
        span = next(spans, None)
        if span is None:
            break  # not one expression per `{{ … }}`: refused above anyway
        call = _macro_call(child, text, span, first_line, accepted=found.ok)
        if call is not None:
            found.calls.append(call)
            found.pieces.append(call)
    if not found.ok:
        found.pieces = []
    found.tree = tree
    found.sources = tuple(sorted({text[s:e] for s, e in found.spans}, key=lambda s: (-len(s), s)))
    return found


def _spans(
    text: str,
    tokens: Iterator[tuple[int, str, str]],
    constructs: list[tuple[int, int]],
    expressions: list[tuple[int, int, int, int]],
) -> Iterator[tuple[int, str, str]]:
    """The tokens, on their way to the parser; the offsets of every construct,
    and of each `{{ … }}` with its line and column, read off them. Tokens carry
    their source text in order; only the whitespace before `{{-` or `{%-` is
    left out of them."""
    position = start = line_start = 0
    where = (1, 1)
    for token in tokens:
        line, kind, value = token
        if not text.startswith(value, position):
            position = text.find(value, position)
        if kind in ("variable_begin", "block_begin", "comment_begin"):
            # From the previous construct on: each character is searched once.
            line_start = text.rfind("\n", start, position) + 1 or line_start
            start, where = position, (line, position - line_start + 1)
        elif kind in ("variable_end", "block_end", "comment_end"):
            constructs.append((start, position + len(value.rstrip())))
            if kind == "variable_end":
                expressions.append((*constructs[-1], *where))
        position += len(value)
        yield token


def _macro_call(
    expr: nodes.Expr,
    text: str,
    span: tuple[int, int, int, int],
    first_line: int,
    *,
    accepted: bool,
) -> MacroCall | None:
    """A call the allow-list accepts, with its literal arguments; `accepted`:
    check_tree accepted every expression of the text."""
    if not (isinstance(expr, nodes.Call) and isinstance(expr.node, nodes.Name)):
        return None
    name = expr.node.name
    if not accepted and (name not in MACROS or arguments_problem(expr, MACROS[name]) is not None):
        return None
    start, end, line, column = span
    return MacroCall(
        name,
        # All literal: arguments_problem accepted them.
        [str(literal_value(a)) for a in expr.args],
        {kw.key: str(literal_value(kw.value)) for kw in expr.kwargs},
        first_line + line - 1,
        column,
        start,
        end,
        text[start:end],
    )


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


def macros_rendered(meta: object) -> bool:
    """Whether mkdocs-macros renders a page with this front matter: it shows a
    page as written when `render_macros` equals False (its own test, `== False`,
    so 0 counts too), and renders every other page (`render_by_default`)."""
    return not isinstance(meta, dict) or meta.get("render_macros") != False  # noqa: E712


def front_matter_problem(meta: object) -> str | None:
    """Front matter keys that make mkdocs-macros fail with a traceback."""
    if isinstance(meta, dict) and meta.get("ignore_macros"):
        return "la clé « ignore_macros » n'existe plus : écrivez « render_macros: false »"
    return None

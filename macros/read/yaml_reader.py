"""YAML loading that can say where each value was written.

Schema and registry errors must point at a line. PyYAML composes a node tree
whose nodes carry their marks; the plain data is built from that tree once,
keeping each value's marks, so that `Located.where` gives its line when a
message asks for it. Dates are turned into ISO strings so that JSON Schema
sees what was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.core.diagnostics import Report

PathKey = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Located:
    """Plain data, the scalars as written, and where each value was written."""

    data: Any
    # File line of the text's first line, minus one.
    line_offset: int = 0
    # Scalars as written, before YAML typed them: `numero: 1.10` must stay "1.10".
    raw: dict[PathKey, str] = field(default_factory=dict)
    # The marks of each value's key (None in a list) and of the value itself.
    marks: dict[PathKey, tuple[yaml.Mark | None, yaml.Mark]] = field(default_factory=dict)

    def where(self, path: Iterable[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based file position of `path` (of its key with `key`), or of its
        nearest ancestor that has one."""
        found = tuple(path)
        while found and found not in self.marks:
            found = found[:-1]
        if found not in self.marks:
            return (self.line_offset + 1, 1)
        key_mark, mark = self.marks[found]
        if key and key_mark is not None:
            mark = key_mark
        return (mark.line + 1 + self.line_offset, mark.column + 1)


# Front matter and registries are small: these caps only stop hostile input
# (docs/securite.md). An alias bomb («billion laughs») is a few lines that
# expand to billions of values; deep nesting exhausts the stack.
MAX_YAML_DEPTH = 20


class _Refused(yaml.MarkedYAMLError):
    """YAML that is well-formed but refused before it is built: an alias, or too deep."""

    def __init__(self, *, alias: bool, mark: yaml.Mark) -> None:
        super().__init__(problem_mark=mark)
        self.alias = alias


class _Capped(yaml.composer.Composer):
    """PyYAML's composer, refusing aliases and deep nesting before a single
    value is constructed."""

    _depth = 0
    # The parser's, that it is mixed with.
    check_event: Any
    peek_event: Any

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _Refused(alias=True, mark=self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _Refused(alias=False, mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _CappedLoader(_Capped, yaml.SafeLoader):
    pass


# libyaml's scanner and parser, about twice as fast as PyYAML's, where installed.
_LIBYAML: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastCappedLoader(_Capped, _LIBYAML):
    def __init__(self, stream: str) -> None:
        _LIBYAML.__init__(self, stream)
        yaml.composer.Composer.__init__(self)


def _compose(text: str) -> tuple[Any, yaml.Node | None]:
    """The loader and the document's node tree. libyaml words errors
    differently: a text it rejects is read again by PyYAML, whose messages
    are the ones translated below."""
    loader: Any = _FastCappedLoader(text)
    try:
        return loader, loader.get_single_node()
    except yaml.YAMLError:
        loader = _CappedLoader(text)
        return loader, loader.get_single_node()


def load_yaml(
    text: str, display_path: str, report: Report, *, line_offset: int = 0
) -> Located | None:
    """Parse one YAML document; report syntax errors and duplicate keys."""

    def fail(mark: yaml.Mark | None, code: str, message: str, hint: str = "") -> None:
        line, column = (mark.line, mark.column) if mark else (0, 0)
        report.error(display_path, line + 1 + line_offset, column + 1, code, message, hint)

    def convert(node: yaml.Node, path: PathKey, key_mark: yaml.Mark | None = None) -> Any:
        located.marks[path] = (key_mark, node.start_mark)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                # A key as the data holds it: text, whatever YAML typed it as.
                if key_node.tag == _STR_TAG and isinstance(key_node, yaml.ScalarNode):
                    key = str(key_node.value)
                else:
                    key = str(loader.construct_object(key_node, deep=True))
                if key in result:
                    fail(
                        key_node.start_mark,
                        "yaml-cle-double",
                        f"la clé « {key} » est écrite deux fois",
                        "gardez une seule des deux lignes",
                    )
                    # Only the last value is kept: so are only its positions.
                    for stale in [p for p in located.marks if p[: len(path) + 1] == (*path, key)]:
                        del located.marks[stale]
                result[key] = convert(value_node, (*path, key), key_node.start_mark)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*path, i)) for i, item in enumerate(node.value)]
        located.raw[path] = str(node.value)
        if node.tag == _STR_TAG:
            return node.value  # what the constructor would return, without its dispatch
        try:
            value = loader.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            # An unquoted impossible date (2026-13-26) fails to construct: keep the
            # text, so that the schema says what is wrong and where.
            return str(node.value)
        return value.isoformat() if isinstance(value, dt.datetime | dt.date) else value

    try:
        # PyYAML's reader refuses control characters (a NUL…) as it starts.
        loader, node = _compose(text)
        located = Located(None, line_offset)
        if node is not None:
            located.data = convert(node, ())
        return located
    except _Refused as exc:
        if exc.alias:
            fail(
                exc.problem_mark,
                "yaml-alias",
                "alias YAML (« *nom ») refusé",
                "recopiez la valeur au lieu d'y renvoyer par un alias",
            )
        else:
            fail(
                exc.problem_mark,
                "yaml-profondeur",
                f"structure YAML imbriquée sur plus de {MAX_YAML_DEPTH} niveaux",
                "un en-tête ou un registre n'a besoin que de deux ou trois niveaux",
            )
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position)
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1)
        code = exc.character if isinstance(exc.character, int) else 0
        fail(
            yaml.Mark(display_path, exc.position, line, column, None, 0),
            "caractere-interdit",
            f"caractère de contrôle U+{code:04X} interdit dans un texte",
            "retirez ce caractère invisible (le fichier a peut-être été collé depuis "
            "un document binaire)",
        )
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or str(exc)
        problem = next((fr for en, fr in _FRENCH.items() if problem.startswith(en)), problem)
        fail(
            exc.problem_mark or exc.context_mark,
            "yaml-syntaxe",
            f"YAML invalide : {problem}",
            "vérifiez l'indentation, les deux-points et les guillemets",
        )
    except yaml.YAMLError as exc:
        fail(None, "yaml-syntaxe", f"YAML invalide : {exc}")
    return None


# PyYAML's commonest problems, said in French.
_FRENCH = {
    "mapping values are not allowed here": (
        "deux-points inattendu (mettez la valeur entre guillemets)"
    ),
    "could not find expected ':'": "deux-points manquant après une clé",
    "found character '\\t' that cannot start any token": (
        "tabulation interdite, utilisez des espaces"
    ),
    "found unexpected end of stream": "guillemet ou crochet non refermé",
    "expected <block end>, but found '<block sequence start>'": (
        "indentation incohérente d'une liste"
    ),
}

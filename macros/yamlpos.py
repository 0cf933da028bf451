"""YAML loading that remembers where each value was written.

Schema and registry errors must point at a line; PyYAML's node tree has the
marks, so we build plain data from it and keep a path -> (line, column) map.
Dates are turned into ISO strings so that JSON Schema sees what was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Report

PathKey = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Located:
    """Plain data plus the position of every value, 1-based and file-relative."""

    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # Scalars as written, before YAML typed them: `numero: 1.10` must stay "1.10".
    raw: dict[PathKey, str] = field(default_factory=dict)

    def where(self, path: Iterable[str | int], *, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        parts = tuple(path)
        table = self.key_positions if key else self.positions
        while parts:
            if parts in table:
                return table[parts]
            if parts in self.positions:
                return self.positions[parts]
            parts = parts[:-1]
        return self.positions.get((), (1, 1))


def load_yaml(
    text: str, display_path: str, report: Report, *, line_offset: int = 0
) -> Located | None:
    """Parse one YAML document; report syntax errors and duplicate keys."""
    fast = _compose_fast(text)
    loader: Any = fast[0] if fast else yaml.SafeLoader(text)
    try:
        node = fast[1] if fast else loader.get_single_node()
        if node is None:
            return Located(None, {(): (line_offset + 1, 1)})
        located = Located(None)
        located.data = _convert(node, (), loader, located, display_path, report, line_offset)
        return located
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        problem = _french_problem(exc.problem or str(exc))
        report.error(
            display_path,
            line,
            column,
            "yaml-syntaxe",
            f"YAML invalide : {problem}",
            "vérifiez l'indentation, les deux-points et les guillemets",
        )
        return None
    except yaml.YAMLError as exc:
        report.error(display_path, line_offset + 1, 1, "yaml-syntaxe", f"YAML invalide : {exc}")
        return None
    finally:
        loader.dispose()


def _compose_fast(text: str) -> tuple[Any, yaml.Node | None] | None:
    """libyaml composes a document about 15 times faster than PyYAML, with the
    same marks; but it words errors differently, so a document it rejects is
    read again by PyYAML, whose messages are the ones translated below."""
    fast_class = getattr(yaml, "CSafeLoader", None)
    if fast_class is None:
        return None
    loader = fast_class(text)
    try:
        return loader, loader.get_single_node()
    except yaml.YAMLError:
        loader.dispose()
        return None


def _french_problem(problem: str) -> str:
    known = {
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
    for english, french in known.items():
        if problem.startswith(english):
            return french
    return problem


def _convert(
    node: yaml.Node,
    path: PathKey,
    loader: Any,
    located: Located,
    display_path: str,
    report: Report,
    offset: int,
) -> Any:
    located.positions[path] = (node.start_mark.line + 1 + offset, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key)
            kpos = (key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1)
            if key in result:
                report.error(
                    display_path,
                    kpos[0],
                    kpos[1],
                    "yaml-cle-double",
                    f"la clé « {key} » est écrite deux fois",
                    "gardez une seule des deux lignes",
                )
            located.key_positions[(*path, key)] = kpos
            result[key] = _convert(
                value_node, (*path, key), loader, located, display_path, report, offset
            )
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, i), loader, located, display_path, report, offset)
            for i, item in enumerate(node.value)
        ]
    located.raw[path] = str(node.value)
    if node.tag == _STR_TAG:
        return node.value  # what the constructor would return, without its dispatch
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError):
        # An unquoted impossible date (2026-13-26) fails to construct: keep the
        # text, so that the schema says what is wrong and where.
        return str(node.value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value

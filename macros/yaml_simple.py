"""Reading the plainest YAML front matter without composing a YAML tree.

A fiche header is a few `clé: valeur` lines, lists of `  - valeur` and a
folded `resume: >-`. Composing it through libyaml, with a position object per
node, was the larger part of reading a header. `read_simple` reads exactly
that shape and gives what yamlpos.load_yaml would (data, positions, values as
written, duplicate keys reported), typing scalars with PyYAML's own resolver
and constructors. Any line it is not sure about answers None, and the caller
reads the text through PyYAML, which finds and words the errors. It never
meets an alias or more than three levels, so the caps of yamlpos hold.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

PathKey = tuple[str | int, ...]
_STR_TAG = "tag:yaml.org,2002:str"
# The loader yamlpos reads with: its resolver types plain scalars (read at
# each use, as a plugin may register more).
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Characters that make YAML read more than plain text, or that libyaml reads
# differently from Python: controls, other line breaks, a byte-order mark.
_SPECIAL = re.compile(r"[&*\[\]{}\\]")
_UNPRINTABLE = re.compile(
    r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_INDICATORS = frozenset("-?:,#!|>'\"%@`")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: (\S(?:.*\S)?))?")
_ITEM = re.compile(r"  - (\S(?:.*\S)?)")
_FOLDED_LINE = re.compile(r"  (\S(?:.*\S)?)")
_QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'")


@dataclass
class Simple:
    """What yamlpos.Located holds, plus the duplicate keys to report (line, key)."""

    data: dict[str, Any] = field(default_factory=dict)
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    raw: dict[PathKey, str] = field(default_factory=dict)
    doubles: list[tuple[int, str]] = field(default_factory=list)


def read_simple(text: str, line_offset: int) -> Simple | None:
    """`text` as yamlpos.load_yaml would read it, or None when it is not of the
    simple shape; lines are file lines, `line_offset` lines after the text's."""
    # Typed scalars are built by SafeConstructor: only while the loader builds them alike.
    if _LOADER.yaml_constructors is not yaml.constructor.SafeConstructor.yaml_constructors:
        return None
    lines = text.split("\n")
    if _SPECIAL.search(text) or not _printable(lines):
        return None
    located = Simple()
    data = located.data
    doubles = located.doubles
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line or line[0] == "#":
            index += 1
            continue
        # Each line is a key; the indented lines a key takes come right after it.
        key_match = _KEY.fullmatch(line)
        if key_match is None or _tag(key_match.group(1)) != _STR_TAG:
            return None
        key = key_match.group(1)
        line_number = index + 1 + line_offset
        if not located.positions:
            located.positions[()] = (line_number, 1)
        if key in data:
            doubles.append((line_number, key))
        located.key_positions[(key,)] = (line_number, 1)
        written = key_match.group(2)
        index += 1
        if written is None:  # a list follows, one item a line
            items = []
            while index < len(lines) and (item := _ITEM.fullmatch(lines[index])) is not None:
                items.append((index + 1 + line_offset, item.group(1)))
                index += 1
            if not items:
                return None
            located.positions[(key,)] = (items[0][0], 3)
            values = []
            for number, (item_line, item_text) in enumerate(items):
                scalar = _scalar(item_text, (key, number), item_line, 5, located)
                if scalar is None:
                    return None
                values.append(scalar[0])
            data[key] = values
        elif written == ">-":  # folded text, every line indented by two spaces
            folded = []
            while index < len(lines) and (part := _FOLDED_LINE.fullmatch(lines[index])):
                folded.append(part.group(1))
                index += 1
            if not folded:
                return None
            located.positions[(key,)] = (line_number, len(key) + 3)
            value = " ".join(folded)
            located.raw[(key,)] = value
            data[key] = value
        else:
            scalar = _scalar(written, (key,), line_number, len(key) + 3, located)
            if scalar is None:
                return None
            data[key] = scalar[0]
        if index < len(lines) and lines[index][:1] == " ":
            return None  # an indented line the shapes above did not take
    return located if data else None


def _tag(plain: str) -> str:
    """The type PyYAML's resolver gives a plain scalar."""
    resolvers = _LOADER.yaml_implicit_resolvers
    for tag, pattern in resolvers.get(plain[0] if plain else "", ()):
        if pattern.match(plain):
            return tag
    for tag, pattern in resolvers.get(None, ()):
        if pattern.match(plain):
            return tag
    return _STR_TAG


def _printable(lines: list[str]) -> bool:
    """No character outside YAML's printable set nor another line break.
    Python's printable characters all are: most lines answer without the regex."""
    return all(line.isprintable() or not _UNPRINTABLE.search(line) for line in lines)


def _scalar(
    written: str, path: PathKey, line: int, column: int, located: Simple
) -> tuple[Any] | None:
    """The value of a one-line scalar, as yamlpos._convert would make it."""
    quoted = _QUOTED.fullmatch(written) if written[0] in "\"'" else None
    if quoted is not None:
        value: Any = quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
        raw = value
    elif (
        # Plain: no indicator first, no `: ` or ` #` inside, no `:` last.
        written[0] not in _INDICATORS
        and ": " not in written
        and " #" not in written
        and written[-1] != ":"
    ):
        raw = written
        tag = _tag(written)
        if tag == _STR_TAG:
            value = written
        else:
            typed = _construct(tag, written)
            if typed is None:
                return None
            value = typed[0]
    else:
        return None
    located.positions[path] = (line, column)
    located.raw[path] = raw
    return (value,)


def _construct(tag: str, written: str) -> tuple[Any] | None:
    """A typed scalar (number, date, boolean, null), built by PyYAML's safe
    constructor; None when it refuses it, which PyYAML then reports."""
    node = yaml.ScalarNode(tag, written)
    try:
        value = yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except (ValueError, OverflowError):
        return (written,)  # as yamlpos._convert: the schema says what is wrong
    except yaml.YAMLError:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return (value.isoformat(),)
    return (value,)

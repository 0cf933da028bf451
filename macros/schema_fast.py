"""A quick yes to «is this header valid?», compiled once per schema.

jsonschema reports every error with its path, which the French messages
need, but it walks the schema through generic machinery for each fiche; on a
large collection that was a quarter of the engine's time, for headers that are
nearly always valid. This compiles the schema's keywords into plain checks.
It only ever answers «valid» when jsonschema would too: any doubt (a keyword
it does not know, a value it does not expect) answers «not sure», and the
caller runs jsonschema, which finds and words the errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment", "examples"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    # Stricter than JSON Schema (which accepts 1.0): an odd value goes to jsonschema.
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": _is_number,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _date(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def compile_schema(schema: Any) -> Check | None:
    """A check that is True only for values valid against `schema`; None if unsupported."""
    if schema is True:
        return lambda _: True
    if not isinstance(schema, dict):
        return None
    checks: list[Check] = []
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword in ("properties", "additionalProperties"):
            continue
        check = _keyword(keyword, value)
        if check is None:
            return None
        checks.append(check)
    if "properties" in schema or "additionalProperties" in schema:
        objects = _object(schema.get("properties", {}), schema.get("additionalProperties", True))
        if objects is None:
            return None
        checks.append(objects)
    return _every(checks)


def _every(checks: list[Check]) -> Check:
    """A check passed when all of `checks` pass; a plain loop, as each header
    runs it for every key (a generator per call cost more than the checks)."""
    if len(checks) == 1:
        return checks[0]

    def check(value: Any) -> bool:
        for one in checks:  # noqa: SIM110 (all() of a generator: slower, see above)
            if not one(value):
                return False
        return True

    return check


def _any(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def check(value: Any) -> bool:
        for one in checks:  # noqa: SIM110 (as in _every)
            if one(value):
                return True
        return False

    return check


def _keyword(keyword: str, value: Any) -> Check | None:
    if keyword == "type":
        names = value if isinstance(value, list) else [value]
        if not all(name in _TYPES for name in names):
            return None
        return _any([_TYPES[name] for name in names])
    if keyword == "enum" and isinstance(value, list):
        allowed = list(value)
        return lambda v: any(type(v) is type(a) and v == a for a in allowed)
    if keyword == "pattern" and isinstance(value, str):
        pattern = re.compile(value)
        return lambda v: not isinstance(v, str) or pattern.search(v) is not None
    if keyword == "format":
        return _date if value == "date" else None
    if keyword == "minLength" and isinstance(value, int):
        return lambda v: not isinstance(v, str) or len(v) >= value
    if keyword == "minimum" and _is_number(value):
        return lambda v: not _is_number(v) or v >= value
    if keyword == "maximum" and _is_number(value):
        return lambda v: not _is_number(v) or v <= value
    if keyword == "required" and isinstance(value, list):
        keys = list(value)
        return lambda v: not isinstance(v, dict) or all(k in v for k in keys)
    if keyword == "uniqueItems":
        if value is not True:
            return lambda _: True
        # Strings only: JSON Schema's equality across other types is subtler.
        return lambda v: (
            not isinstance(v, list)
            or (all(isinstance(i, str) for i in v) and len(set(v)) == len(v))
        )
    if keyword == "items":
        item = compile_schema(value)
        if item is None:
            return None
        each = item

        def items(v: Any) -> bool:
            if isinstance(v, list):
                for i in v:
                    if not each(i):
                        return False
            return True

        return items
    return None


def _object(properties: Any, additional: Any) -> Check | None:
    if not isinstance(properties, dict):
        return None
    compiled: dict[str, Check] = {}
    for name, sub in properties.items():
        compiled_sub = compile_schema(sub)
        if compiled_sub is None:
            return None
        compiled[name] = compiled_sub
    extra: Check | None
    if additional is True:
        extra = None
    elif additional is False:
        extra = lambda _: False  # noqa: E731
    else:
        extra = compile_schema(additional)
        if extra is None:
            return None

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for key, item in value.items():
            known = compiled.get(key)
            if known is not None:
                if not known(item):
                    return False
            elif extra is not None and not extra(item):
                return False
        return True

    return check

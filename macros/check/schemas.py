"""JSON Schema validation with French messages placed at the offending line.

The schemas in `macros/schemas/` serve three readers: this module, editors
(yaml-language-server modelines) and the contributor guide.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import jsonschema

from macros.core.diagnostics import Report
from macros.core.names import suggestion
from macros.read.yaml_reader import Located

_TYPES = {
    "string": "du texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "array": "une liste",
    "object": "un ensemble de clés",
    "boolean": "vrai ou faux",
    "null": "vide",
}


def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("macros").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# Each schema is compiled once.
@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        load_schema(name), format_checker=jsonschema.FormatChecker()
    )


def validate(
    located: Located, schema_name: str, display_path: str, report: Report, *, what: str
) -> set[tuple[str | int, ...]]:
    """Report every violation of schema `schema_name`; return the paths of the values in error."""
    errors = sorted(
        _validator(schema_name).iter_errors(located.data),
        key=lambda e: list(map(str, e.path)),
    )
    # A malformed date fails both `pattern` and `format`: say it once.
    patterned = {tuple(e.path) for e in errors if e.validator == "pattern"}
    errors = [e for e in errors if not (e.validator == "format" and tuple(e.path) in patterned)]
    for error in errors:
        _report(error, located, display_path, report, what)
    return {tuple(e.path) for e in errors}


def _report(
    error: jsonschema.ValidationError,
    located: Located,
    display_path: str,
    report: Report,
    what: str,
) -> None:
    path = list(error.path)
    line, column = located.where(path)
    name = next((p for p in reversed(path) if isinstance(p, str)), "(racine)")
    kind = str(error.validator)
    schema: dict[str, Any] = dict(error.schema) if isinstance(error.schema, dict) else {}
    expected: Any = error.validator_value
    hint = ""
    if kind == "additionalProperties":
        properties = schema.get("properties", {})
        instance: Any = error.instance
        for key in (k for k in instance if k not in properties):
            kline, kcol = located.where([*path, key], key=True)
            report.error(
                display_path,
                kline,
                kcol,
                "schema-cle-inconnue",
                f"clé inconnue « {key} » dans {what}",
                suggestion(key, properties, what="clés connues"),
            )
        return
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        described = schema.get("properties", {}).get(missing, {})
        description = described.get("description", "") if isinstance(described, dict) else ""
        message = f"clé obligatoire « {missing} » manquante dans {what}"
        report.error(
            display_path,
            line,
            column,
            "schema-cle-manquante",
            message,
            f"ajoutez « {missing}: … »" + (f" ({description})" if description else ""),
        )
        return
    if kind == "type":
        expected_list = expected if isinstance(expected, list) else [expected]
        message = (
            f"« {name} » doit être {' ou '.join(_TYPES.get(str(t), str(t)) for t in expected_list)}"
        )
        if "array" in expected_list:
            hint = f"écrivez par exemple « {name}: [valeur-1, valeur-2] »"
    elif kind == "enum":
        message = f"valeur « {error.instance} » non autorisée pour « {name} »"
        hint = suggestion(str(error.instance), [str(v) for v in expected], what="valeurs permises")
    elif kind == "pattern":
        message = f"« {error.instance} » n'a pas la forme attendue pour « {name} »"
        hint = schema.get("description", "")
    elif kind == "format":
        message = f"« {error.instance} » n'est pas une date valide pour « {name} »"
        hint = "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-11-26"
    elif kind == "uniqueItems":
        message = f"« {name} » contient deux fois la même valeur"
        hint = "retirez le doublon"
    elif kind in ("minLength", "minItems"):
        message = f"« {name} » est trop court ou vide"
        hint = schema.get("description", "")
    elif kind in ("minimum", "maximum"):
        message = f"« {name} » vaut {error.instance}, hors des limites permises"
        hint = schema.get("description", "")
    else:
        message = f"« {name} » : {error.message}"
    report.error(display_path, line, column, f"schema-{kind}", message, hint)

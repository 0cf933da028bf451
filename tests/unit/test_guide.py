"""The contributor guide: every diagnostic code is documented, every page is in the nav.

A new `report.error(..., "some-code", ...)` anywhere under `macros/` fails
this test until `docs/contribuer/messages.md` explains it, so contributors
never meet a message the guide does not mention.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
MACROS = ROOT / "macros"
SCHEMAS = MACROS / "schemas"
SCHEMA_CHECK = MACROS / "check" / "schemas.py"
GUIDE = ROOT / "docs" / "contribuer"
MESSAGES = GUIDE / "messages.md"
GUIDE_PAGES = (
    "index.md",
    "proposer-une-fiche.md",
    "formulaire.md",
    "format.md",
    "macros.md",
    "messages.md",
)

# Report method -> position of the code among the call's positional arguments:
# Report.error/warning/info(path, line, column, code, ...), Report.add(path,
# line, column, severity, code, ...), Diagnostic(path, line, column, severity, code, ...).
CODE_POSITION = {"error": 3, "warning": 3, "info": 3, "add": 4}
CONSTRUCTOR_POSITION = {"Diagnostic": 4}
CODE_RE = re.compile(r"^[a-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")

# Schema validators whose failures schema_check reports under their own code
# (schema-cle-inconnue, schema-cle-manquante) rather than `schema-<validator>`.
SPECIAL_VALIDATORS = frozenset({"additionalProperties", "required"})
# Applicators only descend into sub-schemas: the failures they surface carry the
# name of the inner validator, never their own.
APPLICATORS = frozenset(
    {
        "properties",
        "items",
        "prefixItems",
        "patternProperties",
        "dependentSchemas",
        "allOf",
        "if",
        "then",
        "else",
        "$ref",
        "$dynamicRef",
    }
)


# --- collecting the codes the engine can emit ------------------------------------


def _python_files() -> list[Path]:
    return sorted(p for p in MACROS.rglob("*.py") if "__pycache__" not in p.parts)


def _code_argument(call: ast.Call, position: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "code":
            return keyword.value
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return None


def _callee(call: ast.Call) -> tuple[str, bool] | None:
    """The called name, and whether it is called as an attribute (`x.name(...)`)."""
    if isinstance(call.func, ast.Attribute):
        return call.func.attr, True
    if isinstance(call.func, ast.Name):
        return call.func.id, False
    return None


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing_function(
    node: ast.AST, parents: dict[ast.AST, ast.AST]
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return node
    return None


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    return [a.arg for a in [*function.args.posonlyargs, *function.args.args]]


def collect_codes(files: list[Path]) -> set[str]:
    """Codes passed as string constants to report methods, directly or through helpers.

    A helper such as `def _duplicate(report, ..., code)` that forwards one of
    its parameters as the code is followed: the constants its callers pass at
    that parameter's position are codes too.
    """
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files}
    # Callable name -> positions of the code (positional index when called as a
    # function, positional index when called as a method, keyword name).
    targets: dict[str, tuple[int, int, str]] = {
        name: (pos, pos, "code") for name, pos in CODE_POSITION.items()
    }
    targets.update({name: (pos, pos, "code") for name, pos in CONSTRUCTOR_POSITION.items()})
    codes: set[str] = set()
    changed = True
    while changed:
        changed = False
        for tree in trees.values():
            parents = _parents(tree)
            for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
                callee = _callee(call)
                if callee is None or callee[0] not in targets:
                    continue
                name, as_method = callee
                as_function_pos, as_method_pos, keyword = targets[name]
                position = as_method_pos if as_method else as_function_pos
                argument = next((k.value for k in call.keywords if k.arg == keyword), None)
                if argument is None:
                    argument = _code_argument(call, position)
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    if CODE_RE.match(argument.value) and argument.value not in codes:
                        codes.add(argument.value)
                        changed = True
                elif isinstance(argument, ast.Name):
                    function = _enclosing_function(call, parents)
                    if function is None or function.name in targets:
                        continue
                    params = _parameters(function)
                    if argument.id not in params:
                        continue
                    index = params.index(argument.id)
                    method = params[0] in ("self", "cls")
                    target = (index, index - 1 if method else index, argument.id)
                    if targets.get(function.name) != target:
                        targets[function.name] = target
                        changed = True
    return codes


def _validators_in(schema: object) -> Iterator[str]:
    """Validator keywords used anywhere in a JSON schema, sub-schemas included."""
    if not isinstance(schema, dict):
        return
    known = jsonschema.Draft202012Validator.VALIDATORS
    for key, value in schema.items():
        if key in known:
            yield key
        if key in ("properties", "patternProperties", "$defs", "dependentSchemas"):
            for sub in value.values():
                yield from _validators_in(sub)
        elif key in (
            "items",
            "additionalProperties",
            "not",
            "if",
            "then",
            "else",
            "contains",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties",
        ):
            yield from _validators_in(value)
        elif key in ("prefixItems", "allOf", "anyOf", "oneOf"):
            for sub in value:
                yield from _validators_in(sub)


def schema_codes() -> set[str]:
    """`schema-<validator>` codes: the validators schema_check words, and those the schemas use."""
    tree = ast.parse(SCHEMA_CHECK.read_text(encoding="utf-8"))
    worded: set[str] = set()
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Name)
            and node.left.id == "kind"
        ):
            continue
        for comparator in node.comparators:
            constants = (
                comparator.elts
                if isinstance(comparator, ast.Tuple | ast.List | ast.Set)
                else [comparator]
            )
            worded.update(
                c.value
                for c in constants
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            )
    used = {
        v
        for path in SCHEMAS.glob("*.schema.json")
        for v in _validators_in(json.loads(path.read_text(encoding="utf-8")))
    }
    return {f"schema-{v}" for v in (worded | used) - SPECIAL_VALIDATORS - APPLICATORS}


def emitted_codes() -> set[str]:
    return collect_codes(_python_files()) | schema_codes()


# --- reading the guide ---------------------------------------------------------------


def _strip_fences(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


def documented_codes() -> set[str]:
    """Codes named in messages.md as a heading or in a code span."""
    text = _strip_fences(MESSAGES.read_text(encoding="utf-8"))
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}[ \t]+(.+?)[ \t]*$", text, flags=re.M):
        title = re.sub(r"\{[^{}]*\}\s*$", "", heading).strip().strip("`").strip()
        found.add(title)
    found.update(re.findall(r"`([^`\n]+)`", text))
    return {c for c in found if CODE_RE.match(c)}


def entry_codes() -> set[str]:
    """Codes that have their own entry: a heading `### code { #code }`."""
    text = _strip_fences(MESSAGES.read_text(encoding="utf-8"))
    entries = re.findall(
        r"^#{2,6}[ \t]+`?([^`{}\n]+?)`?[ \t]*\{[ \t]*#([\w-]+)[ \t]*\}[ \t]*$", text, flags=re.M
    )
    return {title for title, anchor in entries if title == anchor}


# --- tests ---------------------------------------------------------------------------


def test_the_collector_sees_known_codes() -> None:
    """Guard the collector itself: codes from each kind of call site are found."""
    codes = emitted_codes()
    assert {
        "structure-inconnue",  # report.error in references.py
        "registre-doublon",  # forwarded through registries._duplicate
        "fiche-a-paraitre",  # report.info
        "schema-cle-inconnue",  # special-cased schema failure
        "schema-type",
        "schema-enum",
        "schema-pattern",
        "schema-format",
        "schema-uniqueItems",
        "schema-minLength",
        "schema-minimum",
    } <= codes


def test_every_code_is_documented() -> None:
    missing = sorted(emitted_codes() - documented_codes())
    assert not missing, (
        "diagnostic codes missing from docs/contribuer/messages.md (add a heading "
        f"«### code {{ #code }}» with level, example, meaning and fix): {missing}"
    )


def test_every_documented_entry_exists() -> None:
    """An entry for a code the engine no longer emits would mislead contributors."""
    stale = sorted(entry_codes() - emitted_codes())
    assert not stale, f"messages.md documents codes nothing emits any more: {stale}"


def _tolerant_loader() -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        """mkdocs.yml holds `!ENV` tags; only the nav matters here."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return Loader


def _nav_pages(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)


def _contribuer_block() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_tolerant_loader())
    for item in config["nav"]:
        if isinstance(item, dict) and "Contribuer" in item:
            return list(_nav_pages(item["Contribuer"]))
    pytest.fail("mkdocs.yml nav has no «Contribuer» section")


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_page_exists_and_is_in_nav(page: str) -> None:
    assert (GUIDE / page).is_file(), f"docs/contribuer/{page} is missing"
    assert f"contribuer/{page}" in _contribuer_block()


def test_guide_index_comes_first() -> None:
    assert _contribuer_block()[0] == "contribuer/index.md"


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_page_shows_macros_verbatim(page: str) -> None:
    """The guide quotes macros as examples: the build must leave them as written."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    meta = yaml.safe_load(match.group(1)) if match else None
    assert isinstance(meta, dict) and meta.get("render_macros") is False, (
        f"docs/contribuer/{page} must start with front matter holding «render_macros: false»"
    )

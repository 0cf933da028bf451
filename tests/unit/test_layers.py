"""The engine's layers (ARCHITECTURE.md): no module imports a layer above its own, no circles.

The imports are read from the source with `ast`, the way Python will resolve
them, so that a lazy import inside a function counts as much as one at the
top of the file.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support import ROOT

MACROS = ROOT / "macros"

# From the bottom up; a module may import its own layer and those below it.
# `site` (MkDocs glue) and `cli` are both at the top; the command line may use
# the glue's reading of mkdocs.yml, the glue never uses the command line.
LAYERS = ("core", "read", "check", "index", "data", "importer", "render", "site", "cli")
# The package itself is mkdocs-macros' module: `define_env` wires the top.
TOP = "site"


def _module(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, root: Path = ROOT) -> set[str]:
    """The `macros…` modules that `path` imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path, root).split(".")
    if path.name != "__init__.py":
        package.pop()
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "macros")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.split(".")[0] != "macros":
                continue
            found.add(module)
            # `from macros.check import html_safety` imports a module too.
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in MACROS.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path) if m in modules and m != name}
    return graph


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return LAYERS.index(TOP)
    return LAYERS.index(parts[1])


def test_every_module_sits_in_a_layer() -> None:
    stray = [m for m in _graph() if m != "macros" and m.split(".")[1] not in LAYERS]
    assert not stray, f"modules outside the layers of ARCHITECTURE.md: {stray}"


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = [
        f"{module} ({LAYERS[_layer(module)]}) imports {target} ({LAYERS[_layer(target)]})"
        for module, targets in _graph().items()
        for target in sorted(targets)
        # A package's __init__ is imported by every module below it: only
        # real modules count as targets.
        if target.count(".") > 1 and _layer(target) > _layer(module)
    ]
    assert not upward, "\n".join(upward)


def test_no_import_circles() -> None:
    graph = {
        m: {t for t in targets if t.count(".") > 1 or t == "macros"}
        for m, targets in _graph().items()
    }
    # Tarjan's strongly connected components: a component of two or more
    # modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert not circles, f"import circles: {circles}"


def test_the_walk_sees_an_upward_import(tmp_path: Path) -> None:
    """The walker itself: a relative import two levels up is resolved to its module."""
    module = tmp_path / "macros" / "core" / "names.py"
    module.parent.mkdir(parents=True)
    module.write_text("from ..render import links\nfrom .model import Fiche\n", "utf-8")
    assert _imports(module, tmp_path) >= {"macros.render.links", "macros.core.model"}

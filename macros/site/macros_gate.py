"""The gate in front of mkdocs-macros: what it may render, and with what.

mkdocs-macros renders every page, generated or hand-written, with a plain
Jinja environment that offers the build's configuration, the process
environment and Python's internals to any expression. So before it renders
a page, `gate` (the module's `on_pre_page_macros`) reads the page's Markdown
and title with the one macro grammar (macro_grammar.py) and refuses, with
the same French message and file:line as `fiches check`, anything but the
three macros with literal arguments and, on documentation pages, the
`page_variables`. A fiche page whose Markdown is still the text the engine
built takes the tree the engine built from its checked reading of the body
(macro_grammar.Macros.edited) instead of a second reading. Front matter
cannot opt a page back in: `render_macros` only ever turns rendering off,
which mkdocs-macros honours first.

`prepare` (from define_env) refuses the plugin options that would change
the grammar or widen what a page reaches, and `_harden` strips mkdocs-macros'
Jinja environment down to the three macros (docs/securite.md, «Le rendu des
macros»).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from macros.check.macro_grammar import (
    front_matter_problem,
    macros_rendered,
    may_hold_macros,
    read_macros,
)
from macros.check.macro_policy import MACROS
from macros.core.diagnostics import Report, Severity

if TYPE_CHECKING:
    from macros.core.model import Fiche
    from macros.index.collection import Collection

PLUGIN_NAME = "mes-fiches"
log = get_plugin_logger(PLUGIN_NAME)

# mkdocs-macros options and the values the gate relies on: the grammar is
# Jinja's default one, every page renders unless it opts out, nothing is
# read from files, and errors stop the build.
_REQUIRED: dict[str, object] = {
    "module_name": "macros",
    "modules": [],
    "include_dir": "",
    "include_yaml": [],
    "render_by_default": True,
    "on_undefined": "strict",
    "on_error_fail": True,
    "j2_block_start_string": "",
    "j2_block_end_string": "",
    "j2_variable_start_string": "",
    "j2_variable_end_string": "",
    "j2_comment_start_string": "",
    "j2_comment_end_string": "",
    "j2_extensions": [],
}


def _plugin(env: Any) -> Any:
    plugin = env.conf["plugins"].get(PLUGIN_NAME)
    if plugin is None:
        raise PluginError(
            f"le plugin « {PLUGIN_NAME} » doit figurer dans mkdocs.yml, avec « macros »"
        )
    return plugin


def collection_of(env: Any) -> Collection:
    collection: Collection | None = _plugin(env).collection
    if collection is None:
        raise PluginError(f"le plugin « {PLUGIN_NAME} » n'a pas chargé les fiches")
    return collection


def registry_entry(collection: Collection, kind: str, name: str) -> Any:
    """The structure or theme a macro names; the check has already refused
    unknown names, so this only guards pages it could not see."""
    reg = collection.registries
    found: Any
    if kind == "structure":
        found, unknown, hint = reg.find_structure(name), "structure inconnue", reg.structure_hint
    else:
        found, unknown, hint = reg.find_theme(name), "thème inconnu", reg.theme_hint
    if found is None:
        raise PluginError(f"{unknown} « {name} » ; {hint(name)}")
    return found


def prepare(env: Any) -> None:
    """Check mkdocs-macros' options; give pages the `page_variables`, escaped."""
    for key, expected in _REQUIRED.items():
        value = env.config.get(key)
        if value != expected and not (expected == "" and not value):
            raise PluginError(
                f"mkdocs.yml : l'option « {key} » du plugin macros doit valoir "
                f"« {expected} » (docs/securite.md, « Le rendu des macros ») ; "
                f"elle vaut « {value} »"
            )
    names = _plugin(env).config.page_variables
    for name, value in page_variables(env.conf, names).items():
        env.variables[name] = html.escape(str(value))


def gate(env: Any) -> None:
    """Refuse the current page before mkdocs-macros renders it."""
    _harden(env.env)
    page: Page = env.page
    if not macros_rendered(page.meta):
        return  # mkdocs-macros shows this page as written, title included
    plugin = _plugin(env)
    where, first_line = source_position(page, plugin.fiche_of(page))
    written = page.file.generated_by is None
    allowed = frozenset(plugin.config.page_variables) if written else frozenset()
    allowed -= set(page.meta)  # front matter values would shadow the maintainers'
    report = Report()
    problem = front_matter_problem(page.meta)
    if problem is not None:
        report.error(where, 1, 1, "entete-macros", problem, "« render_macros: false » suffit")
    markdown = env.markdown
    # A fiche page's tree comes from the engine's reading of its body
    # (render/fiche_page.py); any other text is read here.
    checked = plugin.checked.get(page.file.src_uri)
    if checked is None or checked != markdown:
        found = read_macros(markdown, where, first_line, report, allowed=allowed)
        checked = None if found.tree is None else CheckedMarkdown(markdown, found.tree)
    title = page.title or ""
    if may_hold_macros(title):
        report.error(
            where,
            1,
            1,
            "jinja-titre",
            f"titre de page « {title} » refusé : « {{{{ », « {{% » et « {{# » y sont interdits",
            "écrivez le titre en texte simple",
        )
    errors = [d for d in report.items if d.severity == Severity.ERROR]
    if errors:
        for diag in errors:
            log.error(f"{diag.path}:{diag.line}:{diag.column}: {diag.text()}")
        raise PluginError(
            f"{where} : page refusée avant le rendu des macros (détail ci-dessus) ; "
            "« fiches check » donne la même liste"
        )
    if checked is not None:
        # mkdocs-macros renders exactly the tree checked here (_GatedEnvironment).
        env.markdown = checked


class CheckedMarkdown(str):
    """A page's Markdown, with the Jinja tree the gate read and accepted."""

    tree: nodes.Template

    def __new__(cls, text: str, tree: nodes.Template) -> CheckedMarkdown:
        checked = super().__new__(cls, text)
        checked.tree = tree
        return checked


class _GatedEnvironment(SandboxedEnvironment):
    """mkdocs-macros' environment once hardened: a sandbox that compiles the
    tree the gate checked instead of parsing the text again, so that what
    runs is what was checked, and each page is parsed once."""

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        if isinstance(source, CheckedMarkdown):
            return source.tree
        return super()._parse(source, name, filename)


def _harden(jinja: Any) -> None:
    """Defence in depth, should the gate ever miss a case: the environment
    mkdocs-macros renders with becomes a Jinja sandbox (no `__globals__`,
    `__class__` or other unsafe attribute, no mutating method) offering only
    the three macros, no filter, no test, no file to include.

    mkdocs-macros has no option for its environment's class; it builds a
    plain `Environment` in its on_config. SandboxedEnvironment is that class
    plus the safety checks its compiled code calls and the operator tables
    its __init__ copies, set here: templates compiled after the switch are
    sandboxed (tests/unit/test_macros_gate.py holds the proof). The
    environment's lexer settings are untouched: the grammar stays Jinja's
    default one, which prepare() requires."""
    if isinstance(jinja, _GatedEnvironment):
        return
    jinja.__class__ = _GatedEnvironment
    jinja.binop_table = SandboxedEnvironment.default_binop_table.copy()
    jinja.unop_table = SandboxedEnvironment.default_unop_table.copy()
    jinja.loader = None
    # Its constant folding finds nothing to fold in a page of literal calls,
    # and costs a fifth of each page's compilation.
    jinja.optimized = False
    for name in [n for n in jinja.globals if n not in MACROS]:
        del jinja.globals[name]
    jinja.filters.clear()
    jinja.tests.clear()


def source_position(page: Page, fiche: Fiche | None) -> tuple[str, int]:
    """The real source file of a page, and its line where the rendered Markdown begins."""
    where = page.file.edit_uri or page.file.src_uri
    if fiche is not None:
        # MkDocs drops the blank lines between front matter and body.
        return where, fiche.body_first_line + len(fiche.body) - len(fiche.body.lstrip("\n"))
    if page.file.generated_by is not None or not page.markdown:
        return where, 1
    source = page.file.content_string
    start = source.find(page.markdown)
    return where, source.count("\n", 0, start) + 1 if start > 0 else 1


def page_variables(config: MkDocsConfig, names: list[str]) -> dict[str, Any]:
    """The `extra:` values that documentation pages may show, all plain scalars."""
    extra: Mapping[str, Any] = config.extra or {}
    values: dict[str, Any] = {}
    for name in names:
        value = extra.get(name)
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise PluginError(
                f"mkdocs.yml : page_variables cite « {name} », qui doit être une valeur "
                "simple (texte ou nombre) de la section extra:"
            )
        values[name] = value
    return values

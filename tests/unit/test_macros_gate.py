"""The macro grammar and the gate in front of mkdocs-macros, on each Jinja payload.

Every payload of the hostile corpus, and those aimed at mkdocs-macros' own
variables and macros, is refused by the one grammar (macro_grammar.py) at
its line; the environment mkdocs-macros renders with, once hardened, offers
nothing but the three macros.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import jinja2
import pytest
from jinja2.sandbox import SandboxedEnvironment
from mkdocs.exceptions import PluginError

from macros.check.macro_grammar import apply_edits, read_macros
from macros.core.diagnostics import Report
from macros.index.collection import Collection
from macros.render.fiche_page import fiche_source
from macros.site import macros_gate
from macros.site.macros_gate import CheckedMarkdown, _harden
from tests.support import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "hostile" / "fiches"
SECRET = "s3cret-du-test-unitaire"

# What mkdocs-macros itself offers a page, beyond plain Jinja.
AGAINST_MKDOCS_MACROS = [
    "{{ macros_info() }}",
    "{{ config }}",
    "{{ config.site_dir }}",
    "{{ environment }}",
    "{{ now() }}",
    '{{ fix_url("x") }}',
    "{{ context() }}",
    "{{ extra }}",
    "{{ page.file.abs_src_path }}",
    "{{ navigation }}",
    "{{ files }}",
    "{{ macros }}",
    "{{ filters_builtin }}",
    '{% include "mkdocs.yml" %}',
    '{% import "mkdocs.yml" as m %}',
    '{% from "mkdocs.yml" import x %}',
    '{{ structure("PES 21").__class__ }}',
    "{{ structure(x) }}",
    '{{ structure("PES 21", nom="a") }}',
    '{{ structure("PES 21", texte="a", autre="b") }}',
    '{{ fiche(numero="1.5") }}',
    '{{ structure("PES 21") | pretty }}',
    '{{ structure("PES 21") }}{{ "{{ config }}" }}',
]


def _jinja_payloads() -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        found += [
            line
            for line in body.split("\n")
            if re.search(r"\{[{%]", line) and "Une pratique ordinaire" not in line
        ]
    return found


PAYLOADS = [
    *_jinja_payloads(),
    "{{ '{0.__class__.__mro__}'.format('') }}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
    *AGAINST_MKDOCS_MACROS,
]


def test_corpus_has_the_known_escapes() -> None:
    joined = "\n".join(PAYLOADS)
    for needle in ("cycler", "joiner", "lipsum", "namespace", "range", "self.", "__mro__"):
        assert needle in joined, needle
    assert len(PAYLOADS) >= 45


# Raw HTML in a macro's text is html_policy's and escape_text's business.
JINJA_ONLY = [p for p in PAYLOADS if "<" not in p]


@pytest.mark.parametrize("payload", JINJA_ONLY)
def test_each_payload_is_refused_at_its_line(payload: str) -> None:
    report = Report()
    found = read_macros(f"Texte.\n\n{payload}\n", "fiches/9.1.md", 10, report)
    errors = [d for d in report.items if d.severity == 2]
    assert errors, payload
    assert {(d.path, d.line) for d in errors} == {("fiches/9.1.md", 12)}, payload
    assert not found.ok
    # A refused text gives no words to show anywhere.
    assert found.pieces == []


def test_page_variables_only_where_allowed() -> None:
    report = Report()
    read_macros("{{ contact }}", "docs/index.md", 1, report, allowed=frozenset({"contact"}))
    assert not report.items
    read_macros("{{ contact }}", "docs/index.md", 1, report)
    assert [d.code for d in report.items] == ["macro-inconnue"]


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET", SECRET)


def _macro(nom: str, texte: str | None = None) -> str:
    return f"[{texte or nom}](/x.md)"


def _mkdocs_macros_env() -> jinja2.Environment:
    """Built as mkdocs-macros builds its own (plugin.py, on_config)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT)), undefined=jinja2.StrictUndefined
    )
    env.globals.update({"structure": _macro, "theme": _macro, "fiche": _macro})
    env.globals.update({"macros_info": lambda: "info", "now": lambda: "now"})
    env.filters["pretty"] = str
    return env


def test_hardened_environment_offers_nothing_but_the_macros() -> None:
    env = _mkdocs_macros_env()
    _harden(env)
    assert isinstance(env, SandboxedEnvironment)
    assert set(env.globals) == {"structure", "theme", "fiche"}
    assert env.filters == {} and env.tests == {}
    assert env.loader is None


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hardened_environment_alone_leaks_nothing(payload: str, secret_env: None) -> None:
    """Skip the gate on purpose: the sandbox holds on its own, even with the
    variables mkdocs-macros passes at render time."""
    env = _mkdocs_macros_env()
    _harden(env)
    variables = {"environment": {"SECRET": "x"}, "page": object(), "extra": {}}
    try:
        output = env.from_string(payload).render(**variables)
    except (jinja2.TemplateError, TypeError, ZeroDivisionError):
        return  # refused: the outcome we want
    for leak in (SECRET, "uid=", "os.environ", "<module", "site_dir", "site_name"):
        assert leak not in output, (payload, output)


# A fiche page's tree is built from the reading of its body (Macros.edited):
# it must be the tree Jinja reads from the page text, or None.
EDITED = [
    ('Texte {{ structure("PES 21") }} et {{ theme("x") }}.\n', [(0, 0, "<span></span>")]),
    ('\n\n- {{ structure("PES 21") }} fait.\n', [(0, 2, ""), (4, 4, "<span></span>")]),
    (
        '## Contexte {{ theme("x") }}\n{# note #}\nfin\n',
        [(28, 28, " { data-x }"), (44, 44, "\n\nS")],
    ),
    ("a {# c #}\n", []),
    ('a {{ fiche("1.5") }}', [(20, 20, "\n\nMots-clés : b\n")]),
]
DECLINED = [
    ("a {% raw %}{{ x }}{% endraw %} b", []),  # a raw block: not a construct read
    ('a {{ structure(\n"PES 21") }} b', []),  # a construct over two lines
    ('a\n  {{- structure("PES 21") }}', []),  # whitespace control
    ('a {{ structure("a{{b") }} b', []),  # a delimiter inside a string
    ('a {{ structure("PES 21") }} b', [(5, 6, "x")]),  # an edit inside a construct
    ('a { {{ structure("PES 21") }}', [(3, 3, "{")]),  # an edit that makes `{{`
    ('a {{ structure("PES 21") }}', [(2, 2, "{")]),
    ('a {{ structure("PES 21") }}\r\nb', []),  # Jinja's newline is not the text's
    ("{{ config }}", []),  # refused
    ("sans macro\n", []),  # nothing read: the gate's own reading is a substring test
]


@pytest.mark.parametrize(("text", "edits"), EDITED)
def test_edited_tree_is_jinjas_reading_of_the_edited_text(
    text: str, edits: list[tuple[int, int, str]]
) -> None:
    found = read_macros(text, "fiches/9.1.md", 1, Report())
    tree = found.edited(text, edits)
    assert tree is not None
    assert tree == jinja2.Environment().parse(apply_edits(text, edits))


@pytest.mark.parametrize(("text", "edits"), DECLINED)
def test_edited_declines_what_only_a_new_reading_tells(
    text: str, edits: list[tuple[int, int, str]]
) -> None:
    found = read_macros(text, "fiches/9.1.md", 1, Report())
    assert found.edited(text, edits) is None


@pytest.mark.parametrize("full_text_search", [True, False])
def test_fiche_page_tree_is_jinjas_reading_of_the_page(
    repo_collection: Collection, full_text_search: bool
) -> None:
    for fiche in repo_collection.fiches:
        source = fiche_source(fiche, repo_collection, full_text_search=full_text_search)
        assert source.tree is not None
        assert source.tree == jinja2.Environment().parse(source.text)


def _gate_env(markdown: str, checked: dict[str, CheckedMarkdown]) -> SimpleNamespace:
    plugin = SimpleNamespace(
        config=SimpleNamespace(page_variables=[]), fiche_of=lambda page: None, checked=checked
    )
    file = SimpleNamespace(src_uri="fiches/1.5.md", edit_uri="fiches/1.5.md", generated_by="x")
    page = SimpleNamespace(meta={}, title="1.5 — Une fiche", markdown=markdown, file=file)
    conf = {"plugins": {"mes-fiches": plugin}}
    return SimpleNamespace(env=jinja2.Environment(), page=page, markdown=markdown, conf=conf)


def test_gate_takes_the_fiche_page_tree_without_reading_it_again(
    repo_collection: Collection, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = fiche_source(repo_collection.fiches[0], repo_collection)
    checked = {"fiches/1.5.md": CheckedMarkdown(source.text, source.tree)}
    monkeypatch.setattr(macros_gate, "read_macros", None)  # any reading would fail
    env = _gate_env(source.text, checked)
    macros_gate.gate(env)
    assert env.markdown.tree is source.tree


def test_gate_reads_a_page_text_changed_since_the_engine_built_it(
    repo_collection: Collection,
) -> None:
    source = fiche_source(repo_collection.fiches[0], repo_collection)
    checked = {"fiches/1.5.md": CheckedMarkdown(source.text, source.tree)}
    # Another plugin's on_page_markdown, before mkdocs-macros, added to the page.
    with pytest.raises(PluginError, match="page refusée avant le rendu des macros"):
        macros_gate.gate(_gate_env(source.text + "\n{{ config }}\n", checked))


def test_remove_calls_takes_a_comment_holding_a_call_whole() -> None:
    text = '{{ structure("PES 21") }} et {# {{ structure("PES 21") }} **brouillon #} fin'
    found = read_macros(text, "fiches/9.1.md", 1, Report())
    assert found.ok
    # Whatever the order of a set: the comment goes before the call it holds.
    assert found.remove_calls(text) == " et  fin"

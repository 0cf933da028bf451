"""The second lock: the sandbox and the final-HTML check, each on its own.

load_collection refuses every hostile payload first (tests/acceptance/
test_hostile.py); these tests show that, were a payload to slip past it, the
renderer and the HTML check would still stop it without leaking anything.
"""

from __future__ import annotations

import re

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from macros.render.links import escape_text
from macros.render.sandbox import RenderRefused, render_page, sandbox
from macros.site.page_render import check_page_html
from tests.support import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "hostile" / "fiches"
SECRET = "s3cret-du-test-unitaire"


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


# Plus escapes that need no global: str.format and the format filter on a literal.
PAYLOADS = [
    *_jinja_payloads(),
    "{{ '{0.__class__.__mro__}'.format('') }}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
]
# Raw HTML in a macro's text is html_policy's and escape_text's business.
JINJA_ONLY = [p for p in PAYLOADS if "<" not in p]


def _macro(nom: str, texte: str | None = None) -> str:
    return f"[{texte or nom}](/x.md)"


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET", SECRET)


def test_corpus_has_the_known_escapes() -> None:
    joined = "\n".join(PAYLOADS)
    for needle in (
        "cycler",
        "joiner",
        "lipsum",
        "namespace",
        "range",
        "self.",
        "__mro__",
        "__subclasses__",
        ".format(",
        "attr(",
        "include",
        "import",
        "config",
    ):
        assert needle in joined, needle  # fmt: skip
    assert len(PAYLOADS) >= 25


@pytest.mark.parametrize("payload", JINJA_ONLY)
def test_render_page_refuses_each_payload_with_its_line(payload: str, secret_env: None) -> None:
    env = sandbox({"structure": _macro, "theme": _macro, "fiche": _macro})
    with pytest.raises(RenderRefused) as caught:
        render_page(env, f"Texte.\n\n{payload}\n", "fiches/9.1.md", first_line=10)
    assert re.match(r"^fiches/9\.1\.md(:12)?[: ]", str(caught.value)), str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_bare_sandbox_runs_no_payload_even_without_the_allow_list(
    payload: str, secret_env: None
) -> None:
    """Skip the allow-list on purpose: the environment alone must hold."""
    env = sandbox({"structure": _macro, "theme": _macro, "fiche": _macro})
    try:
        output = env.from_string(payload).render()
    except (jinja2.TemplateError, TypeError, ZeroDivisionError):
        return  # refused: the outcome we want
    # What renders at all must be inert: no secret, no command output, no config.
    for leak in (SECRET, "uid=", "os.environ", "<module", "<class", "site_dir"):
        assert leak not in output, (payload, output)


def test_sandbox_offers_nothing_but_the_macros() -> None:
    env = sandbox({"structure": _macro, "evil": _macro})
    assert set(env.globals) == {"structure"}  # only allow-listed macros
    assert env.filters == {} and env.tests == {}
    assert env.loader is None
    assert env.undefined is jinja2.StrictUndefined


def test_allowed_calls_render_and_variables_are_escaped() -> None:
    env = sandbox({"structure": _macro})
    out = render_page(
        env,
        '{{ structure("PES 21") }} et {{ contact }}',
        "docs/index.md",
        variables={"contact": "<b>a</b>"},
    )
    assert out == "[PES 21](/x.md) et &lt;b&gt;a&lt;/b&gt;"
    with pytest.raises(RenderRefused, match=r"docs/index\.md:1"):
        render_page(env, "{{ contact }}", "docs/index.md")  # not given: refused


@pytest.mark.parametrize(
    "html",
    [
        "<p>a</p><script>alert(1)</script>",
        '<p onclick="alert(1)">a</p>',
        '<a href=" jav&#x61;script:alert(1)">a</a>',
        '<img src="data:image/png;base64,AAAA" alt="">',
        '<iframe src="https://exemple.invalid"></iframe>',
        "<style>p{}</style>",
        '<p style="position:fixed">a</p>',
        # In its table: a stray <td> is dropped by the parser, so never published.
        '<table><tr><td style="text-align: left; background: url(https://exemple.invalid/)">'
        "a</td></tr></table>",
        '<input type="checkbox" onchange="alert(1)">',
        "<svg><script>alert(1)</script></svg>",
        '<svg><use href="data:image/svg+xml,x"/></svg>',
        '<svg onload="alert(1)"></svg>',
        '<form action="https://exemple.invalid/"></form>',
    ],
)
def test_final_html_check_fails_the_build(html: str) -> None:
    with pytest.raises(PluginError, match=r"fiches/9\.1\.md : HTML refusé"):
        check_page_html(html, "fiches/9.1.md")


def test_final_html_check_accepts_what_markdown_produces() -> None:
    check_page_html(
        '<h2 id="a">T<a class="headerlink" href="#a" title="Lien">¶</a></h2>'
        '<div class="admonition note"><p class="admonition-title">N</p></div>'
        '<p><abbr title="Économie sociale et solidaire">ESS</abbr> <sup>1</sup><br>'
        '<span class="ancre-pratique" id="pratique-1"></span>'
        '<a href="../../structures/pes-21/" title="Pôle">PES 21</a> '
        '<a href="https://exemple.org/">x</a> <a href="mailto:a@b.fr">m</a></p>'
        "<details open><summary>Plus</summary><p>x</p></details>"
        '<table><thead><tr><th align="left">a</th></tr></thead></table>'
        '<h3 data-enjeu="politique" id="b">E</h3><pre><code>&lt;script&gt;</code></pre>'
        '<table><tr><th style="text-align: left;">a</th><td style="text-align: center;">b'
        '</td></tr></table><ul class="task-list"><li class="task-list-item">'
        '<label class="task-list-control"><input type="checkbox" disabled checked>'
        "</label> fait</li></ul>"
        '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        '<path d="M12 2 2 22h20L12 2Z"/></svg></span>',
        "docs/index.md",
    )


def test_macro_link_text_cannot_carry_html_or_attribute_lists() -> None:
    assert escape_text('<script>x</script>{ onclick="y" }[z]') == (
        '&lt;script&gt;x&lt;/script&gt;\\{ onclick="y" \\}\\[z\\]'
    )

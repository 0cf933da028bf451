"""The second lock: the final-HTML check, on its own.

load_collection and the gate in front of mkdocs-macros refuse every hostile
payload first (tests/acceptance/test_hostile.py, tests/unit/test_macros_gate.py);
these tests show that, were a payload to slip past them, the HTML check
would still stop it.
"""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from macros.render.links import escape_text
from macros.site.html_check import check_page_html


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

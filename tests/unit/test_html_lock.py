"""The final-HTML lock (html_lock.py): what a page publishes is the checked tree."""

from __future__ import annotations

import pytest

from macros.check.html_lock import lock_page_html
from macros.render.html_blocks import placeholder
from macros.site.html_check import OWN_COMMENTS

CLEAN = (
    '<h2 id="a">Titre</h2><p>Un <a href="../x/">lien</a> &amp; <abbr title="t">ESS</abbr>'
    '<br></p><table><thead><tr><th style="text-align: left;">a</th></tr></thead></table>'
    '<input type="checkbox" disabled checked><svg viewBox="0 0 24 24"><path d="M0"/></svg>'
)


def test_a_clean_page_passes_and_reads_back_the_same() -> None:
    locked = lock_page_html(CLEAN)
    assert locked.problems == []
    assert lock_page_html(locked.html).html == locked.html
    assert 'viewBox="0 0 24 24"' in locked.html


@pytest.mark.parametrize(
    "html",
    [
        "<p>a<!--> <img src=x> --></p>",
        "<p><![CDATA[ x ]]></p>",
        "<p><!x> </ x> <?pi?></p>",
        '<p><img src="x" onerror="alert(1)"></p>',
        '<p><a href="&#106;avascript:alert(1)">x</a></p>',
        "<form><button>x</button></form>",
        "<script>alert(1)</script>",
        "<p>" + placeholder(0).replace("bloc", "blok") + "</p>",
    ],
)
def test_hostile_final_html_is_refused(html: str) -> None:
    assert lock_page_html(html, OWN_COMMENTS).problems, html


def test_the_engine_own_placeholders_are_kept() -> None:
    html = "<p>a</p>" + placeholder(3)
    locked = lock_page_html(html, OWN_COMMENTS)
    assert locked.problems == []
    assert placeholder(3) in locked.html


def test_an_unfinished_tag_cannot_reach_the_page() -> None:
    """At the end of the page content, an unfinished tag is dropped by the
    parser: the page publishes the tree, so nothing is left to complete."""
    locked = lock_page_html("<p>fin</p><img src=x onerror=alert(1)")
    assert "<img" not in locked.html and "onerror" not in locked.html


def test_a_tag_a_browser_drops_is_not_published() -> None:
    """A <td> outside a table means nothing to a browser: the parser drops it,
    and the page publishes the tree, without it or its attributes."""
    locked = lock_page_html('<p>a</p><td onclick="alert(1)">b</td>')
    assert "onclick" not in locked.html and "<td" not in locked.html

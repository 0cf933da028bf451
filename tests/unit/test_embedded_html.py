"""A fiche page's HTML made into a booklet section (render/parcours_page.py)."""

from __future__ import annotations

from dataclasses import replace

import markdown
import pytest

from macros.index.collection import Collection
from macros.read.html_spec import parse_fragment
from macros.render.fiche_page import fiche_source
from macros.render.parcours_page import (
    can_reuse_page_html,
    embedded_body,
    embedded_html,
    fill_bodies,
    page_body,
    placeholder,
)
from macros.site.booklets import rebase
from tests.support import make_fiche, render_macros

PAGE = (
    '<h2 id="contexte">Contexte'
    '<a class="headerlink" href="#contexte" title="Lien">&para;</a></h2>\n'
    '<p>Le <abbr tabindex="0" title="Mouvement">MES</abbr> et '
    '<a href="../../structures/pes-21/" title="Pôle">PES 21</a>, '
    '<a href="#pratique-2">plus bas</a>, <a href="https://example.org/">ailleurs</a>.</p>\n'
    '<h3 class="x" data-enjeu="politique" id="enjeux">Enjeux</h3>\n'
    "<ul>\n"
    '<li><span class="ancre-pratique" id="pratique-1"></span>Une</li>\n'
    '<li><span class="ancre-pratique" id="pratique-2"></span>Deux '
    '<img alt="" src="../../assets/schema.png" /></li>\n'
    "</ul>\n"
    '<h6 data-search-exclude id="fin">Fin</h6>'
)

BOOKLET = (
    '<h3 data-search-exclude="" id="f1-5-contexte">Contexte<a class="headerlink" '
    'href="#f1-5-contexte" title="Lien">¶</a></h3>\n'
    '<p>Le MES et <a href="../structures/pes-21/" title="Pôle">PES 21</a>, '
    '<a href="#f1-5-pratique-2">plus bas</a>, <a href="https://example.org/">ailleurs</a>.</p>\n'
    '<h4 class="x" data-enjeu="politique" data-search-exclude="" id="f1-5-enjeux">Enjeux</h4>\n'
    "<ul>\n"
    '<li><span class="ancre-pratique" id="f1-5-pratique-1"></span>Une</li>\n'
    '<li><span class="ancre-pratique pratique-retenue" id="f1-5-pratique-2" '
    'title="Pratique retenue pour la séance"></span>Deux '
    '<img alt="" src="../assets/schema.png"></li>\n'
    "</ul>\n"
    '<h6 data-search-exclude="" id="f1-5-fin">Fin</h6>'
)


def test_booklet_section_from_the_fiche_page() -> None:
    fiche = make_fiche("1.5")
    embedded, ids = embedded_html(
        PAGE, fiche, (2,), lambda url: rebase(url, "fiches/1.5/", "impression/")
    )
    assert embedded == BOOKLET
    assert ids == {f"f1-5-{i}" for i in ("contexte", "enjeux", "pratique-1", "pratique-2", "fin")}


@pytest.mark.parametrize(
    ("url", "source", "target", "expected"),
    [
        ("../../structures/pes-21/", "fiches/1.5/", "impression/", "../structures/pes-21/"),
        ("../../structures/pes-21/", "fiches/1.5/", "parcours/a/", "../../structures/pes-21/"),
        ("./#pratique-3", "fiches/1.5/", "impression/", "../fiches/1.5/#pratique-3"),
        ("../2.1/?q=1#x", "fiches/1.5/", "impression/", "../fiches/2.1/?q=1#x"),
        (
            "../structures/pes-21.html",
            "fiches/1.5.html",
            "impression.html",
            "structures/pes-21.html",
        ),
        (
            "1.6.html#pratique-1",
            "fiches/1.5.html",
            "parcours/a.html",
            "../fiches/1.6.html#pratique-1",
        ),
        ("../../", "fiches/1.5/", "parcours/a/", "../../"),
        ("https://example.org/a", "fiches/1.5/", "impression/", "https://example.org/a"),
        ("mailto:a@example.org", "fiches/1.5/", "impression/", "mailto:a@example.org"),
        ("#x", "fiches/1.5/", "impression/", "#x"),
    ],
)
def test_relative_urls_follow_the_booklet(
    url: str, source: str, target: str, expected: str
) -> None:
    assert rebase(url, source, target) == expected


def test_keywords_paragraph_is_not_part_of_the_body() -> None:
    fiche = replace(make_fiche("1.5"), keywords=["budget"])
    content = '<p>Corps</p>\n<p class="fiche-mots-cles">Mots-clés : budget</p>'
    assert page_body(content, fiche) == "<p>Corps</p>"
    assert page_body(content, make_fiche("1.5")) == content


def test_placeholders_carry_the_fiche_and_its_selected_practices() -> None:
    fiche = make_fiche("12.3")
    html = f"<p>a</p>\n{placeholder(fiche, (4, 1))}\n<p>b</p>\n{placeholder(fiche)}"
    found: list[tuple[str, tuple[int, ...]]] = []

    def body(number: str, selected: tuple[int, ...]) -> str:
        found.append((number, selected))
        return "X"

    assert fill_bodies(html, body) == "<p>a</p>\nX\n<p>b</p>\nX"
    assert found == [("12.3", (4, 1)), ("12.3", ())]


@pytest.mark.parametrize(
    "body",
    [
        '<abbr title="x">X</abbr>',
        "<h2>Titre</h2>",
        '<span id="a"></span> <span aria-describedby="a">b</span>',
        '<a name="ici"></a>',
    ],
)
def test_a_body_with_its_own_markup_is_converted_again(body: str) -> None:
    assert can_reuse_page_html(replace(make_fiche("1.5"), body="Le MES, <b>en gras</b>."))
    assert not can_reuse_page_html(replace(make_fiche("1.5"), body=f"Avant.\n\n{body}\n"))


def _convert(text: str) -> str:
    extensions = [
        "attr_list",
        "md_in_html",
        "admonition",
        "abbr",
        "macros.site.glossary_abbr",
        markdown.extensions.toc.TocExtension(permalink=True, permalink_title="Lien"),  # type: ignore[attr-defined]
    ]
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize(
    ("collection_name", "number"),
    [("repo_collection", "1.5")]
    + [("catalogue_collection", n) for n in ("2.1", "2.2", "3.1", "3.2")],
)
def test_same_as_converting_the_embedded_markdown(
    collection_name: str, number: str, request: pytest.FixtureRequest
) -> None:
    """What Python-Markdown gives for embedded_body's Markdown, from the page's HTML."""
    repo_collection: Collection = request.getfixturevalue(collection_name)
    fiche = repo_collection.index.fiches[number]
    selected = tuple(range(1, len(fiche.practices) + 1, 2))
    page = _convert(render_macros(fiche_source(fiche, repo_collection).text, repo_collection))
    booklet_md = (
        '<div class="livret-fiche" markdown>\n\n' + embedded_body(fiche, selected) + "\n\n</div>"
    )
    booklet = _convert(render_macros(booklet_md, repo_collection))
    expected = booklet.removeprefix('<div class="livret-fiche">\n').removesuffix("\n</div>")
    got, _ = embedded_html(page_body(page, fiche), fiche, selected, lambda url: url)
    # The glossary's terms are on the page, and not in the booklet.
    assert "<abbr" in page or collection_name != "repo_collection"
    # Both as the HTML lock publishes them: serialised by the spec parser.
    assert got == parse_fragment(expected).html


def test_a_comment_written_like_a_placeholder_is_not_one() -> None:
    # Contributors may write HTML comments; only the engine's own carry the run's key.
    written = "<!-- mes-fiches:corps 1.5 4 -->"
    assert fill_bodies(written, lambda number, selected: "X") == written

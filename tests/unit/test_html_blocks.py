"""Long lists of generated pages written straight to HTML (render/html_blocks.py)."""

from __future__ import annotations

import markdown
import pytest

from macros.collection import Collection
from macros.render.html_blocks import (
    BREAK,
    Em,
    Held,
    Items,
    Link,
    Paragraph,
    Raw,
    Strong,
    fill,
    placeholder,
    plain,
    to_html,
)
from macros.render.indexes import sommaire


def _href(target: str, anchor: str) -> str:
    url = f"/{target}" if target else ""
    return f"{url}#{anchor}" if anchor else url


def _markdown(text: str) -> str:
    return markdown.Markdown(extensions=["attr_list"]).convert(text)


def test_same_html_as_python_markdown() -> None:
    blocks = [
        Paragraph((Strong(("Chapitre 1 — L'accompagnement",)),)),
        Items(
            (
                (Link("Fiche 1.5 — R&D · coûts", "fiches/1.5.md"), " ", Em("(brouillon)")),
                (Link("Fiche 1.6 — Titre", "fiches/1.6.md"), BREAK, "Un résumé, « cité »."),
                (
                    "Une pratique … ",
                    Link("→ Enjeux, fiche 1.7", "fiches/1.7.md", "enjeux", css="lien-pratique"),
                ),
                (Link("PES 21", "structures/pes-21.md", title='Pôle d\'économie "solidaire"'),),
                (Link("Fiche 1.8", "", "fiche-1-8"),),
            )
        ),
        Paragraph((Link("1.1", "fiches/1.1.md"), " · ", Link("1.2", "fiches/1.2.md"))),
    ]
    written = (
        "**Chapitre 1 — L'accompagnement**\n\n"
        "- [Fiche 1.5 — R&D · coûts](/fiches/1.5.md) *(brouillon)*\n"
        "- [Fiche 1.6 — Titre](/fiches/1.6.md)  \n  Un résumé, « cité ».\n"
        "- Une pratique … [→ Enjeux, fiche 1.7](/fiches/1.7.md#enjeux){ .lien-pratique }\n"
        '- [PES 21](/structures/pes-21.md "Pôle d&#x27;économie &quot;solidaire&quot;")\n'
        "- [Fiche 1.8](#fiche-1-8)\n\n"
        "[1.1](/fiches/1.1.md) · [1.2](/fiches/1.2.md)\n"
    )
    assert to_html(blocks, _href) == _markdown(written)


def test_engine_html_is_kept_and_text_escaped() -> None:
    when = '<time datetime="2026-01-02">2 janvier 2026</time>'
    html = to_html([Items(((Strong((Raw(when),)), " · a < b"),))], _href)
    assert html == f"<ul>\n<li><strong>{when}</strong> · a &lt; b</li>\n</ul>"


@pytest.mark.parametrize(
    "text",
    ["L'ESS · R&D", "Fiche 1.5 — « Titre » ?", "porteur·ses (2024) : 3 fois", "a - b", "100 %"],
)
def test_plain_text(text: str) -> None:
    assert plain(text)
    assert Held().place([Items(((text,),))]) is not None


@pytest.mark.parametrize(
    "text",
    [
        "un *mot*",
        "un_mot",
        "du `code`",
        "[lien](x)",
        "&eacute;t&#233;",
        "a <b>",
        "{ .classe }",
        "\\*",
        "- liste",
        "1. liste",
        "# titre",
        " espace",
        "deux\nlignes",
    ],
)
def test_markdown_syntax_keeps_the_markdown_list(text: str) -> None:
    held = Held()
    assert held.place([Items(((Link("x", "a.md"), BREAK, text),))]) is None
    assert held.place([Items(((text,),))]) is None
    assert held.blocks == []


def test_summary_page_lists_every_fiche(repo_collection: Collection) -> None:
    source = sommaire(repo_collection)
    assert source.blocks
    assert placeholder(0) in source.text
    page = source.rendered(_href)
    assert "mes-fiches:bloc" not in page
    for fiche in repo_collection.index.fiches.values():
        assert f'<a href="/{fiche.page}">Fiche {fiche.number} — ' in page


def test_a_comment_written_like_a_placeholder_is_not_one() -> None:
    blocks = ((Paragraph(("x",)),),)
    written = "<!-- mes-fiches:bloc 0 -->"
    assert fill(written + placeholder(0), blocks, _href) == written + "<p>x</p>"

"""Listings of generated pages, rendered through overrides/listes/ (render/html_blocks.py)."""

from __future__ import annotations

import dataclasses

import pytest

from macros.index.collection import Collection
from macros.render.html_blocks import Listing, PageSource, fill, markdown_page, placeholder
from tests.support import make_fiche, rendered


def test_summary_page_lists_every_fiche(repo_collection: Collection) -> None:
    source = markdown_page(repo_collection, "sommaire.md")
    assert source.listings
    assert placeholder(0) in source.text
    page = rendered(source)
    assert "mes-fiches:bloc" not in page
    for fiche in repo_collection.index.fiches.values():
        assert f'<a href="/{fiche.page}">Fiche {fiche.number} — ' in page


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("un *mot* <script>alert(1)</script>", "un *mot* &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("R&D « cité » [lien](x) &eacute;", "R&amp;D « cité » [lien](x) &amp;eacute;"),
        ('"><img src=x onerror=alert(1)>', "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"),
    ],
)
def test_every_value_is_shown_as_written(written: str, shown: str) -> None:
    """Content is plain text: Markdown syntax stays as written, markup is escaped."""
    fiche = dataclasses.replace(make_fiche("1.5"), title=written, summary=written)
    listing = Listing("sommaire.html", {"fiches": [fiche]})
    page = rendered(PageSource(placeholder(0), {}, (listing,)))
    assert f"Fiche 1.5 — {shown}</a>" in page
    assert f"<br>\n  {shown}</li>" in page
    assert "<script" not in page and "<img" not in page


def test_listings_render_only_in_their_pass() -> None:
    """Search reads a page between the two passes: each listing goes in at its own."""
    fiches = {"fiches": [make_fiche("1.5")]}
    listings = (Listing("sommaire.html", fiches, searched=True), Listing("sommaire.html", fiches))
    searched, later = placeholder(0), placeholder(1)

    def draw(listing: Listing, *, when: bool) -> str | None:
        assert listing in listings
        return "ICI" if listing.searched == when else None

    first = fill(searched + later, listings, lambda item: draw(item, when=True))
    assert first == "ICI" + later
    assert fill(first, listings, lambda item: draw(item, when=False)) == "ICIICI"


def test_a_comment_written_like_a_placeholder_is_not_one() -> None:
    listing = Listing("sommaire.html", {"fiches": [make_fiche("1.5")]})
    written = "<!-- mes-fiches:bloc 0 -->"
    page = rendered(PageSource(written + placeholder(0), {}, (listing,)))
    assert page.startswith(written + "<ul>")

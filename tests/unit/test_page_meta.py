"""Front matter values that Material shows become escaped HTML, once."""

from __future__ import annotations

from markupsafe import Markup

from macros.site.page_meta import escape_shown_meta


def test_shown_values_are_escaped_once_and_marked() -> None:
    meta = {
        "title": 'T " onfocus="x" & <b>',
        "description": "L'accompagnement",
        "template": "fiche.html",
        "hide": ["toc"],
    }
    escape_shown_meta(meta)
    assert meta["title"] == "T &quot; onfocus=&quot;x&quot; &amp; &lt;b&gt;"
    assert isinstance(meta["title"], Markup)
    # The apostrophe stays: search tokenises titles, attributes use double quotes.
    assert meta["description"] == "L'accompagnement"
    assert meta["template"] == "fiche.html" and not isinstance(meta["template"], Markup)
    escape_shown_meta(meta)  # a second pass (mkdocs serve) changes nothing
    assert meta["title"] == "T &quot; onfocus=&quot;x&quot; &amp; &lt;b&gt;"

"""Rendered pages lose their blank lines and indentation, never their preformatted text."""

from __future__ import annotations

from macros.site.final_html import compact


def test_blank_lines_and_indentation_collapse_to_one_line_break() -> None:
    html = "<ul>\n    \n      <li>\n        <a href='x'>Un   lien</a>\n\n      </li>\n</ul>\n"
    assert compact(html) == "<ul>\n<li>\n<a href='x'>Un   lien</a>\n</li>\n</ul>\n"


def test_preformatted_text_scripts_and_styles_are_kept() -> None:
    kept = (
        "<pre><code>ligne 1\n\n    ligne 3\n</code></pre>"
        "<script>\n  var a = `x\n\n  y`;\n</script>"
        "<STYLE>\n  p {}\n</STYLE>"
        "<textarea>\n\n  texte</textarea>"
    )
    html = f"<div>\n\n  {kept}\n\n  <p>fin</p>\n</div>"
    assert compact(html) == f"<div>\n{kept}\n<p>fin</p>\n</div>"


def test_text_without_line_breaks_is_unchanged() -> None:
    html = "<p>Des  espaces   gardés, sans saut de ligne.</p>"
    assert compact(html) == html

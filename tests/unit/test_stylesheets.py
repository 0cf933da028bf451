"""The site's style sheets joined into one file, in the order mkdocs.yml gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from macros.site.stylesheets import bundle


def test_sheets_are_joined_in_order_each_under_its_name_and_minified(tmp_path: Path) -> None:
    (tmp_path / "b.css").write_text("/* Why red. */\n.b { color: red; }\n", encoding="utf-8")
    (tmp_path / "a.css").write_text("@media print { .a { display: none; } }\n", encoding="utf-8")
    joined = bundle(tmp_path, ["b.css", "a.css"])
    assert joined == "/*! b.css */.b{color:red}/*! a.css */@media print{.a{display:none}}\n"


def test_a_missing_or_linked_sheet_is_refused_in_french(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="feuille de style introuvable"):
        bundle(tmp_path, ["absente.css"])
    (tmp_path / "lien.css").symlink_to("/etc/passwd")
    with pytest.raises(PluginError, match="feuilles_de_style"):
        bundle(tmp_path, ["lien.css"])

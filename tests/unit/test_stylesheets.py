"""The site's style sheets joined into one file, in the order mkdocs.yml gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, get_files

from macros.site.material_assets import main_sheet, script_path
from macros.site.stylesheets import bundle
from tests.support import ROOT


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


def test_materials_sheet_opens_the_bundle_as_shipped(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text(".a { color: red; }\n", encoding="utf-8")
    head = '@charset "UTF-8";html{margin:0}\n'
    joined = bundle(tmp_path, ["a.css"], head)
    assert joined == '@charset "UTF-8";html{margin:0}\n/*! a.css */.a{color:red}\n'


def test_materials_sheet_and_script_are_found_among_the_theme_files() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    sheet = main_sheet(files, palette=False)
    assert sheet.startswith('@charset "UTF-8";') and ".md-typeset" in sheet
    assert "[data-md-color-primary=indigo]" not in sheet
    # A `palette` in mkdocs.yml: Material's colour sheet follows its main one.
    coloured = main_sheet(files, palette=True)
    assert coloured.startswith(sheet) and "[data-md-color-primary=indigo]" in coloured
    script = script_path(files)
    assert script.startswith("assets/javascripts/bundle.") and script.endswith(".min.js")
    assert files.get_file_from_path(script) is not None


def test_a_theme_without_materials_assets_is_refused_in_french() -> None:
    with pytest.raises(PluginError, match=r"Material introuvable : assets/stylesheets/main\.\*"):
        main_sheet(Files([]), palette=False)
    with pytest.raises(PluginError, match=r"Material introuvable : assets/javascripts/bundle\."):
        script_path(Files([]))

"""Material's main sheet and script, found among the theme's files.

Their names carry a hash that changes with each Material release, so no
template of ours can name them. The plugin joins the sheet at the head of
assets/site.css (stylesheets.py) and gives templates the script's path,
which overrides/main.html loads with `defer`: on Lighthouse's phone, the
script at the end of the body held fiche 1.5's first paint back until it had
run (1.28 s against 0.90 s deferred, median of 6 runs).
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

_MAIN_SHEET = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")
_PALETTE_SHEET = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
_SCRIPT = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


def _theme_file(files: Files, pattern: re.Pattern[str], what: str) -> File:
    for file in files:
        if pattern.fullmatch(file.src_uri):
            return file
    raise PluginError(
        f"{what} de Material introuvable ({pattern.pattern.replace(chr(92), '')}) : "
        "vérifiez que le thème de mkdocs.yml est « material », en version 9"
    )


def main_sheet(files: Files, *, palette: bool) -> str:
    """The text of Material's main sheet, and of its palette sheet when
    mkdocs.yml sets a `palette` (Material links it only then)."""
    text = _theme_file(files, _MAIN_SHEET, "feuille de style principale").content_string
    if palette:
        text += "\n" + _theme_file(files, _PALETTE_SHEET, "feuille des couleurs").content_string
    return text


def script_path(files: Files) -> str:
    """The site path of Material's script."""
    return _theme_file(files, _SCRIPT, "script principal").src_uri

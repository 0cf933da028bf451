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


def _theme_file(files: Files, path: str) -> File:
    """The theme's file at `path`, where `*` stands for the release's hash."""
    pattern = re.compile(re.escape(path).replace(r"\*", "[0-9a-f]+"))
    for file in files:
        if pattern.fullmatch(file.src_uri):
            return file
    raise PluginError(
        f"fichier de Material introuvable : {path} ; vérifiez que le thème de "
        "mkdocs.yml est « material », en version 9"
    )


def main_sheet(files: Files, *, palette: bool) -> str:
    """The text of Material's main sheet, and of its palette sheet when
    mkdocs.yml sets a `palette` (Material links it only then)."""
    names = ["main", "palette"] if palette else ["main"]
    return "\n".join(
        _theme_file(files, f"assets/stylesheets/{name}.*.min.css").content_string for name in names
    )


def script_path(files: Files) -> str:
    """The site path of Material's script."""
    return _theme_file(files, "assets/javascripts/bundle.*.min.js").src_uri

"""The site's style sheets, Material's main sheet first, served as one file.

Every page would otherwise request each sheet before it can draw anything:
on a phone's network each request in that critical path delays the first
paint. Material's main sheet opens the file as Material ships it (already
minified), and overrides/main.html no longer links it: with a second sheet,
Lighthouse's phone put fiche 1.5's first paint at 1.47 s, against 1.27 s
with one, the same as plain Material's (median of 4 runs). The project's
sheets stay separate in overrides/assets/ for maintainers; the build joins
them after it, in the order mkdocs.yml gives, and minifies them with
rcssmin: a third fewer bytes on that path. Each part keeps its sheet's name
in a comment, to find a rule's source.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

BUNDLE = "assets/site.css"

# Where Material 9 ships its main sheet; the hash changes with each release.
_MATERIAL_SHEET = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")


def material_sheet(files: Files) -> str:
    """Material's main sheet, found among the theme's files."""
    for file in files:
        if _MATERIAL_SHEET.fullmatch(file.src_uri):
            return file.content_string
    raise PluginError(
        "feuille de style principale de Material introuvable "
        "(assets/stylesheets/main.*.min.css) : vérifiez que le thème de "
        "mkdocs.yml est « material », en version 9"
    )


def bundle(folder: Path, names: list[str], head: str = "") -> str:
    """`head`, then the sheets `names` of `folder`, in that order, each under its name, minified."""
    parts = []
    for name in names:
        path = folder / name
        if not path.is_file() or path.is_symlink():
            raise PluginError(
                f"feuille de style introuvable : {path} ; corrigez la liste "
                "« feuilles_de_style » du plugin mes-fiches dans mkdocs.yml"
            )
        parts.append(f"/*! {name} */\n{path.read_text(encoding='utf-8')}")
    ours = str(rcssmin.cssmin("\n".join(parts), keep_bang_comments=True))
    return f"{head.rstrip()}\n{ours}\n" if head else f"{ours}\n"

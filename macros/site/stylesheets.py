"""The site's style sheets, Material's main sheet first, served as one file.

Every page would otherwise request each sheet before it can draw anything:
on a phone's network each request in that critical path delays the first
paint. Material's main sheet (material_assets.py) opens the file as
Material ships it (already minified), and overrides/main.html links this
file in its place: with a second sheet, Lighthouse's phone put fiche 1.5's first
paint at 1.47 s, against 1.27 s with one (median of 4 runs). The project's
sheets stay separate in overrides/assets/ for maintainers; the build joins
them after it, in the order mkdocs.yml gives, and minifies them with
rcssmin: a third fewer bytes on that path. Each part keeps its sheet's name
in a comment, to find a rule's source.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
from mkdocs.exceptions import PluginError

BUNDLE = "assets/site.css"


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

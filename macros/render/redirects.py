"""Pages left at a renumbered fiche's former addresses.

A plain HTML file, not a MkDocs page: a meta refresh with a relative URL
(works from a folder, offline), a canonical link and a visible link for
browsers that do not follow the refresh.
"""

from __future__ import annotations

import html
import posixpath

from macros.core.model import Fiche
from macros.index.macro_words import fiche_label


def redirect_path(number: str, *, directory_urls: bool) -> str:
    """Where the former page lived: /fiches/2.3/ or, offline, fiches/2.3.html."""
    return f"fiches/{number}/index.html" if directory_urls else f"fiches/{number}.html"


def redirect_html(number: str, fiche: Fiche, source: str, target: str, canonical: str) -> str:
    """`source` and `target` are file paths from the site root; `canonical` a URL."""
    relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")] or "./"
    href = html.escape(relative, quote=True)
    label = html.escape(fiche_label(fiche))
    return (
        "<!doctype html>\n"
        '<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{label}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{html.escape(canonical or relative, quote=True)}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f"<p>La fiche {html.escape(number)} porte désormais le numéro "
        f'{html.escape(str(fiche.number))} : <a href="{href}">{label}</a>.</p>\n'
        "</body>\n</html>\n"
    )

"""Files that are not pages: the Atom feed, citation downloads, redirects, robots.txt.

`url_of` maps a page source (`fiches/1.5.md`) to its URL from the site root,
as MkDocs computed it, so that every path follows `use_directory_urls`.

A renumbered fiche's former addresses get a plain HTML file, not a MkDocs
page: a meta refresh with a relative URL (works from a folder, offline), a
canonical link and a visible link for browsers that do not follow the refresh.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable
from urllib.parse import urljoin

from macros.core.licence import Licence
from macros.core.model import Fiche
from macros.data.citation import bibtex, citation, csl_json
from macros.data.history import Change
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.render.news import FEED_PATH, atom_feed


def absolute(site_url: str, url: str) -> str:
    """The published address of a site-root URL; "" when the site has no site_url."""
    if not site_url:
        return ""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


ROBOTS_PATH = "robots.txt"
SITEMAP_PATH = "sitemap.xml"  # written by MkDocs at the site root


def citation_paths(fiche: Fiche) -> dict[str, str]:
    """The downloads sit in a folder named after the fiche, whatever the URL style."""
    folder = f"fiches/{fiche.number}"
    return {"bib": f"{folder}/citation.bib", "json": f"{folder}/citation.json"}


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


def reader_files(
    collection: Collection,
    changes: dict[str, Change],
    *,
    url_of: Callable[[str], str],
    site_url: str,
    site_name: str,
    directory_urls: bool,
    licence: Licence,
) -> dict[str, str]:
    """Site path -> content."""
    # Every page may be crawled; the sitemap is named only with a published
    # address, since robots.txt takes absolute URLs.
    robots = "User-agent: *\nAllow: /\n"
    if site_url:
        robots += f"Sitemap: {absolute(site_url, SITEMAP_PATH)}\n"
    files: dict[str, str] = {ROBOTS_PATH: robots}
    if site_url:
        feed = atom_feed(
            collection,
            changes,
            site_url=site_url,
            site_name=site_name,
            url_of=url_of,
            rights=licence.label,
        )
        if feed is not None:
            files[FEED_PATH] = feed
    for number, fiche in collection.index.fiches.items():
        url = absolute(site_url, url_of(fiche.page))
        cite = citation(fiche, changes.get(number), url, licence)
        paths = citation_paths(fiche)
        files[paths["bib"]] = bibtex(cite)
        files[paths["json"]] = csl_json(cite)
    for old, fiche in sorted(collection.redirects.items()):
        # Where the former page lived: /fiches/2.3/ or, offline, fiches/2.3.html.
        source = f"fiches/{old}/index.html" if directory_urls else f"fiches/{old}.html"
        target = url_of(fiche.page)
        if directory_urls:
            target += "index.html"
        files[source] = redirect_html(
            old, fiche, source, target, absolute(site_url, url_of(fiche.page))
        )
    return files

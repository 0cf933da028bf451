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
import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import urljoin

from macros.core.licence import Licence
from macros.core.model import Fiche
from macros.data.citation import AUTHOR, bibtex, citation, csl_json
from macros.data.history import Change, newest_first
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.index.plain_text import one_line


def absolute(site_url: str, url: str) -> str:
    """The published address of a site-root URL; "" when the site has no site_url."""
    if not site_url:
        return ""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


ROBOTS_PATH = "robots.txt"
SITEMAP_PATH = "sitemap.xml"  # written by MkDocs at the site root
NEWS_PAGE = "nouveautes/index.md"
FEED_PATH = "nouveautes/atom.xml"
ATOM = "http://www.w3.org/2005/Atom"


def citation_paths(fiche: Fiche) -> dict[str, str]:
    """The downloads sit in a folder named after the fiche, whatever the URL style."""
    folder = f"fiches/{fiche.number}"
    return {"bib": f"{folder}/citation.bib", "json": f"{folder}/citation.json"}


def redirect_html(number: str, fiche: Fiche, source: str, target: str, canonical: str) -> str:
    """`source` is a file path from the site root, `target` a page URL from
    there; `canonical` a URL."""
    relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
    if target.endswith("/"):
        relative += "/"
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


def atom_feed(
    collection: Collection,
    changes: dict[str, Change],
    *,
    site_url: str,
    site_name: str,
    url_of: Callable[[str], str],
    rights: str,
) -> str | None:
    """The Atom document of «Quoi de neuf», or None when no fiche has a date;
    `rights` names the licence.

    The feed is deterministic: its `updated` is the newest entry's date, never
    the build time, so two builds of the same commit give the same bytes.
    """
    ordered = [(f, c) for n, c in newest_first(changes) if (f := collection.index.fiche(n))]
    if not ordered:
        return None
    feed = etree.Element("feed", {"xmlns": ATOM, "xml:lang": "fr"})
    news_url = absolute(site_url, url_of(NEWS_PAGE))
    etree.SubElement(feed, "id").text = news_url
    etree.SubElement(feed, "title").text = f"{site_name} — Quoi de neuf"
    etree.SubElement(feed, "updated").text = ordered[0][1].timestamp
    etree.SubElement(etree.SubElement(feed, "author"), "name").text = AUTHOR
    etree.SubElement(feed, "rights").text = rights
    etree.SubElement(feed, "link", rel="alternate", href=news_url)
    etree.SubElement(
        feed, "link", rel="self", type="application/atom+xml", href=absolute(site_url, FEED_PATH)
    )
    for fiche, change in ordered:
        url = absolute(site_url, url_of(fiche.page))
        entry = etree.SubElement(feed, "entry")
        etree.SubElement(entry, "id").text = url
        etree.SubElement(entry, "title").text = fiche_label(fiche)
        etree.SubElement(entry, "updated").text = change.timestamp
        etree.SubElement(entry, "link", rel="alternate", href=url)
        etree.SubElement(entry, "summary").text = one_line(change.note)
        if fiche.summary:
            etree.SubElement(entry, "content").text = one_line(fiche.summary)
    etree.indent(feed)
    body = etree.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def reader_files(
    collection: Collection,
    changes: dict[str, Change],
    *,
    url_of: Callable[[str], str],
    site_url: str,
    site_name: str,
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
        url = url_of(fiche.page)
        source = f"fiches/{old}/index.html" if url.endswith("/") else f"fiches/{old}.html"
        files[source] = redirect_html(old, fiche, source, url, absolute(site_url, url))
    return files

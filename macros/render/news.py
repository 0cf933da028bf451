"""«Quoi de neuf»: the /nouveautes/ page and its Atom feed.

The feed is deterministic: its `updated` is the newest entry's date, never
the build time, so two builds of the same commit give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from urllib.parse import urljoin

from macros.data.citation import AUTHOR
from macros.data.history import Change, newest_first
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.index.plain_text import one_line
from macros.render.html_blocks import PageSource, markdown_page

NEWS_PAGE = "nouveautes/index.md"
FEED_PATH = "nouveautes/atom.xml"
ATOM = "http://www.w3.org/2005/Atom"


def news_source(collection: Collection, changes: dict[str, Change], *, feed: bool) -> PageSource:
    index = collection.index
    dated = [(index.fiche(n), c) for n, c in newest_first(changes) if index.fiche(n)]
    undated = [f for f in index.fiches.values() if str(f.number) not in changes]
    return markdown_page(
        collection,
        "nouveautes.md",
        feed=FEED_PATH if feed else "",
        dated=dated,
        undated=undated if index.fiches else None,
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
    """The Atom document, or None when no fiche has a date; `rights` names the licence."""
    ordered = [(f, c) for n, c in newest_first(changes) if (f := collection.index.fiche(n))]
    if not ordered:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    feed = etree.Element("feed", {"xmlns": ATOM, "xml:lang": "fr"})
    news_url = urljoin(base, url_of(NEWS_PAGE))
    etree.SubElement(feed, "id").text = news_url
    etree.SubElement(feed, "title").text = f"{site_name} — Quoi de neuf"
    etree.SubElement(feed, "updated").text = ordered[0][1].timestamp
    etree.SubElement(etree.SubElement(feed, "author"), "name").text = AUTHOR
    etree.SubElement(feed, "rights").text = rights
    etree.SubElement(feed, "link", rel="alternate", href=news_url)
    etree.SubElement(
        feed, "link", rel="self", type="application/atom+xml", href=urljoin(base, FEED_PATH)
    )
    for fiche, change in ordered:
        url = urljoin(base, url_of(fiche.page))
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

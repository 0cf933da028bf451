"""Structured data for search engines: schema.org in JSON-LD.

A fiche page is an `Article` and a `LearningResource`, a structure page an
`Organization`, the open data page a `Dataset` with its downloads. `link`
maps a page or file source path to the URL the page may write: absolute
with a site_url, relative to the page without one. Every text comes from
content (untrusted): `script_json` escapes it for a <script> element.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from macros.core.licence import Licence
from macros.core.model import Fiche, Structure
from macros.data.citation import AUTHOR
from macros.data.history import Change
from macros.data.open_data import CSV_PATH, JSON_PATH, PACKAGE_PATH
from macros.index.collection import Collection

CONTEXT = "https://schema.org"
LANGUAGE = "fr"
DATA_PAGE = "donnees.md"
DATA_LICENCE_HEADING = "Licence et citation"  # overrides/donnees.html, #licence
HOME_PAGE = "index.md"

Link = Callable[[str], str]


class Site(NamedTuple):
    link: Link
    licence: Licence
    name: str


def _publisher(link: Link) -> dict[str, Any]:
    return {"@type": "Organization", "name": AUTHOR, "url": link(HOME_PAGE)}


def licence_value(site: Site) -> str | dict[str, Any]:
    """The licence's address; until it is chosen, the /donnees/ section that says so."""
    if site.licence.chosen:
        return site.licence.url
    label, url = site.licence.label, site.link(DATA_PAGE) + "#licence"
    return {"@type": "CreativeWork", "name": label, "url": url}


def organization(structure: Structure, link: Link, collection: Collection) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Organization",
        "name": structure.name,
        "alternateName": structure.short_name,
        "url": link(structure.page),
    }
    description = collection.plain(structure.description).strip()
    if description:
        data["description"] = description
    if structure.location:
        data["address"] = structure.location
    if structure.founded:
        data["foundingDate"] = str(structure.founded)
    if structure.website:
        data["sameAs"] = structure.website
    return data


def fiche_article(
    fiche: Fiche, collection: Collection, change: Change | None, site: Site
) -> dict[str, Any]:
    reg = collection.registries
    link = site.link
    credited = dict.fromkeys(s for p in fiche.practices for s in p.credits if s in reg.structures)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": ["Article", "LearningResource"],
        "headline": fiche.title,
        "name": f"Fiche {fiche.number} — {fiche.title}",
        "url": link(fiche.page),
        "inLanguage": LANGUAGE,
        "learningResourceType": "Fiche pratique",
        "author": _publisher(link),
        "publisher": _publisher(link),
        "license": licence_value(site),
        "isPartOf": {"@type": "WebSite", "name": site.name, "url": link(HOME_PAGE)},
        "about": [
            {
                "@type": "DefinedTerm",
                "name": reg.themes[t].label,
                "description": reg.themes[t].description,
                "url": link(reg.themes[t].page),
            }
            for t in fiche.themes
            if t in reg.themes
        ],
        "contributor": [
            {
                "@type": "Organization",
                "name": reg.structures[s].name,
                "alternateName": reg.structures[s].short_name,
                "url": link(reg.structures[s].page),
            }
            for s in credited
        ],
    }
    if fiche.summary:
        data["description"] = fiche.summary
    if fiche.keywords:
        data["keywords"] = ", ".join(fiche.keywords)
    if fiche.created:
        data["datePublished"] = fiche.created
    if change is not None:
        data["dateModified"] = change.date.isoformat()
    return data


def dataset(
    collection: Collection, changes: dict[str, Change], site: Site, description: str
) -> dict[str, Any]:
    link = site.link
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": f"{site.name} — données ouvertes",
        "description": description,
        "url": link(DATA_PAGE),
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
        "creator": _publisher(link),
        "license": licence_value(site),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": path.rsplit("/", 1)[-1],
                "encodingFormat": media_type,
                "contentUrl": link(path),
            }
            for path, media_type in (
                (CSV_PATH, "text/csv"),
                (JSON_PATH, "application/json"),
                (PACKAGE_PATH, "application/json"),
            )
        ],
    }
    known = [c.date for n, c in changes.items() if collection.index.fiche(n)]
    if known:
        data["dateModified"] = max(known).isoformat()
    return data


def page_data(
    src_uri: str, collection: Collection, changes: dict[str, Change], site: Site, description: str
) -> dict[str, Any] | None:
    """The JSON-LD of the page at `src_uri`; None for pages that carry none.
    `description` is the page's own (the Dataset's)."""
    # fiches/1.5.md, structures/ardes.md: the page paths of model.py, read back.
    stem = src_uri.rpartition("/")[2].removesuffix(".md")
    fiche = collection.index.fiche(stem)
    if fiche is not None and fiche.page == src_uri:
        return fiche_article(fiche, collection, changes.get(str(fiche.number)), site)
    structure = collection.registries.structures.get(stem)
    if structure is not None and structure.page == src_uri:
        return organization(structure, site.link, collection)
    if src_uri == DATA_PAGE:
        return dataset(collection, changes, site, description)
    return None

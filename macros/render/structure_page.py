"""A member structure's or partner's page: profile, credited practices, fiches naming it."""

from __future__ import annotations

from collections import Counter
from functools import partial
from urllib.parse import urlsplit

from macros.core.model import Structure
from macros.index.collection import Collection
from macros.index.plain_text import excerpt
from macros.render.html_blocks import PageSource, markdown_page

# Past this many practices (or stake passages), a structure page shows the
# opening of each, linked to it: full texts would weigh megabytes on a phone.
FULL_TEXT_UP_TO = 40
OPENING_LENGTH = 140  # characters, cut on a word


def structure_source(structure: Structure, collection: Collection) -> PageSource:
    slug = structure.slug
    return markdown_page(
        collection,
        "structure.md",
        structure=structure,
        host=urlsplit(structure.website or "").netloc.removeprefix("www."),
        opening=partial(_opening, collection=collection),
        # Per fiche number, the practices it credits to the structure.
        credited=Counter(str(f.number) for f, _ in collection.index.practices_of.get(slug, [])),
        full_text_up_to=FULL_TEXT_UP_TO,
    )


def _opening(text: str, collection: Collection) -> str:
    return excerpt(collection.plain(text), OPENING_LENGTH)

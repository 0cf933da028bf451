"""A member structure's or partner's page: profile, credited practices, fiches naming it."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from operator import itemgetter
from urllib.parse import urlsplit

from macros.core.model import Structure
from macros.core.wording import plural
from macros.index.collection import Collection
from macros.index.plain_text import excerpt
from macros.render.html_blocks import PageSource, markdown_page

# Past this many practices (or stake passages), a structure page shows the
# opening of each, linked to it: full texts would weigh megabytes on a phone.
FULL_TEXT_UP_TO = 40
OPENING_LENGTH = 140  # characters, cut on a word


def profile_line(structure: Structure) -> str:
    parts = [structure.kind_label]
    if structure.location:
        parts.append(structure.location)
    if structure.founded:
        parts.append(f"fondée en {structure.founded}")
    return " · ".join(parts)


def structure_source(structure: Structure, collection: Collection) -> PageSource:
    index = collection.index
    practices = index.practices_of.get(structure.slug, [])
    passages = index.stakes_naming.get(structure.slug, [])
    fiches = index.fiches_of_structure.get(structure.slug, [])
    credited = Counter(str(f.number) for f, _ in practices)
    many = len(practices) > FULL_TEXT_UP_TO
    return markdown_page(
        collection,
        "structure.md",
        structure=structure,
        profile=profile_line(structure),
        host=urlsplit(structure.website or "").netloc.removeprefix("www."),
        practices=practices,
        openings=[
            {"fiche": f, "practice": p, "opening": _opening(p.text, collection)}
            for f, p in (practices if many else [])
        ],
        by_fiche=[
            (fiche, [p for _, p in group])
            for fiche, group in groupby([] if many else practices, key=itemgetter(0))
        ],
        passages=passages,
        passage_openings=[
            {"fiche": f, "stake": stake, "opening": _opening(text, collection)}
            for f, stake, text in (passages if len(passages) > FULL_TEXT_UP_TO else [])
        ],
        rows=[
            {
                "fiche": fiche,
                "credited": plural(n, "pratique créditée", "pratiques créditées")
                if (n := credited[str(fiche.number)])
                else "",
            }
            for fiche in fiches
        ],
        # Past FULL_TEXT_UP_TO, numbers only: each title is one hover or one click away.
        numbers_only=len(fiches) > FULL_TEXT_UP_TO,
    )


def _opening(text: str, collection: Collection) -> str:
    return excerpt(collection.plain(text), OPENING_LENGTH)

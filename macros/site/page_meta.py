"""Front matter values that Material's templates write into every page's HTML.

MkDocs treats a page's title as HTML (a title taken from the first heading
keeps its entities), and Material writes `page.meta.title`, `description`,
`author` and `subtitle` as they are, in text and in attributes, from a
template environment that does not escape. A value from a page's front
matter is plain text: it becomes escaped HTML, marked as such
(`markupsafe.Markup`), before any template or the search index reads it.
"""

from __future__ import annotations

import html
from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup

# The keys Material's base.html, header.html, content.html and nav-item.html
# write without escaping.
SHOWN_KEYS = ("title", "description", "author", "subtitle")


def escape_shown_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape, in place, the plain-text values of `meta` that templates show."""
    for key in SHOWN_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            # For text and double-quoted attributes. The apostrophe, frequent
            # in French, stays as it is: Material's search index tokenises
            # titles, and no template quotes an attribute with it.
            meta[key] = Markup(html.escape(value, quote=False).replace('"', "&quot;"))

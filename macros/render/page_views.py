"""View models of the generated pages whose template draws more than their Markdown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.index.collection import Collection
from macros.render import catalogue_page, matrix_page

UrlOf = Callable[[str], str]

# Page source path -> (template variable, view builder).
_VIEWS: dict[str, tuple[str, Callable[[Collection, UrlOf], dict[str, Any]]]] = {
    catalogue_page.PAGE: ("catalogue", catalogue_page.catalogue_view),
    catalogue_page.MATRIX_PAGE: ("matrice", matrix_page.matrix_view),
}


def page_view(
    src_uri: str, collection: Collection, url_of: UrlOf
) -> tuple[str, dict[str, Any]] | None:
    found = _VIEWS.get(src_uri)
    if found is None:
        return None
    name, build = found
    return name, build(collection, url_of)

"""The structure × theme matrix page (`matrice.md`) and its template's view model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from macros.data.catalogue import PRACTICE
from macros.data.matrix import build_matrix
from macros.index.collection import Collection
from macros.render.catalogue_page import PAGE as CATALOGUE_PAGE


def filter_fragment(**values: str) -> str:
    """The catalogue's URL fragment for these filters: `type=pratique&structure=pes-21`."""
    return urlencode(list(values.items()))


def matrix_view(collection: Collection, url_of: Callable[[str], str]) -> dict[str, Any]:
    """Themes and structures as model objects: the template gets their URLs with page_url."""
    matrix = build_matrix(collection)
    return {
        "catalogue_url": url_of(CATALOGUE_PAGE),
        "themes": matrix.themes,
        "rows": [
            {
                "structure": row.structure,
                "total": row.total,
                "total_fragment": filter_fragment(type=PRACTICE, structure=row.structure.slug),
                "cells": [
                    {
                        "count": count,
                        "theme": theme.label,
                        "fragment": filter_fragment(
                            type=PRACTICE, structure=row.structure.slug, theme=theme.slug
                        ),
                    }
                    for theme, count in zip(matrix.themes, row.cells, strict=True)
                ],
            }
            for row in matrix.rows
        ],
    }

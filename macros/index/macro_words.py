"""The words a macro call shows: its link text, and the same words wherever a
call is shown as plain text (search, excerpts, catalogue, open data)."""

from __future__ import annotations

from macros.check.registries import Registries
from macros.core.model import Fiche
from macros.index.cross_refs import Index


def fiche_label(fiche: Fiche) -> str:
    return f"Fiche {fiche.number} — {fiche.title}"


def fiche_words(fiche: Fiche | None, number: str) -> str:
    """What `fiche("…")` shows without `texte`: its label, or «Fiche n» before it is published."""
    return fiche_label(fiche) if fiche is not None else f"Fiche {number}"


def macro_words(
    name: str, target: str, text: str | None, registries: Registries, index: Index | None
) -> str:
    if text:
        return text
    if name == "structure":
        structure = registries.find_structure(target)
        # The name as the contributor wrote it, unless a slug.
        return (
            structure.short_name if structure is not None and target == structure.slug else target
        )
    if name == "theme":
        theme = registries.find_theme(target)
        return theme.label if theme is not None else target
    return fiche_words(index.resolve(target) if index is not None else None, target)

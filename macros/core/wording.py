"""French wording shared by pages and command messages."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """«0 fiche», «1 fiche», «2 fiches»: French keeps the singular for 0 and 1."""
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{count} {word}"

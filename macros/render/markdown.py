"""Small Markdown-writing helpers for generated pages."""

from __future__ import annotations

import yaml


def front_matter(**meta: object) -> str:
    clean = {k: v for k, v in meta.items() if v not in (None, "", [], {})}
    dumped = yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n\n"


def one_line(text: str) -> str:
    """Multi-line list-item text, joined so it stays one item when re-listed."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())

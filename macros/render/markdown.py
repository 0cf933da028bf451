"""Small Markdown-writing helpers for generated pages."""

from __future__ import annotations

# Material's documented search exclusion, for headings (attr_list) whose
# section only repeats text the fiches' own pages already index: structure,
# theme and summary lists would otherwise more than double the search index.
NOT_INDEXED = "data-search-exclude"


# What a generated page's file starts with: its metadata goes to page.meta
# from the plugin, and an empty YAML header keeps MkDocs from reading
# `Key: value` lines at the start of the text (a fiche's body) as
# MultiMarkdown metadata.
NO_FRONT_MATTER = "---\n{}\n---\n\n"

"""Large collections keep «Contexte et enjeux» out of the search index, nothing else."""

from __future__ import annotations

from types import SimpleNamespace

from macros.check.macro_grammar import apply_edits
from macros.check.markdown_blocks import Heading, scan
from macros.core.diagnostics import Report
from macros.index.collection import Collection
from macros.render.fiche_page import exclude_context, fiche_source


def test_context_headings_get_the_exclusion_and_only_them() -> None:
    lines = [
        "## Contexte et enjeux",
        "Du texte.",
        '### Enjeux politiques { data-enjeu="politique" }',
        "- un enjeu",
        "```text",
        "# pas un titre : du code",
        "```",
        '### Enjeux de {{ structure("PES 21") }}',
        "## Les pratiques des structures du MES { #pratiques }",
        "### Une sous-partie",
        "- une pratique",
    ]
    body = "\n".join(lines)
    headings = [b for b in scan(body, "fiches/9.1.md", 1, Report()) if isinstance(b, Heading)]
    fiche = SimpleNamespace(headings=headings, body_first_line=1)
    edits = exclude_context(fiche, lines)  # type: ignore[arg-type]
    lines = [
        apply_edits(line, [(s, e, r) for index, s, e, r in edits if index == i])
        for i, line in enumerate(lines)
    ]
    assert lines == [
        "## Contexte et enjeux { data-search-exclude }",
        "Du texte.",
        '### Enjeux politiques { data-enjeu="politique" data-search-exclude }',
        "- un enjeu",
        "```text",
        "# pas un titre : du code",
        "```",
        '### Enjeux de {{ structure("PES 21") }} { data-search-exclude }',
        "## Les pratiques des structures du MES { #pratiques }",
        "### Une sous-partie",
        "- une pratique",
    ]


def test_small_collections_index_the_full_text(repo_collection: Collection) -> None:
    fiche = repo_collection.fiches[0]
    full = fiche_source(fiche, repo_collection).text
    trimmed = fiche_source(fiche, repo_collection, full_text_search=False).text
    assert "## Contexte et enjeux\n" in full
    assert "## Contexte et enjeux { data-search-exclude }\n" in trimmed
    assert trimmed.count("data-search-exclude") == full.count("data-search-exclude") + 1 + len(
        fiche.stakes
    )

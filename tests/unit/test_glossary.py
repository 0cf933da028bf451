"""The glossary registry, its abbreviations and the link guard of `abbr`."""

from __future__ import annotations

import markdown

from macros.collection import Collection
from macros.glossary import abbreviations, all_terms, known_tokens


def test_registry_terms_and_structure_acronyms(repo_collection: Collection) -> None:
    reg = repo_collection.registries
    assert not repo_collection.report.has_errors
    terms = {t.term: t for t in all_terms(reg)}
    assert terms["DLA"].expansion == "Dispositif local d'accompagnement"
    assert terms["DLA"].theme == "dla-culture"
    # Structures come from their own registry, never written twice.
    assert terms["APES"].expansion == "Acteurs Pour une Économie Solidaire"
    assert terms["APES"].line == 0 and terms["APES"].structure == "apes"
    assert "APES" not in reg.glossary
    # An alias that is not the structure's acronym names the structure too.
    assert terms["CRDLA Culture"].expansion.endswith("(OPALE)")
    # Names that are not acronyms are no glossary terms.
    assert "Opale" not in terms
    assert list(terms) == sorted(terms, key=str.casefold)


def test_abbreviation_definitions_are_markdown_abbr(repo_collection: Collection) -> None:
    text = abbreviations(repo_collection.registries)
    assert "*[DLA]: Dispositif local d'accompagnement\n" in text
    assert "*[PES 21]: Pôle d'Économie Solidaire 21\n" in text


def test_known_tokens_cover_glossary_and_structures(repo_collection: Collection) -> None:
    known = known_tokens(repo_collection.registries)
    assert {"DLA", "ESS", "MES", "ARDES", "PES", "CRDLA", "UFISC"} <= known
    assert "CAF" not in known


def _render(text: str) -> str:
    md = markdown.Markdown(
        extensions=["attr_list", "toc", "abbr", "macros.site.glossary_abbr"],
        extension_configs={"toc": {"permalink": True}},
    )
    return md.convert(text + "\n\n*[DLA]: Dispositif local d'accompagnement\n")


def test_abbr_stays_out_of_links_and_code() -> None:
    html = _render(
        "## Le DLA\n\nLe DLA, [le **DLA** en ligne](https://exemple.org) puis DLA, et `DLA`.\n"
    )
    title = '<abbr tabindex="0" title="Dispositif local d\'accompagnement">DLA</abbr>'
    assert html.count(title) == 3  # heading text, before and after the link
    assert (
        '<a href="https://exemple.org">le <strong>DLA</strong> en ligne</a> puis ' + title in html
    )
    assert "<code>DLA</code>" in html
    assert 'id="le-dla"' in html
    assert '<a class="headerlink" href="#le-dla"' in html


def test_without_the_guard_abbr_would_enter_links() -> None:
    """The guard is what keeps links clean: plain `abbr` wraps link text."""
    md = markdown.Markdown(extensions=["abbr"])
    html = md.convert("[le DLA](https://exemple.org)\n\n*[DLA]: Dispositif\n")
    assert '<a href="https://exemple.org">le <abbr' in html

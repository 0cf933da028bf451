"""The glossary registry, its abbreviations and the link guard of `abbr`."""

from __future__ import annotations

from dataclasses import replace

import markdown

from macros.check.glossary import abbreviations, all_terms, known_tokens
from macros.core.model import GlossaryTerm
from macros.index.collection import Collection
from macros.render.fiche_page import fiche_source
from tests.support import make_fiche, render_macros


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


_EXTENSIONS = [
    "toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "abbr",
    "macros.site.glossary_abbr",
]  # fmt: skip


def _fiche_html(source: str) -> str:
    """A fiche page's HTML as MkDocs renders it (mkdocs.yml's extensions)."""
    md = markdown.Markdown(extensions=_EXTENSIONS, extension_configs={"toc": {"permalink": True}})
    return md.convert(source)


def _with_all_terms(source: str, collection: Collection) -> str:
    body = source[: source.index("\n*[") + 1] if "\n*[" in source else source
    return body + abbreviations(collection.registries)


def _terms_collection(collection: Collection) -> Collection:
    """The repository's registries, with terms only the rendered page can hold."""
    reg = replace(collection.registries)
    extra = {"Fiche 9.9": "Fiche à venir", "Note": "Une note", "CAE": "Coopérative"}
    reg.glossary = {
        **reg.glossary,
        **{term: GlossaryTerm(term, text, text, None, None, 1) for term, text in extra.items()},
    }
    return replace(collection, registries=reg)


def test_each_fiche_defines_only_its_terms_and_renders_as_with_all(
    repo_collection: Collection,
) -> None:
    collection = _terms_collection(repo_collection)
    tricky = replace(
        make_fiche("9.8", refs=["9.9"]),
        body=(
            '## Le _CAE_ et la DLA\n\nVoir {{ fiche("9.9") }} et {{ structure("apes") }}.\n\n'
            "!!! note\n\n    Le texte.\n"
        ),
    )
    fewer = 0
    for fiche in [*repo_collection.fiches, tricky]:
        source = render_macros(fiche_source(fiche, collection).text, collection)
        full = _with_all_terms(source, collection)
        assert _fiche_html(source) == _fiche_html(full), fiche.number
        fewer += source.count("\n*[") < full.count("\n*[")
    assert fewer >= len(repo_collection.fiches)
    html = _fiche_html(render_macros(fiche_source(tricky, collection).text, collection))
    for term in ("CAE", "Fiche 9.9", "Note"):
        assert f">{term}</abbr>" in html
    assert "APES</abbr>" not in html  # a link's text


def test_terms_within_a_text_are_those_of_the_full_list(repo_collection: Collection) -> None:
    reg = repo_collection.registries
    text = "Le DLA de PES 21, avec APES et CRDLA Culture ; pas « Opale »."
    defined = [line.split("]")[0][2:] for line in abbreviations(reg, text).splitlines()]
    assert defined == [
        "APES", "CRDLA", "CRDLA Culture", "DLA", "PES", "PES 21",
    ]  # fmt: skip
    assert abbreviations(reg, "rien") == ""

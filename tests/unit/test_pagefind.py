"""What Pagefind is told to index: sections, the article, the hidden forms."""

from __future__ import annotations

import re

from macros.check.html_lock import lock_page_html
from macros.data.search_index import Forms, PageWords
from macros.site.pagefind import (
    candidate_forms,
    hidden_forms,
    ignore_excluded_sections,
    mark_article,
)

SEPARATOR = re.compile(r"[\s\-'’·]+|\.(?!\d)")

STRUCTURE_BODY = """<p>Présentation visible.</p>
<h2 data-search-exclude id="pratiques">Pratiques (2)</h2>
<p>Liste des pratiques.</p>
<h3 data-search-exclude id="fiche-15"><a href="../">Fiche 1.5</a></h3>
<ul>
<li>Accueil des porteur·ses</li>
</ul>
<h2 id="suite">Suite</h2>
<p>Texte indexé.</p>
<div><p data-search-exclude>Bloc exclu</p><p>Bloc gardé</p></div>"""


def _ignored_tags(html: str) -> list[str]:
    return re.findall(r"<(\w+)[^>]*\bdata-pagefind-ignore\b", html)


def test_an_excluded_heading_ignores_its_section_up_to_the_next_heading() -> None:
    marked, kept = ignore_excluded_sections(STRUCTURE_BODY)
    assert _ignored_tags(marked) == ["h2", "p", "h3", "ul", "p"]
    assert '<h2 id="suite">' in marked
    assert "Présentation visible" in kept and "Texte indexé" in kept
    assert "Bloc gardé" in kept
    assert "porteur·ses" not in kept and "Liste des pratiques" not in kept
    assert "Bloc exclu" not in kept


def test_marking_only_adds_attributes() -> None:
    """The page body it gets is what the HTML lock published (a serialisation)."""
    published = lock_page_html(STRUCTURE_BODY).html
    marked, _ = ignore_excluded_sections(published)
    assert marked.replace(' data-pagefind-ignore=""', "") == published


def test_a_body_without_exclusions_is_returned_as_is() -> None:
    body = "<h2 id='a'>Titre</h2><p>Texte</p>"
    assert ignore_excluded_sections(body) == (body, body)


PAGE = (
    '<html lang="fr"><body><nav>Menu</nav>'
    '<article class="md-content__inner md-typeset"><h1>T</h1></article></body></html>'
)


def test_the_article_is_opened_to_pagefind_with_its_weight_and_forms() -> None:
    out = mark_article(PAGE, weight=5, variants=["porteuses", "actrices"])
    assert (
        '<article class="md-content__inner md-typeset" data-pagefind-body '
        'data-pagefind-weight="5" data-pagefind-meta="variantes_fiche:porteuses actrices">'
    ) in out
    other = mark_article(PAGE, weight=None, variants=["porteuses"])
    assert 'data-pagefind-meta="variantes:porteuses"' in other
    assert "data-pagefind-weight" not in other
    assert "<nav>Menu</nav>" in out


def test_forms_are_escaped_and_a_page_without_article_is_unchanged() -> None:
    out = mark_article(PAGE, weight=None, variants=['a"b'])
    assert 'data-pagefind-meta="variantes:a&quot;b"' in out
    assert mark_article("<p>rien</p>", weight=None, variants=["x"]) == "<p>rien</p>"


def test_hidden_forms_are_those_pagefind_would_not_match() -> None:
    text = "Les porteur·ses de projet et l'économie solidaire."
    forms = hidden_forms(candidate_forms(text, PageWords(), Forms(SEPARATOR)), text, SEPARATOR)
    assert {"porteuse", "porteuses"} <= set(forms)
    # Pagefind ignores accents and elided articles on its own.
    assert "economie" not in forms and "économie" not in forms
    assert "porteur" not in forms


def test_a_page_other_names_are_hidden_forms_unless_shown() -> None:
    extra = PageWords(names=("OPALE", "CRDLA Culture"))
    candidates = candidate_forms("Organisation pour projets", extra, Forms(SEPARATOR))
    assert hidden_forms(candidates, "OPALE. Organisation pour projets", SEPARATOR) == [
        "crdla",
        "culture",
    ]


def test_one_form_per_spelling_without_accents() -> None:
    text = "Les adhérent·es"
    forms = hidden_forms(candidate_forms(text, PageWords(), Forms(SEPARATOR)), text, SEPARATOR)
    folded = [f.replace("é", "e") for f in forms]
    assert len(folded) == len(set(folded))
    assert "adhérentes" in forms or "adherentes" in forms

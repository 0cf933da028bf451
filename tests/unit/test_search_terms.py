"""The forms a reader may type: inclusive writing, elisions, accents (data/search_index.py)."""

from __future__ import annotations

import re

import pytest

from macros.data.search_index import IRREGULAR, bare, inclusive_forms, tokens, unaccented, variants
from macros.site.mkdocs_yml import read_config
from tests.support import ROOT


def _project_separator() -> re.Pattern[str]:
    plugins = read_config(ROOT / "mkdocs.yml")["plugins"]
    search = next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)
    return re.compile(search["separator"])


SEPARATOR = _project_separator()


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("porteur·ses", {"porteur", "porteurs", "porteuse", "porteuses"}),
        ("porteur·se·s", {"porteur", "porteurs", "porteuse", "porteuses"}),
        ("acteur·ices", {"acteur", "acteurs", "actrice", "actrices"}),
        ("acteur·trices", {"acteur", "acteurs", "actrice", "actrices"}),
        ("directeur·rice", {"directeur", "directeurs", "directrice", "directrices"}),
        ("contributeur·ices", {"contributeur", "contributeurs", "contributrice", "contributrices"}),
        ("salarié·e·s", {"salarié", "salariés", "salariée", "salariées"}),
        ("militant·es", {"militant", "militants", "militante", "militantes"}),
        ("adhérent·es", {"adhérent", "adhérents", "adhérente", "adhérentes"}),
        ("élu·e", {"élu", "élus", "élue", "élues"}),
        ("chercheur·euses", {"chercheur", "chercheurs", "chercheuse", "chercheuses"}),
        (
            "professionnel·les",
            {"professionnel", "professionnels", "professionnelle", "professionnelles"},
        ),
        ("citoyen·ne·s", {"citoyen", "citoyens", "citoyenne", "citoyennes"}),
        ("paysan·nes", {"paysan", "paysans", "paysanne", "paysannes"}),
        ("sportif·ves", {"sportif", "sportifs", "sportive", "sportives"}),
        ("heureux·ses", {"heureux", "heureuse", "heureuses"}),
        ("conseiller·ères", {"conseiller", "conseillers", "conseillère", "conseillères"}),
        ("ouvrier·es", {"ouvrier", "ouvriers", "ouvrière", "ouvrières"}),
        ("locaux·les", {"local", "locaux", "locale", "locales"}),
        ("régional·e·s", {"régional", "régionaux", "régionale", "régionales"}),
        ("public·ques", {"public", "publics", "publique", "publiques"}),
        ("nouveau·elle·s", {"nouveau", "nouveaux", "nouvelle", "nouvelles"}),
        ("maître·sse·s", {"maître", "maîtres", "maîtresse", "maîtresses"}),
        ("chef·fe·s", {"chef", "chefs", "cheffe", "cheffes"}),
        ("un·e", {"un", "uns", "une", "unes"}),
        # Irregular forms come from the table.
        ("tou·te·s", {"tout", "tous", "toute", "toutes"}),
        ("tous·tes", {"tout", "tous", "toute", "toutes"}),
        ("ils·elles", {"il", "ils", "elle", "elles"}),
        ("copain·ine·s", {"copain", "copains", "copine", "copines"}),
    ],
)
def test_inclusive_word_gives_masculine_feminine_singular_plural(
    word: str, forms: set[str]
) -> None:
    assert set(inclusive_forms(word)) == forms


@pytest.mark.parametrize("dot", ["·", "∙", "•", "‧", "⋅"])
def test_every_middle_dot_look_alike_is_read_as_one(dot: str) -> None:
    assert set(inclusive_forms(f"porteur{dot}ses")) == {
        "porteur",
        "porteurs",
        "porteuse",
        "porteuses",
    }


def test_capitals_are_lowered() -> None:
    assert "actrices" in inclusive_forms("Acteur·ICES")


@pytest.mark.parametrize(
    "word",
    [
        "col·lectiu",  # Catalan «l·l»
        "intel·ligència",
        "Paral·lel",
        "kW·h",  # units
        "N·m",
        "1·5",
        "a·es",  # stem too short
        "les·des",
        "porteur",  # no dot at all
        "porteur·",
        "·es",
        "porteur·ses·x",
    ],
)
def test_words_that_are_not_inclusive_writing_give_nothing(word: str) -> None:
    assert inclusive_forms(word) == ()


def test_irregular_table_keys_are_lower_case_with_the_canonical_dot() -> None:
    for key, forms in IRREGULAR.items():
        assert key == key.lower()
        assert "·" in key
        assert not set(key) & set("∙•‧⋅")
        assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("économie", "economie"),
        ("bénévolat", "benevolat"),
        ("Côte", "Cote"),
        ("français", "francais"),
        ("cœur", "coeur"),
        ("naïf", "naif"),
        ("1.5", "1.5"),
        ("porteur", "porteur"),
    ],
)
def test_fold_removes_accents_cedillas_and_ligatures(word: str, expected: str) -> None:
    assert unaccented(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("l'économie", "économie"),
        ("l’accompagnement", "accompagnement"),
        ("d'autres", "autres"),
        ("qu'une", "une"),
        ("jusqu'au", "au"),
        ("s'engager", "engager"),
        ("aujourd'hui", "aujourd'hui"),  # not an elided article
        ("économie", "économie"),
    ],
)
def test_bare_drops_the_elided_article_or_pronoun(word: str, expected: str) -> None:
    assert bare(word) == expected


def test_project_separator_splits_dots_apostrophes_and_punctuation_but_not_numbers() -> None:
    text = "Les porteur·ses de l'économie, d’abord («fiche n°1.5») : acteur•ices ; fin."
    assert tokens(text, SEPARATOR) == [
        "les",
        "porteur",
        "ses",
        "de",
        "l",
        "économie",
        "d",
        "abord",
        "fiche",
        "n",
        "1.5",
        "acteur",
        "ices",
        "fin",
    ]


def test_variants_hold_inclusive_forms_not_already_written() -> None:
    found = variants("Les porteur·ses de projet et les porteurs", SEPARATOR)
    assert {"porteuses", "porteuse"} <= found
    assert "porteurs" not in found  # already a word of the text
    assert "porteur" not in found


def test_variants_hold_unaccented_forms_of_accented_words_and_forms() -> None:
    found = variants("Les salarié·e·s de l'économie solidaire et le bénévolat", SEPARATOR)
    assert {"economie", "benevolat", "salaries", "salariees", "salariées"} <= found
    assert "économie" not in found
    assert "solidaire" not in found


def test_variants_hold_the_bare_form_when_the_separator_keeps_apostrophes() -> None:
    found = variants("l'économie", re.compile(r"\s+"))
    assert {"économie", "economie"} <= found


def test_variants_of_the_older_bracketed_form() -> None:
    found = variants("Les adhérent(e)s et leurs structure(s)", SEPARATOR)
    assert {"adhérents", "adhérentes", "adherents", "adherentes", "structures"} <= found


def test_numbers_stay_whole_and_add_nothing() -> None:
    assert tokens("Voir la fiche 1.5 et la fiche 12.3.", SEPARATOR)[-1] == "12.3"
    assert variants("Voir la fiche 1.5 et la fiche 12.3.", SEPARATOR) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Paral·lel et col·lectiu",
        "Une puissance de 3 kW·h",
        "Un texte sans accent ni point médian",
        "Liste · puces • séparées",
    ],
)
def test_no_false_expansion(text: str) -> None:
    found = variants(text, SEPARATOR)
    words = set(tokens(text, SEPARATOR))
    # Only unaccented copies of the text's own words, nothing invented.
    assert found <= {unaccented(w) for w in words}

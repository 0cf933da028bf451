"""The browser writes the same fiche as Python for the same answers, byte for byte.

macros/data/fiche_writer.py and assets/javascripts/editeur-ecriture.js build the
shared template's view with the same rules, one per language; pystache and
mustache.js fill macros/templates/fiche.mustache. This runs the JavaScript in
Chromium on the answers of `fiches new`, of every fixture fiche the form can
open (as read, then changed) and of awkward values, and compares.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import Page

from macros.data.fiche_writer import (
    answers_from_text,
    load_template,
    new_fiche_answers,
    write_fiche_text,
)
from tests.support import ROOT
from tests.unit.test_fiche_writer import AWKWARD

pytestmark = pytest.mark.browser
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"


def _answer_sets() -> list[dict[str, Any]]:
    sets: list[dict[str, Any]] = []
    for title in AWKWARD:
        sets.append(
            new_fiche_answers(
                numero="1.10",
                titre=title,
                themes=["projet-politique", "dla-culture"],
                statut="brouillon",
                created=dt.date(2026, 3, 14),
            )
        )
    full = new_fiche_answers(
        numero="3.1", titre="Titre", themes=[], statut="relecture", created=dt.date(2026, 1, 2)
    )
    full["champs"].update(
        resume="Un résumé : avec « guillemets »", mots_cles=AWKWARD[:6], redaction=["ardes"]
    )
    full.update(
        contexte="\r\n\nLigne un\r\nligne deux  \n\n",
        enjeux=[
            {"titre": "Un\ntitre", "type": "politique", "points": ["a\r\nb", "", "  "]},
            {"titre": "Vide", "type": "", "points": []},
        ],
        pratiques=[
            {"texte": "Pratique", "structures": ["ARDES", "PES 21", 'Nom "cité"']},
            {"texte": "", "structures": []},
            {"texte": "Sans crédit", "structures": []},
        ],
        sections=[{"titre": "Pour aller plus loin", "texte": "- un lien\n\n### sous-titre\n"}],
    )
    sets.append(full)
    fixtures = sorted((ROOT / "tests" / "fixtures").rglob("fiches/*.md"))
    for path in [ROOT / "fiches" / "1.5.md", *fixtures]:
        answers = answers_from_text(path.read_bytes().decode("utf-8", "replace"), str(path))
        if answers is None:
            continue
        sets.append(answers)
        changed = copy.deepcopy(answers)
        changed["champs"].update(
            titre=AWKWARD[len(sets) % len(AWKWARD)], themes=["x", "y"], resume="", mots_cles=[]
        )
        changed["champs"]["date_creation"] = "2026-12-05"
        sets.append(changed)
    return sets


def test_browser_and_python_write_the_same_text(page: Page) -> None:
    page.set_content("<!doctype html><html><head></head><body></body></html>")
    for name in ("vendor/mustache-4.2.0.min.js", "editeur-ecriture.js"):
        page.add_script_tag(path=str(SCRIPTS / name))
    sets = _answer_sets()
    assert len(sets) > 100
    written = page.evaluate(
        "([sets, template]) => sets.map(a => MesEcriture.write(a, template))",
        [sets, load_template()],
    )
    mismatches = [
        (index, expected, got)
        for index, (answers, got) in enumerate(zip(sets, written, strict=True))
        if (expected := write_fiche_text(answers)) != got
    ]
    assert mismatches == []

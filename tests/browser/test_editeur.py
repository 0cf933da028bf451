"""The fiche editor («Proposer une fiche»), driven as a contributor drives it.

What the form writes is judged by the project's own tools: `fiches check` and
a real build, not by assertions on the text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from macros.check.schemas import load_schema
from macros.data.fiche_writer import load_template
from tests.support import ROOT, build_site, copy_project, run_fiches

pytestmark = pytest.mark.browser
SHOTS = ROOT / "tests" / "_artifacts"
EDITOR = "contribuer/editeur/"


def _open(page: Page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}/{EDITOR}{query}")
    expect(page.locator("#editeur")).to_be_visible()
    # A draft left by an earlier test of this context would change the start.
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("#ed-mode")).not_to_be_empty()


def _text(page: Page) -> str:
    page.wait_for_function("document.getElementById('ed-texte').value.length > 0")
    return page.locator("#ed-texte").input_value()


def _codes(page: Page) -> list[str]:
    return page.locator("#ed-problemes li").evaluate_all("els => els.map(e => e.dataset.code)")


def _add_practice(page: Page, index: int, text: str, structure_query: str) -> None:
    page.get_by_role("button", name="Ajouter une pratique").click()
    group = page.locator("#ed-pratiques > div").nth(index)
    group.locator(".ed-pratique-texte").fill(text)
    group.locator(".ed-cherche").fill(structure_query)
    group.locator(".ed-cherche").press("Enter")


def _fill_new_fiche(page: Page) -> None:
    page.locator("#ed-titre").fill("Accueillir les porteurs de projet sans rendez-vous")
    page.get_by_label("Projet politique de l'accompagnement").check()
    page.get_by_role("button", name="Ajouter un groupe d'enjeux").click()
    stake = page.locator("#ed-enjeux > div").nth(0)
    stake.locator(".ed-enjeu-type").select_option("politique")
    stake.locator(".ed-point").fill("Garder une porte ouverte aux personnes non orientées.")
    _add_practice(page, 0, "Tenir une permanence ouverte chaque semaine", "ardes")
    # An alias, not the short name: the registry says PES21 is PES 21.
    _add_practice(page, 1, "Orienter vers les réseaux locaux", "PES21")


def _check_project(tmp_path: Path, name: str, text: str) -> tuple[Path, int, str]:
    project = copy_project(tmp_path / "projet")
    (project / "fiches" / name).write_text(text, encoding="utf-8")
    result = run_fiches("check", cwd=project)
    return project, result.returncode, result.stdout + result.stderr


def test_new_fiche_with_two_practices_checks_builds_and_shows_on_both_structures(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    expect(page.locator("#ed-problemes")).not_to_contain_text("schema-")
    text = _text(page)
    number = page.locator("#ed-numero").input_value()
    assert number == "1.6"  # the next free number of chapter 1
    assert '({{ structure("ARDES") }})' in text
    assert '({{ structure("PES 21") }})' in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "editeur-nouvelle-fiche.png"), full_page=True)

    project, status, output = _check_project(tmp_path, f"{number}.md", text)
    assert status == 0, output
    built = build_site(project)
    assert built.returncode == 0, built.stderr
    for slug in ("ardes", "pes-21"):
        html = (project / "site" / "structures" / slug / "index.html").read_text("utf-8")
        assert "Accueillir les porteurs de projet sans rendez-vous" in html, slug


REFUSALS: list[tuple[str, Any]] = [
    ("numero-en-double", lambda p: p.locator("#ed-numero").fill("1.5")),
    ("schema-minLength", lambda p: p.locator("#ed-titre").fill("ab")),
    ("schema-pattern", lambda p: p.locator("#ed-titre").fill("Un titre {{ avec macro }}")),
    ("texte-interdit", lambda p: p.locator("#ed-titre").fill("Un titre <b>gras</b>")),
    ("themes-vides", lambda p: p.locator("#ed-statut").select_option("publiee")),
    ("enjeu-vide", lambda p: p.locator("#ed-enjeux .ed-point").first.fill("")),
    ("enjeu-sans-type", lambda p: p.locator(".ed-enjeu-type").first.select_option("")),
    (
        "pratiques-vides",
        lambda p: [
            p.get_by_role("button", name="Retirer la pratique 1").click(),
            p.get_by_role("button", name="Retirer la pratique 1").click(),
        ],
    ),
]


@pytest.mark.parametrize(("code", "action"), REFUSALS, ids=[c for c, _ in REFUSALS])
def test_each_refusal_carries_the_code_of_fiches_check(
    page: Page, site_url: str, tmp_path: Path, code: str, action: Any
) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    if code == "themes-vides":
        page.get_by_label("Projet politique de l'accompagnement").uncheck()
    action(page)
    expect(page.locator(f'#ed-problemes li[data-code="{code}"]')).to_have_count(1)
    shown = set(_codes(page)) - {"texte-a-remplacer"}
    number = page.locator("#ed-numero").input_value()
    # Never over fiche 1.5: a duplicate number goes to a file of its own.
    name = "nouvelle.md" if number == "1.5" else f"{number}.md"
    _, status, output = _check_project(tmp_path, name, _text(page))
    assert status != 0, output
    assert shown <= set(re.findall(r"\[([a-zA-Z-]+)\]", output)), (shown, output)


def test_fiche_1_5_loaded_and_written_back_is_its_file(page: Page, site_url: str) -> None:
    _open(page, site_url, "?fiche=1.5")
    expect(page.locator("#ed-mode")).to_contain_text("1.5")
    assert _text(page) == (ROOT / "fiches" / "1.5.md").read_text(encoding="utf-8")
    assert page.locator("#ed-pratiques > div").count() == 6
    assert _codes(page) == []


def test_form_writes_what_fiches_new_writes_for_the_same_answers(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    _open(page, site_url)
    page.locator("#ed-chapitre").select_option("2")
    page.locator("#ed-titre").fill("Coopérer : entre structures")
    page.get_by_label("Projet politique de l'accompagnement").check()
    page.get_by_label("DLA et DLA culture").check()
    from_form = _text(page)
    project = copy_project(tmp_path / "projet")
    result = run_fiches(
        "new",
        "--chapitre",
        "2",
        "--titre",
        "Coopérer : entre structures",
        "--theme",
        "projet-politique",
        "--theme",
        "dla-culture",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    from_cli = (project / "fiches" / "2.1.md").read_text(encoding="utf-8")
    assert from_form == from_cli


def test_download_and_copy_give_the_text(page: Page, site_url: str) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    text = _text(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger").click()
    assert download.value.suggested_filename == "1.6.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == text
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copier").click()
    expect(page.locator("#ed-sortie-etat")).to_have_text("Texte copié.")
    assert page.evaluate("navigator.clipboard.readText()") == text


def test_site_ships_the_template_and_schema_fiches_new_uses(page: Page, site_url: str) -> None:
    _open(page, site_url)
    shipped = page.evaluate("[window.MES_EDITEUR.modele, window.MES_EDITEUR.schema]")
    assert shipped == [load_template(), load_schema("fiche")]


def test_fiche_page_links_to_its_form(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/fiches/1.5/")
    page.get_by_role("link", name="Modifier avec le formulaire").click()
    expect(page.locator("#ed-mode")).to_contain_text("Modification de la fiche 1.5")


def test_github_address_carries_the_path_and_the_text(page: Page, site_url: str) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    text = _text(page)
    href = page.locator("#ed-ouvrir").get_attribute("href") or ""
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://github.com/le-mes/fiches-pratiques/new/main"
    )
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["filename"] == ["fiches/1.6.md"]
    assert query["value"] == [text]

    _open(page, site_url, "?fiche=1.5")
    assert page.locator("#ed-ouvrir").get_attribute("href") == (
        "https://github.com/le-mes/fiches-pratiques/edit/main/fiches/1.5.md"
    )


def test_draft_survives_a_reload_and_can_be_cleared(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.locator("#ed-titre").fill("Un brouillon à garder")
    page.wait_for_timeout(600)  # the draft is saved 300 ms after the last key
    page.reload()
    expect(page.locator("#ed-titre")).to_have_value("Un brouillon à garder")
    expect(page.locator("#ed-mode")).to_contain_text("Brouillon retrouvé")
    page.get_by_role("button", name="Effacer le brouillon").click()
    expect(page.locator("#ed-titre")).to_have_value("")
    page.reload()
    expect(page.locator("#ed-titre")).to_have_value("")


def test_mention_picker_inserts_a_macro_call(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.locator("#ed-contexte").fill("Voir aussi ")
    page.get_by_role("button", name="Insérer une mention dans « Contexte »").click()
    page.locator("#ed-mention-q").fill("opale")
    page.locator("#ed-mention-q").press("Enter")
    expect(page.locator("#ed-contexte")).to_have_value('Voir aussi {{ structure("OPALE") }}')


def test_axe_finds_no_serious_violation(page: Page, site_url: str) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    response: dict[str, Any] = Axe().run(page).response
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]
    assert serious == []


def test_the_form_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.locator("#ed-titre").focus()
    page.keyboard.type("Une fiche écrite au clavier")
    # To «Ajouter une pratique» by Tab only, then Enter.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ed-ajout-pratique":
            break
    else:
        pytest.fail("« Ajouter une pratique » n'est pas atteignable au clavier")
    page.keyboard.press("Enter")
    # The new practice's text field has the focus.
    assert page.evaluate("document.activeElement.classList.contains('ed-pratique-texte')")
    page.keyboard.type("Une pratique menée au clavier")
    page.keyboard.press("Tab")  # «Insérer une mention»
    page.keyboard.press("Tab")  # the structure search
    page.keyboard.type("ARDES")
    page.keyboard.press("Enter")
    expect(page.locator("#ed-pratiques .ed-credit")).to_have_count(1)
    assert 'Une pratique menée au clavier ({{ structure("ARDES") }})' in _text(page)


def test_editor_works_from_the_offline_copy(page: Page, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    built = build_site(
        project,
        env={"OFFLINE": "true", "DIRECTORY_URLS": "false", "RECHERCHE": "material"},
        site_dir="site-offline",
    )
    assert built.returncode == 0, built.stderr
    editor = project / "site-offline" / "contribuer" / "editeur.html"
    page.goto(editor.as_uri() + "?fiche=1.5")
    expect(page.locator("#ed-mode")).to_contain_text("Modification de la fiche 1.5")
    assert _text(page) == (ROOT / "fiches" / "1.5.md").read_text(encoding="utf-8")
    shutil.rmtree(project / "site-offline")

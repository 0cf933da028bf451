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
from playwright.sync_api import Page, expect

from macros.check.schemas import load_schema
from macros.core.model import STATUS_LABELS
from macros.data.fiche_writer import load_template
from tests.browser.axe_audit import audit, blocking, evaluated
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
    ("pratique-vide", lambda p: p.locator(".ed-pratique-texte").first.fill("")),
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
    # Nothing brings a cleared draft back: the form asks first, and «Annuler» keeps it.
    asked: list[str] = []

    def answer(dialog: Any, accept: bool) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    page.get_by_role("button", name="Effacer le brouillon").click()
    expect(page.locator("#ed-sortie-etat")).to_have_text("Brouillon conservé.")
    expect(page.locator("#ed-titre")).to_have_value("Un brouillon à garder")
    page.once("dialog", lambda d: answer(d, True))
    page.get_by_role("button", name="Effacer le brouillon").click()
    expect(page.locator("#ed-titre")).to_have_value("")
    assert len(asked) == 2 and "Effacer le brouillon ?" in asked[0]
    # The top line no longer speaks of a draft found.
    expect(page.locator("#ed-mode")).not_to_contain_text("Brouillon retrouvé")
    expect(page.locator("#ed-mode")).to_contain_text("Brouillon effacé")
    page.reload()
    expect(page.locator("#ed-titre")).to_have_value("")


def test_mention_picker_inserts_a_macro_call(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.locator("#ed-contexte").fill("Voir aussi ")
    page.get_by_role("button", name="Insérer une mention dans « Contexte »").click()
    page.locator("#ed-mention-q").fill("opale")
    page.locator("#ed-mention-q").press("Enter")
    expect(page.locator("#ed-contexte")).to_have_value('Voir aussi {{ structure("OPALE") }}')


@pytest.mark.parametrize(
    ("before", "after", "written"),
    [
        # Glued to the word before: a space goes in.
        ("Au clavier.", "", 'Au clavier. {{ structure("OPALE") }}'),
        # After an opening bracket no space; before a word, one.
        ("(", "voir)", '({{ structure("OPALE") }} voir)'),
        # Spaces already there are not doubled; a full stop after stays glued.
        ("avec ", ".", 'avec {{ structure("OPALE") }}.'),
    ],
)
def test_mention_is_not_glued_to_the_words_around_it(
    page: Page, site_url: str, before: str, after: str, written: str
) -> None:
    _open(page, site_url)
    context = page.locator("#ed-contexte")
    context.fill(before + after)
    context.evaluate("(t, at) => t.setSelectionRange(at, at)", len(before))
    page.get_by_role("button", name="Insérer une mention dans « Contexte »").click()
    page.locator("#ed-mention-q").fill("opale")
    page.locator("#ed-mention-q").press("Enter")
    expect(context).to_have_value(written)


def _active_option(page: Page, combobox: Any) -> str:
    active = combobox.get_attribute("aria-activedescendant")
    assert active, "aucune option active"
    option = page.locator(f"#{active}")
    expect(option).to_have_attribute("aria-selected", "true")
    assert page.locator('[role="option"][aria-selected="true"]').count() == 1
    return option.inner_text()


def test_structure_picker_is_a_combobox_the_arrows_move_through(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.get_by_role("button", name="Ajouter une pratique").click()
    search = page.locator("#ed-pratiques .ed-cherche")
    expect(search).to_have_attribute("role", "combobox")
    search.fill("o")
    listbox = page.locator(f"#{search.get_attribute('aria-controls')}")
    expect(listbox).to_have_attribute("role", "listbox")
    expect(search).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option").all_inner_texts()
    assert len(options) > 2
    search.press("ArrowDown")
    assert _active_option(page, search) == options[0]
    search.press("ArrowDown")
    assert _active_option(page, search) == options[1]
    search.press("ArrowUp")
    search.press("ArrowUp")  # from the first, up wraps to the last
    assert _active_option(page, search) == options[-1]
    # The focus never leaves the text box.
    assert page.evaluate("document.activeElement.classList.contains('ed-cherche')")
    search.press("Escape")
    expect(search).to_have_attribute("aria-expanded", "false")
    expect(listbox).to_be_hidden()
    search.press("ArrowDown")  # opens the list again
    expect(search).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Shift+Tab")  # leaving the box closes the list
    expect(listbox).to_be_hidden()
    search.focus()
    search.press("ArrowDown")
    search.press("ArrowDown")
    chosen = _active_option(page, search)
    search.press("Enter")
    expect(page.locator("#ed-pratiques .ed-credit")).to_have_count(1)
    assert chosen.startswith(page.locator("#ed-pratiques .ed-credit span").inner_text() + " — ")


def test_mention_dialog_suggestions_follow_the_arrows(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.get_by_role("button", name="Insérer une mention dans « Contexte »").click()
    query = page.locator("#ed-mention-q")
    expect(query).to_have_attribute("role", "combobox")
    expect(query).to_have_attribute("aria-controls", "ed-mention-choix")
    query.fill("e")
    options = page.locator("#ed-mention-choix").get_by_role("option").all_inner_texts()
    query.press("ArrowDown")
    query.press("ArrowDown")
    assert _active_option(page, query) == options[1]
    query.press("Enter")
    name = options[1].split(" — ")[0]
    expect(page.locator("#ed-contexte")).to_have_value(f'{{{{ structure("{name}") }}}}')
    expect(page.locator("#ed-mention")).to_be_hidden()


def test_axe_finds_no_serious_violation(page: Page, site_url: str) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    response = audit(page)
    assert blocking(response) == []


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


def _note(page: Page, field: Any) -> Any:
    """The message the form shows under `field`, found as a screen reader finds it."""
    ids = (field.get_attribute("aria-describedby") or "").split()
    notes = [i for i in ids if page.locator(f"#{i}.editeur-erreur").count()]
    assert len(notes) == 1, ids
    return page.locator(f"#{notes[0]}")


def test_a_faulty_field_says_so_under_itself_until_mended(page: Page, site_url: str) -> None:
    _open(page, site_url)
    title = page.locator("#ed-titre")
    title.fill("ab")
    expect(title).to_have_attribute("aria-invalid", "true")
    note = _note(page, title)
    expect(note).to_be_visible()
    expect(note).to_contain_text("« titre » est trop court ou vide")
    # Right under the field, not far below in «Vérifications».
    field_box = title.bounding_box()
    note_box = note.bounding_box()
    assert field_box and note_box
    assert 0 <= note_box["y"] - (field_box["y"] + field_box["height"]) < 20
    # The «Vérifications» list keeps the problem too.
    expect(page.locator('#ed-problemes li[data-code="schema-minLength"]')).to_have_count(1)
    # The number keeps its own help beside the error.
    number = page.locator("#ed-numero")
    number.fill("1.5")
    expect(number).to_have_attribute("aria-invalid", "true")
    assert "ed-numero-aide" in (number.get_attribute("aria-describedby") or "").split()
    expect(_note(page, number)).to_contain_text("déjà celui de")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "editeur-champ-en-erreur.png"))

    title.fill("Un titre assez long")
    number.fill("1.6")
    for field in (title, number):
        expect(field).not_to_have_attribute("aria-invalid", "true")
    assert number.get_attribute("aria-describedby") == "ed-numero-aide"
    expect(page.locator(".editeur-erreur")).to_have_count(0)


def test_blocked_proposal_says_why_and_leads_to_the_problems(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.locator("#ed-titre").fill("ab")
    page.locator("#ed-numero").fill("1.5")
    proposal = page.locator("#ed-ouvrir")
    expect(proposal).to_have_attribute("aria-disabled", "true")
    # Still in the Tab order, and Enter on it says why.
    proposal.focus()
    assert page.evaluate("document.activeElement.id") == "ed-ouvrir"
    page.keyboard.press("Enter")
    expect(page.locator("#ed-sortie-etat")).to_have_text(
        "Corrigez d'abord les 2 problèmes de « Vérifications »."
    )
    expect(page.locator("#ed-sortie-etat")).to_have_attribute("role", "status")
    assert page.evaluate("document.activeElement.id") == "ed-problemes"
    assert len(page.context.pages) == 1  # GitHub is not opened
    page.locator("#ed-numero").fill("1.6")
    proposal.click(force=True)  # Playwright refuses aria-disabled elements unless forced
    expect(page.locator("#ed-sortie-etat")).to_have_text(
        "Corrigez d'abord le problème de « Vérifications »."
    )
    assert page.evaluate("document.activeElement.id") == "ed-problemes"


def test_schema_messages_carry_the_remedy_fiches_check_gives(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    page.locator("#ed-numero").fill("")
    page.locator("#ed-titre").fill("ab")
    schema = load_schema("fiche")["properties"]
    shown = page.locator("#ed-problemes li").evaluate_all(
        "els => els.map(e => e.childNodes[1].textContent.trim())"
    )
    assert schema["titre"]["description"] in (_note(page, page.locator("#ed-titre")).text_content())
    _, status, output = _check_project(tmp_path, "nouvelle.md", _text(page))
    assert status != 0, output
    assert len(shown) == 2
    title, number = sorted(shown, key=lambda wording: "numero" in wording)
    assert f"{title} [" in output, (title, output)
    # The number's message and code are the check's; its remedy is the form's own, as
    # `fiches new` words it: the check's speaks of quotes in the file, which the form writes.
    assert number.split(" ; ")[0] + " ; " in output
    assert number.endswith("écrivez chapitre.rang avec un point, par exemple « 1.6 »"), number
    page.locator("#ed-numero").fill("1,7")
    expect(_note(page, page.locator("#ed-numero"))).to_contain_text(
        "« 1,7 » n'a pas la forme attendue pour « numero » ; "
        "écrivez chapitre.rang avec un point, par exemple « 1.7 »"
    )


def test_stake_problems_lead_to_their_group(page: Page, site_url: str) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    page.get_by_role("button", name="Ajouter un groupe d'enjeux").click()
    second = page.locator("#ed-enjeux > div").nth(1)
    second.locator(".ed-point").fill("Un enjeu sans type")
    problem = page.locator('#ed-problemes li[data-code="enjeu-sans-type"]')
    problem.get_by_role("button", name="Aller au champ").click()
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('#ed-enjeux .ed-enjeu-type')[1]"
    )
    expect(second.locator(".ed-enjeu-type")).to_have_attribute("aria-invalid", "true")
    second.locator(".ed-enjeu-type").select_option("economique")
    second.locator(".ed-point").fill("")
    empty = page.locator('#ed-problemes li[data-code="enjeu-vide"]')
    empty.get_by_role("button", name="Aller au champ").click()
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('#ed-enjeux > div')[1]"
        ".querySelector('.ed-point')"
    )
    # A kind the registry does not know (an old fiche's) leads to its select too.
    page.evaluate(
        """() => {
          const select = document.querySelectorAll('#ed-enjeux .ed-enjeu-type')[0];
          select.appendChild(new Option('ancien', 'ancien'));
          select.value = 'ancien';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }"""
    )
    unknown = page.locator('#ed-problemes li[data-code="enjeu-type-inconnu"]')
    unknown.get_by_role("button", name="Aller au champ").click()
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('#ed-enjeux .ed-enjeu-type')[0]"
    )


def test_status_choices_keep_the_order_of_the_model(page: Page, site_url: str) -> None:
    _open(page, site_url)
    labels = page.locator("#ed-statut option").all_inner_texts()
    assert labels == list(STATUS_LABELS.values()) == ["Brouillon", "En relecture", "Publiée"]


def test_a_fiche_too_long_for_the_address_goes_by_the_clipboard(page: Page, site_url: str) -> None:
    page.context.route("https://github.com/**", lambda route: route.abort())
    _open(page, site_url)
    _fill_new_fiche(page)
    note = page.locator("#ed-ouvrir-note")
    expect(note).to_be_hidden()
    page.locator("#ed-contexte").fill("Un contexte très détaillé. " * 400)
    text = _text(page)
    expect(note).to_be_visible()
    expect(note).to_contain_text("« Copier »")
    assert "ed-ouvrir-note" in (page.locator("#ed-ouvrir").get_attribute("aria-describedby") or "")
    href = page.locator("#ed-ouvrir").get_attribute("href") or ""
    assert len(href) <= 8000
    query = parse_qs(urlsplit(href).query, keep_blank_values=True)
    assert query == {"filename": ["fiches/1.6.md"]}
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    with page.context.expect_page():
        page.locator("#ed-ouvrir").click()
    expect(page.locator("#ed-sortie-etat")).to_contain_text("Texte copié")
    assert page.evaluate("navigator.clipboard.readText()") == text
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".editeur-sortie").screenshot(path=str(SHOTS / "editeur-fiche-longue.png"))
    page.locator("#ed-contexte").fill("Un contexte court.")
    expect(note).to_be_hidden()
    short = page.locator("#ed-ouvrir").get_attribute("href") or ""
    assert parse_qs(urlsplit(short).query)["value"] == [_text(page)]


def test_chapter_follows_the_number_typed(page: Page, site_url: str) -> None:
    _open(page, site_url)
    chapter = page.locator("#ed-chapitre")
    expect(chapter).to_have_value("1")
    page.locator("#ed-numero").fill("3.1")
    expect(chapter).to_have_value("3")
    assert chapter.evaluate("s => s.selectedOptions[0].textContent") == "Chapitre 3 (nouveau)"
    page.locator("#ed-numero").fill("1.7")
    expect(chapter).to_have_value("1")
    # The chapter added for 3.1 goes with it.
    expect(chapter.locator('option[value="3"]')).to_have_count(0)
    values = chapter.locator("option").evaluate_all("os => os.map(o => Number(o.value))")
    assert values == sorted(values)


def test_practice_with_credits_only_is_refused_and_leads_to_its_text(
    page: Page, site_url: str
) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    _add_practice(page, 2, "", "opale")
    problem = page.locator('#ed-problemes li[data-code="pratique-vide"]')
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text("la pratique 3 n'a pas de texte, seulement ses crédits")
    assert '\n-  ({{ structure("OPALE") }})\n' in _text(page)
    problem.get_by_role("button", name="Aller au champ").click()
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('.ed-pratique-texte')[2]"
    )
    expect(page.locator(".ed-pratique-texte").nth(2)).to_have_attribute("aria-invalid", "true")
    page.keyboard.type("Une pratique décrite")
    expect(problem).to_have_count(0)
    # Text without credits stays valid (fiche 1.5 has such a practice).
    _add_practice(page, 3, "Une pratique sans structure", "")
    expect(page.locator('#ed-problemes li[data-code="pratique-vide"]')).to_have_count(0)


@pytest.mark.parametrize(
    ("description", "empty"),
    [("…", True), ("et", True), ("(, )", True), ("1 000 visites", False), ("Écouter", False)],
)
def test_form_and_check_agree_on_an_empty_practice(
    page: Page, site_url: str, tmp_path: Path, description: str, empty: bool
) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    page.locator(".ed-pratique-texte").first.fill(description)
    shown = page.locator('#ed-problemes li[data-code="pratique-vide"]')
    expect(shown).to_have_count(1 if empty else 0)
    _, _, output = _check_project(
        tmp_path, f"{page.locator('#ed-numero').input_value()}.md", _text(page)
    )
    assert ("[pratique-vide]" in output) == empty, output


def test_axe_finds_no_serious_violation_on_errors_and_open_suggestions(
    page: Page, site_url: str
) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    page.locator("#ed-titre").fill("ab")
    page.locator("#ed-numero").fill("1.5")
    # A group of boxes in error too: a published fiche without a theme.
    page.locator("#ed-statut").select_option("publiee")
    page.get_by_label("Projet politique de l'accompagnement").uncheck()
    expect(page.locator("#ed-themes")).to_have_attribute("aria-invalid", "true")
    page.locator("#ed-contexte").fill("Long. " * 1500)
    page.locator("#ed-pratiques .ed-cherche").first.fill("o")
    page.locator("#ed-pratiques .ed-cherche").first.press("ArrowDown")
    page.locator("#ed-ouvrir").focus()
    page.keyboard.press("Enter")
    response = audit(page)
    assert blocking(response) == []
    assert {"aria-allowed-attr", "aria-valid-attr-value", "color-contrast"} <= evaluated(response)


def test_a_new_form_is_not_red_before_the_first_answer(page: Page, site_url: str) -> None:
    _open(page, site_url)
    # The title is missing, and «Vérifications» says so; the field waits for an answer.
    expect(page.locator('#ed-problemes li[data-code="schema-minLength"]')).to_have_count(1)
    expect(page.locator("#ed-titre")).not_to_have_attribute("aria-invalid", "true")
    page.locator("#ed-resume").fill("Un résumé")
    expect(page.locator("#ed-titre")).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize(
    ("key", "value"),
    [("statut", "publie"), ("statut", "zzz"), ("titr", "Un titre"), ("auteur", "ARDES")],
)
def test_value_and_key_suggestions_are_those_of_fiches_check(
    page: Page, site_url: str, tmp_path: Path, key: str, value: str
) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    if key == "statut":
        # An old draft's status the select does not offer.
        page.locator("#ed-statut").evaluate(
            "(s, v) => { s.appendChild(new Option(v, v)); s.value = v;"
            " s.dispatchEvent(new Event('change', { bubbles: true })); }",
            value,
        )
        code = "schema-enum"
    else:
        # A key of a fiche the form does not know is kept, and checked.
        page.wait_for_timeout(600)  # the draft is saved 300 ms after the last key
        draft = page.evaluate("JSON.parse(localStorage.getItem('mes-fiches-editeur:nouvelle'))")
        draft["reponses"]["entete"].append({"cle": key, "brut": f"{key}: {value}", "valeur": value})
        page.evaluate(
            "d => localStorage.setItem('mes-fiches-editeur:nouvelle', JSON.stringify(d))", draft
        )
        page.reload()
        expect(page.locator("#ed-mode")).to_contain_text("Brouillon retrouvé")
        code = "schema-cle-inconnue"
    problem = page.locator(f'#ed-problemes li[data-code="{code}"]')
    expect(problem).to_have_count(1)
    wording = problem.evaluate("li => li.childNodes[1].textContent.trim()")
    assert " ; " in wording
    _, status, output = _check_project(tmp_path, "1.6.md", _text(page))
    assert status != 0, output
    assert f"{wording} [{code}]" in output, (wording, output)


def test_stake_title_follows_its_type_until_written(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.get_by_role("button", name="Ajouter un groupe d'enjeux").click()
    group = page.locator("#ed-enjeux > div").nth(0)
    title = group.locator(".ed-enjeu-titre")
    group.locator(".ed-enjeu-type").select_option("politique")
    expect(title).to_have_value("Enjeux politiques")
    group.locator(".ed-enjeu-type").select_option("economique")
    expect(title).to_have_value("Enjeux économiques")
    # Typing replaces the label the form wrote; a title written by hand stays.
    title.click()
    page.keyboard.type("Financer l'accompagnement")
    expect(title).to_have_value("Financer l'accompagnement")
    group.locator(".ed-enjeu-type").select_option("social")
    expect(title).to_have_value("Financer l'accompagnement")


def test_blocked_message_goes_once_nothing_is_left_to_correct(page: Page, site_url: str) -> None:
    _open(page, site_url)
    _fill_new_fiche(page)
    page.locator("#ed-numero").fill("1.5")
    page.locator("#ed-ouvrir").click(force=True)
    expect(page.locator("#ed-sortie-etat")).to_contain_text("Corrigez d'abord")
    page.locator("#ed-numero").fill("1.6")
    expect(page.locator("#ed-sortie-etat")).to_have_text("")


def test_no_practice_written_says_a_blank_block_is_not_written(page: Page, site_url: str) -> None:
    _open(page, site_url)
    # Once the context is written, the template's example practices are gone.
    page.get_by_role("button", name="Ajouter un groupe d'enjeux").click()
    stake = page.locator("#ed-enjeux > div").nth(0)
    stake.locator(".ed-enjeu-type").select_option("politique")
    stake.locator(".ed-point").fill("Garder une porte ouverte.")
    page.get_by_role("button", name="Ajouter une pratique").click()
    problem = page.locator('#ed-problemes li[data-code="pratiques-vides"]')
    expect(problem).to_contain_text("un bloc de pratique laissé vide n'est pas écrit dans la fiche")
    problem.get_by_role("button", name="Aller au champ").click()
    assert page.evaluate("document.activeElement.classList.contains('ed-pratique-texte')")

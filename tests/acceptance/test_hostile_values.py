"""Escaping by construction: a hostile value in every text field adds no markup.

tests/hostile_values.py writes a project with payloads (entities named,
decimal and hexadecimal, quotes, `</script>`, `]]>`, `{{`, attribute lists,
links) in every text field of every registry, a fiche, a parcours and every
docs/ page's front matter. What `fiches check` refuses is refused with the
field's file and line; the site is then built with what the check accepts
(the surviving payloads) and with benign values, and every page, read by an
HTML5 parser (html5lib, the specification's algorithm), must hold exactly the
elements and attributes of the benign build, and the same scripts.
tests/browser/test_no_script_runs.py loads the same pages in Chromium.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import bibtexparser
import html5lib
import pytest

from tests.hostile_values import (
    ALWAYS_REFUSED,
    HOSTILE_FICHE,
    MARKDOWN_LABELS,
    PAGE_KINDS,
    PAYLOADS,
    hostile_site,
    surviving_payloads,
    write_project,
)
from tests.support import run_fiches

pytestmark = pytest.mark.build

SITE_URL = "https://exemple.org/fiches/"
JSON_SCRIPTS = ("application/json", "application/ld+json")


@pytest.mark.parametrize("name", ALWAYS_REFUSED)
def test_check_refuses_the_payload_in_every_field(name: str, tmp_path: Path) -> None:
    _, fields = write_project(tmp_path / "liste", None)
    project, fields = write_project(tmp_path / "projet", {f.label: [name] for f in fields})
    result = run_fiches("check", "--sans-info", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    refused = {
        (m.group(1), int(m.group(2)))
        for m in re.finditer(r"^([\w./-]+):(\d+):\d+: erreur: ", result.stdout, re.M)
    }
    markdown_own = name.startswith("entite-")  # Markdown shows entities as characters
    for field in fields:
        if field.label in MARKDOWN_LABELS and markdown_own:
            continue
        assert (field.path, field.line) in refused, f"{field}: {PAYLOADS[name]!r} accepted"


def test_entities_are_refused_in_plain_fields_with_a_french_message(tmp_path: Path) -> None:
    _, fields = write_project(tmp_path / "liste", None)
    labels = {f.label: ["entite-hexa"] for f in fields}
    project, fields = write_project(tmp_path / "projet", labels)
    result = run_fiches("check", "--sans-info", cwd=project)
    fiche_title = next(f for f in fields if f.label == "Titre fiche")
    assert re.search(
        rf"^{re.escape(fiche_title.path)}:{fiche_title.line}:\d+: erreur: valeur refusée : "
        r"la référence d'entité HTML « &#x22; » est interdite dans ce champ",
        result.stdout,
        re.M,
    ), result.stdout


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("valeurs-hostiles")
    hostile = hostile_site(base, benign=False, site_url=SITE_URL)
    benign = hostile_site(base, benign=True, site_url=SITE_URL)
    return hostile / "site", benign / "site"


def test_quotes_and_attribute_lists_reach_the_build(tmp_path: Path) -> None:
    """The build test is worth something only if hostile values get through."""
    survivors = surviving_payloads(tmp_path)
    assert "guillemet-droit" in survivors["Titre fiche"]
    assert "apostrophe" in survivors["Nom pirate"]
    assert "liste-d-attributs" in survivors["Libelle theme"]
    assert "entite-nommee" in survivors["Introduction parcours"]
    assert all(name not in ALWAYS_REFUSED for name in survivors["Titre fiche"])


def _shape(path: Path) -> tuple[list[tuple[str, tuple[str, ...]]], list[str]]:
    """Every element with its attribute names, in document order, and the
    text of every script (JSON scripts: checked, then left out)."""
    document = html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    elements = []
    scripts = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        elements.append((element.tag, tuple(sorted(element.attrib))))
        if element.tag == "script":
            text = element.text or ""
            if element.get("type") in JSON_SCRIPTS:
                json.loads(text)
                assert "<" not in text, f"{path}: « < » dans un script JSON"
            else:
                scripts.append(text)
    return elements, scripts


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_every_page_has_the_benign_build_markup(sites: tuple[Path, Path]) -> None:
    hostile, benign = sites
    pages = _pages(hostile)
    assert pages == _pages(benign)
    assert set(PAGE_KINDS) <= set(pages)
    for page in pages:
        elements, scripts = _shape(hostile / page)
        expected_elements, expected_scripts = _shape(benign / page)
        assert scripts == expected_scripts, page
        if elements != expected_elements:
            extra = sorted(set(elements) - set(expected_elements))
            pytest.fail(f"{page}: balisage différent de la version sans charge : {extra[:5]}")


def test_hostile_text_is_shown_as_text(sites: tuple[Path, Path]) -> None:
    """The payloads are there, as text, where the template writes them."""
    hostile, _ = sites
    document = html5lib.parse(
        (hostile / f"fiches/{HOSTILE_FICHE}/index.html").read_bytes(),
        treebuilder="etree",
        namespaceHTMLElements=False,
    )
    title = document.find(".//title")
    assert title is not None and PAYLOADS["guillemet-droit"] in (title.text or "")
    og = document.find(".//meta[@property='og:title']")
    assert og is not None and PAYLOADS["apostrophe"] in og.get("content", "")
    h1 = document.find(".//h1[@id='fiche-titre']")
    assert h1 is not None and PAYLOADS["liste-d-attributs"] in "".join(h1.itertext())


def test_feed_citations_and_data_keep_the_exact_text(sites: tuple[Path, Path]) -> None:
    hostile, _ = sites
    feed = etree.parse(hostile / "nouveautes" / "atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") or "" for e in feed.iter(f"{atom}entry")]
    fiche_title = next(t for t in titles if t.startswith(f"Fiche {HOSTILE_FICHE}"))
    assert PAYLOADS["guillemet-droit"] in fiche_title
    assert PAYLOADS["apostrophe"] in fiche_title
    bib = (hostile / "fiches" / HOSTILE_FICHE / "citation.bib").read_text(encoding="utf-8")
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks
    [entry] = library.entries
    assert sorted(entry.fields_dict) == sorted(
        [
            "author",
            "title",
            "howpublished",
            "year",
            "month",
            "url",
            "urldate",
            "copyright",
            "language",
        ]
    )
    csl = json.loads((hostile / "fiches" / HOSTILE_FICHE / "citation.json").read_text("utf-8"))
    assert PAYLOADS["guillemet-droit"] in csl[0]["title"]
    data = json.loads((hostile / "donnees" / "fiches.json").read_text(encoding="utf-8"))
    record = next(r for r in data["fiches"] if r["numero"] == HOSTILE_FICHE)
    assert PAYLOADS["liste-d-attributs"] in record["titre"]

"""What data tools, search engines and sharing sites read from a built site,
checked with their own kind of parser: frictionless and check-jsonschema on
the open data, an HTML5 parser and json on the JSON-LD, bibtexparser and
citeproc-py on the citation files (tests/unit/test_citation.py formats them),
and the licence setting followed everywhere it is shown."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import bibtexparser
import html5lib
import pytest

from tests.site_html import resolve
from tests.support import ROOT, build_site, copy_project

pytestmark = pytest.mark.build

FIXTURE = ROOT / "tests" / "fixtures" / "collections" / "lecteur" / "fiches"
SITE_URL = "https://exemple.org/ressources/"
SITE_DESCRIPTION = "Centre de ressources des pratiques d'accompagnement"
ATOM = "{http://www.w3.org/2005/Atom}"
BIN = Path(sys.executable).parent


def _project(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    project = copy_project(tmp_path_factory.mktemp(name) / "projet")
    shutil.copytree(FIXTURE, project / "fiches", dirs_exist_ok=True)
    return project


def _built(project: Path, env: dict[str, str] | None = None) -> Path:
    result = build_site(project, env=env)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def online(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _built(_project(tmp_path_factory, "en-ligne"), {"SITE_URL": SITE_URL})


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build without site_url, as `make serve` and `make build` make it."""
    return _built(_project(tmp_path_factory, "local"))


def _document(path: Path) -> Element:
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def _text(element: Element) -> str:
    """What a reader reads, without the headings' «¶» permalinks."""
    return " ".join("".join(element.itertext()).split()).removesuffix("¶").strip()


def _by_class(document: Element, tag: str, name: str) -> list[Element]:
    return [e for e in document.iter(tag) if name in (e.get("class") or "").split()]


def _json_ld(document: Element) -> list[dict[str, Any]]:
    return [
        json.loads(script.text or "")
        for script in document.iter("script")
        if script.get("type") == "application/ld+json"
    ]


def _canonical(document: Element) -> str:
    [link] = [e for e in document.iter("link") if e.get("rel") == "canonical"]
    return link.get("href", "")


def _meta(document: Element, key: str, value: str) -> str | None:
    for meta in document.iter("meta"):
        if meta.get(key) == value:
            return meta.get("content")
    return None


# Open data: the data package read by frictionless, the JSON by its schema.


def _frictionless(package: Path) -> dict[str, Any]:
    result = subprocess.run(
        [str(BIN / "frictionless"), "validate", "--json", str(package.name)],
        cwd=package.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    assert isinstance(report, dict)
    return report


def test_frictionless_validates_the_built_data_package(online: Path) -> None:
    folder = online / "donnees"
    report = _frictionless(folder / "datapackage.json")
    assert report["valid"], json.dumps(report, ensure_ascii=False)[:2000]
    tasks = {task["name"]: task for task in report["tasks"]}
    assert set(tasks) == {"pratiques", "fiches"}
    assert tasks["pratiques"]["stats"]["rows"] > 0
    descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert descriptor["homepage"] == f"{SITE_URL}donnees/"
    for resource in descriptor["resources"]:
        assert (folder / resource["path"]).is_file()
    schema = json.loads((folder / "pratiques.schema.json").read_text("utf-8"))
    [number] = [f for f in schema["fields"] if f["name"] == "fiche_numero"]
    assert number["type"] == "string"


def test_frictionless_refuses_fiche_numbers_a_spreadsheet_turned_into_numbers(
    online: Path, tmp_path: Path
) -> None:
    """The Table Schema does check: 1.10 read back as the number 1.1 fails."""
    folder = shutil.copytree(online / "donnees", tmp_path / "donnees")
    csv_path = folder / "pratiques.csv"
    text = csv_path.read_bytes().decode("utf-8-sig")
    # Data cells are quoted (macros/data/open_data.py, csv_cell).
    assert '\r\n"n°1.5";' in text
    csv_path.write_bytes(text.replace('\r\n"n°1.5";', "\r\n1.5;", 1).encode("utf-8-sig"))
    report = _frictionless(folder / "datapackage.json")
    assert not report["valid"]
    [error] = [e for task in report["tasks"] for e in task["errors"]]
    assert error["type"] == "constraint-error" and error["fieldName"] == "fiche_numero"


def test_check_jsonschema_validates_fiches_json_against_its_published_schema(
    online: Path,
) -> None:
    folder = online / "donnees"
    command = [str(BIN / "check-jsonschema"), "--schemafile", "fiches.schema.json"]
    result = subprocess.run(
        [*command, "fiches.json"], cwd=folder, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    document = json.loads((folder / "fiches.json").read_text("utf-8"))
    document["fiches"][0]["numero"] = 1.5
    broken = folder.parent / "fiches-casse.json"
    broken.write_text(json.dumps(document), "utf-8")
    result = subprocess.run(
        [*command, str(broken)], cwd=folder, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1 and "numero" in result.stdout


# Structured data, parsed as a browser does and matched against the page.


def test_fiche_json_ld_matches_the_page(online: Path) -> None:
    document = _document(online / "fiches" / "1.5" / "index.html")
    [data] = _json_ld(document)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == ["Article", "LearningResource"]
    [title] = [e for e in document.iter("h1") if e.get("id") == "fiche-titre"]
    assert data["headline"] == _text(title)
    assert data["url"] == _canonical(document) == f"{SITE_URL}fiches/1.5/"
    assert data["inLanguage"] == document.get("lang") == "fr"
    [summary] = _by_class(document, "p", "fiche-resume")
    assert data["description"] == _text(summary)
    themes = _by_class(document, "a", "puce--theme")
    assert [t["name"] for t in data["about"]] == [_text(a) for a in themes]
    page_url = f"{SITE_URL}fiches/1.5/"
    assert [t["url"] for t in data["about"]] == [urljoin(page_url, a.get("href")) for a in themes]
    credited = _by_class(document, "a", "puce--creditee")
    assert credited, "fiche 1.5 credits practices to structures"
    assert {c["alternateName"] for c in data["contributor"]} == {_text(a) for a in credited}
    assert {c["name"] for c in data["contributor"]} == {
        a.get("title", "").split(" — ")[0] for a in credited
    }
    [meta] = _by_class(document, "p", "fiche-meta")
    [updated] = list(meta.iter("time"))
    assert data["dateModified"] == updated.get("datetime") == "2026-11-26"
    assert data["isPartOf"] == {
        "@type": "WebSite",
        "name": "Fiches pratiques du MES",
        "url": SITE_URL,
    }
    [footer_licence] = _by_class(document, "div", "md-copyright__licence")
    assert data["license"]["name"] == "Licence à préciser"
    assert _text(footer_licence).startswith(data["license"]["name"])
    assert data["license"]["url"] == f"{SITE_URL}donnees/#licence"


def test_structure_json_ld_is_an_organization(online: Path) -> None:
    document = _document(online / "structures" / "ardes" / "index.html")
    [data] = _json_ld(document)
    assert data["@type"] == "Organization"
    assert data["url"] == _canonical(document)
    [name] = _by_class(document, "p", "profil-nom")
    assert data["name"] == _text(name)
    [title] = list(document.iter("h1"))
    assert data["alternateName"] == _text(title) == "ARDES"
    website = [a.get("href") for a in document.iter("a") if a.get("href") == data["sameAs"]]
    assert website, "the structure's website is linked from its page"


def test_open_data_page_is_a_dataset_with_its_downloads(online: Path) -> None:
    page = online / "donnees" / "index.html"
    document = _document(page)
    [data] = _json_ld(document)
    assert data["@type"] == "Dataset"
    assert data["url"] == _canonical(document)
    assert data["description"] == _meta(document, "name", "description")
    downloads = {d["name"]: d for d in data["distribution"]}
    assert set(downloads) == {"pratiques.csv", "fiches.json", "datapackage.json"}
    assert downloads["pratiques.csv"]["encodingFormat"] == "text/csv"
    for download in downloads.values():
        assert download["@type"] == "DataDownload"
        assert download["contentUrl"].startswith(SITE_URL)
        assert (online / download["contentUrl"].removeprefix(SITE_URL)).is_file()
    linked = {a.get("href") for a in document.iter("a")}
    assert {"fiches.json", "pratiques.csv", "datapackage.json"} <= linked
    assert data["dateModified"] == "2026-11-26"


def test_json_ld_urls_are_relative_without_a_site_url(local: Path) -> None:
    page = local / "fiches" / "1.5" / "index.html"
    [data] = _json_ld(_document(page))
    for theme in data["about"]:
        target = resolve(local, page, theme["url"])
        assert target is not None and target[0].is_file(), theme["url"]
    donnees = local / "donnees" / "index.html"
    [dataset] = _json_ld(_document(donnees))
    for download in dataset["distribution"]:
        target = resolve(local, donnees, download["contentUrl"])
        assert target is not None and target[0].is_file(), download["contentUrl"]


def test_other_pages_carry_no_json_ld(online: Path) -> None:
    for path in ("index.html", "catalogue/index.html", "themes/dla-culture/index.html"):
        assert _json_ld(_document(online / path)) == [], path


# Indexing and sharing.


def test_robots_txt_names_the_sitemap_when_the_address_is_known(online: Path, local: Path) -> None:
    robots = (online / "robots.txt").read_text("utf-8").splitlines()
    assert robots[0] == "User-agent: *"
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert (online / "sitemap.xml").is_file()
    # Sitemap lines take absolute URLs only: none without a site_url.
    offline_robots = (local / "robots.txt").read_text("utf-8")
    assert "User-agent: *" in offline_robots and "Sitemap" not in offline_robots


def test_sitemap_lastmod_is_each_fiche_date(online: Path) -> None:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = etree.parse(online / "sitemap.xml").getroot()
    lastmod = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in root}
    assert lastmod[f"{SITE_URL}fiches/1.5/"] == "2026-11-26"
    assert lastmod[f"{SITE_URL}fiches/2.4/"] == "2026-03-01"
    assert lastmod[f"{SITE_URL}fiches/3.1/"] == "2026-02-01"


def test_every_page_has_a_description_of_its_own(online: Path) -> None:
    site_wide = []
    for path in sorted(online.rglob("*.html")):
        document = _document(path)
        if _meta(document, "http-equiv", "refresh") or path.name == "404.html":
            continue  # redirects of former numbers; the 404 page is not indexed
        description = _meta(document, "name", "description")
        assert description, path
        if description.startswith(SITE_DESCRIPTION) and path != online / "index.html":
            site_wide.append(str(path.relative_to(online)))
    assert site_wide == []


def test_og_image_is_the_static_card(online: Path, local: Path) -> None:
    document = _document(online / "fiches" / "1.5" / "index.html")
    image = _meta(document, "property", "og:image")
    assert image == f"{SITE_URL}assets/images/carte-partage.png"
    card = (online / image.removeprefix(SITE_URL)).read_bytes()
    assert card.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", card[16:24]) == (1200, 630)
    assert _meta(document, "property", "og:image:width") == "1200"
    assert _meta(document, "property", "og:image:alt")
    assert _meta(document, "name", "twitter:card") == "summary_large_image"
    page = local / "structures" / "ardes" / "index.html"
    relative = _meta(_document(page), "property", "og:image")
    assert relative is not None
    target = resolve(local, page, relative)
    assert target is not None and target[0].is_file()


# The licence setting, followed everywhere it is shown.


def test_undecided_licence_everywhere(online: Path) -> None:
    package = json.loads((online / "donnees" / "datapackage.json").read_text("utf-8"))
    assert package["licenses"] == [
        {"title": "Licence à préciser", "path": f"{SITE_URL}donnees/#licence"}
    ]
    feed = etree.parse(online / "nouveautes" / "atom.xml").getroot()
    assert feed.findtext(f"{ATOM}rights") == "Licence à préciser"
    library = bibtexparser.parse_file(str(online / "fiches" / "1.5" / "citation.bib"))
    assert library.failed_blocks == []
    assert library.entries[0]["copyright"] == "Licence à préciser"
    [item] = json.loads((online / "fiches" / "1.5" / "citation.json").read_text("utf-8"))
    assert item["license"] == "Licence à préciser"
    donnees = _document(online / "donnees" / "index.html")
    [section] = [e for e in donnees.iter("h2") if e.get("id") == "licence"]
    assert "à préciser" in _text(_by_class(donnees, "article", "md-content__inner")[0])
    assert _text(section) == "Licence et citation"
    toc = [a for a in _by_class(donnees, "a", "md-nav__link") if a.get("href") == "#licence"]
    # Material draws the table of contents twice: in the sidebar and in the drawer.
    assert {_text(a) for a in toc} == {"Licence et citation"}
    home = _document(online / "index.html")
    [footer] = _by_class(home, "div", "md-copyright__licence")
    [link] = list(footer.iter("a"))
    assert link.get("href") == "donnees/#licence"
    # The whole footer in French: Material writes its credit line in English.
    [copyright] = _by_class(home, "div", "md-copyright")
    assert "Réalisé avec Material for MkDocs" in " ".join(_text(copyright).split())
    assert "Made with" not in _text(copyright)


def test_a_chosen_licence_reaches_every_reader(tmp_path_factory: pytest.TempPathFactory) -> None:
    project = _project(tmp_path_factory, "licence")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "  licence: à préciser\n" in text
    config.write_text(text.replace("  licence: à préciser\n", "  licence: CC BY-SA 4.0\n"), "utf-8")
    site = _built(project, {"SITE_URL": SITE_URL})
    url = "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"
    package = json.loads((site / "donnees" / "datapackage.json").read_text("utf-8"))
    assert package["licenses"] == [{"name": "CC-BY-SA-4.0", "path": url, "title": "CC BY-SA 4.0"}]
    assert _frictionless(site / "donnees" / "datapackage.json")["valid"]
    feed = etree.parse(site / "nouveautes" / "atom.xml").getroot()
    assert feed.findtext(f"{ATOM}rights") == "Licence CC BY-SA 4.0"
    bib = bibtexparser.parse_file(str(site / "fiches" / "1.5" / "citation.bib"))
    assert bib.entries[0]["copyright"] == "Licence CC BY-SA 4.0"
    document = _document(site / "fiches" / "1.5" / "index.html")
    [data] = _json_ld(document)
    assert data["license"] == url
    [footer] = _by_class(document, "div", "md-copyright__licence")
    licence_link = [a for a in footer.iter("a") if a.get("rel") == "license"]
    assert [(a.get("href"), _text(a)) for a in licence_link] == [(url, "Licence CC BY-SA 4.0")]
    donnees = _by_class(_document(site / "donnees" / "index.html"), "article", "md-content__inner")
    assert "CC BY-SA 4.0" in _text(donnees[0])


def test_an_unknown_licence_stops_the_build_with_a_french_message(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    project = _project(tmp_path_factory, "licence-inconnue")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8").replace("  licence: à préciser\n", "  licence: GPL\n")
    config.write_text(text, "utf-8")
    result = build_site(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "extra: licence : « GPL » n'est pas une licence connue" in result.stderr
    assert "« CC BY-SA 4.0 »" in result.stderr
    assert not (project / "site" / "index.html").exists()

"""Reader features on built sites: glossary tooltips, «Quoi de neuf» and its
Atom feed, citations, sharing metadata and former-number redirects, online
(directory URLs, published address) and offline (plain .html files)."""

from __future__ import annotations

import html
import re
import shutil
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.site_html import dead_links, parse, resolve
from tests.support import ROOT, build_site, copy_project

pytestmark = pytest.mark.build

FIXTURE = ROOT / "tests" / "fixtures" / "collections" / "lecteur" / "fiches"
SITE_URL = "https://exemple.org/ressources/"
ATOM = "{http://www.w3.org/2005/Atom}"
DLA = '<abbr tabindex="0" title="Dispositif local d\'accompagnement">DLA</abbr>'


def _project(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    project = copy_project(tmp_path_factory.mktemp(name) / "projet")
    shutil.copytree(FIXTURE, project / "fiches", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="module")
def online(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory, "en-ligne")
    result = build_site(project, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = _project(tmp_path_factory, "hors-ligne")
    result = build_site(project, env={"OFFLINE": "true", "DIRECTORY_URLS": "false"})
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


class _AbbrPlaces(HTMLParser):
    """Each <abbr> with the elements it sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.found: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr":
            self.found.append((dict(attrs).get("title") or "", list(self.stack)))
        if tag not in ("br", "img", "meta", "link", "input", "hr", "wbr", "source"):
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break


def _abbrs(page: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    collector = _AbbrPlaces()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector.found


def _fiche(site: Path, number: str) -> str:
    return (site / "fiches" / number / "index.html").read_text(encoding="utf-8")


def test_glossary_tooltips_on_fiche_terms(online: Path) -> None:
    page = _fiche(online, "1.5")
    body = page.split('class="fiche-corps"', 1)[1]
    assert body.count(DLA) == 3
    assert '<abbr tabindex="0" title="Économie sociale et solidaire">ESS</abbr>' in body
    assert '<abbr tabindex="0" title="Mouvement pour l\'Économie Solidaire">MES</abbr>' in body
    # Structure links keep their own title and no <abbr>: «UFISC» is a link here.
    assert re.search(r'<a href="[^"]*ufisc/"[^>]*>UFISC</a>', body)


def test_no_tooltip_inside_links_anchors_or_code(online: Path) -> None:
    page = online / "fiches" / "2.4" / "index.html"
    text = page.read_text(encoding="utf-8")
    found = _abbrs(page)
    assert len(found) >= 4
    for _, parents in found:
        tags = [tag for tag, _ in parents]
        assert "a" not in tags and "code" not in tags and "pre" not in tags, parents
    # In the heading's text, but neither in its id nor in its permalink.
    assert re.search(r'<h3 [^>]*id="le-role-du-dla"[^>]*>Le rôle du ' + re.escape(DLA), text)
    # The lock publishes its own serialisation: the pilcrow as a character.
    assert re.search(r'<a class="headerlink" href="#le-role-du-dla"[^>]*>(?:&para;|¶)</a>', text)
    assert "<code>DLA</code>" in text
    assert '<a href="https://exemple.org/dla">le site du DLA</a>' in text
    for fiche_page in online.glob("fiches/*/index.html"):
        for _, parents in _abbrs(fiche_page):
            assert "a" not in [tag for tag, _ in parents], fiche_page


def test_glossary_page(online: Path) -> None:
    page = (online / "glossaire" / "index.html").read_text(encoding="utf-8")
    assert 'id="terme-dla"' in page and 'id="terme-apes"' in page
    assert "Dispositif local d&#x27;accompagnement" in page or (
        "Dispositif local d'accompagnement" in page
    )
    assert "<abbr" not in page.split("md-content", 1)[1]


def test_news_page_newest_first_with_french_dates(online: Path) -> None:
    page = html.unescape((online / "nouveautes" / "index.html").read_text(encoding="utf-8"))
    first = page.index("26 novembre 2026")
    second = page.index("1er mars 2026")
    assert first < second
    assert page.index("Fiche 1.5") < page.index("Fiche 2.4")
    assert "Nouvel exemple de DLA en Normandie" in page
    assert 'href="atom.xml"' in page
    fiche = _fiche(online, "1.5")
    assert 'Mise à jour le <time datetime="2026-11-26">26 novembre 2026</time>' in fiche


def test_atom_feed_is_valid(online: Path) -> None:
    feed = etree.parse(online / "nouveautes" / "atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{name}") or "").strip(), name
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith(SITE_URL)
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"{SITE_URL}fiches/1.5/",
        f"{SITE_URL}fiches/2.4/",
        f"{SITE_URL}fiches/3.1/",
    ]
    # Deterministic: the feed's date is its newest entry's, not the build time.
    assert feed.findtext(f"{ATOM}updated") == entries[0].findtext(f"{ATOM}updated")
    assert entries[1].findtext(f"{ATOM}summary") == "Nouvel exemple de DLA en Normandie"
    self_link = [x for x in feed.findall(f"{ATOM}link") if x.get("rel") == "self"]
    assert self_link[0].get("href") == f"{SITE_URL}nouveautes/atom.xml"


def test_citation_of_fiche_1_5(online: Path) -> None:
    page = _fiche(online, "1.5")
    match = re.search(r'data-citation="([^"]*)"', page)
    assert match is not None
    assert html.unescape(match.group(1)) == (
        "Mouvement pour l'Économie Solidaire, Quelles conditions politiques et matérielles "
        f"de l'accompagnement ?, fiche n°1.5, 2026, {SITE_URL}fiches/1.5/"
    )
    assert "<cite>Quelles conditions politiques et matérielles" in html.unescape(page)
    bib = (online / "fiches" / "1.5" / "citation.bib").read_text(encoding="utf-8")
    assert f"url = {{{SITE_URL}fiches/1.5/}}" in bib
    page_path = online / "fiches" / "1.5" / "index.html"
    targets = {resolve(online, page_path, link.href) for link in parse(page_path).links}
    assert (online / "fiches" / "1.5" / "citation.bib", "") in targets
    assert (online / "fiches" / "1.5" / "citation.json", "") in targets


def test_sharing_metadata(online: Path) -> None:
    page = html.unescape(_fiche(online, "1.5"))
    assert '<meta name="description" content="Comment les structures du MES situent' in page
    assert '<meta property="og:title" content="Fiche 1.5 — Quelles conditions' in page
    assert '<meta property="og:description" content="Comment les structures du MES' in page
    assert f'<meta property="og:url" content="{SITE_URL}fiches/1.5/">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:locale" content="fr_FR">' in page
    assert '<meta property="og:site_name" content="Fiches pratiques du MES">' in page


def test_former_number_redirects_online(online: Path) -> None:
    old = online / "fiches" / "2.3" / "index.html"
    text = old.read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../2.4/">' in text
    assert f'<link rel="canonical" href="{SITE_URL}fiches/2.4/">' in text
    assert '<a href="../2.4/">Fiche 2.4 — Une fiche renumérotée</a>' in text
    resolved = resolve(online, old, "../2.4/")
    assert resolved is not None and resolved[0].is_file()
    assert dead_links(online) == []


def test_citing_a_former_number_links_to_the_current_page(online: Path) -> None:
    page = online / "fiches" / "3.1" / "index.html"
    body = _fiche(online, "3.1").split('class="fiche-corps"', 1)[1]
    assert '<span class="fiche-a-paraitre"' not in body
    titled = '<a href="../2.4/" title="Fiche 2.4 — Une fiche renumérotée">fiche n°2.3</a>'
    assert titled in html.unescape(body)
    assert '<a href="../2.4/">Fiche 2.4 — Une fiche renumérotée</a>' in html.unescape(body)
    targets = {resolve(online, page, link.href) for link in parse(page).links}
    assert (online / "fiches" / "2.4" / "index.html", "") in targets
    # The new page lists it among the fiches that cite it.
    cited_by = html.unescape(_fiche(online, "2.4")).split('id="citee-par"', 1)[1]
    assert '<a href="../3.1/">Fiche 3.1 — Une fiche qui cite un ancien numéro</a>' in cited_by


def test_former_number_redirects_offline(offline: tuple[Path, str]) -> None:
    site, log = offline
    old = site / "fiches" / "2.3.html"
    text = old.read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=2.4.html">' in text
    assert '<a href="2.4.html">' in text
    assert (site / "fiches" / "2.4.html").is_file()
    # The build says where the old number is written, and which one to write.
    assert "fiches/3.1.md:14:9: la fiche 2.3 porte désormais le numéro 2.4" in log
    assert '{{ fiche("2.4") }}' in log and "[fiche-ancien-numero]" in log
    cited = resolve(site, site / "fiches" / "3.1.html", "2.4.html")
    assert cited is not None and cited[0].is_file()
    # Citations work from a folder too.
    page = site / "fiches" / "1.5.html"
    targets = {resolve(site, page, link.href) for link in parse(page).links}
    assert (site / "fiches" / "1.5" / "citation.bib", "") in targets
    assert (site / "fiches" / "1.5" / "citation.json", "") in targets
    # No published address: no feed, said in the build log, and no URL in citations.
    assert not (site / "nouveautes" / "atom.xml").exists()
    assert "pas de flux Atom des nouveautés : site_url n'est pas défini" in log
    cited = html.unescape((site / "fiches" / "1.5.html").read_text(encoding="utf-8"))
    assert "de l'accompagnement ?, fiche n°1.5, 2026\"" in cited
    assert dead_links(site) == []

"""End-to-end strict builds: the real repository and a small fixture collection."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.check.html_lock import lock_page_html
from tests.site_html import dead_links, links_to, parse
from tests.support import ROOT, SEED, build_site, copy_project, normalise, page_text

STRUCTURES = ("pes-21", "ardes", "apes", "mes-occitanie", "opale", "ufisc", "cofac")
MINI = ROOT / "tests" / "fixtures" / "collections" / "mini"

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("reel") / "projet")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("mini") / "projet", with_fiches=False)
    shutil.copytree(MINI / "fiches", project / "fiches", dirs_exist_ok=True)
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _seed_passages() -> list[str]:
    passages = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        text = line.strip().removeprefix("- ").replace("**", "")
        if text and not text.startswith("•••"):
            passages.append(normalise(text))
    return passages


def test_fiche_page_holds_every_seed_passage(real_site: Path) -> None:
    text = page_text((real_site / "fiches" / "1.5" / "index.html").read_text(encoding="utf-8"))
    missing = [p for p in _seed_passages() if p not in text]
    assert missing == []
    assert len(_seed_passages()) == 16
    # The «•••» headings are the export's markup; their words are the page's headings.
    for heading in (
        "Contexte et enjeux",
        "Les pratiques des structures du MES",
        "Quelles conditions politiques et matérielles de l'accompagnement ?",
    ):
        assert heading in text


def test_structure_pages_and_fiche_link_both_ways(real_site: Path) -> None:
    fiche = real_site / "fiches" / "1.5" / "index.html"
    for slug in STRUCTURES:
        page = real_site / "structures" / slug / "index.html"
        assert page.is_file(), slug
        assert links_to(real_site, page, "fiches/1.5"), slug
        assert links_to(real_site, fiche, f"structures/{slug}"), slug


def test_structure_page_links_each_credited_practice_to_its_anchor(real_site: Path) -> None:
    page = real_site / "structures" / "pes-21" / "index.html"
    hrefs = [link.href for link in parse(page).links]
    assert "../../fiches/1.5/#pratique-4" in hrefs
    fiche_ids = parse(real_site / "fiches" / "1.5" / "index.html").ids
    assert {f"pratique-{i}" for i in range(1, 7)} <= fiche_ids
    opale = [link.href for link in parse(real_site / "structures/opale/index.html").links]
    assert "../../fiches/1.5/#pratique-1" in opale
    ufisc = page_text((real_site / "structures/ufisc/index.html").read_text(encoding="utf-8"))
    assert "Aucune pratique n'est encore créditée à UFISC" in ufisc


def test_theme_pages_and_indexes(real_site: Path) -> None:
    themes = [p for p in (real_site / "themes").iterdir() if p.is_dir()]
    assert len(themes) >= 5
    fiche = real_site / "fiches" / "1.5" / "index.html"
    for theme in themes:
        assert links_to(real_site, theme / "index.html", "fiches/1.5"), theme.name
        assert links_to(real_site, fiche, f"themes/{theme.name}"), theme.name
    for index in ("structures", "themes", "fiches"):
        assert (real_site / index / "index.html").is_file()
    home = real_site / "index.html"
    for target in ("fiches", "structures", "themes"):
        assert links_to(real_site, home, target), target
    sommaire = page_text((real_site / "fiches/index.html").read_text(encoding="utf-8"))
    assert "Chapitre 1" in sommaire


def test_pending_reference_is_marked_not_linked(real_site: Path) -> None:
    html_text = (real_site / "fiches" / "1.5" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="fiche-a-paraitre"[^>]*>fiche n°1</span>', html_text)
    assert not list((real_site / "fiches").glob("1/index.html"))
    assert "(cf. fiche n°1) et pas seulement" in page_text(html_text)


def test_edit_links_point_at_real_sources(real_site: Path) -> None:
    def edit_href(page: str) -> str:
        links = [link.href for link in parse(real_site / page).links if "/edit/" in link.href]
        assert len(links) == 1, page
        return links[0]

    assert edit_href("fiches/1.5/index.html").endswith("/edit/main/fiches/1.5.md")
    assert edit_href("structures/pes-21/index.html").endswith(
        "/edit/main/fiches/registres/structures.yml"
    )
    assert edit_href("themes/dla-culture/index.html").endswith(
        "/edit/main/fiches/registres/themes.yml"
    )
    assert edit_href("index.html").endswith("/edit/main/docs/index.md")


def test_no_dead_internal_link(real_site: Path) -> None:
    assert dead_links(real_site) == []


def test_every_article_reads_back_the_same(real_site: Path) -> None:
    """The build's lock passed each page's content (the build is strict) and
    published its serialisation; the article around it (the content and the
    theme's own buttons and forms) reads back to the same tree: serialising
    what lexbor read of it changes nothing a second time."""
    article = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
    checked = 0
    for path in sorted(real_site.rglob("*.html")):
        found = article.search(path.read_text(encoding="utf-8"))
        if found is None:
            continue
        published = lock_page_html(found.group(1)).html
        assert lock_page_html(published).html == published, path
        checked += 1
    assert checked > 10


def test_fixture_collection_cross_links(mini_site: Path) -> None:
    one = mini_site / "fiches" / "3.1" / "index.html"
    two = mini_site / "fiches" / "3.2" / "index.html"
    # fiche -> fiche, both ways («Cette fiche est citée par»)
    assert links_to(mini_site, one, "fiches/3.2")
    assert links_to(mini_site, two, "fiches/3.1")
    two_text = page_text(two.read_text(encoding="utf-8"))
    assert "Cette fiche est citée par" in two_text
    assert re.search(r"citée par Fiche 3\.1 — Coopérer", two_text)
    # fiche <-> structure, with practice anchors
    pes = mini_site / "structures" / "pes-21" / "index.html"
    hrefs = {link.href for link in parse(pes).links}
    assert {"../../fiches/3.1/#pratique-1", "../../fiches/3.2/#pratique-1"} <= hrefs
    assert links_to(mini_site, one, "structures/pes-21")
    apes = page_text((mini_site / "structures/apes/index.html").read_text(encoding="utf-8"))
    assert "Pratiques (0)" in apes and "Fiches qui mentionnent APES (1)" in apes
    # fiche <-> theme
    theme = mini_site / "themes" / "modele-economique" / "index.html"
    assert links_to(mini_site, theme, "fiches/3.1") and links_to(mini_site, theme, "fiches/3.2")
    assert links_to(mini_site, one, "themes/modele-economique")
    # status shown, pending reference marked
    assert "En relecture" in two.read_text(encoding="utf-8")
    assert 'data-numero="9.9"' in two.read_text(encoding="utf-8")
    assert dead_links(mini_site) == []

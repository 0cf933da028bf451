"""Booklets made of their fiches' pages (site/booklets.py): links, anchors, contents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site_html import parse, resolve
from tests.support import build_site, copy_project

pytestmark = pytest.mark.build
Built = tuple[Path, tuple[str, ...]]

STYLES = {
    "en-ligne": ({}, ("impression/index.html", "parcours/accompagnement-sur-mesure/index.html")),
    "hors-ligne": (
        {"OFFLINE": "true", "DIRECTORY_URLS": "false"},
        ("impression.html", "parcours/accompagnement-sur-mesure.html"),
    ),
}


@pytest.fixture(scope="module", params=sorted(STYLES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    env, pages = STYLES[request.param]
    project = copy_project(tmp_path_factory.mktemp(request.param) / "projet")
    result = build_site(project, env=env)
    assert result.returncode == 0, result.stderr
    return project / "site", pages


def test_every_relative_link_of_a_booklet_resolves(built: Built) -> None:
    site, pages = built
    for name in pages:
        page = site / name
        collected = parse(page)
        targets = [link.href for link in collected.links] + collected.sources
        relative = [t for t in targets if not t.startswith("#") and "://" not in t]
        # The fiches' own links, now written relative to the booklet.
        assert any("structures/" in t for t in relative), name
        ids = {page: collected.ids}
        dead = []
        for href in relative:
            resolved = resolve(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.is_file():
                dead.append(href)
            elif fragment and target.suffix == ".html":
                known = ids.setdefault(target, parse(target).ids)
                if fragment not in known:
                    dead.append(href)
        assert dead == [], name
        in_page = [t[1:] for t in targets if t.startswith("#") and len(t) > 1]
        assert [f for f in in_page if f not in collected.ids] == [], name


def test_booklet_contents_list_each_fiche_headings_one_level_down(built: Built) -> None:
    site, pages = built
    html = (site / pages[0]).read_text(encoding="utf-8")
    sidebar = re.findall(r'href="#(f1-5-[^"]+)" class="md-nav__link"', html)
    assert "f1-5-contexte-et-enjeux" in sidebar
    assert '<h3 data-search-exclude="" id="f1-5-contexte-et-enjeux">' in html
    assert "mes-fiches:" not in html

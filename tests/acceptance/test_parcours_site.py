"""Parcours pages in a strict build of the real repository."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.site_html import parse
from tests.support import build_site, copy_project, page_text

pytestmark = pytest.mark.build

PARCOURS = Path("parcours") / "accompagnement-sur-mesure" / "index.html"
LINK = re.compile(r"<a\b[^>]*>.*?</a>|<span class=\"fiche-a-paraitre\"[^>]*>.*?</span>", re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("parcours") / "projet")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def _between(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def _macro_output(region: str) -> list[str]:
    """Structure, theme and fiche links (and «à paraître» marks) of a region, in order."""
    found = [m.group(0) for m in LINK.finditer(region)]
    return [
        re.sub(r'\s+id="[^"]*"', "", f)
        for f in found
        if re.search(r'href="[^"#]*(structures|themes|fiches)/|fiche-a-paraitre', f)
    ]


def test_fiche_macros_render_as_on_the_fiche_page(site: Path) -> None:
    fiche = (site / "fiches" / "1.5" / "index.html").read_text(encoding="utf-8")
    booklet = (site / PARCOURS).read_text(encoding="utf-8")
    on_fiche = _macro_output(_between(fiche, 'class="fiche-corps"', 'id="fiches-liees"'))
    in_booklet = _macro_output(_between(booklet, 'id="fiche-1-5"', "</article>"))
    assert len(on_fiche) >= 10
    assert in_booklet == on_fiche


def test_booklet_ids_are_unique_and_plan_links_land(site: Path) -> None:
    for page in (PARCOURS, Path("impression") / "index.html"):
        ids = Counter(re.findall(r'\sid="([^"]+)"', (site / page).read_text(encoding="utf-8")))
        assert [i for i, n in ids.items() if n > 1] == [], page
    collected = parse(site / PARCOURS)
    plan_targets = [
        link.href[1:] for link in collected.links if link.href.startswith("#f1-5-pratique-")
    ]
    assert plan_targets == ["f1-5-pratique-4", "f1-5-pratique-3", "f1-5-pratique-6"]
    assert set(plan_targets) <= collected.ids
    text = page_text((site / PARCOURS).read_text(encoding="utf-8"))
    assert text.index("Déroulé") < text.index("Les pratiques des structures du MES")


def test_search_leads_to_fiches_not_to_their_booklet_copies(site: Path) -> None:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = [d["location"] for d in docs]
    assert "parcours/accompagnement-sur-mesure/#presentation" in locations
    assert not [loc for loc in locations if loc.startswith("impression/")]
    booklets = [loc for loc in locations if loc.startswith("parcours/")]
    assert not [loc for loc in booklets if "#fiche-" in loc or "#f1-5-" in loc]
    assert any(loc.startswith("fiches/1.5/") for loc in locations)


def test_edit_links_of_parcours_pages(site: Path) -> None:
    def edits(page: Path) -> list[str]:
        return [link.href for link in parse(site / page).links if "/edit/" in link.href]

    [edit] = edits(PARCOURS)
    assert edit.endswith("/edit/main/fiches/parcours/accompagnement-sur-mesure.yml")
    # Made from many files: no single one to edit.
    assert edits(Path("parcours") / "index.html") == []
    assert edits(Path("impression") / "index.html") == []

"""`recherche: pagefind` (RECHERCHE=pagefind): a Pagefind index, and never offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT, build_site, copy_project

pytestmark = pytest.mark.build

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"([^>]*)>')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("pagefind") / "projet")
    result = build_site(project, env={"RECHERCHE": "pagefind"})
    assert result.returncode == 0, result.stderr
    return project / "site"


def _article(site: Path, page: str) -> str:
    match = ARTICLE.search((site / page / "index.html").read_text(encoding="utf-8"))
    assert match is not None, page
    return match.group(1)


def test_the_build_writes_pagefind_and_no_material_index(built: Path) -> None:
    bundle = built / "pagefind"
    assert (bundle / "pagefind-entry.json").is_file()
    assert (bundle / "pagefind-component-ui.js").is_file()
    assert any((bundle / "fragment").iterdir())
    assert any((bundle / "index").iterdir())
    assert not (built / "search" / "search_index.json").exists()


def test_the_header_opens_pagefind_not_material_search(built: Path) -> None:
    html = (built / "fiches" / "1.5" / "index.html").read_text(encoding="utf-8")
    assert "data-recherche-pagefind=" in html
    assert "recherche-pagefind.js" in html
    # Without Material's form its script fetches no index and starts no worker.
    assert 'name="search"' not in html
    assert 'data-md-component="search"' not in html


def test_fiche_pages_are_indexed_with_their_boost_and_hidden_forms(built: Path) -> None:
    attributes = _article(built, "fiches/1.5")
    assert "data-pagefind-body" in attributes
    assert 'data-pagefind-weight="5"' in attributes
    forms = re.search(r'data-pagefind-meta="variantes_fiche:([^"]*)"', attributes)
    assert forms is not None
    assert {"porteuses", "actrices"} <= set(forms.group(1).split())


def test_pages_material_leaves_out_are_left_out(built: Path) -> None:
    # `search: exclude` in its front matter, and the whole-collection booklet.
    assert "data-pagefind-body" not in _article(built, "recherche")
    assert "data-pagefind-body" not in _article(built, "impression")
    assert "data-pagefind-body" in _article(built, "themes/modele-economique")
    structure = (built / "structures" / "opale" / "index.html").read_text(encoding="utf-8")
    pratiques = re.search(r'<h2 [^>]*id="pratiques"[^>]*>', structure)
    assert pratiques is not None
    assert "data-pagefind-ignore" in pratiques.group(0)


@pytest.mark.parametrize("recherche", [None, "pagefind"])
def test_the_offline_copy_keeps_material_search(tmp_path: Path, recherche: str | None) -> None:
    project = copy_project(tmp_path / "projet")
    env = {"OFFLINE": "true", "DIRECTORY_URLS": "false"}
    if recherche is None:
        result = build_site(project, env=env)
        assert result.returncode == 0, result.stderr
        site = project / "site"
        assert not (site / "pagefind").exists()
        assert (site / "search" / "search_index.json").is_file()
        html = (site / "index.html").read_text(encoding="utf-8")
        assert 'data-md-component="search"' in html
        assert "data-recherche-pagefind" not in html
    else:
        result = build_site(project, env={**env, "RECHERCHE": recherche})
        assert result.returncode != 0
        assert "« recherche: pagefind » ne fonctionne pas dans la copie hors ligne" in result.stderr
        assert not (project / "site" / "pagefind").exists()


def test_make_offline_always_asks_for_material_search() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    build = next(line for line in makefile.splitlines() if "--site-dir site-offline" in line)
    assert "OFFLINE=true" in build and "RECHERCHE=material" in build


def test_the_publication_builds_with_pagefind() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text("utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert build["env"]["RECHERCHE"] == "pagefind"
    assert "OFFLINE" not in build["env"]

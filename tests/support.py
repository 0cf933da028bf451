"""Helpers shared by the tests: throw-away project copies, builds and page text."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any, ClassVar

from macros.core.model import Fiche, FicheNumber, FicheRef, Practice

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-fiche-1.5.txt"
PROJECT_ITEMS = ("mkdocs.yml", "docs", "fiches", "overrides")


def copy_project(dest: Path, *, with_fiches: bool = True) -> Path:
    """A copy of this project's content in `dest` (the engine itself is imported, not copied)."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in PROJECT_ITEMS:
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, dest / item)
        else:
            shutil.copy2(source, dest / item)
    # `python -m macros.cli.main`, run from the project folder, imports `macros` from it.
    (dest / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    if not with_fiches:
        for fiche in (dest / "fiches").glob("*.md"):
            fiche.unlink()
        # Parcours are built on the fiches: without them they would not check.
        shutil.rmtree(dest / "fiches" / "parcours", ignore_errors=True)
    return dest


def run_fiches(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the `fiches` console script as a contributor would."""
    full_env = {**os.environ, "GITHUB_ACTIONS": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "macros.cli.main", *args],
        cwd=cwd,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def build_site(
    project: Path,
    *,
    strict: bool = True,
    env: dict[str, str] | None = None,
    site_dir: str = "site",
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `project` into `project/<site_dir>`."""
    full_env = {
        **os.environ,
        **(env or {}),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", site_dir]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command, cwd=project, env=full_env, capture_output=True, text=True, timeout=600
    )


def normalise(text: str) -> str:
    """Compare text as a reader sees it: no-break spaces and runs of spaces fold to one."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text)
    return text.strip()


def page_text(html_text: str) -> str:
    """The visible text of a built page's main content."""
    match = re.search(r"<article[^>]*>(.*)</article>", html_text, re.S)
    body = match.group(1) if match else html_text
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    # Heading permalinks («¶») are chrome, not text.
    body = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", body, flags=re.S)
    body = re.sub(r"<[^>]+>", "", body)
    return normalise(html.unescape(body))


CATALOGUE_FICHES = ROOT / "tests" / "fixtures" / "collections" / "catalogue" / "fiches"


def catalogue_project(dest: Path) -> Path:
    """A project holding only the catalogue fixture collection (fiches 2.1 to 3.2)."""
    project = copy_project(dest, with_fiches=False)
    shutil.copytree(CATALOGUE_FICHES, project / "fiches", dirs_exist_ok=True)
    return project


def make_fiche(
    number: str,
    *,
    themes: list[str] | None = None,
    refs: list[str] | None = None,
    credits: list[list[str]] | None = None,
    mentions: list[str] | None = None,
) -> Fiche:
    """A fiche built in memory, for index and ranking tests."""
    practices = [
        Practice(i + 1, f"pratique {i + 1}", c, 10 + i) for i, c in enumerate(credits or [])
    ]
    return Fiche(
        number=FicheNumber(number),
        title=f"Titre {number}",
        source=f"fiches/{number}.md",
        themes=themes or [],
        status="publiee",
        created=None,
        updated=None,
        summary="",
        keywords=[],
        search={},
        authors=[],
        body="",
        body_first_line=1,
        practices=practices,
        mentions=list(mentions or []),
        fiche_refs=[FicheRef(r, 3, 4) for r in refs or []],
    )


class MacrosEnv:
    """The slice of mkdocs-macros' `env` that macros.define_env uses."""

    def __init__(self, collection: object, *, with_plugin: bool = True) -> None:
        from types import SimpleNamespace

        from macros.site.macros_gate import _REQUIRED

        self.config = dict(_REQUIRED)
        self.variables: dict[str, object] = {}
        self.macros: dict[str, object] = {}
        plugin = SimpleNamespace(collection=collection, config=SimpleNamespace(page_variables=[]))
        self.conf = _Conf({"mes-fiches": plugin} if with_plugin else {})

    def macro(self, function: Any) -> Any:
        self.macros[function.__name__] = function
        return function


class _Conf(dict):  # type: ignore[type-arg]
    extra: ClassVar[dict[str, object]] = {}

    def __init__(self, plugins: dict[str, object]) -> None:
        super().__init__(plugins=plugins)


def render_macros(markdown: str, collection: object) -> str:
    """`markdown` rendered as mkdocs-macros renders it, with the project's macros."""
    import jinja2

    import macros

    env = MacrosEnv(collection)
    macros.define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    return jinja.from_string(markdown).render(**env.macros)


def rendered(source: Any) -> str:
    """A generated page's text (render/html_blocks.py `PageSource`) with every
    listing in, rendered outside MkDocs: overrides/ templates, autoescape on as
    in the build, URLs from the site's root."""
    from jinja2 import Environment, FileSystemLoader

    from macros.render.html_blocks import fill, render
    from macros.site.page_blocks import listing_env

    env = listing_env(Environment(loader=FileSystemLoader(str(ROOT / "overrides"))))

    def href(target: str, anchor: str = "") -> str:
        url = f"/{target}" if target else ""
        return f"{url}#{anchor}" if anchor else url

    return fill(source.text, source.listings, lambda listing: render(env, listing, href))

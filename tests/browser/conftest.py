"""Fixtures of the browser tests: a built copy of the site, served over HTTP, and Chromium.

The tests drive Debian's chromium (not a browser downloaded by Playwright):
CI installs it through .ci/run. Without it the tests fail, they never skip.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.local_http import serve_directory
from tests.support import ROOT, build_site, copy_project

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
ARTIFACTS = ROOT / "tests" / "_artifacts"
TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real project, built into a throw-away copy and served on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("navigateur") / "projet")
    # Strictness is the acceptance tests' business (tests/acceptance/test_site.py);
    # here a page with a warning must still be testable in the browser.
    result = build_site(project, strict=False)
    assert result.returncode == 0, result.stderr
    yield from serve_directory(project / "site")


# Built once for every module that opens the offline copy.
@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make offline`'s site-offline.zip, unzipped into a fresh folder (a USB key)."""
    project = copy_project(tmp_path_factory.mktemp("hors-ligne") / "projet")
    # The Makefile's own target, with this test run's environment (no .venv refresh).
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-f",
            str(ROOT / "Makefile"),
            "offline",
            f"BIN={Path(sys.executable).parent}",
            "STAMP=",
        ],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project / "site-offline.zip.tmp").exists()
    usb_key = tmp_path_factory.mktemp("cle-usb")
    with zipfile.ZipFile(project / "site-offline.zip") as archive:
        archive.extractall(usb_key)
    return usb_key / "site-offline"


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium est introuvable ({CHROMIUM}) : les tests de navigateur en ont besoin. "
            "Installez-le avec « apt-get install chromium » (la CI le fait dans .ci/run).",
            pytrace=False,
        )
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


_CALL_FAILED = pytest.StashKey[bool]()


def _open_page(browser: Browser, request: pytest.FixtureRequest, viewport: dict[str, int]) -> Page:
    context = browser.new_context(viewport=viewport, locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    request.addfinalizer(functools.partial(_close, request, page))
    return page


def _close(request: pytest.FixtureRequest, page: Page) -> None:
    """Keep a screenshot of a failed test's page in tests/_artifacts/ (git-ignored)."""
    if request.node.stash.get(_CALL_FAILED, False):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid.split("::", 1)[-1])
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page.context.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Page:
    """A desktop-sized page (1280 px wide)."""
    return _open_page(browser, request, DESKTOP)


@pytest.fixture
def mobile_page(browser: Browser, request: pytest.FixtureRequest) -> Page:
    """A phone-sized page (390 px wide)."""
    return _open_page(browser, request, MOBILE)

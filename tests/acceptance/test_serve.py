"""`mkdocs serve` rebuilds, from a clean state, when a fiche or a registry changes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.local_http import free_port, get_text
from tests.support import ROOT, copy_project

pytestmark = pytest.mark.build


def _wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = get_text(url)
        if page is not None and needle in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"« {needle} » absent de {url} après {seconds} s")


def test_serve_rebuilds_on_fiche_and_registry_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base + "fiches/1.5/", "Quelles conditions politiques")

        fiche = project / "fiches" / "1.5.md"
        fiche.write_text(
            fiche.read_text(encoding="utf-8").replace(
                "Mais aussi à mieux mettre en évidence",
                "Mais encore, à mieux mettre en évidence",
            ),
            encoding="utf-8",
        )
        _wait_for(base + "fiches/1.5/", "Mais encore, à mieux mettre en évidence")

        registry = project / "fiches" / "registres" / "structures.yml"
        registry.write_text(
            registry.read_text(encoding="utf-8").replace(
                "nom: Pôle d'Économie Solidaire 21", "nom: Pôle d'Économie Solidaire de Dijon"
            ),
            encoding="utf-8",
        )
        page = _wait_for(base + "structures/pes-21/", "Économie Solidaire de Dijon")
        # A rebuild starts clean: the practice is still credited once, not twice.
        assert page.count("voir la pratique 4") == 1
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()

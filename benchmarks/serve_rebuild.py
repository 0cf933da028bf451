"""How long `mkdocs serve` takes to show an edited fiche: edit, then poll the page.

Loopback only; every wait is bounded, and the server is stopped by its own
process group, whatever happens.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.local_http import free_port, get_text

ROOT = Path(__file__).resolve().parents[1]


def _wait_for(url: str, needle: str, seconds: float, step: float) -> float | None:
    """Seconds until `needle` shows in `url`, or None past the deadline."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        page = get_text(url)
        if page is not None and needle in page:
            return time.perf_counter() - start
        time.sleep(step)
    return None


def serve_rebuild(
    project: Path, number: str, *, edits: int = 2, startup_timeout: float = 900
) -> tuple[float | None, list[float | None]]:
    """(seconds to the first served page, seconds from each edit of fiche `number` to its page).

    The edit appends a sentence to the fiche's context, as a contributor would.
    """
    port = free_port()
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/fiches/{number}/"
    fiche = project / "fiches" / f"{number}.md"
    original = fiche.read_text(encoding="utf-8")
    rebuilds: list[float | None] = []
    try:
        first = _wait_for(url, f"Fiche {number}", startup_timeout, 0.5)
        if first is None:
            return None, []
        for attempt in range(1, edits + 1):
            marker = f"Phrase ajoutée pour la mesure {attempt}."
            edited = original.replace(
                "## Contexte et enjeux\n\n", f"## Contexte et enjeux\n\n{marker}\n\n", 1
            )
            start = time.perf_counter()
            fiche.write_text(edited, encoding="utf-8")
            seen = _wait_for(url, marker, startup_timeout, 0.2)
            rebuilds.append(None if seen is None else time.perf_counter() - start)
            time.sleep(1.0)  # let the server settle before the next edit
        return first, rebuilds
    finally:
        fiche.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()

"""Measures of one collection: engine time, builds with their peak memory, site sizes."""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.core.project import ProjectPaths
from macros.index.collection import load_collection

ROOT = Path(__file__).resolve().parents[1]
# Keys Material's search plugin writes for each indexed section.
STANDARD_SEARCH_KEYS = frozenset({"location", "title", "text", "tags", "boost"})


@dataclass
class EngineTime:
    wall: float  # best of the runs, seconds
    cpu: float  # process time of that run: less sensitive to a busy machine
    errors: int


def engine_time(project: Path, repeat: int) -> EngineTime:
    """Load, validate and index the collection, as `fiches check` and the build do."""
    best: EngineTime | None = None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        collection = load_collection(ProjectPaths.at(project))
        run = EngineTime(
            time.perf_counter() - wall,
            time.process_time() - cpu,
            sum(1 for d in collection.report.items if d.severity >= 2),
        )
        if best is None or run.cpu < best.cpu:
            best = run
    assert best is not None
    return best


def engine_profile(project: Path, top: int = 12) -> list[dict[str, Any]]:
    """The engine's own functions that take the most time (cumulative)."""
    profiler = cProfile.Profile()
    profiler.runcall(load_collection, ProjectPaths.at(project))
    stats = pstats.Stats(profiler)
    total = max((row[3] for row in stats.stats.values()), default=1e-9)  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        cumulative = row[3]
        where = _short(filename)
        if not where.startswith(("macros/", "yaml/", "jsonschema/", "jinja2/")):
            continue
        rows.append(
            {"fonction": f"{where}:{line}({name})", "cumul": cumulative, "part": cumulative / total}
        )
    rows.sort(key=lambda r: -float(r["cumul"]))
    return rows[:top]


def _short(filename: str) -> str:
    # Benchmark projects reach the engine through a `macros` symlink.
    for marker in ("/site-packages/", str(ROOT) + "/", "/macros/"):
        if marker in filename:
            rest = filename.split(marker, 1)[1]
            return f"macros/{rest}" if marker == "/macros/" else rest
    if "/lib/python3" in filename:
        return "stdlib/" + Path(filename).name
    return Path(filename).name


@dataclass
class BuildRun:
    seconds: float
    cpu: float  # user + system time of the build process: steadier on a busy machine
    peak_mb: float  # maximum resident set size of the build process
    returncode: int
    log_tail: str


def build(
    project: Path,
    site_dir: Path,
    *,
    timeout: float = 1200,
    python: str = sys.executable,
    root: Path = ROOT,
    prelude: str = "",
) -> BuildRun:
    """`mkdocs build` in a child process; its own rusage gives the peak memory.

    `python` and `root` name another checkout's interpreter and engine, so that
    benchmarks/compare.py can build with an earlier revision in the same run.
    `prelude`: Python run in the build's process first (compare.py switches a
    fast path off with it).
    """
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    command = [python, "-m", "mkdocs"]
    if prelude:
        run = "import runpy\nrunpy.run_module('mkdocs', run_name='__main__')"
        command = [python, "-c", f"{prelude}\n{run}"]
    command += ["build", "--clean", "--site-dir", str(site_dir)]
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=log)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        tail = log.read().decode("utf-8", "replace")[-3000:]
    # ru_maxrss is in kilobytes on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    return BuildRun(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, tail)


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@dataclass
class SiteSizes:
    site_bytes: int
    index_bytes: int
    fiche_html_mean: float
    fiche_html_max: int
    index_entries: int
    # Bytes the index spends on keys Material does not write, or extra index files.
    enrichment_bytes: int
    enrichment_keys: list[str]


def site_sizes(site: Path, fiche_pages: list[Path]) -> SiteSizes:
    index_file = site / "search" / "search_index.json"
    index_bytes = index_file.stat().st_size if index_file.is_file() else 0
    entries = 0
    extra_bytes = 0
    extra_keys: set[str] = set()
    if index_bytes:
        data = json.loads(index_file.read_text(encoding="utf-8"))
        docs = data.get("docs", []) if isinstance(data, dict) else []
        entries = len(docs)
        for doc in docs:
            for key, value in doc.items():
                if key not in STANDARD_SEARCH_KEYS:
                    extra_keys.add(key)
                    extra_bytes += len(json.dumps({key: value}, ensure_ascii=False).encode())
    for other in (site / "search").glob("*.json") if (site / "search").is_dir() else []:
        if other.name != "search_index.json":
            extra_keys.add(f"fichier {other.name}")
            extra_bytes += other.stat().st_size
    sizes = [p.stat().st_size for p in fiche_pages if p.is_file()]
    return SiteSizes(
        tree_size(site),
        index_bytes,
        sum(sizes) / len(sizes) if sizes else 0.0,
        max(sizes, default=0),
        entries,
        extra_bytes,
        sorted(extra_keys),
    )


def build_profile(project: Path, site_dir: Path, top: int = 12) -> dict[str, Any]:
    """One in-process build under cProfile: time by package, and the project's heaviest calls."""
    script = (
        "import cProfile, pstats, sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        f"cfg = load_config('mkdocs.yml', site_dir={str(site_dir)!r})\n"
        "cProfile.run('build(cfg)', sys.argv[1])\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "build.prof"
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        }
        subprocess.run(
            [sys.executable, "-c", script, str(out)],
            cwd=project,
            env=env,
            capture_output=True,
            timeout=1800,
            check=True,
        )
        stats = pstats.Stats(str(out))
    by_package: dict[str, float] = {}
    project_calls = []
    for (filename, line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        where = _short(filename)
        package = where.split("/", 1)[0] if "/" in where else "(fonctions natives)"
        by_package[package] = by_package.get(package, 0.0) + row[2]
        if where.startswith("macros/"):
            project_calls.append({"fonction": f"{where}:{line}({name})", "cumul": row[3]})
    total = sum(by_package.values()) or 1e-9
    packages = sorted(by_package.items(), key=lambda kv: -kv[1])[:top]
    project_calls.sort(key=lambda r: -float(r["cumul"]))
    return {
        "total": total,
        "paquets": [{"paquet": k, "propre": v, "part": v / total} for k, v in packages],
        "projet": project_calls[:top],
    }

"""`make bench` (last step): this tree's build beside an earlier revision's, in one run.

    BENCH_BASE=REV             one revision to compare the working tree with
                               (default: each pair of benchmarks/base-revision)
    BENCH_COMPARE_N=1000       collection size
    BENCH_COMPARE_REPEAT=5     builds of each side, interleaved
    BENCH_COMPARE=0            skip this step
    BENCH_FAST_PATHS=0         skip the builds without each fast path (FAST_PATHS)

The base revision is extracted with `git archive` into a temporary folder and
gets a virtual environment of its own from its own pyproject.toml, so that
each side builds with exactly the dependencies it declares. Both sides build
the same synthetic fiches (this tree's generator) with their own mkdocs.yml,
docs/ and overrides/. Builds alternate, so that a change in the machine's load
falls on both sides alike. Writes benchmarks/comparison.json, which
docs/performances.md shows (benchmarks/page.py).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

from tests.support import copy_project

from . import measure
from .generate import DEFAULT_SEED, write_collection
from .machine import load_average

ROOT = Path(__file__).resolve().parents[1]
BASE_FILE = ROOT / "benchmarks" / "base-revision"
COMPARISON = ROOT / "benchmarks" / "comparison.json"


def _say(text: str) -> None:
    print(text, flush=True)


def _git(*args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    if done.returncode:
        raise SystemExit(f"git {' '.join(args)} : {done.stderr.strip() or 'échec'}")
    return done.stdout.strip()


def comparisons() -> list[tuple[str, str | None, str]]:
    """(base, new, label) pairs; new None is the working tree.

    BENCH_BASE=REV compares REV with the working tree; otherwise each line of
    benchmarks/base-revision, `BASE NEW label` (NEW `-` for the working tree).
    """
    if os.environ.get("BENCH_BASE"):
        return [(_commit(os.environ["BENCH_BASE"]), None, "BENCH_BASE")]
    pairs = []
    for line in BASE_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        base, new, label = line.split(maxsplit=2)
        pairs.append((_commit(base), None if new == "-" else _commit(new), label))
    return pairs


def _commit(name: str) -> str:
    return _git("rev-parse", "--verify", f"{name}^{{commit}}")


def extract(revision: str, dest: Path) -> None:
    """The files of `revision`, as git stores them, in `dest`."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=300,
    ).stdout
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")


def install(checkout: Path) -> str:
    """A virtual environment for `checkout` from its own pyproject.toml; its python."""
    venv = checkout / ".venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = str(venv / "bin" / "python")
    done = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "-e", str(checkout)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if done.returncode:
        raise SystemExit(f"installation de la base impossible :\n{done.stderr[-2000:]}")
    return python


def side_project(checkout: Path, python: str, dest: Path, fiches: Path) -> None:
    """A checkout's own project files around the shared generated fiches."""
    script = (
        "import sys\nfrom pathlib import Path\nfrom tests.support import copy_project\n"
        "copy_project(Path(sys.argv[1]), with_fiches=False)\n"
    )
    subprocess.run([python, "-c", script, str(dest)], cwd=checkout, check=True, timeout=300)
    shutil.rmtree(dest / "fiches")
    shutil.copytree(fiches, dest / "fiches")


def _summary(runs: list[measure.BuildRun]) -> dict[str, Any]:
    return {
        "secondes": statistics.median(r.seconds for r in runs),
        "mesures": [r.seconds for r in runs],
        "processeur": statistics.median(r.cpu for r in runs),
        "memoire_mo": max(r.peak_mb for r in runs),
    }


class Checkouts:
    """Each revision extracted and installed once per run; None is this tree."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.ready: dict[str | None, tuple[Path, str]] = {None: (ROOT, sys.executable)}

    def get(self, revision: str | None) -> tuple[Path, str]:
        if revision not in self.ready:
            assert revision is not None
            checkout = self.work / revision[:12]
            extract(revision, checkout)
            _say(f"  environnement de {revision[:10]}…")
            self.ready[revision] = (checkout, install(checkout))
        return self.ready[revision]


# Hand-made fast paths beside a library, each switched off in the build's
# process by its prelude: docs/performances.md shows what each gains on the
# whole build (a fast path stays only for 10 % or more).
FAST_PATHS: list[tuple[str, str]] = []


def _generated_fiches(work: Path, n: int) -> Path:
    fiches = work / "fiches-generees"
    if not fiches.is_dir():
        generated = copy_project(work / "generation", with_fiches=False)
        write_collection(generated, n, seed=DEFAULT_SEED)
        shutil.copytree(generated / "fiches", fiches)
    return fiches


def _interleaved(
    sides: dict[str, tuple[Path, str, Path, str]], n: int, repeat: int, work: Path
) -> dict[str, list[measure.BuildRun]]:
    """`repeat` builds of each side, alternating which goes first."""
    runs: dict[str, list[measure.BuildRun]] = {"nouveau": [], "base": []}
    for attempt in range(repeat):
        order = ("nouveau", "base") if attempt % 2 == 0 else ("base", "nouveau")
        for side in order:
            project, interpreter, root, prelude = sides[side]
            run = measure.build(
                project, work / f"site-{side}", python=interpreter, root=root, prelude=prelude
            )
            if run.returncode:
                _say(run.log_tail)
                raise SystemExit(f"échec de la construction ({side}, {n} fiches)")
            runs[side].append(run)
            _say(f"  {side} : {run.seconds:.1f} s (processeur {run.cpu:.1f} s)")
    return runs


def _result(
    label: str, base: str, new: str, n: int, repeat: int, runs: dict[str, list[measure.BuildRun]]
) -> dict[str, Any]:
    after, before = _summary(runs["nouveau"]), _summary(runs["base"])
    return {
        "libelle": label,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "charge": load_average(),
        "n": n,
        "repetitions": repeat,
        "base": base,
        "nouveau": new,
        "mesures_base": before,
        "mesures_nouveau": after,
        "rapport": after["secondes"] / before["secondes"],
        "rapport_processeur": after["processeur"] / before["processeur"],
    }


def _head() -> str:
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no"))
    return _git("rev-parse", "HEAD") + (" (modifié)" if dirty else "")


def compare(
    base: str, new: str | None, label: str, n: int, repeat: int, work: Path, checkouts: Checkouts
) -> dict[str, Any]:
    shown = new[:10] if new else "l'arbre de travail"
    _say(f"Comparaison à {n} fiches : {base[:10]} (base) et {shown} — {label}")
    fiches = _generated_fiches(work, n)
    sides: dict[str, tuple[Path, str, Path, str]] = {}
    for side, revision in (("nouveau", new), ("base", base)):
        root, python = checkouts.get(revision)
        project = work / f"projet-{side}"
        shutil.rmtree(project, ignore_errors=True)
        side_project(root, python, project, fiches)
        sides[side] = (project, python, root, "")
    runs = _interleaved(sides, n, repeat, work)
    return _result(label, base, new or _head(), n, repeat, runs)


def fast_path(label: str, prelude: str, n: int, repeat: int, work: Path) -> dict[str, Any]:
    """This tree's build with a fast path (nouveau) and without it (base)."""
    _say(f"Chemin rapide à {n} fiches : {label}")
    project = work / "projet-chemin-rapide"
    shutil.rmtree(project, ignore_errors=True)
    side_project(ROOT, sys.executable, project, _generated_fiches(work, n))
    sides = {
        "nouveau": (project, sys.executable, ROOT, ""),
        "base": (project, sys.executable, ROOT, prelude),
    }
    result = _result(label, "sans", _head(), n, repeat, _interleaved(sides, n, repeat, work))
    result["chemin_rapide"] = True
    return result


def main() -> int:
    if os.environ.get("BENCH_COMPARE", "1") == "0":
        return 0
    n = int(os.environ.get("BENCH_COMPARE_N", "1000"))
    repeat = int(os.environ.get("BENCH_COMPARE_REPEAT", "5"))
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        checkouts = Checkouts(Path(tmp))
        for base, new, label in comparisons():
            result = compare(base, new, label, n, repeat, Path(tmp), checkouts)
            results.append(result)
            _say(
                f"{label} : base {result['mesures_base']['secondes']:.1f} s, nouveau "
                f"{result['mesures_nouveau']['secondes']:.1f} s, rapport {result['rapport']:.3f} "
                f"(processeur {result['rapport_processeur']:.3f})"
            )
        if os.environ.get("BENCH_FAST_PATHS", "1") != "0":
            for label, prelude in FAST_PATHS:
                result = fast_path(label, prelude, n, repeat, Path(tmp))
                results.append(result)
                _say(f"{label} : gain {(1 - result['rapport']) * 100:.1f} % de la construction")
    COMPARISON.write_text(
        json.dumps({"comparaisons": results}, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    results_file = ROOT / "benchmarks" / "results.json"
    if os.environ.get("BENCH_PAGE", "1") != "0" and results_file.is_file():
        from .page import write_page

        write_page(json.loads(results_file.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

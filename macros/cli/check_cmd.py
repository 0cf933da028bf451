"""`fiches check [CHEMIN…]`: the validation the build runs, as a report and exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.cli.errors import UsageError
from macros.cli.reporter import print_report, summary
from macros.core.diagnostics import Report
from macros.core.project import ProjectPaths
from macros.index.collection import load_collection
from macros.index.parcours import parcours_files
from macros.site.mkdocs_yml import page_variables


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "chemins",
        nargs="*",
        metavar="CHEMIN",
        help="fichiers ou dossiers à vérifier (par défaut : toute la collection). "
        "La collection entière est toujours lue, pour les numéros en double et les renvois.",
    )
    parser.add_argument(
        "--sans-info", action="store_true", help="n'affiche pas les messages de niveau info"
    )


def run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    selected = _selected(args.chemins, paths)
    collection = load_collection(paths, page_variables=page_variables(paths.root / "mkdocs.yml"))
    report = collection.report
    if selected is not None:
        report = Report([d for d in report.items if _within(d.path, selected)])
    shown = [d for d in report.sorted() if not (args.sans_info and d.severity == 0)]
    print_report(shown, sys.stdout)
    everything = len(collection.files) + len(parcours_files(paths))
    files = everything if selected is None else len(selected)
    print(summary(report, files), file=sys.stderr)
    return 1 if report.has_errors else 0


def _selected(raw: list[str], paths: ProjectPaths) -> set[str] | None:
    if not raw:
        return None
    selected: set[str] = set()
    for item in raw:
        path = Path(item)
        if not path.exists():
            raise UsageError(f"chemin introuvable : {item}")
        shown = paths.display(path)
        if shown.startswith("/") or shown.startswith(".."):
            raise UsageError(f"{item} n'est pas dans le projet ({paths.root})")
        selected.add(shown.rstrip("/") + ("/" if path.is_dir() else ""))
    return selected


def _within(path: str, selected: set[str]) -> bool:
    return any(path == s or (s.endswith("/") and path.startswith(s)) or s == "./" for s in selected)

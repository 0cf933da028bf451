"""`fiches import EXPORT…`: text exports -> fiches.

Diagnostics go to stdout, progress and the summary to stderr, as with `fiches check`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from macros.cli.errors import UsageError, make_dir
from macros.cli.reporter import print_report
from macros.core.diagnostics import Severity
from macros.core.names import quoted_list
from macros.core.project import ProjectPaths
from macros.core.wording import plural
from macros.importer.batch import REASONS, Importer, Outcome
from macros.index.collection import load_collection

EXPORT_SUFFIX = ".txt"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "exports",
        nargs="+",
        metavar="EXPORT",
        help="exports texte à convertir (« ••• FICHE 1.5 – TITRE » en tête) ; pour un "
        f"dossier, tous ses fichiers {EXPORT_SUFFIX}",
    )
    parser.add_argument(
        "--dest",
        metavar="DOSSIER",
        type=Path,
        help="dossier où écrire les fiches <numero>.md (par défaut : fiches/ du projet)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="remplace une fiche existante de même numéro (sinon elle est laissée intacte "
        "et l'export est ignoré)",
    )
    parser.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="SLUG",
        dest="themes",
        help="thème du registre à inscrire dans l'en-tête de chaque fiche importée "
        "(option répétable)",
    )


def run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    inputs = _inputs(args.exports)
    if args.dest is not None and args.dest.exists() and not args.dest.is_dir():
        raise UsageError(f"--dest {args.dest} n'est pas un dossier")
    collection = load_collection(paths)
    registry_files = set(collection.registries.sources.values())
    broken = [
        d
        for d in collection.report.sorted()
        if d.path in registry_files and d.severity == Severity.ERROR
    ]
    if broken:
        print_report(broken, sys.stdout)
        print(
            "import impossible : corrigez d'abord les registres (erreurs ci-dessus)",
            file=sys.stderr,
        )
        return 1
    themes = _themes(args.themes, list(collection.registries.themes))
    dest = args.dest or paths.fiches_dir
    make_dir(dest)
    importer = Importer(
        paths, collection, dest, force=args.force, themes=themes, today=dt.date.today()
    )
    outcomes: list[Outcome] = []
    for index, (path, shown) in enumerate(inputs, start=1):
        outcome = importer.run_one(path, shown)
        print_report(outcome.report.sorted(), sys.stdout)
        sys.stdout.flush()
        outcomes.append(outcome)
        print(_progress(index, len(inputs), outcome), file=sys.stderr, flush=True)
    print(summary(outcomes), file=sys.stderr)
    return 1 if any(o.failure for o in outcomes) else 0


def _inputs(raw: list[str]) -> list[tuple[Path, str]]:
    """Each export with the name messages give it: as typed, for the contributor's shell."""
    inputs: list[tuple[Path, str]] = []
    for item in raw:
        path = Path(item)
        if not path.is_dir():
            inputs.append((path, item))
            continue
        found = sorted(
            p for p in path.iterdir() if p.is_file() and p.suffix.lower() == EXPORT_SUFFIX
        )
        if not found:
            raise UsageError(f"aucun fichier {EXPORT_SUFFIX} dans le dossier {item}")
        inputs += [(p, (path / p.name).as_posix()) for p in found]
    return inputs


def _themes(wanted: list[str], known: list[str]) -> list[str]:
    unknown = [slug for slug in wanted if slug not in known]
    if unknown:
        raise UsageError(
            f"thème inconnu {quoted_list(unknown)} ; thèmes du registre : {quoted_list(known)}"
        )
    return list(dict.fromkeys(wanted))


def _progress(index: int, total: int, outcome: Outcome) -> str:
    prefix = f"[{index}/{total}] {outcome.source}"
    if outcome.failure:
        return f"{prefix} : ignoré ({REASONS.get(outcome.failure, outcome.failure)})"
    suffix = " (remplacée)" if outcome.replaced else ""
    return f"{prefix} → {outcome.target}{suffix}"


def summary(outcomes: list[Outcome]) -> str:
    """«3 fiches importées, 2 exports ignorés», then one line per reason."""
    imported = sum(1 for o in outcomes if not o.failure)
    skipped = Counter(o.failure for o in outcomes if o.failure is not None)
    lines = [
        f"import : {plural(imported, 'fiche importée', 'fiches importées')}, "
        f"{plural(len(outcomes) - imported, 'export ignoré', 'exports ignorés')}"
    ]
    for code, count in sorted(skipped.items(), key=lambda item: (-item[1], item[0] or "")):
        lines.append(f"  {count} × {REASONS.get(code, code)} [{code}]")
    return "\n".join(lines)

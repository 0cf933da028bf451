"""`fiches pdf`: one PDF per parcours and one for the whole collection."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from macros.cli.errors import UsageError
from macros.cli.pdf_print import (
    PdfError,
    build_site,
    built_page,
    find_chromium,
    pdf_jobs,
    print_pdf,
)
from macros.cli.reporter import print_report
from macros.core.project import ProjectPaths
from macros.core.wording import plural
from macros.index.collection import Collection, load_collection
from macros.site.mkdocs_yml import page_variables

DEFAULT_OUTPUT = "pdf"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        metavar="DOSSIER",
        type=Path,
        help="site déjà construit à imprimer (par exemple site/ après « make build ») ; "
        "par défaut, le site est construit dans un dossier temporaire",
    )
    parser.add_argument(
        "--sortie",
        metavar="DOSSIER",
        type=Path,
        help=f"dossier où écrire les PDF (par défaut : {DEFAULT_OUTPUT}/ dans le projet)",
    )
    parser.add_argument(
        "--chromium",
        metavar="CHEMIN",
        help="navigateur à utiliser (par défaut : chromium, cherché dans le PATH)",
    )


def run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    output = (args.sortie or paths.root / DEFAULT_OUTPUT).resolve()
    if output.exists() and not output.is_dir():
        raise UsageError(f"{args.sortie} existe et n'est pas un dossier")
    if args.site is not None and not args.site.is_dir():
        raise UsageError(f"dossier du site introuvable : {args.site}")
    try:
        chromium = find_chromium(args.chromium)
        page_vars = page_variables(paths.root / "mkdocs.yml")
        collection = load_collection(paths, page_variables=page_vars)
        if collection.report.has_errors:
            print_report(collection.report.sorted(), sys.stdout)
            print(
                "fiches pdf : erreurs dans les fiches ou les parcours (détail ci-dessus) ; "
                "corrigez-les, puis relancez",
                file=sys.stderr,
            )
            return 1
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"impossible de créer le dossier {output} : {exc.strerror}") from exc
        if args.site is not None:
            return _print_all(collection, chromium, args.site.resolve(), output, paths)
        with tempfile.TemporaryDirectory(prefix="fiches-site-") as temp:
            print("Construction du site…", file=sys.stderr)
            build_site(paths.root, Path(temp))
            return _print_all(collection, chromium, Path(temp), output, paths)
    except PdfError as exc:
        print(f"fiches pdf : erreur : {exc}", file=sys.stderr)
        return 1


def _print_all(
    collection: Collection, chromium: str, site: Path, output: Path, paths: ProjectPaths
) -> int:
    jobs = pdf_jobs(collection)
    for title, page, filename in jobs:
        target = output / filename
        size = print_pdf(chromium, built_page(site, page), target)
        print(f"PDF écrit : {paths.display(target)} ({title}, {size // 1024} Ko)")
    print(f"ok : {plural(len(jobs), 'PDF écrit', 'PDF écrits')}", file=sys.stderr)
    return 0

"""`fiches pdf`: one PDF per parcours and one for the whole collection.

Headless Chromium prints the built pages through the site's own print stylesheet
(overrides/assets/impression.css), from file:// and with its network
features off, so a PDF is exactly what «Imprimer / PDF» gives in a browser.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.cli.errors import UsageError, make_dir
from macros.cli.reporter import print_report
from macros.core.project import ProjectPaths
from macros.core.safe_write import write_bytes
from macros.core.wording import plural
from macros.index.collection import load_collection
from macros.render.parcours_page import COLLECTION_PAGE
from macros.site.mkdocs_yml import page_variables

# Debian and Ubuntu name the binary differently; Chrome works as well.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-extensions",
    "--no-first-run",
    "--no-pdf-header-footer",
    # The same, for Chromium before version 120.
    "--print-to-pdf-no-header",
)
INSTALL_HINT = (
    "installez-le avec « sudo apt-get install chromium » (Debian, Ubuntu), "
    "ou indiquez son chemin avec --chromium"
)
COLLECTION_PDF = "toutes-les-fiches.pdf"
TIMEOUT_S = 180
DEFAULT_OUTPUT = "pdf"


class PdfError(Exception):
    """Printing failed: the message says why and how to fix it, in French."""


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
        make_dir(output)
        with tempfile.TemporaryDirectory(prefix="fiches-site-") as temp:
            site = Path(temp) if args.site is None else args.site.resolve()
            if args.site is None:
                print("Construction du site…", file=sys.stderr)
                build_site(paths.root, site)
            # Title, source page and file name: one PDF per parcours, then the whole collection.
            jobs = [(p.title, p.page, f"parcours-{p.slug}.pdf") for p in collection.parcours]
            jobs.append(("Toutes les fiches", COLLECTION_PAGE, COLLECTION_PDF))
            for title, page, filename in jobs:
                target = output / filename
                size = print_pdf(chromium, built_page(site, page), target)
                print(f"PDF écrit : {paths.display(target)} ({title}, {size // 1024} Ko)")
    except PdfError as exc:
        print(f"fiches pdf : erreur : {exc}", file=sys.stderr)
        return 1
    print(f"ok : {plural(len(jobs), 'PDF écrit', 'PDF écrits')}", file=sys.stderr)
    return 0


def find_chromium(explicit: str | None = None) -> str:
    """The Chromium to print with; PdfError when there is none."""
    found = next(filter(None, map(shutil.which, [explicit] if explicit else CHROMIUM_NAMES)), None)
    if found:
        return found
    if explicit:
        raise PdfError(f"Chromium introuvable à l'emplacement « {explicit} » ; {INSTALL_HINT}")
    raise PdfError(f"Chromium est introuvable : il sert à imprimer les PDF ; {INSTALL_HINT}")


def built_page(site_dir: Path, src_uri: str) -> Path:
    """The HTML file of page `src_uri` in a build, with or without directory URLs."""
    stem = src_uri.removesuffix(".md")
    candidates = [site_dir / stem / "index.html", site_dir / f"{stem}.html"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise PdfError(
        f"page absente du site construit : {candidates[0]} ; reconstruisez le site "
        "(« make build ») ou lancez « fiches pdf » sans --site"
    )


def build_site(root: Path, site_dir: Path) -> None:
    """`mkdocs build` of the project into `site_dir`; PdfError with MkDocs' log on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)]
    try:
        result = subprocess.run(
            command, cwd=root, env=env, capture_output=True, text=True, timeout=600
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PdfError(f"la construction du site a échoué : {exc}") from exc
    if result.returncode != 0:
        raise PdfError(
            "la construction du site a échoué :\n"
            + result.stderr.strip()
            + "\ncorrigez les erreurs ci-dessus (« fiches check »), puis relancez"
        )


def print_pdf(chromium: str, page: Path, target: Path) -> int:
    """Print `page` to `target` (replaced in one step); return the PDF's size in bytes."""
    with tempfile.TemporaryDirectory(prefix="fiches-pdf-") as work:
        out = Path(work) / "page.pdf"
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            # A throw-away profile: nothing read from or written to the user's.
            f"--user-data-dir={Path(work) / 'profil'}",
            f"--print-to-pdf={out}",
            page.resolve().as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise PdfError(
                f"Chromium n'a pas fini d'imprimer {page.name} en {TIMEOUT_S} s"
            ) from exc
        except OSError as exc:
            raise PdfError(f"impossible de lancer Chromium ({chromium}) : {exc}") from exc
        data = out.read_bytes() if out.is_file() else b""
        if result.returncode != 0 or not data.startswith(b"%PDF"):
            detail = result.stderr.strip().splitlines()[-3:]
            raise PdfError(
                f"Chromium n'a pas produit de PDF pour {page.name} (code {result.returncode})"
                + ("\n" + "\n".join(detail) if detail else "")
            )
    write_bytes(target, data)
    return len(data)

"""The `fiches` console script: parse, dispatch, and turn results into exit codes.

Exit codes: 0 no error, 1 errors in the content, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from macros.cli import check_cmd, import_cmd, new_cmd, pdf_cmd
from macros.cli.errors import UsageError
from macros.core.project import ProjectPaths, find_root

EXIT_USAGE = 2


class _FrenchFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        # argparse passes prefix="" when it computes a sub-command's prog.
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


_ARGPARSE_FRENCH = (
    ("the following arguments are required", "arguments obligatoires manquants"),
    ("unrecognized arguments", "arguments non reconnus"),
    ("invalid choice", "choix invalide"),
    ("expected one argument", "une valeur est attendue"),
    ("choose from", "choisissez parmi"),
    ("ignored explicit argument", "valeur inattendue"),
)


class _FrenchParser(argparse.ArgumentParser):
    """argparse with its fixed strings in French, and usage errors exiting 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _FrenchFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "arguments"
        if self.add_help:
            self._actions[0].help = "afficher cette aide et quitter"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        for english, french in _ARGPARSE_FRENCH:
            message = message.replace(english, french)
        self.exit(EXIT_USAGE, f"{self.prog} : erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="fiches",
        description="Outils des contributeurs du centre de ressources des fiches du MES.",
    )
    parser.add_argument(
        "--projet",
        metavar="DOSSIER",
        type=Path,
        help="dossier du projet (par défaut : celui qui contient mkdocs.yml, "
        "en remontant depuis le dossier courant)",
    )
    sub = parser.add_subparsers(
        dest="commande", metavar="COMMANDE", parser_class=_FrenchParser, title="commandes"
    )
    commands = {
        "new": (new_cmd, "créer une fiche à partir du modèle"),
        "check": (check_cmd, "vérifier la collection ou les fichiers donnés"),
        "import": (import_cmd, "convertir des exports texte en fiches"),
        "pdf": (pdf_cmd, "imprimer en PDF chaque parcours et toute la collection"),
    }
    for name, (module, summary) in commands.items():
        command = sub.add_parser(name, help=summary, description=summary.capitalize() + ".")
        module.configure(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        root = args.projet.resolve() if args.projet else find_root(Path.cwd())
        if root is None or not (root / "mkdocs.yml").is_file():
            raise UsageError(
                "aucun projet trouvé (pas de mkdocs.yml ici ni au-dessus) ; "
                "placez-vous dans le dossier du projet ou passez --projet DOSSIER"
            )
        return int(args.run(args, ProjectPaths.at(root)))
    except UsageError as exc:
        print(f"fiches : erreur : {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("fiches : interrompu", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

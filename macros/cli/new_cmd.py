"""`fiches new`: create a fiche from the template, by options or by questions.

Every answer is checked before anything is written, against the same rules as
`fiches check`, so that the new file passes the check as soon as it exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from macros.check.html_safety import text_problem
from macros.check.macro_policy import may_hold_macros
from macros.check.registries import Registries
from macros.cli.errors import UsageError
from macros.core.model import STATUS_LABELS, FicheNumber
from macros.core.project import ProjectPaths
from macros.core.safe_write import AlreadyExists, write_fiche
from macros.data.fiche_writer import (
    TemplateError,
    last_chapter,
    new_fiche_answers,
    next_free_number,
    used_numbers,
    write_fiche_text,
)
from macros.index.collection import Collection, load_collection

TITLE_MIN = 3  # fiche.schema.json: titre.minLength
# French typography puts (narrow) no-break spaces before « : ? ! » and inside
# guillemets; they are kept, every other run of white space becomes one space.
_KEPT_SPACES = "\u00a0\u202f"
_SPACES = re.compile(rf"[^\S{_KEPT_SPACES}]+")

NEXT_STEPS = """\
Fiche créée : {shown}
Prochaines étapes :
  1. ouvrez {shown} et remplacez chaque texte « À remplacer » ;
  2. lancez « fiches check » pour vérifier la fiche ;
  3. lancez « make serve » et ouvrez http://127.0.0.1:8000 pour la voir dans le site."""

T = TypeVar("T")


def _check_number(text: str, chapter: int | None, used: dict[str, str], paths: ProjectPaths) -> str:
    number = text.strip()
    if not FicheNumber.is_valid(number):
        comma = number.replace(",", ".")  # French decimal comma
        example = (
            comma
            if FicheNumber.is_valid(comma)
            else next_free_number(used, chapter or last_chapter(used))
        )
        raise UsageError(
            f"numéro de fiche mal formé « {number} » ; écrivez chapitre.rang avec "
            f"un point, par exemple « {example} »"
        )
    parsed = FicheNumber(number)
    if chapter is not None and parsed.chapter != chapter:
        raise UsageError(
            f"le numéro « {number} » est dans le chapitre {parsed.chapter}, "
            f"pas dans le chapitre {chapter} ; le chapitre est la partie du numéro "
            "avant le point"
        )
    if number in used:
        proposal = next_free_number(used, parsed.chapter)
        raise UsageError(
            f"le numéro « {number} » est déjà celui de {used[number]} ; "
            f"prenez un numéro libre, par exemple « {proposal} »"
        )
    target = paths.fiches_dir / f"{number}.md"
    if target.exists():
        raise _exists(target, paths)
    return number


def _exists(target: Path, paths: ProjectPaths) -> UsageError:
    return UsageError(
        f"le fichier {paths.display(target)} existe déjà ; "
        "« fiches new » ne remplace jamais un fichier"
    )


def _check_title(text: str) -> str:
    # Line breaks or tabs would survive in YAML but not in a page title.
    title = _SPACES.sub(" ", text).strip(" " + _KEPT_SPACES)
    if len(title) < TITLE_MIN:
        raise UsageError(f"titre trop court « {title} » : au moins {TITLE_MIN} caractères")
    if not all(char.isprintable() or char in _KEPT_SPACES for char in title):
        raise UsageError("le titre contient un caractère de contrôle ; retapez-le")
    if may_hold_macros(title):
        raise UsageError(
            "le titre ne peut pas contenir « {{ », « {% » ni « {# », "
            "réservés aux macros ; reformulez-le"
        )
    if (problem := text_problem(title)) is not None:
        # The same rule as `fiches check` (texte-interdit), said before the file exists.
        raise UsageError(f"titre refusé : {problem}")
    return title


def _check_theme(name: str, registries: Registries) -> str:
    name = name.strip()
    theme = registries.find_theme(name)
    if theme is None:
        raise UsageError(f"thème inconnu « {name} » ; {registries.theme_hint(name)}")
    return theme.slug


def _chapter(text: str) -> int:
    text = text.strip()
    if not text.isdigit() or int(text) < 1:
        raise UsageError(
            f"chapitre invalide « {text} » : un nombre entier à partir de 1 est attendu"
        )
    return int(text)


def _themes_answer(text: str, slugs: list[str], registries: Registries) -> list[str]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise UsageError("choisissez au moins un thème")
    chosen = [
        slugs[int(part) - 1]
        if part.isdigit() and 1 <= int(part) <= len(slugs)
        else _check_theme(part, registries)
        for part in parts
    ]
    return list(dict.fromkeys(chosen))


def _until_valid(question: str, check: Callable[[str], T], default: str | None = None) -> T:
    """Ask on stdout until `check` accepts the answer read from stdin."""
    while True:
        print(f"{question} [{default}] : " if default else f"{question} : ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            # End of input: asking again would loop forever.
            print()
            raise UsageError("saisie interrompue avant la fin des questions ; aucune fiche créée")
        if not sys.stdin.isatty():
            # Piped answers are not echoed by a terminal; show them so the dialogue reads.
            print(line.rstrip("\n"))
        try:
            return check(line.strip() or (default or ""))
        except UsageError as exc:
            print(f"  {exc}", flush=True)


def _gather(
    args: argparse.Namespace, collection: Collection, interactive: bool
) -> tuple[str, str, list[str]]:
    """Number, title and themes: from the options, and questions for what they left out."""
    registries = collection.registries
    used = used_numbers(collection)
    # A chapter given as an option is a constraint the number must respect; a
    # chapter asked here only proposes a number, which the next answer may change.
    chapter: int | None = args.chapitre

    def number(text: str) -> str:
        return _check_number(text, chapter, used, collection.paths)

    if args.numero is not None:
        numero = number(args.numero)
    elif not interactive:
        assert chapter is not None  # run() made sure
        numero = number(next_free_number(used, chapter))
        print(
            f"numéro attribué : {numero} (le numéro qui suit le plus grand du chapitre {chapter})",
            file=sys.stderr,
        )
    else:
        last = str(last_chapter(used))
        proposed = chapter or _until_valid("Chapitre de la fiche", _chapter, last)
        numero = _until_valid("Numéro de la fiche", number, next_free_number(used, proposed))

    if args.titre is not None:
        titre = _check_title(args.titre)
    else:
        titre = _until_valid("Titre de la fiche (sans le numéro)", _check_title)

    if args.themes:
        themes = list(dict.fromkeys(_check_theme(name, registries) for name in args.themes))
    else:
        slugs = list(registries.themes)
        print("Thèmes connus :", flush=True)
        for rank, slug in enumerate(slugs, start=1):
            print(f"  {rank}. {slug} — {registries.themes[slug].label}", flush=True)
        themes = _until_valid(
            "Thèmes (numéros ou identifiants, séparés par des virgules)",
            lambda text: _themes_answer(text, slugs, registries),
        )
    return numero, titre, themes


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Sans option, la commande pose ses questions. Exemple : fiches new "
        '--numero 2.1 --titre "Coopérer entre structures" --theme projet-politique'
    )
    parser.add_argument(
        "--numero",
        metavar="NUMÉRO",
        help="numéro de la fiche, chapitre.rang (par exemple 2.1) ; il doit être libre",
    )
    parser.add_argument("--titre", metavar="TITRE", help="titre de la fiche, sans le numéro")
    parser.add_argument(
        "--chapitre",
        metavar="N",
        type=_chapter,
        help="chapitre (par défaut : celui du numéro) ; sans --numero, la fiche "
        "prend le numéro qui suit le plus grand du chapitre",
    )
    parser.add_argument(
        "--theme",
        dest="themes",
        metavar="THÈME",
        action="append",
        default=[],
        help="thème du registre fiches/registres/themes.yml ; "
        "répétez l'option pour plusieurs thèmes",
    )
    parser.add_argument(
        "--statut",
        choices=list(STATUS_LABELS),
        default="brouillon",
        help="statut de la fiche (par défaut : brouillon)",
    )
    parser.add_argument(
        "--interactif",
        action="store_true",
        help="poser les questions même si l'entrée n'est pas un terminal",
    )


def run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    missing = [
        option
        for option, absent in (
            ("--numero (ou --chapitre)", args.numero is None and args.chapitre is None),
            ("--titre", args.titre is None),
            ("--theme", not args.themes),
        )
        if absent
    ]
    interactive = args.interactif or (bool(missing) and sys.stdin.isatty())
    if missing and not interactive:
        # Waiting for answers nobody can type would hang scripts and CI.
        raise UsageError(
            f"options manquantes : {', '.join(missing)} ; l'entrée n'est pas un "
            "terminal, la commande ne peut pas poser ses questions (ajoutez ces "
            "options, ou --interactif)"
        )
    collection = load_collection(paths)
    if not collection.registries.themes:
        raise UsageError(
            f"aucun thème lisible dans {collection.registries.source('themes')} ; "
            "lancez « fiches check » pour voir le problème"
        )
    numero, titre, themes = _gather(args, collection, interactive)
    try:
        answers = new_fiche_answers(
            numero=numero, titre=titre, themes=themes, statut=args.statut, created=dt.date.today()
        )
        text = write_fiche_text(answers)
    except TemplateError as exc:
        raise UsageError(str(exc)) from None
    target = paths.fiches_dir / f"{numero}.md"
    write_new(target, text, paths)
    shown = paths.display(target)
    print(shown, flush=True)
    chapter = FicheNumber(numero).chapter
    print(NEXT_STEPS.format(shown=shown), file=sys.stderr)
    if chapter not in collection.registries.chapters:
        print(
            f"Le chapitre {chapter} n'est pas encore dans "
            f"{collection.registries.source('chapitres')} : ajoutez-le pour "
            "lui donner un titre au sommaire.",
            file=sys.stderr,
        )
    return 0


def write_new(target: Path, text: str, paths: ProjectPaths) -> None:
    """Write `target` whole or not at all, and never over an existing file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_fiche(target, text, replace=False)
    except AlreadyExists:
        raise _exists(target, paths) from None
    except OSError as exc:
        raise UsageError(
            f"impossible d'écrire {paths.display(target)} : {exc.strerror or exc}"
        ) from None

"""Synthetic collections of fiches, in the project's exact format, for benchmarks.

Each fiche is drawn from its own seeded random generator (seed + number), so a
collection of 1,000 fiches holds the same first 100 fiches as one of 100, and
two runs with the same seed write identical files. Structures, themes and
stake kinds come from the real registries; chapters are written for the
collection (about 50 fiches each, like a long guide).

    python -m benchmarks.generate DEST N [--seed 7] [--par-chapitre 50]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from macros.check.registries import Registries, load_registries
from macros.core.diagnostics import Report
from macros.core.project import ProjectPaths

ROOT = Path(__file__).resolve().parents[1]
PER_CHAPTER = 50
DEFAULT_SEED = 7

CHAPTER_TITLES = (
    "Le projet politique de l'accompagnement",
    "Accueillir et orienter les initiatives",
    "Financer l'accompagnement",
    "Coopérer sur un territoire",
    "Évaluer et valoriser autrement",
    "Accompagner les associations culturelles",
    "Former les accompagnateur·ices",
    "Bénévolat et engagement militant",
)

QUESTIONS = (
    "Comment {verb} {object} ?",
    "Quelle place pour {object} dans l'accompagnement ?",
    "Pourquoi {verb} {object} ?",
    "Quelles conditions pour {verb} {object} ?",
    "Comment les structures du MES peuvent-elles {verb} {object} ?",
)
VERBS = (
    "accueillir",
    "financer",
    "valoriser",
    "outiller",
    "mutualiser",
    "reconnaître",
    "évaluer",
    "soutenir",
    "documenter",
    "défendre",
)
OBJECTS = (
    "les porteur·ses de projet",
    "les collectifs accompagnés",
    "le temps militant",
    "les bénévoles des structures",
    "les coopérations locales",
    "les acteur·ices du territoire",
    "les initiatives culturelles",
    "les adhérent·es des réseaux",
    "les savoirs des accompagnateur·ices",
    "les ressources non monétaires",
    "les démarches de co-construction",
    "les partenaires financeurs",
)
SUBJECTS = (
    "Les structures membres du réseau",
    "Les accompagnateur·ices",
    "Les porteur·ses de projet",
    "Les collectifs accompagnés",
    "Les adhérent·es",
    "Les partenaires publics",
    "Les acteur·ices de l'accompagnement",
    "Les salarié·es et les bénévoles",
)
CLAUSES = (
    "cherchent à situer l'accompagnement dans leur projet associatif",
    "résistent à la standardisation des dispositifs d'appui",
    "défendent un accompagnement sur mesure plutôt que des parcours formatés",
    "font valoir les effets des initiatives sur leur territoire",
    "négocient avec les financeurs des cadres d'évaluation partagés",
    "mobilisent des ressources non monétaires pour couvrir une partie du coût",
    "tissent des coopérations durables avec les autres acteur·ices de l'ESS",
    "construisent un discours public sur la transition et le pouvoir d'agir",
    "assument collectivement l'écart à la norme des appels d'offre",
    "relient les initiatives locales aux politiques publiques",
)
COMPLEMENTS = (
    "au risque de voir le sens de leur mission se diluer",
    "dans un contexte de raréfaction des financements publics",
    "sans renoncer à l'accueil direct hors des circuits de prescription",
    "en s'appuyant sur le bouche-à-oreille et les réseaux d'entraide",
    "pour que les personnes accompagnées deviennent des militant·es de l'économie solidaire",
    "tout en reconnaissant la diversité des trajectoires des initiatives",
    "en lien avec les politiques de la ville, du développement durable et de la culture",
    "afin de rendre visibles des effets que les indicateurs chiffrés ignorent",
)
STAKE_TITLES = {
    "politique": "Enjeux et points de vigilance politiques",
    "economique": "Les enjeux économiques",
    "social": "Les enjeux sociaux",
    "territorial": "Les enjeux territoriaux",
    "organisationnel": "Les enjeux d'organisation",
    "juridique": "Les enjeux juridiques",
    "ecologique": "Les enjeux écologiques",
    "general": "Enjeux transversaux",
}
PRACTICES = (
    "Tenir une **permanence d'accueil ouverte** sans rendez-vous pour les porteur·ses de projet",
    "Organiser des **cafés-rencontres** entre collectifs accompagnés et adhérent·es du réseau",
    "Mutualiser un **fonds documentaire** partagé entre accompagnateur·ices du territoire",
    "Former les bénévoles à l'écoute et à l'orientation des initiatives solidaires",
    "Négocier avec la collectivité un **cadre collectif d'évaluation** non quantitative",
    "Co-animer avec d'autres acteur·ices un cycle de formations sur le modèle économique",
    "Proposer des **visites croisées** entre initiatives pour valoriser les pratiques",
    "Interpeller les financeurs sur les cahiers des charges des appels d'offre",
    "Accompagner les collectifs dans la recherche de financements complémentaires",
    "Documenter les parcours d'accompagnement par des témoignages et des vidéos",
    "Construire avec les adhérent·es un **référentiel commun** de l'accompagnement",
    "Ouvrir les instances de gouvernance aux personnes accompagnées",
)
NOTES = ("", "", "", "centre de ressources", "expérimentation en cours", "depuis 2019")
KEYWORDS = (
    "accueil",
    "bénévolat",
    "coopération",
    "DLA",
    "évaluation",
    "financement",
    "formation",
    "gouvernance",
    "mutualisation",
    "territoire",
    "transition",
    "valorisation",
)
FURTHER = (
    "Le guide de l'accompagnement des initiatives solidaires, édition du réseau.",
    "Les actes des rencontres régionales de l'économie solidaire.",
    "Le recueil de témoignages des porteur·ses de projet accompagné·es.",
)


@dataclass(frozen=True)
class Vocabulary:
    """What the real registries allow a fiche to name."""

    structures: tuple[str, ...]  # short names, as contributors write them
    slugs: tuple[str, ...]
    themes: tuple[str, ...]
    kinds: tuple[str, ...]

    @classmethod
    def from_registries(cls, registries: Registries) -> Vocabulary:
        structures = list(registries.structures.values())
        return cls(
            tuple(s.short_name for s in structures),
            tuple(s.slug for s in structures),
            tuple(registries.themes),
            tuple(registries.stake_kinds),
        )


def project_vocabulary(root: Path = ROOT) -> Vocabulary:
    report = Report()
    registries = load_registries(ProjectPaths.at(root), report)
    if report.has_errors:
        raise SystemExit("\n".join(d.format() for d in report.items))
    return Vocabulary.from_registries(registries)


def fiche_numbers(count: int, per_chapter: int = PER_CHAPTER) -> list[str]:
    return [f"{i // per_chapter + 1}.{i % per_chapter + 1}" for i in range(count)]


def _sentence(rng: random.Random) -> str:
    first, second = rng.sample(CLAUSES, 2)
    return f"{rng.choice(SUBJECTS)} {first}, {rng.choice(COMPLEMENTS)}, et {second}."


def _macro(name: str) -> str:
    return f'{{{{ structure("{name}") }}}}'


def _fiche_ref(number: str) -> str:
    return f'{{{{ fiche("{number}", "fiche n°{number}") }}}}'


def fiche_text(number: str, vocab: Vocabulary, seed: int, known: list[str]) -> str:
    """One fiche; `known` are the numbers it may cite (earlier fiches of the collection)."""
    rng = random.Random(f"{seed}:{number}")
    title = rng.choice(QUESTIONS).format(verb=rng.choice(VERBS), object=rng.choice(OBJECTS))
    themes = rng.sample(vocab.themes, rng.randint(2, min(4, len(vocab.themes))))
    status = rng.choices(("publiee", "relecture", "brouillon"), (8, 1, 1))[0]
    authors = rng.sample(vocab.slugs, rng.randint(1, 2))
    keywords = rng.sample(KEYWORDS, rng.randint(2, 5))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    lines = [
        "---",
        "# yaml-language-server: $schema=../macros/schemas/fiche.schema.json",
        f'numero: "{number}"',
        f"titre: {title}",
        "themes:",
        *[f"  - {t}" for t in themes],
        f"statut: {status}",
        f"date_creation: 2025-{month:02d}-{day:02d}",
        f"date_mise_a_jour: 2026-{month:02d}-{day:02d}",
        "redaction:",
        *[f"  - {a}" for a in authors],
        "resume: >-",
        f"  {_sentence(rng)}",
        "mots_cles:",
        *[f"  - {k}" for k in keywords],
        "---",
        "",
        "## Contexte et enjeux",
        "",
        " ".join(_sentence(rng) for _ in range(3)),
        "",
    ]
    cited = rng.sample(known, min(len(known), 2))
    context = " ".join(_sentence(rng) for _ in range(2))
    if cited:
        context += f" Cette question prolonge la {_fiche_ref(cited[0])}."
    lines += [context, ""]
    for kind in rng.sample(vocab.kinds, rng.randint(2, 3)):
        lines += [f'### {STAKE_TITLES.get(kind, "Enjeux")} {{ data-enjeu="{kind}" }}', ""]
        for _ in range(rng.randint(2, 3)):
            item = _sentence(rng)
            if rng.random() < 0.4:
                named = rng.sample(vocab.structures, rng.randint(1, 2))
                item = item[:-1] + f" ({', '.join(_macro(n) for n in named)})."
            lines.append(f"- {item}")
        lines.append("")
    lines += ["## Les pratiques des structures du MES", ""]
    for practice in rng.sample(PRACTICES, rng.randint(4, 6)):
        credited = rng.sample(vocab.structures, rng.randint(1, 3))
        note = rng.choice(NOTES)
        credit = ", ".join(_macro(n) for n in credited) + (f", {note}" if note else "")
        lines.append(f"- {practice}, {rng.choice(COMPLEMENTS)} ({credit}).")
    lines.append("")
    if len(cited) > 1 or rng.random() < 0.3:
        lines += ["## Pour aller plus loin", ""]
        if len(cited) > 1:
            lines.append(f"- Voir aussi la {_fiche_ref(cited[1])}.")
        lines.append(f"- {rng.choice(FURTHER)}")
        lines.append(f'- Les autres fiches du thème {{{{ theme("{themes[0]}") }}}}.')
        lines.append("")
    return "\n".join(lines)


def chapters_yaml(count: int) -> str:
    out = [
        "# yaml-language-server: $schema=../../macros/schemas/chapitres.schema.json",
        "# Chapitres d'une collection synthétique (benchmarks/generate.py).",
        "",
    ]
    for number in range(1, count + 1):
        title = CHAPTER_TITLES[(number - 1) % len(CHAPTER_TITLES)]
        suffix = "" if number <= len(CHAPTER_TITLES) else f" ({(number - 1) // 8 + 1})"
        out += [f"- numero: {number}", f"  titre: {title}{suffix}"]
    return "\n".join(out) + "\n"


def write_collection(
    project: Path,
    count: int,
    *,
    seed: int = DEFAULT_SEED,
    per_chapter: int = PER_CHAPTER,
    vocab: Vocabulary | None = None,
) -> list[str]:
    """Write `count` fiches in `project/fiches/` and their chapters; return their numbers.

    Fiches already in `project/fiches/` are removed: the collection is exactly
    the generated one. Registries other than chapters are left as they are.
    """
    vocab = vocab or project_vocabulary()
    fiches_dir = project / "fiches"
    (fiches_dir / "registres").mkdir(parents=True, exist_ok=True)
    for old in fiches_dir.glob("*.md"):
        old.unlink()
    numbers = fiche_numbers(count, per_chapter)
    for position, number in enumerate(numbers):
        earlier = numbers[max(0, position - 30) : position]
        text = fiche_text(number, vocab, seed, earlier)
        (fiches_dir / f"{number}.md").write_text(text, encoding="utf-8")
    chapters = math.ceil(count / per_chapter) if count else 1
    (fiches_dir / "registres" / "chapitres.yml").write_text(
        chapters_yaml(chapters), encoding="utf-8"
    )
    return numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Écrit une collection synthétique de fiches dans DEST/fiches/.",
    )
    parser.add_argument("dest", type=Path, help="dossier du projet (il reçoit fiches/)")
    parser.add_argument("nombre", type=int, help="nombre de fiches")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="graine (défaut : 7)")
    parser.add_argument(
        "--par-chapitre", type=int, default=PER_CHAPTER, help="fiches par chapitre (défaut : 50)"
    )
    args = parser.parse_args(argv)
    if args.nombre < 0 or args.par_chapitre < 1:
        parser.error("le nombre de fiches doit être positif, et au moins 1 par chapitre")
    numbers = write_collection(
        args.dest, args.nombre, seed=args.seed, per_chapter=args.par_chapitre
    )
    print(f"{len(numbers)} fiches écrites dans {args.dest / 'fiches'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

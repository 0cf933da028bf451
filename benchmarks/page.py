"""docs/performances.md and its chart, regenerated from the benchmark's results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from macros.core.safe_write import write_fiche

from .plot import line_chart

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "performances.md"
# Under overrides/, not docs/: an SVG can hold a script, so docs/ refuses it
# (docs/securite.md); overrides/ is reviewed by maintainers.
CHART = ROOT / "overrides" / "assets" / "images" / "performances-temps.svg"
COMPARISON = ROOT / "benchmarks" / "comparison.json"

# Why a target can be missed, from the profiles of the runs that missed it.
EXPLANATIONS = {
    "moteur": (
        "Le profil du moteur (ci-dessous) est dominé par une seule lecture : celle des "
        "macros de chaque fiche par l'analyseur lexical et syntaxique de Jinja "
        "(`read_macros`, environ deux tiers du temps), la grammaire unique que mkdocs-macros "
        "applique ensuite (docs/securite.md). Une fiche qui ne contient ni « {{ », ni "
        "« {% », ni « {# » n'est pas lue par Jinja ; les fiches de ce banc, comme les vraies, "
        "contiennent toutes des appels de macros. Le reste (en-tête YAML lu par PyYAML avec "
        "libyaml, vérification par jsonschema, blocs du corps, crédits des pratiques) prend "
        "un temps proportionnel à la taille des fiches. Aller plus bas demanderait une "
        "seconde grammaire des macros à côté de celle de Jinja, ce que le projet refuse."
    ),
    "lineaire": (
        "Aucune étape ne parcourt la collection pour chaque fiche : les pages de structures "
        "comptent les pratiques en une passe, la navigation groupe les chapitres par dix, et "
        "les « fiches liées » se calculent par signature (l'ensemble des thèmes et des "
        "structures d'une fiche) : chaque signature distincte est classée une fois, et les "
        "registres bornent leur nombre (macros/data/related.py). "
        "Les deux profils du moteur "
        "(ci-dessous) ont la même répartition à 1 000 et à 5 000 fiches, et chaque tranche "
        "de 1 000 fiches d'un chargement de 5 000 prend le temps d'un chargement de 1 000 : "
        "l'écart restant tient aux registres, au tri des chemins (n log n), aux caches du "
        "processeur quand la mémoire grossit, et au bruit d'une machine partagée (±15 %)."
    ),
    "rapport": (
        "Le profil de la construction (ci-dessous, temps propre par paquet) montre que "
        "Jinja (les gabarits de Material, surtout la navigation, et la lecture des macros), "
        "Python-Markdown et le code du projet dominent. L'écart avec la référence vient de "
        "la lecture de chaque fiche par l'analyseur de Jinja (le moteur ; la porte devant "
        "mkdocs-macros reprend cet arbre pour les pages de fiche et ne lit que les autres), "
        "de la compilation de chaque page par "
        "mkdocs-macros (voir la comparaison avec des révisions antérieures, plus bas), et de "
        "ce que le site offre en plus de la référence : sur chaque page de fiche, l'en-tête "
        "(thèmes, structures), les fiches liées, « citée par », la citation, les données "
        "structurées et les infobulles du glossaire, que la recherche de Material analyse "
        "aussi ; le verrou qui relit chaque page produite avec lexbor (docs/securite.md) ; "
        "les données du formulaire de fiche ; et ses propres pages : structures, thèmes, "
        "sommaire, catalogue, matrice, glossaire, nouveautés, parcours et le livret de toute "
        "la collection. À 5 000 fiches le rapport tombe près de 1 : la navigation de la "
        "référence liste ses cent chapitres sur chaque page, quand celle du site les groupe "
        "par dix."
    ),
    "build": (
        "La référence seule, sans le moteur, prend déjà plus de 10 s sur cette machine "
        "(colonne « référence ») ; avec l'étalonnage ci-dessus, les 10 s de l'issue se lisent "
        "ici autour de 15 à 16 s. Le reste de l'écart est celui du rapport (b)/(c)."
    ),
    "html": (
        "L'essentiel d'une page de fiche est la navigation de Material : avec "
        "`navigation.prune`, elle garde les chapitres et les fiches du chapitre ouvert ; le "
        "plugin retire les lignes vides et l'indentation des pages produites."
    ),
    "enrichissement": (
        "Les fiches synthétiques concentrent l'écriture inclusive et les mots accentués "
        "(chaque phrase en tire des formes au masculin, au féminin et sans accents), bien plus que "
        "les vraies : sur la collection réelle, l'enrichissement ajoute environ 9,5 % à "
        "l'index, et un test de la construction le plafonne à 15 % "
        "(tests/acceptance/test_search_build.py). Au-delà de 1 000 fiches, « Contexte et "
        "enjeux » quitte l'index mais les mots de l'en-tête des fiches restent : la part "
        "grandit parce que la base rétrécit. Les clés mesurées sont dans "
        "`benchmarks/results.json` (`cles_enrichissement`)."
    ),
    "recherche": (
        "Le premier résultat attend que le navigateur télécharge l'index et que le « worker » "
        "de Material le construise entièrement (lunr) : ce temps suit la taille de l'index. "
        "Le tableau de la recherche donne l'effet de la réduction de l'index au-delà de "
        "1 000 fiches, et la ligne à 100 fiches le plancher de Material sur la machine "
        "(chargement de la page, démarrage du « worker » et du français de lunr) : une "
        "soixantaine de fiches y demandait déjà 1,2 s lors de nos essais. Aller en dessous "
        "d'une seconde à 5 000 fiches demande un index préconstruit et découpé, que Material "
        "ne propose pas : c'est la recherche Pagefind (`RECHERCHE=pagefind`), que la "
        "publication en ligne utilise ; la copie hors ligne garde celle de Material "
        "(docs/recherche.md)."
    ),
    "recherche_pagefind": (
        "Pagefind ne télécharge que son interface, sa liste des pages et les morceaux d'index "
        "des mots tapés. Le temps mesuré part de l'ouverture de la page et comprend la "
        "frappe de la requête et l'attente de 150 ms de l'interface avant de chercher ; le "
        "reste est le calcul des résultats dans le navigateur, qui grandit avec le nombre de "
        "pages où le mot apparaît : la requête du banc, « bénévoles », est dans presque "
        "toutes les fiches synthétiques. D'un passage du banc à l'autre, le premier résultat "
        "arrive entre 1 et 1,5 s, à 1 000 comme à 5 000 fiches : deux à trois fois plus tôt "
        "qu'avec Material, sans descendre sous la seconde."
    ),
}


def _kb(value: float) -> str:
    return f"{value / 1024:,.1f}".replace(",", "\u202f").replace(".", ",")


def _n(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


def _s(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}".replace(".", ",")


def _row(rows: list[dict[str, Any]], n: int) -> dict[str, Any] | None:
    return next((r for r in rows if r["n"] == n), None)


def targets(rows: list[dict[str, Any]]) -> list[tuple[str, str, str, bool | None, str]]:
    """(key, target, measured, met or None when not measured, explanation key)."""
    out: list[tuple[str, str, str, bool | None, str]] = []
    mid = _row(rows, 1000)
    big = _row(rows, 5000)
    if mid:
        engine = mid["moteur"]["mur"]
        out.append(
            (
                "moteur",
                "(a) moteur ≤ 0,5 s à 1 000 fiches",
                f"{_s(engine, 3)} s",
                engine <= 0.5,
                "moteur",
            )
        )
        if big:
            ratio = big["moteur"]["mur"] / engine
            out.append(
                (
                    "lineaire",
                    "(a) linéaire : 5 000 ≤ 5,5 × 1 000",
                    f"× {_s(ratio)}",
                    ratio <= 5.5,
                    "lineaire",
                )
            )
            build_ratio = big["construction"]["secondes"] / mid["construction"]["secondes"]
            out.append(
                (
                    "quadratique",
                    "construction linéaire : 5 000 ≤ 5,5 × 1 000",
                    f"× {_s(build_ratio)}",
                    build_ratio <= 5.5,
                    "lineaire",
                )
            )
        # Processor time, when measured: a busy machine distorts it far less than wall time.
        cpu_ratio = mid.get("rapport_processeur")
        ratio = cpu_ratio if cpu_ratio is not None else mid["rapport"]
        out.append(
            (
                "rapport",
                "(b)/(c) ≤ 1,15 à 1 000 fiches (jugé sur le temps processeur)",
                f"{_s(mid['rapport'])} (temps processeur : {_s(cpu_ratio)})",
                ratio <= 1.15,
                "rapport",
            )
        )
        seconds = mid["construction"]["secondes"]
        out.append(
            (
                "build",
                "construction de 1 000 fiches ≤ 10 s",
                f"{_s(seconds, 1)} s",
                seconds <= 10,
                "build",
            )
        )
    largest = max(rows, key=lambda r: r["n"]) if rows else None
    if largest:
        html = largest["taille"]["html_fiche_moyen"]
        out.append(
            (
                "html",
                "≤ 80 Ko de HTML par page de fiche",
                f"{_kb(html)} Ko (à {_n(largest['n'])} fiches)",
                html <= 80 * 1024,
                "html",
            )
        )
        size = largest["taille"]
        if size["enrichissement"]:
            share = size["enrichissement"] / max(size["index"] - size["enrichissement"], 1)
            out.append(
                (
                    "enrichissement",
                    "enrichissement de l'index ≤ 15 %",
                    f"{_s(share * 100, 1)} %",
                    share <= 0.15,
                    "enrichissement",
                )
            )
        else:
            out.append(
                (
                    "enrichissement",
                    "enrichissement de l'index ≤ 15 %",
                    "aucune clé d'enrichissement détectée",
                    None,
                    "enrichissement",
                )
            )
    # The same target, once per search engine measured; the key names the explanation.
    for key, engine in (
        ("recherche", "Material, hors ligne aussi"),
        ("recherche_pagefind", "Pagefind, en ligne"),
    ):
        search = big.get(key) if big else None
        if search and "premier_resultat" in search:
            value = search["premier_resultat"]
            out.append(
                (
                    "recherche",
                    f"premier résultat de recherche ≤ 1 s à 5 000 fiches ({engine})",
                    f"{_s(value)} s",
                    value <= 1.0,
                    key,
                )
            )
    return out


def _results_table(rows: list[dict[str, Any]]) -> list[str]:
    out = [
        "| Fiches | (a) moteur | (b) construction | (c) référence | (b)/(c) (proc.) "
        "| (d) mémoire "
        "| (e) site / fiche | index / fiche | HTML / page de fiche | (f) `serve` |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        n = r["n"]
        rebuilds = [s for s in r.get("serve", {}).get("reconstructions", []) if s is not None]
        serve = f"{_s(min(rebuilds), 1)} s" if rebuilds else "—"
        out.append(
            f"| {_n(n)} | {_s(r['moteur']['mur'], 3)} s | {_s(r['construction']['secondes'], 1)} s "
            f"| {_s(r['reference']['secondes'], 1)} s | {_s(r['rapport'])} "
            f"({_s(r.get('rapport_processeur'))}) "
            f"| {r['construction']['memoire_mo']:.0f} Mo "
            f"({r['reference']['memoire_mo']:.0f}) "
            f"| {_kb(r['taille']['site'] / n)} Ko ({_kb(r['taille_reference']['site'] / n)}) "
            f"| {_kb(r['taille']['index'] / n)} Ko ({_kb(r['taille_reference']['index'] / n)}) "
            f"| {_kb(r['taille']['html_fiche_moyen'])} Ko "
            f"({_kb(r['taille_reference']['html_fiche_moyen'])}) | {serve} |"
        )
    return out


def _profiles(rows: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    for r in rows:
        if "profil_moteur" in r:
            out += [
                f"### Profil du moteur, {_n(r['n'])} fiches",
                "",
                "| Fonction | Temps cumulé | Part |",
                "| --- | ---: | ---: |",
            ]
            for p in r["profil_moteur"]:
                out.append(f"| `{p['fonction']}` | {_s(p['cumul'], 3)} s | {p['part']:.0%} |")
            out.append("")
        if "profil_construction" in r:
            prof = r["profil_construction"]
            out += [
                f"### Profil de la construction, {_n(r['n'])} fiches",
                "",
                f"Construction sous `cProfile` ({_s(prof['total'], 1)} s de temps propre). "
                "Temps propre par paquet :",
                "",
                "| Paquet | Temps propre | Part |",
                "| --- | ---: | ---: |",
            ]
            for p in prof["paquets"]:
                out.append(f"| `{p['paquet']}` | {_s(p['propre'], 1)} s | {p['part']:.0%} |")
            out += ["", "Fonctions du moteur les plus coûteuses pendant la construction :", ""]
            out += ["| Fonction | Temps cumulé |", "| --- | ---: |"]
            for p in prof["projet"][:8]:
                out.append(f"| `{p['fonction']}` | {_s(p['cumul'], 2)} s |")
            out.append("")
    return out


def _comparison() -> list[str]:
    """The side-by-side builds of earlier revisions (benchmarks/compare.py), if measured."""
    if not COMPARISON.is_file():
        return []
    found = json.loads(COMPARISON.read_text(encoding="utf-8")).get("comparaisons", [])
    out = [
        "## Comparaison avec des révisions antérieures",
        "",
        "Le même passage de `make bench` construit les mêmes fiches synthétiques avec le code "
        "de deux révisions (paires du fichier `benchmarks/base-revision`, chaque révision "
        "extraite avec `git archive` et installée dans son propre environnement), en "
        "alternance (script `benchmarks/compare.py`).",
        "",
    ]
    revisions = [c for c in found if not c.get("chemin_rapide")]
    for c in revisions:
        out += [
            f"### {c['libelle']}",
            "",
            f"Base `{c['base'][:10]}`, nouveau `{c['nouveau'][:10]}` : {_n(c['n'])} fiches, "
            f"{c['repetitions']} constructions de chaque côté, mesures du {c['date']} "
            f"(charge au départ {_s(c['charge'])}).",
            "",
            *_comparison_table(c, "base", "nouveau"),
        ]
        if c["rapport"] > 1.05:
            out += [
                f"**Au-delà des 5 % visés** ({_s((c['rapport'] - 1) * 100, 0)} % de plus).",
                "",
            ]
    if any(c["rapport"] > 1.05 for c in revisions):
        out += [
            "D'où vient l'écart, d'après le temps processeur de chaque étape d'une "
            "construction de 1 000 fiches, mesuré pour la base et pour cet arbre, en "
            "alternance, le 5 décembre 2026 au soir (25,1 s contre 34 à 37 s) : le "
            "chargement de la collection prend 2,9 s de plus (le moteur lit chaque fiche avec "
            "l'analyseur de Jinja, 2 s, et jsonschema vérifie les en-têtes) ; mkdocs-macros "
            "(`on_page_markdown`) ajoute 2,5 s, surtout pour compiler l'arbre de chaque page "
            "en code Python (la génération du code par Jinja, 0,9 ms par fiche, puis la "
            "compilation par Python, 0,6 ms) ; le verrou HTML qui relit chaque page avec "
            "lexbor ajoute 0,8 s ; le gabarit des fiches (données structurées, fiches liées, "
            "citation) 0,9 s ; les pages et données générées (formulaire de fiche, données "
            "ouvertes) 0,7 s. La conversion Markdown coûte autant des deux côtés. La porte ne "
            "relit plus les pages de fiche : leur arbre est construit à partir de la lecture "
            "du corps par le moteur, où les ancres, les mots-clés et les définitions "
            "s'insèrent entre les macros (`Macros.edited`) ; mesurée étape par étape contre "
            "la révision d'avant (f2b7b62), `on_page_markdown` passe de 5,0 à 2,3 s pour 0,3 s "
            "de plus à la génération des pages, soit 6 à 7 % du temps processeur, un gain que "
            "la comparaison de bout en bout ci-dessus (± 15 % d'une construction à l'autre sur "
            "cette machine partagée) ne sépare pas du bruit. Un cache de la "
            "navigation de Material (chaque sous-arbre sans la page courante rendu une fois "
            "pour toutes les pages dont il écrit les liens de la même façon) a été essayé le "
            "même jour : il donnait le même site à l'octet près, mais ne faisait gagner que "
            "1,1 % de la construction (médianes de cinq constructions de chaque côté, en "
            "alternance), "
            "sous le seuil de 10 % d'un chemin rapide écrit à la main ; il a été retiré.",
            "",
        ]
    fast = [c for c in found if c.get("chemin_rapide")]
    if fast:
        out += [
            "## Chemins rapides écrits à la main",
            "",
            "Un chemin rapide écrit à la main à côté d'une bibliothèque ne reste que s'il fait "
            "gagner au moins 10 % de la construction entière. Chacun est mesuré ici dans le "
            "même passage : la construction de cet arbre telle quelle, et la même avec ce "
            "chemin coupé (`FAST_PATHS` de `benchmarks/compare.py`), en alternance.",
            "",
        ]
    else:
        out += [
            "## Chemins rapides écrits à la main",
            "",
            "Aucun : un chemin rapide écrit à la main à côté d'une bibliothèque ne reste que "
            "s'il fait gagner au moins 10 % de la construction entière, mesuré dans le même "
            "passage avec et sans lui (`FAST_PATHS` de `benchmarks/compare.py`).",
            "",
        ]
    for c in fast:
        gain = (1 - c["rapport"]) * 100
        out += [
            f"### {c['libelle']}",
            "",
            f"Révision `{c['nouveau'][:10]}` : {_n(c['n'])} fiches, {c['repetitions']} "
            f"constructions de chaque côté, mesures du {c['date']} "
            f"(charge au départ {_s(c['charge'])}).",
            "",
            *_comparison_table(c, "sans", "avec"),
            f"Gain : **{_s(gain, 0)} %** de la construction entière"
            + (" (seuil : 10 %)." if gain >= 10 else " : **sous le seuil de 10 %**."),
            "",
        ]
    return out


def _comparison_table(c: dict[str, Any], before: str, after: str) -> list[str]:
    old, new = c["mesures_base"], c["mesures_nouveau"]
    return [
        f"| | {before} | {after} | rapport |",
        "| --- | ---: | ---: | ---: |",
        f"| construction, médiane | {_s(old['secondes'], 1)} s "
        f"| {_s(new['secondes'], 1)} s | {_s(c['rapport'], 3)} |",
        f"| processeur, médiane | {_s(old['processeur'], 1)} s "
        f"| {_s(new['processeur'], 1)} s | {_s(c['rapport_processeur'], 3)} |",
        f"| mémoire maximale | {_s(old['memoire_mo'], 0)} Mo | {_s(new['memoire_mo'], 0)} Mo | |",
        "",
        f"Mesures {_of(before)} : {', '.join(_s(x, 1) for x in old['mesures'])} s ; "
        f"{_of(after)} : {', '.join(_s(x, 1) for x in new['mesures'])} s.",
        "",
    ]


def _of(side: str) -> str:
    return {"base": "de la base", "nouveau": "du nouveau"}.get(side, side)


def render_page(results: dict[str, Any]) -> str:
    rows = results["mesures"]
    facts = results["machine"]
    load = facts.get("charge_au_depart", [0])[0]
    checks = targets(rows)
    out = [
        "---",
        "render_macros: false",
        "title: Performances",
        "description: Temps de construction, mémoire, tailles et recherche à grande échelle.",
        # Maintainers' page: out of the readers' search index.
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Performances à grande échelle",
        "",
        "Cette page est **régénérée par `make bench`** (script `benchmarks/run.py`) : ne la "
        "modifiez pas à la main. Le banc d'essai écrit des collections synthétiques de fiches "
        "(`benchmarks/generate.py` : chapitres, structures et thèmes des vrais registres, "
        "pratiques créditées, renvois entre fiches, écriture inclusive, environ 600 mots par "
        "fiche, graine fixe) et mesure :",
        "",
        "- **(a)** le moteur seul : lecture, vérification et indexation de la collection ;",
        "- **(b)** la construction complète `mkdocs build` du centre de ressources ;",
        "- **(c)** la référence : les mêmes fiches construites par mkdocs-material seul, avec "
        "les mêmes fonctions du thème et la même recherche, sans le plugin ni les macros du "
        "projet ; (b) et (c) alternent, répétées, et le tableau donne la médiane ;",
        "- **(d)** la mémoire maximale du processus de construction ;",
        "- **(e)** les tailles du site, de l'index de recherche et des pages de fiches ;",
        "- **(f)** le temps que `mkdocs serve` met à montrer une fiche modifiée.",
        "",
        f"Mesures du {results['date']}, en {_s(results['duree_s'] / 60, 1)} minutes.",
        "",
    ]
    if load > (facts.get("coeurs") or 1) * 0.5:
        out += [
            '!!! warning "Machine chargée"',
            f"    La charge moyenne était de {_s(load, 1)} au départ, pour "
            f"{facts.get('coeurs')} cœurs : d'autres travaux tournaient en même temps et les "
            "temps sont bruités, souvent majorés. Relancez `make bench` sur une machine au "
            "repos pour des chiffres de référence.",
            "",
        ]
    reference = _row(rows, 1000)
    if reference:
        seconds = reference["reference"]["secondes"]
        out += [
            f"Étalonnage : la référence (c) construit ici 1 000 fiches en {_s(seconds, 1)} s ; "
            "l'issue de ce travail mesurait 7,5 s pour mkdocs-material seul avec "
            "`navigation.prune` sur sa machine à 2 cœurs. Cette machine-ci est donc environ "
            f"{_s(seconds / 7.5, 1)} fois plus lente : les cibles en secondes s'y lisent "
            "avec ce facteur.",
            "",
        ]
    out += [
        "## Résultats",
        "",
        "Entre parenthèses, la référence (c).",
        "",
        *_results_table(rows),
        "",
        "![Temps en fonction du nombre de fiches](assets/images/performances-temps.svg)",
        "",
        "## Cibles",
        "",
        "| Cible | Mesure | Atteinte |",
        "| --- | --- | :---: |",
    ]
    for _, label, measured, met, _ in checks:
        mark = "non mesurée" if met is None else ("oui" if met else "**non**")
        out.append(f"| {label} | {measured} | {mark} |")
    out.append("")
    missed = [c for c in checks if c[3] is False]
    if missed:
        out += ["### Cibles manquées", ""]
        seen: set[str] = set()
        for _, label, measured, _, why in missed:
            if why in seen:
                continue
            seen.add(why)
            out += [f"- **{label}** ({measured}) : {EXPLANATIONS[why]}", ""]
    out += ["## Recherche dans le navigateur", ""]
    searched = [r for r in rows if "recherche" in r]
    if searched:
        out += [
            "Temps entre l'ouverture de l'accueil dans Chromium (sans cache) et l'affichage du "
            "premier résultat, la requête étant tapée dès le chargement de la page ; médiane "
            "de trois essais.",
            "",
            "| Fiches | Premier résultat | Chargement de la page | Index |",
            "| ---: | ---: | ---: | ---: |",
        ]
        for r in searched:
            s = r["recherche"]
            out.append(
                f"| {_n(r['n'])} | {_s(s.get('premier_resultat'))} s "
                f"| {_s(s.get('chargement'))} s | {_kb(r['taille']['index'] / 1024)} Mo |"
            )
            full = r.get("recherche_index_complet")
            if full and "premier_resultat" in full:
                out.append(
                    f"| {_n(r['n'])}, texte intégral | {_s(full['premier_resultat'])} s "
                    f"| {_s(full.get('chargement'))} s | {_kb(full['index'] / 1024)} Mo |"
                )
            pagefind = r.get("recherche_pagefind")
            if pagefind and "premier_resultat" in pagefind:
                click = pagefind.get("apres_clic")
                after = f" ({_s(click)} s après le clic)" if click is not None else ""
                out.append(
                    f"| {_n(r['n'])}, Pagefind | {_s(pagefind['premier_resultat'])} s{after} "
                    f"| {_s(pagefind.get('chargement'))} s "
                    f"| {_kb(pagefind['index'] / 1024)} Mo (découpé) |"
                )
        out += [
            "",
            "Au-delà de 1 000 fiches (option `full_text_search_up_to` du plugin `mes-fiches`), "
            "la section « Contexte et enjeux » des fiches sort de l'index : titres, pratiques, "
            "sections facultatives et mots-clés restent cherchables, et la recherche reste "
            "disponible hors ligne. La ligne « texte intégral » mesure le même site sans cette "
            "réduction. Les listes des pages de structures, de thèmes et du sommaire, qui "
            "répètent ce que les fiches disent, n'entrent jamais dans l'index.",
            "",
            "Les lignes « Pagefind » mesurent le même site construit avec "
            "`RECHERCHE=pagefind`, comme le publie le déploiement en ligne : le lecteur "
            "appuie sur le bouton de recherche et tape la requête ; le navigateur ne "
            "télécharge que l'interface de Pagefind et les morceaux d'index dont la requête a "
            "besoin, jamais l'index entier (sa taille totale est donnée pour mémoire). Le "
            "texte intégral y reste indexé.",
            "",
        ]
    else:
        out += ["Non mesurée lors de ce passage.", ""]
    out += ["## Profils", "", *_profiles(rows)]
    out += _comparison()
    out += [
        "## Machine",
        "",
        f"- Processeur : {facts['processeur']}, {facts['coeurs']} cœurs",
        f"- Mémoire : {facts['memoire_go']} Go",
        f"- Système : {facts['systeme']}",
        f"- Python {facts['python']} ; Chromium : {facts['chromium']}",
        "- Paquets : "
        + ", ".join(f"{name} {version}" for name, version in facts["paquets"].items()),
        "",
        "## Relancer les mesures",
        "",
        "```sh",
        "make bench                       # 100, 1 000 et 5 000 fiches",
        'BENCH_N="100 1000" make bench    # tailles au choix',
        "```",
        "",
        "Au-delà de 1 000 fiches, (b) et (c) ne sont construites qu'une fois chacune "
        "(`BENCH_REPEAT_LARGE`) ; la recherche se mesure à 100, 1 000 et 5 000 fiches "
        "(`BENCH_SEARCH_N`, et avec l'index intégral à 5 000 : `BENCH_SEARCH_FULL_N`), "
        "avec Pagefind à 1 000 et 5 000 (`BENCH_PAGEFIND_N`), "
        "`serve` à 100 et 1 000 fiches seulement (`BENCH_SERVE_N`) : à 5 000, sa première "
        "construction et chaque reconstruction coûtent chacune une construction complète, "
        "et le banc dépasserait le quart d'heure. Le profil de construction se fait à "
        "1 000 fiches (`BENCH_PROFILE_N`, 0 pour s'en passer). Les résultats bruts sont dans "
        "`benchmarks/results.json` ; `python -m benchmarks.page` réécrit la page à partir "
        "d'eux.",
        "",
    ]
    return "\n".join(out)


def chart(results: dict[str, Any]) -> str:
    rows = results["mesures"]
    series = {
        "(a) moteur": [(r["n"], r["moteur"]["mur"]) for r in rows],
        "(b) construction": [(r["n"], r["construction"]["secondes"]) for r in rows],
        "(c) référence": [(r["n"], r["reference"]["secondes"]) for r in rows],
    }
    serve = [
        (r["n"], min(s for s in r["serve"]["reconstructions"] if s is not None))
        for r in rows
        if any(s is not None for s in r.get("serve", {}).get("reconstructions", []))
    ]
    if serve:
        series["(f) serve"] = serve
    return line_chart(
        series,
        x_label="nombre de fiches",
        y_label="secondes",
        title="Temps en fonction du nombre de fiches",
    )


def write_page(results: dict[str, Any]) -> Path:
    write_fiche(CHART, chart(results), replace=True)
    write_fiche(PAGE, render_page(results), replace=True)
    return PAGE


def main() -> int:
    """Rewrite the page from benchmarks/results.json, without measuring again."""
    results = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    print(write_page(results).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Parcours booklets: the session plan, then the full text of each fiche, ready to print.

Three kinds of pages: one per parcours (/parcours/<slug>/), the list of all
parcours (/parcours/), and the whole collection as one booklet (/impression/),
which `fiches pdf` prints alongside the parcours.
"""

from __future__ import annotations

from macros.core.model import Fiche
from macros.core.wording import plural
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.index.parcours import Parcours, Step
from macros.index.plain_text import one_line
from macros.render.embedded_fiche import embedded_body, practice_id, section_id
from macros.render.embedded_html import can_reuse_page_html, placeholder
from macros.render.html_blocks import Held, PageSource
from macros.render.links import escape_text, link
from macros.render.markdown import NOT_INDEXED

INDEX_PAGE = "parcours/index.md"
COLLECTION_PAGE = "impression.md"
TEMPLATE = "parcours.html"
TRAINERS_GUIDE = "formateurs.md"


def parcours_source(parcours: Parcours, collection: Collection) -> PageSource:
    index = collection.index
    steps = [(step, index.fiches[step.number]) for step in parcours.steps]
    out = [
        *_cover(
            "Parcours de formation",
            parcours.title,
            [
                ("Public", parcours.audience),
                ("Durée", parcours.duration),
                ("Fiches", " · ".join(fiche_label(f) for _, f in steps)),
            ],
        ),
        '<div class="livret-deroule" markdown>',
        "",
        "## Présentation de la séance { #presentation }",
        "",
        parcours.introduction,
        "",
        "## Déroulé { #deroule }",
        "",
    ]
    for rank, (step, fiche) in enumerate(steps, start=1):
        out += _plan_step(rank, step, fiche)
    out += ["</div>", ""]
    for step, fiche in steps:
        out += _fiche_section(fiche, step.practices)
    description = f"Parcours de formation — {parcours.audience} — {parcours.duration}"
    return PageSource(
        "\n".join(out), {"title": parcours.title, "description": description, "template": TEMPLATE}
    )


def _cover(kicker: str, title: str, facts: list[tuple[str, str]]) -> list[str]:
    out = [
        '<div class="livret-couverture" markdown>',
        "",
        kicker,
        "{ .livret-couverture__surtitre }",
        "",
        f"# {escape_text(title)} {{ #titre }}",
        "",
    ]
    for label, value in facts:
        out += [f"**{label}** : {escape_text(value)}", "{ .livret-couverture__info }", ""]
    out += ["Fiches pratiques du MES", "{ .livret-couverture__editeur }", "", "</div>", ""]
    return out


def _plan_step(rank: int, step: Step, fiche: Fiche) -> list[str]:
    out = [
        f"### {rank}. {escape_text(fiche_label(fiche))} {{ #deroule-{rank} }}",
        "",
        f"[Lire la fiche dans ce livret ↓](#{section_id(fiche)}){{ .lien-pratique .lien-livret }}",
        "",
    ]
    if step.practices:
        out += ["**Pratiques retenues**", ""]
        for number in step.practices:
            practice = fiche.practices[number - 1]
            out.append(
                f"- {one_line(practice.text)} "
                f"[→ pratique {number}](#{practice_id(fiche, number)}){{ .lien-pratique }}"
            )
        out.append("")
    if step.questions:
        out += ["**Questions pour la discussion**", ""]
        out += [f"{i}. {one_line(q)}" for i, q in enumerate(step.questions, start=1)]
        out.append("")
    if step.notes:
        out.append('!!! note "Notes pour l\'animation"')
        out.append("")
        out += [f"    {line}" if line else "" for line in step.notes.split("\n")]
        out.append("")
    return out


def _fiche_section(fiche: Fiche, selected: tuple[int, ...] = ()) -> list[str]:
    out = [
        '<div class="livret-fiche" markdown>',
        "",
        f"{link(f'Fiche {fiche.number}', fiche.page)} · {fiche.status_label}",
        "{ .livret-fiche__surtitre }",
        "",
        f"## {escape_text(fiche.title)} {{ #{section_id(fiche)} {NOT_INDEXED} }}",
        "",
    ]
    if fiche.summary:
        out += [one_line(fiche.summary), "{ .livret-fiche__resume }", ""]
    # The fiche page's HTML goes in its place (embedded_html.py), unless the
    # body's own markup needs converting again.
    if can_reuse_page_html(fiche):
        body = placeholder(fiche, selected)
    else:
        body = embedded_body(fiche, selected)
    out += [body, "", "</div>", ""]
    return out


def parcours_index(collection: Collection) -> PageSource:
    out = [
        "# Parcours de formation",
        "",
        "Un parcours rassemble les fiches d'une séance de formation, dans l'ordre, avec les "
        "pratiques à travailler et des questions pour la discussion. Chaque parcours "
        "s'imprime comme un livret : bouton « Imprimer / PDF » en haut de sa page.",
        "",
    ]
    everything = sorted(collection.parcours, key=lambda p: p.title.casefold())
    held = Held()
    if everything:
        rows = [{"parcours": p, "fiches": plural(len(p.steps), "fiche")} for p in everything]
        out.append(held.place("parcours.html", searched=True, rows=rows))
    else:
        out += ["*Aucun parcours pour l'instant.*", ""]
    out += [
        "",
        "## Toute la collection { #collection }",
        "",
        f"- {link('Toutes les fiches, en un seul livret à imprimer', COLLECTION_PAGE)}",
        "",
        f"Pour créer un parcours, voir le {link('guide des formateurs', TRAINERS_GUIDE)}.",
        "",
    ]
    description = "Des séances de formation construites à partir des fiches."
    return held.source(out, title="Parcours de formation", description=description)


def collection_booklet(collection: Collection) -> PageSource:
    index = collection.index
    reg = collection.registries
    fiches = list(index.fiches.values())
    out = [
        *_cover(
            "Centre de ressources",
            "Les fiches pratiques du MES",
            [("Contenu", "la collection complète, " + plural(len(fiches), "fiche"))],
        ),
        '<div class="livret-deroule" markdown>',
        "",
        "## Sommaire { #sommaire }",
        "",
    ]
    held = Held()
    if fiches:
        chapters = [
            (reg.chapter(n), [{"fiche": f, "anchor": section_id(f)} for f in members])
            for n, members in sorted(index.by_chapter.items())
        ]
        out += [held.place("livret-sommaire.html", chapters=chapters), ""]
    else:
        out += ["*Pas encore de fiche dans la collection.*", ""]
    out += ["</div>", ""]
    for fiche in fiches:
        out += _fiche_section(fiche)
    return held.source(
        out,
        title="Toutes les fiches",
        description="Toutes les fiches pratiques du MES, en un seul livret à imprimer.",
        template=TEMPLATE,
        # Only copies of the fiches: search leads to the fiches themselves.
        search={"exclude": True},
    )

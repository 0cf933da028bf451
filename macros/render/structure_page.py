"""A member structure's or partner's page: profile, credited practices, fiches naming it."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from ..collection import Collection
from ..model import Fiche, Practice, Stake, Structure
from ..wording import plural
from .excerpt import FULL_TEXT_UP_TO, opening
from .html_blocks import Held, Inline, Items, Link, PageSource, Paragraph
from .links import escape_text, fiche_label, link
from .markdown import NOT_INDEXED, front_matter, one_line


def profile_line(structure: Structure) -> str:
    parts = [structure.kind_label]
    if structure.location:
        parts.append(structure.location)
    if structure.founded:
        parts.append(f"fondée en {structure.founded}")
    return " · ".join(parts)


def structure_source(structure: Structure, collection: Collection) -> PageSource:
    index = collection.index
    held = Held()
    practices = index.practices_of.get(structure.slug, [])
    fiches = index.fiches_of_structure.get(structure.slug, [])
    name = escape_text(structure.short_name)  # in Markdown text and headings
    out = [
        front_matter(
            title=structure.short_name, description=f"{structure.name} — {profile_line(structure)}"
        ),
        f"# {name}",
        "",
        '<div class="profil-structure" markdown>',
        "",
        f"**{escape_text(structure.name)}**",
        "{ .profil-nom }",
        "",
        profile_line(structure),
        "{ .profil-meta }",
        "",
        structure.description.strip(),
        "",
    ]
    if structure.website:
        host = urlsplit(structure.website).netloc.removeprefix("www.")
        out += [f"Site web : [{host}]({structure.website})", ""]
    if structure.aliases:
        aliases = ", ".join(f"« {escape_text(a)} »" for a in structure.aliases)
        out += [f"Aussi écrit : {aliases}", ""]
    out += ["</div>", ""]

    out += [f"## Pratiques ({len(practices)}) {{ #pratiques {NOT_INDEXED} }}", ""]
    if practices:
        out += [
            f"Les pratiques que les fiches créditent à {name}, chacune reliée "
            "à sa place dans sa fiche.",
            "",
        ]
        if len(practices) > FULL_TEXT_UP_TO:
            out += _openings(practices, collection, held)
            practices_shown: list[tuple[Fiche, Practice]] = []
        else:
            practices_shown = practices
        current: Fiche | None = None
        for fiche, practice in practices_shown:
            if fiche is not current:
                if current is not None:
                    out.append("")
                out += [f"### {link(fiche_label(fiche), fiche.page)} {{ {NOT_INDEXED} }}", ""]
                current = fiche
            target = f"{fiche.page}#{practice.anchor}"
            out.append(
                f"- {one_line(practice.text)} "
                f"[→ voir la pratique {practice.rank}](/{target})"
                "{ .lien-pratique }"
            )
        out.append("")
    else:
        out += [f"*Aucune pratique n'est encore créditée à {name}.*", ""]

    passages = index.stakes_naming.get(structure.slug, [])
    if passages:
        out += [
            f"## Dans les enjeux des fiches ({len(passages)}) {{ #enjeux {NOT_INDEXED} }}",
            "",
            f"Les passages des enjeux qui citent {name}.",
            "",
        ]
        long_list = len(passages) > FULL_TEXT_UP_TO
        placed = held.place([_passage_items(passages, collection)]) if long_list else None
        if placed is not None:
            out.append(placed)
            passages = []
        for fiche, stake, text in passages:
            target = f"{fiche.page}#{stake.anchor}"
            shown = opening(text, collection.registries) if long_list else one_line(text)
            out.append(
                f"- {shown} [→ {stake.title}, fiche {fiche.number}](/{target}){{ .lien-pratique }}"
            )
        out.append("")

    out += [
        f"## Fiches qui mentionnent {name} ({len(fiches)}) {{ #fiches {NOT_INDEXED} }}",
        "",
    ]
    if len(fiches) > FULL_TEXT_UP_TO:
        # Numbers only: each fiche's title is one hover or one click away.
        numbers: list[Inline] = []
        for fiche in fiches:
            numbers += [" · ", Link(str(fiche.number), fiche.page)]
        placed = held.place([Paragraph(tuple(numbers[1:]))])
        out += [placed or " · ".join(f"[{f.number}](/{f.page})" for f in fiches), ""]
    elif fiches:
        credited = Counter(str(f.number) for f, _ in practices)
        for fiche in fiches:
            count = credited[str(fiche.number)]
            detail = (
                f" — {plural(count, 'pratique créditée', 'pratiques créditées')}" if count else ""
            )
            out.append(f"- {link(fiche_label(fiche), fiche.page)}{detail}")
        out.append("")
    else:
        out += [f"*Aucune fiche ne mentionne encore {name}.*", ""]
    return held.source(out)


def _openings(
    practices: list[tuple[Fiche, Practice]], collection: Collection, held: Held
) -> list[str]:
    """One line per practice, its opening and its link: past FULL_TEXT_UP_TO
    practices, full texts under a heading per fiche would make a page of
    megabytes."""
    items = [
        (
            Link(f"Fiche {fiche.number}, pratique {practice.rank}", fiche.page, practice.anchor),
            " — " + opening(practice.text, collection.registries),
        )
        for fiche, practice in practices
    ]
    placed = held.place([Items(tuple(items))])
    if placed is not None:
        return [placed, ""]
    out: list[str] = []
    for fiche, practice in practices:
        target = f"{fiche.page}#{practice.anchor}"
        out.append(
            f"- [Fiche {fiche.number}, pratique {practice.rank}](/{target}) — "
            f"{opening(practice.text, collection.registries)}"
        )
    out.append("")
    return out


def _passage_items(passages: list[tuple[Fiche, Stake, str]], collection: Collection) -> Items:
    """The stake passages, each as its opening and a link to the stake."""
    return Items(
        tuple(
            (
                opening(text, collection.registries) + " ",
                Link(
                    f"→ {stake.title}, fiche {fiche.number}",
                    fiche.page,
                    stake.anchor,
                    css="lien-pratique",
                ),
            )
            for fiche, stake, text in passages
        )
    )

"""A member structure's or partner's page: profile, credited practices, fiches naming it."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from macros.core.model import Fiche, Practice, Structure
from macros.core.wording import plural
from macros.index.collection import Collection
from macros.index.macro_words import fiche_label
from macros.index.plain_text import excerpt, one_line
from macros.render.html_blocks import Held, PageSource
from macros.render.links import escape_text, link
from macros.render.markdown import NOT_INDEXED

# Past this many practices (or stake passages), a structure page shows the
# opening of each, linked to it: full texts would weigh megabytes on a phone.
FULL_TEXT_UP_TO = 40
OPENING_LENGTH = 140  # characters, cut on a word


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
            # Past FULL_TEXT_UP_TO practices, full texts under a heading per
            # fiche would make a page of megabytes: one opening a line.
            rows = [
                {"fiche": f, "practice": p, "opening": _opening(p.text, collection)}
                for f, p in practices
            ]
            out += [held.place("structure-pratiques.html", rows=rows), ""]
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
        if len(passages) > FULL_TEXT_UP_TO:
            rows = [
                {
                    "fiche": f,
                    "stake": stake,
                    "opening": _opening(text, collection),
                }
                for f, stake, text in passages
            ]
            out.append(held.place("structure-enjeux.html", rows=rows))
        else:
            for fiche, stake, text in passages:
                out.append(
                    f"- {one_line(text)} [→ {escape_text(stake.title)}, fiche {fiche.number}]"
                    f"(/{fiche.page}#{stake.anchor}){{ .lien-pratique }}"
                )
        out.append("")

    out += [
        f"## Fiches qui mentionnent {name} ({len(fiches)}) {{ #fiches {NOT_INDEXED} }}",
        "",
    ]
    if fiches:
        credited = Counter(str(f.number) for f, _ in practices)
        rows = [
            {
                "fiche": fiche,
                "credited": plural(n, "pratique créditée", "pratiques créditées")
                if (n := credited[str(fiche.number)])
                else "",
            }
            for fiche in fiches
        ]
        # Past FULL_TEXT_UP_TO, numbers only: each title is one hover or one click away.
        numbers_only = len(fiches) > FULL_TEXT_UP_TO
        out += [held.place("structure-fiches.html", rows=rows, numbers_only=numbers_only), ""]
    else:
        out += [f"*Aucune fiche ne mentionne encore {name}.*", ""]
    description = f"{structure.name} — {profile_line(structure)}"
    return held.source(out, title=structure.short_name, description=description)


def _opening(text: str, collection: Collection) -> str:
    return excerpt(collection.plain(text), OPENING_LENGTH)

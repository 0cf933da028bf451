"""The structure of a fiche's body: context, stakes by kind, practices, extra sections.

Canonical layout (see docs/contribuer/format.md):

    ## Contexte et enjeux
    (context paragraphs)
    ### <stake title> { data-enjeu="politique" }
    - <stake>
    ## Les pratiques des structures du MES
    - <practice> ({{ structure("ARDES") }}, {{ structure("PES 21") }})
    ## <optional section>, e.g. Pour aller plus loin
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, count
from operator import add

from markdown.extensions.toc import slugify as toc_slugify

from macros.check.macro_grammar import MacroCall
from macros.check.markdown_blocks import ITEM_MARKER, Block, Heading
from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.core.model import Practice, Stake
from macros.core.names import fold, quoted_list, suggestion

CONTEXT = "Contexte et enjeux"
PRACTICES = "Les pratiques des structures du MES"
REQUIRED = (CONTEXT, PRACTICES)
STAKE_ATTR = "data-enjeu"

_PLACEHOLDER = "\x00{}\x00"
_PLACEHOLDER_RE = re.compile(r"\x00(\d+)\x00")
_PARENTHESIS = re.compile(r"[()]")
_NAME_SEPARATOR = re.compile(r",|\bet\b")
# What is left of a practice that only credits: the calls, their parentheses
# and the words that join the names.
_NOT_TEXT = re.compile(r"\x00\d+\x00|\bet\b")
_WORDS = re.compile(r"[^\W_]")
_FOLDED_CONTEXT = fold(CONTEXT)
_FOLDED_PRACTICES = fold(PRACTICES)
_FOLDED_REQUIRED = (_FOLDED_CONTEXT, _FOLDED_PRACTICES)  # in their order


def anchor_for(heading: Heading) -> str:
    return heading.anchor or toc_slugify(heading.title, "-")


def parse_body(
    blocks: list[Block],
    calls: list[MacroCall],
    body: str,
    registries: Registries,
    display_path: str,
    first_line: int,
    report: Report,
) -> tuple[list[Stake], list[Practice]]:
    """`calls` carry offsets into `body`, whose first line is file line `first_line`."""
    # Offset of each line: the lengths so far plus one newline per line.
    offsets = list(map(add, accumulate(map(len, body.split("\n")), initial=0), count()))
    # Filtered once for the whole body, not once per block; calls come in
    # text order, so a block's calls are found by bisection.
    structures = [c for c in calls if c.name == "structure"]
    starts = [c.start for c in structures]
    stakes: list[Stake] = []
    practices: list[Practice] = []
    section: str | None = None  # folded title of the current h2
    stake: Stake | None = None  # only ever set under the context's h2
    seen: list[tuple[str, Heading]] = []
    last_level = 1
    for block in blocks:
        if isinstance(block, Heading):
            if block.level > last_level + 1:
                report.error(
                    display_path,
                    block.line,
                    1,
                    "markdown-niveau-titre",
                    f"titre de niveau {block.level} après un titre de niveau {last_level}",
                    f"utilisez {'#' * (last_level + 1)} (un niveau de plus seulement)",
                )
            last_level = block.level
            if block.level == 1:
                report.error(
                    display_path,
                    block.line,
                    1,
                    "titre-en-double",
                    "titre de niveau 1 dans le corps de la fiche",
                    "le titre vient de la clé « titre » de l'en-tête : supprimez cette ligne",
                )
            elif block.level == 2:
                section = fold(block.title)
                seen.append((section, block))
                stake = None
            elif block.level == 3 and section == _FOLDED_CONTEXT:
                stake = _stake(block, registries, display_path, report)
                stakes.append(stake)
            continue
        if section is None:
            report.error(
                display_path,
                block.line,
                1,
                "contenu-hors-section",
                "texte avant la première section",
                f"placez-le sous « ## {CONTEXT} »",
            )
        elif stake is not None or (section == _FOLDED_PRACTICES and block.item):
            start = offsets[block.line - first_line]
            end = offsets[block.end_line - first_line + 1] - 1
            inside = structures[bisect_left(starts, start) : bisect_left(starts, end)]
            if stake is not None:
                stake.items.append(block.text)
                stake.named.append(list(dict.fromkeys(c.resolved for c in inside if c.resolved)))
            else:
                item = _with_placeholders(body, start, end, inside)
                rank = len(practices) + 1
                practices.append(Practice(rank, block.text, _credits(item, inside), block.line))
                if not _WORDS.search(_NOT_TEXT.sub("", ITEM_MARKER.sub("", item, count=1))):
                    report.error(
                        display_path,
                        block.line,
                        1,
                        "pratique-vide",
                        f"la pratique {rank} n'a pas de texte"
                        + (", seulement ses crédits" if inside else ""),
                        "décrivez la pratique avant la parenthèse des structures, par exemple "
                        '« - Accueillir en binôme ({{ structure("PES 21") }}) »',
                    )
    _check_sections(seen, stakes, practices, display_path, first_line, report)
    return stakes, practices


def _stake(heading: Heading, registries: Registries, display_path: str, report: Report) -> Stake:
    kinds = registries.stake_kinds
    kind = heading.attrs.get(STAKE_ATTR, "")
    if heading.broken_attrs:
        pass  # the unreadable attribute list is the one thing to fix
    elif not kind:
        report.error(
            display_path,
            heading.line,
            1,
            "enjeu-sans-type",
            f"la sous-section d'enjeux « {heading.title} » n'a pas de type",
            f'ajoutez {{ {STAKE_ATTR}="…" }} à la fin du titre, avec l\'un de : '
            f"{quoted_list(kinds)}",
        )
    elif kinds and kind not in kinds:
        report.error(
            display_path,
            heading.line,
            1,
            "enjeu-type-inconnu",
            f"type d'enjeu inconnu « {kind} »",
            suggestion(kind, list(kinds), what="types d'enjeux connus"),
        )
    return Stake(kind, heading.title, anchor_for(heading), [], heading.line)


def _check_sections(
    seen: list[tuple[str, Heading]],
    stakes: list[Stake],
    practices: list[Practice],
    display_path: str,
    first_line: int,
    report: Report,
) -> None:
    titles = [folded for folded, _ in seen]
    for wanted, label in zip(_FOLDED_REQUIRED, REQUIRED, strict=True):
        count = titles.count(wanted)
        if count == 0:
            line = seen[-1][1].line if seen else first_line
            report.error(
                display_path,
                line,
                1,
                "section-manquante",
                f"section obligatoire « {label} » absente",
                f"ajoutez une ligne « ## {label} »",
            )
        elif count > 1:
            dup = [h for f, h in seen if f == wanted][1]
            report.error(
                display_path,
                dup.line,
                1,
                "section-en-double",
                f"section « {label} » écrite deux fois",
                "regroupez son contenu sous un seul titre",
            )
    first_positions = [titles.index(t) for t in _FOLDED_REQUIRED if t in titles]
    if first_positions != sorted(first_positions):
        heading = seen[titles.index(_FOLDED_PRACTICES)][1]
        report.error(
            display_path,
            heading.line,
            1,
            "section-ordre",
            f"« {PRACTICES} » doit venir après « {CONTEXT} »",
            "remettez les sections dans l'ordre : contexte et enjeux, puis pratiques, "
            "puis sections facultatives",
        )
    if titles and titles[0] not in _FOLDED_REQUIRED and _FOLDED_CONTEXT in titles:
        report.error(
            display_path,
            seen[0][1].line,
            1,
            "section-ordre",
            f"la section « {seen[0][1].title} » vient avant « {CONTEXT} »",
            "les sections facultatives se placent après les pratiques",
        )
    if _FOLDED_PRACTICES in titles and not practices:
        heading = seen[titles.index(_FOLDED_PRACTICES)][1]
        report.error(
            display_path,
            heading.line,
            1,
            "pratiques-vides",
            "la section des pratiques ne contient aucune pratique",
            "écrivez chaque pratique comme un élément de liste commençant par « - »",
        )
    for stake in stakes:
        if not stake.items:
            report.error(
                display_path,
                stake.line,
                1,
                "enjeu-vide",
                f"la sous-section d'enjeux « {stake.title} » est vide",
                "ajoutez au moins un paragraphe ou un élément de liste",
            )


def _with_placeholders(body: str, start: int, end: int, inside: list[MacroCall]) -> str:
    """The item at `body[start:end]` with each call of `inside` (the calls to
    `structure` that start there) replaced by its placeholder; calls come in
    text order and never overlap, and one may run past the item's end."""
    pieces = []
    position = start
    for index, call in enumerate(inside):
        pieces.append(body[position : call.start])
        pieces.append(_PLACEHOLDER.format(index))
        position = call.end
    pieces.append(body[position:end])
    return "".join(pieces)


def _credits(text: str, inside: list[MacroCall]) -> list[str]:
    """Structures credited by a practice, `text` as _with_placeholders gives it.

    The credit is the last parenthesis of the item that names a structure:
    «… ({{ structure("OPALE") }}, centre de ressources DLA culture) …». Other
    structures the item names, e.g. partners, are mentions, not credits.
    """
    groups = [g for g in parenthetical_groups(text) if "\x00" in g and _PLACEHOLDER_RE.search(g)]
    if not groups:
        return []
    found = (_PLACEHOLDER_RE.fullmatch(part) for part in split_names(groups[-1]))
    slugs = (inside[int(match.group(1))].resolved for match in found if match)
    return list(dict.fromkeys(slug for slug in slugs if slug))


def split_names(group: str) -> list[str]:
    """«ARDES, PES 21» or «UFISC et COFAC» -> the names, trimmed."""
    return [p.strip() for p in _NAME_SEPARATOR.split(group) if p.strip()]


def parenthetical_groups(text: str) -> list[str]:
    """The contents of the outermost parentheses of `text`, in order."""
    return [group for _, group in parenthetical_spans(text)]


def parenthetical_spans(text: str) -> list[tuple[int, str]]:
    """The outermost parenthesised groups: the offset of each one's content, and the content."""
    groups: list[tuple[int, str]] = []
    depth = opened = 0
    for match in _PARENTHESIS.finditer(text):
        if match.group() == "(":
            if depth == 0:
                opened = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((opened + 1, text[opened + 1 : match.start()]))
    return groups

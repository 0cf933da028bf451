"""Reading a text export of a fiche into blocks that remember their input lines.

Exports come from word processors: a «••• FICHE N – TITRE» header, sections
introduced by «••• TITRE», paragraphs and lists. Every block keeps the line
and column of each of its lines, so that any later problem (an unknown
structure, a fiche that would not validate) is reported where the
contributor can fix it: in the export.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from macros.core.diagnostics import Report
from macros.core.model import FicheNumber
from macros.core.names import fold

CONTEXT = "context"
PRACTICES = "practices"
OTHER = "other"
REQUIRED_LABELS = {CONTEXT: "CONTEXTE ET ENJEUX", PRACTICES: "LES PRATIQUES DES STRUCTURES DU MES"}
SECTION_TITLES = {fold(label): kind for kind, label in REQUIRED_LABELS.items()}
RANKS = {CONTEXT: 0, PRACTICES: 1, OTHER: 2}  # the order of sections in a fiche

# The blanks of word processors: no-break spaces are frequent in French text.
SPACE = " \t\u00a0\u202f"
_MARKER = re.compile(r"^•{3}[" + SPACE + r"]*(?P<title>.*?)[" + SPACE + r"]*$")
_FICHE = re.compile(r"^fiche\b[" + SPACE + r"]*", re.I)
_BULLET = re.compile(
    r"^(?P<indent>[" + SPACE + r"]*)(?P<marker>[-•–—*▪●◦]|\d{1,3}[.)])[" + SPACE + r"]+(?=\S)"
)
_SEPARATORS = "–—:-" + SPACE
# «1.5», up to the dash before the title; «1-5» stays whole, to be reported as malformed.
_NUMBER = re.compile(r"[^\s–—:]*?(?=[\s–—:]|-(?!\d)|$)")
# A sub-heading is a title, not a sentence: short, and not a lead-in to a list.
SUBHEADING_MAX = 120
_ITEMS = ("bullet", "numbered")

BlockKind = Literal["paragraph", "bullet", "numbered", "subheading"]


@dataclass
class SourceLine:
    number: int
    column: int  # 1-based column where `text` starts in the export
    text: str


@dataclass
class Block:
    kind: BlockKind
    lines: list[SourceLine]
    marker: str = ""  # "3." for the numbered item «3) …»
    depth: int = 0  # 1 for an item nested under the previous one

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def line(self) -> int:
        return self.lines[0].number

    def position(self, offset: int) -> tuple[int, int]:
        """Input line and column of character `offset` of `text`."""
        for source in self.lines:
            if offset <= len(source.text):
                return source.number, source.column + offset
            offset -= len(source.text) + 1
        last = self.lines[-1]
        return last.number, last.column + len(last.text)


@dataclass
class ExportSection:
    title: str
    kind: str
    line: int
    column: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Export:
    path: str
    number: str | None = None
    title: str = ""
    header_line: int = 1
    sections: list[ExportSection] = field(default_factory=list)

    def section(self, kind: str) -> ExportSection | None:
        return next((s for s in self.sections if s.kind == kind), None)


def parse_export(text: str, display_path: str, report: Report) -> Export:
    """Read `text`; problems go to `report` as errors and the caller writes nothing."""
    export = Export(display_path)
    lines = text.split("\n")
    # Line index -> title, for each «•••» line.
    titles = {
        i: m.group("title") for i, raw in enumerate(lines) if (m := _MARKER.match(raw.strip(SPACE)))
    }
    header = next((i for i, title in titles.items() if _FICHE.match(title)), None)
    if header is None:
        first = next((i + 1 for i, raw in enumerate(lines) if raw.strip(SPACE)), 1)
        report.error(
            display_path,
            first,
            1,
            "import-entete-absent",
            "pas de ligne d'en-tête « ••• FICHE N – TITRE » dans l'export",
            "ajoutez en tête une ligne comme « ••• FICHE 1.5 – TITRE DE LA FICHE »",
        )
        return export
    export.header_line = header + 1
    _read_header(lines[header], titles[header], export, report)
    for index, raw in enumerate(lines[:header]):
        if raw.strip(SPACE):
            report.error(
                display_path,
                index + 1,
                1,
                "import-texte-hors-section",
                "texte avant la ligne « ••• FICHE »",
                "supprimez-le ou placez-le dans une section « ••• … »",
            )
    markers = [i for i in titles if i > header]
    for start, end in itertools.pairwise([header, *markers, len(lines)]):
        title = titles[start]
        blocks = _blocks(enumerate(lines[start + 1 : end], start + 2))
        # Text after a «••• FICHE» line is outside any section.
        outside = start == header or _FICHE.match(title) is not None
        if start != header and outside:
            report.error(
                display_path,
                start + 1,
                1,
                "import-entete-en-double",
                "seconde ligne « ••• FICHE » : l'export contient plusieurs fiches",
                "découpez-le en un fichier par fiche",
            )
        if outside:
            for block in blocks:
                report.error(
                    display_path,
                    block.line,
                    1,
                    "import-texte-hors-section",
                    "texte hors de toute section",
                    "placez-le après une ligne « ••• CONTEXTE ET ENJEUX » ou supprimez-le",
                )
            continue
        kind = SECTION_TITLES.get(fold(title.rstrip(" :")), OTHER)
        if kind == CONTEXT:
            _mark_subheadings(blocks)
        column = lines[start].index("•") + 1
        export.sections.append(ExportSection(title, kind, start + 1, column, blocks))
    _check_sections(export, report)
    return export


def _read_header(raw: str, marker_title: str, export: Export, report: Report) -> None:
    rest = _FICHE.sub("", marker_title, count=1)
    found = _NUMBER.match(rest)
    assert found is not None  # the pattern also matches an empty number
    number = found.group(0)
    column = raw.find(rest) + 1 if rest else len(raw.rstrip()) + 1
    export.title = rest[found.end() :].lstrip(_SEPARATORS)
    if not FicheNumber.is_valid(number):
        shown = f"« {number} »" if number else "absent"
        report.error(
            export.path,
            export.header_line,
            column,
            "import-numero-invalide",
            f"numéro de fiche {shown} dans l'en-tête",
            "écrivez le numéro sous la forme chapitre.rang, par exemple « ••• FICHE 1.5 – TITRE »",
        )
    else:
        export.number = number
    title = export.title.strip(SPACE)
    if len(title) < 3:  # the schema's minimum
        what = f"a un titre trop court « {title} »" if title else "n'a pas de titre"
        report.error(
            export.path,
            export.header_line,
            1,
            "import-titre-absent",
            f"l'en-tête « ••• FICHE » {what}",
            "écrivez le titre complet après le numéro : « ••• FICHE 1.5 – TITRE »",
        )


def _blocks(pending: Iterable[tuple[int, str]]) -> list[Block]:
    """Group lines into paragraphs and list items; blank lines only separate."""
    blocks: list[Block] = []
    current: Block | None = None
    blank_before = True
    top_indent = 0  # indentation of the last top-level item, to see nested ones
    for number, raw in pending:
        text = raw.strip(SPACE)
        if not text:
            blank_before = True
            continue
        column = len(raw) - len(raw.lstrip(SPACE)) + 1
        bullet = _BULLET.match(raw)
        if bullet:
            indent = len(bullet.group("indent"))
            nested = current is not None and current.kind in _ITEMS and indent >= top_indent + 2
            if not nested:
                top_indent = indent
            marker = bullet.group("marker")
            kind: BlockKind = "numbered" if marker[0].isdigit() else "bullet"
            start = bullet.end()
            current = Block(
                kind,
                [SourceLine(number, start + 1, raw[start:].rstrip(SPACE))],
                marker=marker[:-1] + "." if kind == "numbered" else "-",
                depth=1 if nested else 0,
            )
            blocks.append(current)
        elif current is not None and not blank_before:
            # A line break inside a paragraph or an item, not a new block.
            current.lines.append(SourceLine(number, column, text))
        else:
            current = Block("paragraph", [SourceLine(number, column, text)])
            blocks.append(current)
        blank_before = False
    return blocks


def _mark_subheadings(blocks: list[Block]) -> None:
    for block, following in itertools.pairwise(blocks):
        if (
            block.kind == "paragraph"
            and len(block.lines) == 1
            and following.kind in _ITEMS
            and len(block.text) <= SUBHEADING_MAX
            and not block.text.endswith((".", ":"))
        ):
            block.kind = "subheading"


def _check_sections(export: Export, report: Report) -> None:
    last = export.sections[-1].line if export.sections else export.header_line
    for kind in (CONTEXT, PRACTICES):
        found = [s for s in export.sections if s.kind == kind]
        if not found:
            report.error(
                export.path,
                last,
                1,
                "import-section-manquante",
                f"section obligatoire « ••• {REQUIRED_LABELS[kind]} » absente",
                f"ajoutez une ligne « ••• {REQUIRED_LABELS[kind]} » suivie de son texte",
            )
        for duplicate in found[1:]:
            report.error(
                export.path,
                duplicate.line,
                duplicate.column,
                "import-section-en-double",
                f"section « ••• {REQUIRED_LABELS[kind]} » écrite deux fois",
                "regroupez son contenu sous une seule ligne « ••• … »",
            )
    # The first of each required section and every other one, in the export's order.
    placed = [s for s in export.sections if s.kind == OTHER or s is export.section(s.kind)]
    ranks = [RANKS[s.kind] for s in placed]
    for section, rank, highest in zip(placed, ranks, itertools.accumulate(ranks, max), strict=True):
        if rank < highest:
            report.error(
                export.path,
                section.line,
                section.column,
                "import-section-ordre",
                f"la section « ••• {section.title} » n'est pas à sa place",
                "ordre attendu : contexte et enjeux, puis pratiques, puis les autres sections",
            )
            break
    practices = export.section(PRACTICES)
    if practices is not None and not any(b.kind in _ITEMS for b in practices.blocks):
        report.error(
            export.path,
            practices.line,
            practices.column,
            "import-pratiques-vides",
            "la section des pratiques ne contient aucune pratique",
            "écrivez chaque pratique sur une ligne commençant par « - »",
        )

"""An `Export` -> the text of a fiche, with the input line behind each output line.

The output follows fiches/1.5.md: YAML front matter, then «## Contexte et
enjeux» with one «### … { data-enjeu="…" }» per stake, «## Les pratiques des
structures du MES», then the other sections. The line map lets the importer
report a problem of the generated fiche at the export line it comes from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from macros.check.fiche_body import CONTEXT as CONTEXT_TITLE
from macros.check.fiche_body import PRACTICES as PRACTICES_TITLE
from macros.check.fiche_body import STAKE_ATTR
from macros.check.registries import Registries
from macros.data.fiche_writer import header_lines, new_fiche_answers
from macros.importer.inline import convert_text, heading_text
from macros.importer.text_export import CONTEXT, PRACTICES, Block, Export, ExportSection
from macros.importer.titles import known_names, sentence_case, stake_kind

# Between two lists of different kinds, or Python-Markdown merges them into
# one: an empty block, as comments are refused (docs/securite.md#html).
LIST_BREAK = "<div></div>"
# The required sections take the titles the fiche format gives them.
_HEADINGS = {CONTEXT: CONTEXT_TITLE, PRACTICES: PRACTICES_TITLE}


@dataclass
class Converted:
    """A fiche's lines, the export line behind each, and the unknown names met on the way."""

    output: list[str] = field(default_factory=list)
    # Output line (1-based) -> export line; lines absent map to the header.
    lines: dict[int, int] = field(default_factory=dict)
    unknown: list[tuple[int, int, str]] = field(default_factory=list)  # line, column, name

    @property
    def text(self) -> str:
        return "\n".join(self.output).rstrip("\n") + "\n"

    def add(self, text: str, source: int | None = None) -> None:
        for offset, line in enumerate(text.split("\n")):
            self.output.append(line)
            if source is not None:
                self.lines[len(self.output)] = source + offset

    def blank(self) -> None:
        if self.output and self.output[-1] != "":
            self.output.append("")


def front_matter(export: Export, title: str, themes: list[str], today: dt.date) -> str:
    """The header that `fiches new` and the form write for the same values."""
    answers = new_fiche_answers(
        numero=export.number or "", titre=title, themes=themes, statut="brouillon", created=today
    )
    return "\n".join(["---", *header_lines(answers), "---"])


def convert(
    export: Export, registries: Registries, *, themes: list[str], today: dt.date
) -> Converted:
    names = known_names(registries)
    out = Converted()
    title = sentence_case(export.title.strip(), names)
    out.add(front_matter(export, title, themes, today))
    for section in export.sections:
        out.blank()
        heading = _HEADINGS.get(section.kind) or heading_text(sentence_case(section.title, names))
        out.add(f"## {heading}", section.line)
        _section(section, registries, out)
    return out


def _section(section: ExportSection, registries: Registries, out: Converted) -> None:
    kinds = list(registries.stake_kinds)
    top: str | None = None  # kind of the list being written, if any
    for block in section.blocks:
        if block.kind == "subheading":
            kind = stake_kind(block.text, kinds)
            out.blank()
            out.add(f'### {heading_text(block.text)} {{ {STAKE_ATTR}="{kind}" }}', block.line)
            top = None
            continue
        text, names = convert_text(block.text, registries)
        out.unknown += [(*block.position(n.offset), n.name) for n in names]
        if block.kind == "paragraph":
            out.blank()
            out.add(text, block.line)
            top = None
            continue
        if block.depth == 0 and top != block.kind:
            out.blank()
            if top is not None:
                out.add(LIST_BREAK, block.line)
                out.blank()
            top = block.kind
        out.add(_item(block, text), block.line)


def _item(block: Block, text: str) -> str:
    indent = "    " * block.depth
    hanging = indent + " " * (len(block.marker) + 1)
    first, *rest = text.split("\n")
    return "\n".join([f"{indent}{block.marker} {first}", *(hanging + line for line in rest)])

"""The resource centre's data: registries and fiches, as the engine sees them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from macros.core.names import fold

NUMBER_RE = re.compile(r"^[1-9]\d*(?:\.[1-9]\d*)?$")

STATUS_LABELS = {
    "brouillon": "Brouillon",
    "relecture": "En relecture",
    "publiee": "Publiée",
}

STRUCTURE_KINDS = {
    "reseau-national": "Réseau national",
    "membre-regional": "Structure membre régionale",
    "membre-national": "Structure membre nationale",
    "partenaire": "Partenaire",
}


@dataclass(frozen=True, order=True)
class FicheNumber:
    """«1.5»: chapter 1, rank 5. «1» names a chapter-level fiche; the text is valid."""

    text: str = field(compare=False)
    # Sorting and indexing compare numbers often: the text is split once.
    parts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", tuple(int(p) for p in self.text.split(".")))

    @property
    def chapter(self) -> int:
        return self.parts[0]

    def __str__(self) -> str:
        return self.text

    @staticmethod
    def is_valid(text: str) -> bool:
        return bool(NUMBER_RE.match(text))


@dataclass(frozen=True)
class Structure:
    slug: str
    short_name: str
    name: str
    kind: str
    location: str
    website: str
    description: str
    aliases: tuple[str, ...]
    founded: int | None

    @property
    def kind_label(self) -> str:
        return STRUCTURE_KINDS.get(self.kind, self.kind)

    @property
    def page(self) -> str:
        return f"structures/{self.slug}.md"


@dataclass(frozen=True)
class Theme:
    slug: str
    label: str
    description: str

    @property
    def page(self) -> str:
        return f"themes/{self.slug}.md"


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str | None

    @property
    def label(self) -> str:
        if self.title:
            return f"Chapitre {self.number} — {self.title}"
        return f"Chapitre {self.number}"


@dataclass(frozen=True)
class StakeKind:
    slug: str
    label: str


@dataclass(frozen=True)
class FicheRef:
    number: str
    line: int
    column: int


@dataclass(frozen=True)
class PlainFicheRef:
    """«fiche n°2.3» written as plain text, without the `fiche` macro."""

    number: str
    written: str  # the words as found, e.g. «fiche n°2.3»
    line: int
    column: int


# A number the fiche had before a renumbering (its old URL redirects), where it is written.
FormerNumber = FicheRef


@dataclass
class Stake:
    kind: str
    title: str
    anchor: str
    items: list[str]
    line: int
    # For each item, the structures it names: a structure's page quotes them.
    named: list[list[str]] = field(default_factory=list)


@dataclass
class Practice:
    """One practice; `credits` are the structures of its closing parenthesis."""

    rank: int
    text: str
    credits: list[str]
    line: int

    @property
    def anchor(self) -> str:
        return f"pratique-{self.rank}"


@dataclass
class Fiche:
    number: FicheNumber
    title: str
    source: str  # display path, e.g. fiches/1.5.md
    themes: list[str]
    status: str
    created: str | None
    updated: str | None
    summary: str
    keywords: list[str]
    authors: list[str]
    search: dict[str, object]  # Material's per-page search settings, passed through
    body: str
    body_first_line: int
    stakes: list[Stake] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    # Slugs of the structures named through `{{ structure(...) }}` anywhere in the fiche.
    mentions: list[str] = field(default_factory=list)
    fiche_refs: list[FicheRef] = field(default_factory=list)
    former: list[FormerNumber] = field(default_factory=list)
    # Reported once the former numbers of every fiche are known (collection.py).
    plain_refs: list[PlainFicheRef] = field(default_factory=list)
    release_note: str = ""  # «note_de_version»: what the last update changed
    # Block text -> its text and macro calls in order (macro_grammar.Macros.pieces_of),
    # for the texts that show a practice's calls as words without reading it again.
    pieces: dict[str, list[Any]] = field(default_factory=dict, repr=False, compare=False)
    # The body as the macro grammar read it (macro_grammar.Macros): the fiche
    # page's Jinja tree is built from it, so the gate does not read the page again.
    macros: Any = field(default=None, repr=False, compare=False)
    # The body's headings, as its one reading found them (markdown_blocks.Heading).
    headings: list[Any] = field(default_factory=list, repr=False, compare=False)

    @property
    def chapter(self) -> int:
        return self.number.chapter

    @property
    def page(self) -> str:
        return f"fiches/{self.number}.md"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    def structures(self) -> list[str]:
        """Slugs named in the fiche, credited ones first, each once."""
        credited = [slug for practice in self.practices for slug in practice.credits]
        return list(dict.fromkeys([*credited, *self.mentions]))


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    expansion: str
    definition: str
    structure: str | None  # slug of a linked structure
    theme: str | None  # slug of a linked theme
    line: int  # 0 for terms taken from the structure registry

    @property
    def anchor(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", fold(self.term)).strip("-")
        return f"terme-{slug}"

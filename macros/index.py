"""The cross-reference index: who practises what, where, and which fiche cites which.

Built once per build in a single pass over the fiches, sorted by number first
so that every list in the index comes out in reading order.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Fiche, FicheRef, Practice, Stake


@dataclass(frozen=True)
class PendingRef:
    """A reference to a fiche not (yet) in the collection."""

    number: str
    source: str  # display path of the citing file
    line: int
    column: int


@dataclass
class Index:
    fiches: dict[str, Fiche] = field(default_factory=dict)
    by_chapter: dict[int, list[Fiche]] = field(default_factory=dict)
    practices_of: dict[str, list[tuple[Fiche, Practice]]] = field(default_factory=dict)
    fiches_of_structure: dict[str, list[Fiche]] = field(default_factory=dict)
    # structure -> the stake passages that name it: (fiche, stake, item text)
    stakes_naming: dict[str, list[tuple[Fiche, Stake, str]]] = field(default_factory=dict)
    fiches_of_theme: dict[str, list[Fiche]] = field(default_factory=dict)
    cites: dict[str, list[str]] = field(default_factory=dict)
    cited_by: dict[str, list[Fiche]] = field(default_factory=dict)
    pending: list[PendingRef] = field(default_factory=list)
    # Fiches grouped by their exact set of themes, and the ranking computed for
    # each set: every fiche page asks for its related fiches, and counting
    # shared themes over whole theme lists for each would be quadratic.
    _by_theme_set: dict[frozenset[str], list[Fiche]] | None = field(default=None, repr=False)
    _ranked: dict[frozenset[str], list[Fiche]] = field(default_factory=dict, repr=False)

    def fiche(self, number: str) -> Fiche | None:
        return self.fiches.get(number)

    def related(self, fiche: Fiche, limit: int | None = None) -> list[Fiche]:
        """Fiches sharing a theme with `fiche`, most shared themes first.

        With `limit`, only the first `limit` of them, at a cost that does not
        grow with the size of the collection.
        """
        if limit is not None:
            themes = frozenset(fiche.themes)
            ranked = self._ranked.get(themes)
            if ranked is None or len(ranked) < limit + 1:
                ranked = self._ranked[themes] = self._rank(themes, max(limit + 1, 16))
            return [f for f in ranked if f.number != fiche.number][:limit]
        shared: dict[str, int] = defaultdict(int)
        for theme in fiche.themes:
            for other in self.fiches_of_theme.get(theme, []):
                if other.number != fiche.number:
                    shared[str(other.number)] += 1
        order = sorted(shared, key=lambda n: (-shared[n], self.fiches[n].number))
        return [self.fiches[n] for n in order]

    def _rank(self, themes: frozenset[str], count: int) -> list[Fiche]:
        """The first `count` fiches by (shared themes desc, number), `themes`' own included."""
        if self._by_theme_set is None:
            groups: dict[frozenset[str], list[Fiche]] = defaultdict(list)
            for other in self.fiches.values():  # in number order
                groups[frozenset(other.themes)].append(other)
            self._by_theme_set = dict(groups)
        levels: dict[int, list[list[Fiche]]] = defaultdict(list)
        for other_themes, members in self._by_theme_set.items():
            shared = len(themes & other_themes)
            if shared:
                levels[shared].append(members)
        out: list[Fiche] = []
        for shared in sorted(levels, reverse=True):
            for other in heapq.merge(*levels[shared], key=lambda f: f.number.parts):
                out.append(other)
                if len(out) >= count:
                    return out
        return out


def build_index(fiches: list[Fiche], page_refs: list[tuple[str, FicheRef]] | None = None) -> Index:
    """`fiches` must have unique numbers; `page_refs` are fiche references from pages."""
    index = Index()
    ordered = sorted(fiches, key=lambda f: f.number)
    index.fiches = {str(f.number): f for f in ordered}
    practices_of: dict[str, list[tuple[Fiche, Practice]]] = defaultdict(list)
    of_structure: dict[str, list[Fiche]] = defaultdict(list)
    of_theme: dict[str, list[Fiche]] = defaultdict(list)
    stakes_naming: dict[str, list[tuple[Fiche, Stake, str]]] = defaultdict(list)
    by_chapter: dict[int, list[Fiche]] = defaultdict(list)
    cited_by: dict[str, list[Fiche]] = defaultdict(list)
    for fiche in ordered:
        number = str(fiche.number)
        by_chapter[fiche.chapter].append(fiche)
        for practice in fiche.practices:
            for slug in practice.credits:
                practices_of[slug].append((fiche, practice))
        for slug in fiche.structures():
            of_structure[slug].append(fiche)
        for stake in fiche.stakes:
            for text, slugs in zip(stake.items, stake.named, strict=True):
                for slug in slugs:
                    stakes_naming[slug].append((fiche, stake, text))
        for theme in fiche.themes:
            of_theme[theme].append(fiche)
        cited: list[str] = []
        for ref in fiche.fiche_refs:
            if ref.number == number or ref.number in cited:
                continue
            cited.append(ref.number)
            if ref.number in index.fiches:
                cited_by[ref.number].append(fiche)
            else:
                index.pending.append(PendingRef(ref.number, fiche.source, ref.line, ref.column))
        index.cites[number] = cited
    for source, ref in page_refs or []:
        if ref.number not in index.fiches:
            index.pending.append(PendingRef(ref.number, source, ref.line, ref.column))
    index.practices_of = dict(practices_of)
    index.fiches_of_structure = dict(of_structure)
    index.fiches_of_theme = dict(of_theme)
    index.stakes_naming = dict(stakes_naming)
    index.by_chapter = dict(by_chapter)
    index.cited_by = dict(cited_by)
    return index

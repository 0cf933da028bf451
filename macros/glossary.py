"""The glossary: acronyms and terms of the fiches, with their expansions.

Two sources make one glossary: the registry fiches/registres/glossaire.yml
(generic terms: DLA, ESS…) and the structure registry, whose acronym-like
names (MES, APES, «PES 21») expand to the structure's full name. A structure
is never written twice: a glossary entry that names a structure is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .diagnostics import Report
from .names import fold
from .yamlpos import Located

if TYPE_CHECKING:
    from .registries import Registries

# Two capitals in a row: «MES Occitanie» and «PES21» are acronyms, «Opale» is not.
_ACRONYM_LIKE = re.compile(r"[A-ZÀ-Ý]{2}")


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


def build_glossary(
    reg: Registries, located: Located, shown: str, report: Report, skip: set[str | int]
) -> None:
    """Registry loader (see registries.load_registries): structures and themes come first."""
    lines: dict[str, int] = {}
    for i, entry in enumerate(located.data):
        if i in skip:
            continue
        line = located.where([i])[0]
        term = entry["terme"].strip()
        key = fold(term)
        if key in lines:
            report.error(
                shown,
                line,
                1,
                "registre-doublon",
                f"le terme « {term} » déjà utilisé ligne {lines[key]}",
                "chaque entrée doit avoir un identifiant et des noms uniques",
            )
            continue
        owner = reg.find_structure(term)
        if owner is not None:
            report.error(
                shown,
                line,
                1,
                "glossaire-structure",
                f"« {term} » est déjà une structure du registre ({owner.name})",
                "retirez cette entrée : le glossaire reprend les sigles des structures "
                f"depuis {reg.sources.get('structures', 'fiches/registres/structures.yml')}",
            )
            continue
        lines[key] = line
        if not _links_known(reg, entry, located, i, shown, report):
            continue
        reg.glossary[term] = GlossaryTerm(
            term,
            " ".join(entry["developpement"].split()),
            " ".join(entry["definition"].split()),
            entry.get("structure"),
            entry.get("theme"),
            line,
        )


def _links_known(
    reg: Registries, entry: dict[str, Any], located: Located, i: int, shown: str, report: Report
) -> bool:
    # An empty registry failed to load and said so: no cascade of messages here.
    ok = True
    slug = entry.get("structure")
    if slug is not None and reg.structures and slug not in reg.structures:
        line, column = located.where([i, "structure"])
        report.error(
            shown,
            line,
            column,
            "structure-inconnue",
            f"structure inconnue « {slug} »",
            reg.structure_hint(slug),
        )
        ok = False
    slug = entry.get("theme")
    if slug is not None and reg.themes and slug not in reg.themes:
        line, column = located.where([i, "theme"])
        report.error(
            shown,
            line,
            column,
            "theme-inconnu",
            f"thème inconnu « {slug} »",
            reg.theme_hint(slug),
        )
        ok = False
    return ok


def all_terms(reg: Registries, within: str | None = None) -> list[GlossaryTerm]:
    """Registry terms and structure acronyms, in alphabetical order; with
    `within`, only those written in that text."""
    terms = {
        term: entry for term, entry in reg.glossary.items() if within is None or term in within
    }
    for structure in reg.structures.values():
        for name in (structure.short_name, *structure.aliases):
            # Skipping a name absent from `within` first changes nothing for
            # the others: whether a name is kept depends on that name alone.
            if within is not None and name not in within:
                continue
            if name in terms or not _ACRONYM_LIKE.search(name):
                continue
            if fold(name) == fold(structure.name):
                continue
            # An alias may not abbreviate the name («CRDLA Culture» for OPALE):
            # name the structure by its usual short name too.
            expansion = structure.name
            if name != structure.short_name:
                expansion = f"{structure.name} ({structure.short_name})"
            terms[name] = GlossaryTerm(
                name, expansion, structure.description, structure.slug, None, 0
            )
    return sorted(terms.values(), key=lambda t: fold(t.term))


def abbreviations(
    reg: Registries, within: str | None = None, *, terms: list[GlossaryTerm] | None = None
) -> str:
    """Python-Markdown `abbr` definitions (`*[DLA]: …`) for every known term,
    or with `within`, for the terms written in that text.

    `terms` is `all_terms(reg)` when the caller writes many pages: keeping
    the terms of the whole list that `within` holds gives what
    `all_terms(reg, within)` gives, since whether a term is kept depends on
    that term alone.

    They are appended to each fiche's generated Markdown rather than through
    pymdownx.snippets' auto_append: no generated file to write in the project
    or to keep out of Git, and only fiche pages get them. The `abbr` extension
    looks for each defined term in every text of the page: a fiche that
    defines only the terms it holds renders the same, in less time.
    """
    if terms is None:
        chosen = all_terms(reg, within)
    else:
        chosen = [t for t in terms if within is None or t.term in within]
    lines = [f"*[{t.term}]: {t.expansion}" for t in chosen]
    return "\n".join(lines) + "\n" if lines else ""


def known_tokens(reg: Registries) -> frozenset[str]:
    """Every capitalised word the glossary or the structure registry explains."""
    names = [t.term for t in reg.glossary.values()]
    for structure in reg.structures.values():
        names += [structure.short_name, structure.name, *structure.aliases]
    return frozenset(word for name in names for word in re.findall(r"\w+", name))

"""The glossary: acronyms and terms of the fiches, with their expansions.

Two sources make one glossary: the registry fiches/registres/glossaire.yml
(generic terms: DLA, ESS…) and the structure registry, whose acronym-like
names (MES, APES, «PES 21») expand to the structure's full name. A structure
is never written twice: a glossary entry that names a structure is an error.
"""

from __future__ import annotations

import re

from macros.check.registries import Registries
from macros.core.model import GlossaryTerm
from macros.core.names import fold

# Two capitals in a row: «MES Occitanie» and «PES21» are acronyms, «Opale» is not.
_ACRONYM_LIKE = re.compile(r"[A-ZÀ-Ý]{2}")


def all_terms(reg: Registries) -> list[GlossaryTerm]:
    """Registry terms and structure acronyms, in alphabetical order."""
    terms = dict(reg.glossary)
    for structure in reg.structures.values():
        for name in (structure.short_name, *structure.aliases):
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
    or with `within`, only for the terms written in that text: the `abbr`
    extension looks for each defined term in every text of the page.
    `terms`: `all_terms(reg)`, computed once by a caller of many pages."""
    if terms is None:
        terms = all_terms(reg)
    lines = [f"*[{t.term}]: {t.expansion}" for t in terms if within is None or t.term in within]
    return "\n".join(lines) + "\n" if lines else ""


def known_tokens(reg: Registries) -> frozenset[str]:
    """Every capitalised word the glossary or the structure registry explains."""
    names = [t.term for t in reg.glossary.values()]
    for structure in reg.structures.values():
        names += [structure.short_name, structure.name, *structure.aliases]
    return frozenset(word for name in names for word in re.findall(r"\w+", name))

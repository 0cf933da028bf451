"""The glossary: acronyms and terms of the fiches, with their expansions.

Two sources make one glossary: the registry fiches/registres/glossaire.yml
(generic terms: DLA, ESS…) and the structure registry, whose acronym-like
names (MES, APES, «PES 21») expand to the structure's full name. A structure
is never written twice: a glossary entry that names a structure is an error.

A reader who meets «CAF» in a fiche gets no tooltip unless the glossary or
the structure registry knows it; `fiches check` points such words out
(`sigle-inconnu`), as information only, once per word and fiche, at its first use.
"""

from __future__ import annotations

import re

from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.core.model import Fiche, GlossaryTerm
from macros.core.names import fold
from macros.read.linear_scan import blank_spans, hidden_spans

# Two capitals in a row: «MES Occitanie» and «PES21» are acronyms, «Opale» is not.
_ACRONYM_LIKE = re.compile(r"[A-ZÀ-Ý]{2}")
_CAPITALS = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
# Three capitals or more, not inside a word or a hyphenated name. The
# look-behind `(?<![\w-])` is checked after the first capital: the same
# matches, but the engine can skip quickly to the next capital.
_TOKEN = re.compile(rf"[{_CAPITALS}](?<![\w-][{_CAPITALS}])[{_CAPITALS}]{{2,}}(?![\w-])")
# Text a reader does not see as prose (macros, inline code, HTML tags, link
# targets and attribute lists) is found by linear_scan.hidden_spans, in linear
# time, and blanked with spaces so that columns stay right.
_FENCE = re.compile(r"^\s*(```|~~~)")


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


def unknown_acronyms(
    fiche: Fiche, registries: Registries, report: Report, known: frozenset[str]
) -> None:
    """`known` is known_tokens(registries), computed once per load by the caller."""
    # A word found on a line (blanked or not) is found in the whole body too:
    # when the glossary knows every one, no line can have anything to report.
    if known.issuperset(_TOKEN.findall(fiche.body)):
        return
    glossary = registries.source("glossaire")
    seen: set[str] = set()
    fenced = False
    for offset, line in enumerate(fiche.body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or not _TOKEN.search(line):
            continue  # most lines hold no capitalised word: skip the blanking
        visible = blank_spans(line, hidden_spans(line))
        for match in _TOKEN.finditer(visible):
            word = match.group(0)
            if word in known or word in seen:
                continue
            seen.add(word)
            report.info(
                fiche.source,
                fiche.body_first_line + offset,
                match.start() + 1,
                "sigle-inconnu",
                f"sigle « {word} » absent du glossaire",
                f"ajoutez-le à {glossary} (terme, developpement, definition) pour que "
                "les lecteurs voient son développement en infobulle",
            )

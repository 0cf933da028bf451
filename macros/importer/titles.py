"""Titles of an export: capitals to sentence case, and the kind of each stake.

Exports write fiche and section titles in capitals. A fiche's title is
written in sentence case, yet names keep their own spelling: «MES», «PES 21»,
«MES Occitanie», «Mouvement pour l'Économie Solidaire». Names come from the
structure registry, plus the generic acronyms of the field.
"""

from __future__ import annotations

import re

from macros.check.registries import Registries
from macros.core.names import fold
from macros.importer.inline import ACRONYMS

_WORD = re.compile(r"[^\W_]+")

# Folded word stems -> stake kind (fiches/registres/enjeux.yml); the earliest
# stem in the heading wins, so «Enjeux politiques et économiques» is political.
KIND_STEMS = (
    ("politiq", "politique"),
    ("economiq", "economique"),
    ("social", "social"),
    ("sociaux", "social"),
    ("territ", "territorial"),
    ("organis", "organisationnel"),
    ("juridiq", "juridique"),
    ("ecolog", "ecologique"),
    ("environnement", "ecologique"),
)
DEFAULT_KIND = "general"


def stake_kind(heading: str, kinds: list[str]) -> str:
    """The stake kind a sub-heading's words suggest, among the registry's `kinds`."""
    folded = fold(heading)
    hits = [(folded.find(stem), kind) for stem, kind in KIND_STEMS if stem in folded]
    earliest = min((hit for hit in hits if not kinds or hit[1] in kinds), default=None)
    if earliest is not None:
        return earliest[1]
    if not kinds or DEFAULT_KIND in kinds:
        return DEFAULT_KIND
    return kinds[0]


def known_names(registries: Registries) -> dict[tuple[str, ...], str]:
    """Folded word sequence -> spelling to keep, short names winning over aliases."""
    names: dict[tuple[str, ...], str] = {}
    spellings = [s.short_name for s in registries.structures.values()]
    spellings += [s.name for s in registries.structures.values()]
    spellings += [a for s in registries.structures.values() for a in s.aliases]
    spellings += sorted(ACRONYMS)
    for spelling in spellings:
        key = tuple(fold(w) for w in _WORD.findall(spelling))
        if key:
            names.setdefault(key, spelling)
    return names


def sentence_case(title: str, names: dict[tuple[str, ...], str]) -> str:
    """«QUELLES CONDITIONS … DU MES ?» -> «Quelles conditions … du MES ?».

    A title already in mixed case was typed that way on purpose: only its
    first letter is raised.
    """
    if any(c.islower() for c in title):
        return _upper_first(title)
    words = list(_WORD.finditer(title))
    folded = [fold(w.group(0)) for w in words]
    longest = max((len(key) for key in names), default=0)
    out: list[str] = []
    done = 0
    index = 0
    while index < len(words):
        for size in range(min(longest, len(words) - index), 0, -1):
            spelling = names.get(tuple(folded[index : index + size]))
            if spelling is not None:
                start, end = words[index].start(), words[index + size - 1].end()
                if not _same_spacing(title[start:end], spelling):
                    continue
                out.append(title[done:start].lower())
                out.append(spelling)
                done = end
                index += size
                break
        else:
            index += 1
    out.append(title[done:].lower())
    return _upper_first("".join(out))


def _same_spacing(written: str, spelling: str) -> bool:
    """Replace «PES 21» by «PES 21», but not «PES-21, …» by a differently spaced name."""
    separators = _WORD.sub("", written), _WORD.sub("", spelling)
    return separators[0].replace("\u00a0", " ") == separators[1].replace("\u00a0", " ")


def _upper_first(text: str) -> str:
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text

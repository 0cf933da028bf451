"""Capitalised words the glossary does not explain yet (`sigle-inconnu`).

A reader who meets «CAF» in a fiche gets no tooltip unless the glossary or
the structure registry knows it; `fiches check` points such words out, as
information only, once per word and fiche, at its first use.
"""

from __future__ import annotations

import re

from macros.check.registries import Registries
from macros.core.diagnostics import Report
from macros.core.model import Fiche
from macros.read.linear_scan import blank_spans, hidden_spans

_CAPITALS = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
# Three capitals or more, not inside a word or a hyphenated name. The
# look-behind `(?<![\w-])` is checked after the first capital: the same
# matches, but the engine can skip quickly to the next capital.
_TOKEN = re.compile(rf"[{_CAPITALS}](?<![\w-][{_CAPITALS}])[{_CAPITALS}]{{2,}}(?![\w-])")
# Text a reader does not see as prose (macros, inline code, HTML tags, link
# targets and attribute lists) is found by linear_scan.hidden_spans, in linear
# time, and blanked with spaces so that columns stay right.
_FENCE = re.compile(r"^\s*(```|~~~)")


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

"""«Citer cette fiche»: the French citation, BibTeX and CSL-JSON of a fiche.

The year and BibTeX's `urldate` or CSL's `accessed` are those of the fiche's
last change, the version the reader saw: the files are written at build time,
not when a reader downloads them. Without `site_url` there is no URL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from macros.core.licence import KNOWN, UNDECIDED, Licence
from macros.core.model import Fiche
from macros.data.history import Change

AUTHOR = "Mouvement pour l'Économie Solidaire"
NO_DATE = "s. d."
# BibTeX's own month macros: written bare, styles print the month's name.
_BIBTEX_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
# BibTeX counts every brace, escaped or not, to find where a field ends: a
# lone `\}` would close the title and let the rest of it add fields. Braces
# are written as commands whose own braces are balanced.
_BIBTEX_ESCAPES = str.maketrans(
    {char: "\\" + char for char in "&%$#_"}
    | {
        "\\": r"\textbackslash{}",
        "{": r"\textbraceleft{}",
        "}": r"\textbraceright{}",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


@dataclass(frozen=True)
class Citation:
    title: str
    number: str
    year: str
    url: str  # absolute, or ""
    day: Change | None
    licence: Licence = KNOWN[UNDECIDED]

    @property
    def text(self) -> str:
        """Plain text, as copied to the clipboard."""
        parts = [AUTHOR, self.title, f"fiche n°{self.number}", self.year]
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)

    @property
    def key(self) -> str:
        return "mes-fiche-" + self.number.replace(".", "-")


def citation(
    fiche: Fiche, change: Change | None, url: str, licence: Licence = KNOWN[UNDECIDED]
) -> Citation:
    year = str(change.date.year) if change is not None else NO_DATE
    return Citation(fiche.title, str(fiche.number), year, url, change, licence)


def bibtex(cite: Citation) -> str:
    """A biblatex-friendly @misc entry."""
    fields = [
        ("author", f"{{{{{AUTHOR.translate(_BIBTEX_ESCAPES)}}}}}"),
        ("title", f"{{{{{cite.title.translate(_BIBTEX_ESCAPES)}}}}}"),
        ("howpublished", f"{{Fiche pratique n°{cite.number}}}"),
    ]
    if cite.day is not None:
        fields.append(("year", f"{{{cite.year}}}"))
        fields.append(("month", _BIBTEX_MONTHS[cite.day.date.month - 1]))
    if cite.url:
        fields.append(("url", f"{{{cite.url}}}"))
        if cite.day is not None:
            fields.append(("urldate", f"{{{cite.day.date.isoformat()}}}"))
    # Zotero reads `copyright` into its «Droits» field.
    fields.append(("copyright", f"{{{cite.licence.label.translate(_BIBTEX_ESCAPES)}}}"))
    fields.append(("language", "{french}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{cite.key},\n{body}\n}}\n"


def csl_json(cite: Citation) -> str:
    """CSL-JSON (one-item list), as Zotero and citeproc tools import it.

    The MES is the author and no publisher: styles such as APA and ISO 690
    print both, and would name the MES twice.
    """
    item: dict[str, object] = {
        "id": cite.key,
        "type": "document",
        "title": cite.title,
        "author": [{"literal": AUTHOR}],
        "genre": "Fiche pratique",
        "number": cite.number,
        "language": "fr-FR",
        "license": cite.licence.label,
    }
    if cite.day is not None:
        day = cite.day.date
        item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    if cite.url:
        item["URL"] = cite.url
        if cite.day is not None:
            item["accessed"] = item["issued"]
    return json.dumps([item], ensure_ascii=False, indent=2, sort_keys=True) + "\n"

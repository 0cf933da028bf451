"""The licence of the fiches and of the open data: one setting, `extra.licence`.

mkdocs.yml names the licence by its usual French name («CC BY-SA 4.0»,
«Licence Ouverte 2.0»…), or keeps «à préciser» until the MES chooses. This
table gives each name its SPDX identifier (for data tools) and its address.
The footer, /donnees/, donnees/datapackage.json, the Atom feed and the
citation files all read the licence from here (docs/donnees.md, «Licence»).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SETTING = "licence"
UNDECIDED = "à préciser"


@dataclass(frozen=True)
class Licence:
    name: str  # as mkdocs.yml writes it, shown to readers
    spdx: str  # SPDX identifier; "" while undecided
    url: str  # the licence's own text; "" while undecided

    @property
    def chosen(self) -> bool:
        return bool(self.spdx)

    @property
    def label(self) -> str:
        """«Licence CC BY-SA 4.0», «Licence à préciser»; the name when it says «Licence» itself."""
        return self.name if self.name.lower().startswith("licence") else f"Licence {self.name}"


KNOWN: dict[str, Licence] = {
    licence.name: licence
    for licence in (
        Licence(UNDECIDED, "", ""),
        Licence("CC BY 4.0", "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/deed.fr"),
        Licence(
            "CC BY-SA 4.0", "CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"
        ),
        Licence(
            "CC BY-NC-SA 4.0",
            "CC-BY-NC-SA-4.0",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr",
        ),
        Licence("CC0 1.0", "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.fr"),
        Licence(
            "Licence Ouverte 2.0",
            "etalab-2.0",
            "https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf",
        ),
        Licence("ODbL 1.0", "ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    )
}


class LicenceError(ValueError):
    """A French message for mkdocs.yml's maintainer."""


def licence_setting(extra: Mapping[str, Any] | None) -> Licence:
    """The licence `extra.licence` names; «à préciser» when the setting is absent."""
    value = (extra or {}).get(SETTING, UNDECIDED)
    if isinstance(value, str) and value.strip() in KNOWN:
        return KNOWN[value.strip()]
    names = ", ".join(f"« {name} »" for name in KNOWN)
    raise LicenceError(
        f"mkdocs.yml, extra: licence : « {value} » n'est pas une licence connue. "
        f"Écrivez l'un de ces noms : {names} ; pour une autre licence, ajoutez-la à "
        "la table de macros/core/licence.py."
    )

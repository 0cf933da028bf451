"""Name matching: how a contributor's spelling is compared with a registry's."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def fold(name: str) -> str:
    """Compare names without case, accents or spacing differences."""
    if name.isascii():
        bare = name  # nothing to decompose, no accent to drop
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("\u2019", "'").replace("-", " ")
    return _SPACES.sub(" ", bare).strip().casefold()


def quoted_list(names: Iterable[str]) -> str:
    return ", ".join(f"« {n} »" for n in names)


def suggestion(wanted: str, candidates: Iterable[str], *, what: str) -> str:
    """A French remedy naming the closest known names, or all of them when few.

    `what` names the list, agreed in gender: «structures connues», «clés connues».
    """
    pool = list(candidates)
    by_fold: dict[str, str] = {}
    for candidate in pool:
        by_fold.setdefault(fold(candidate), candidate)
    near = difflib.get_close_matches(fold(wanted), list(by_fold), n=3, cutoff=0.5)
    if near:
        return f"vouliez-vous dire {quoted_list(by_fold[m] for m in near)} ?"
    if not pool:
        return f"aucune entrée dans la liste des {what}"
    if len(pool) <= 12:
        return f"{what} : {quoted_list(sorted(pool))}"
    return f"consultez la liste des {what}"

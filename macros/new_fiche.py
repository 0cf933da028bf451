"""A new fiche: the packaged template filled with safe YAML, and free numbers.

Plain functions, used by `fiches new` and testable without a terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .collection import Collection
from .model import FicheNumber

_TOKEN = re.compile(r"^(?P<key>[a-z_]+): @@(?P<name>[a-z_]+)@@$", re.M)


class TemplateError(Exception):
    """The packaged template is broken; the message says how to restore it."""


# --- template ----------------------------------------------------------------


def load_template() -> str:
    """The packaged template, so that `fiches new` works from any install."""
    return (resources.files("macros") / "templates" / "fiche.md").read_text(encoding="utf-8")


class _Quoted(str):
    """A string YAML must write between double quotes (the number: «1.10» is not 1.1)."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        # Indent list items under their key, as the reference fiche does.
        return super().increase_indent(flow, False)


def _represent_quoted(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


_Dumper.add_representer(_Quoted, _represent_quoted)


def _yaml_entry(key: str, value: object) -> str:
    """`key: value` as YAML that reads back as `value`, whatever the text holds."""
    text = yaml.dump(
        {key: value},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
    return text.rstrip("\n")


def render_fiche(
    template: str, *, numero: str, titre: str, themes: list[str], statut: str, created: dt.date
) -> str:
    """Fill the template's `key: @@name@@` lines; the values are dumped by PyYAML.

    Values never go through string formatting into YAML: a title with quotes,
    colons or a leading dash would otherwise break the front matter.
    """
    values: dict[str, object] = {
        "numero": _Quoted(numero),
        "titre": titre,
        "themes": list(themes),
        "statut": statut,
        "date_creation": created,
    }
    unknown: list[str] = []

    def fill(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in values:
            unknown.append(name)
            return match.group(0)
        return _yaml_entry(match.group("key"), values[name])

    text = _TOKEN.sub(fill, template)
    if unknown or "@@" in text:
        # Only a broken template gets here; say where to look rather than crash.
        raise TemplateError(
            "le modèle macros/templates/fiche.md contient un champ inconnu : "
            f"{', '.join(unknown) or '@@'} ; restaurez-le depuis l'historique Git"
        )
    return text


# --- numbers -----------------------------------------------------------------


def used_numbers(collection: Collection) -> dict[str, str]:
    """Number -> display path of the file that holds it, broken files included."""
    used: dict[str, str] = {}
    for shown in collection.files:
        stem = Path(shown).stem
        if FicheNumber.is_valid(stem):
            used[stem] = shown
    # A parsed fiche's own number wins over its file name (fiches/foo.md may say 2.1).
    for fiche in collection.fiches:
        used[str(fiche.number)] = fiche.source
    return used


def next_free_number(used: Iterable[str], chapter: int) -> str:
    """The rank after the highest one of `chapter`: gaps may be kept for announced fiches."""
    ranks = [
        FicheNumber(n).parts[1]
        for n in used
        if FicheNumber.is_valid(n)
        and len(FicheNumber(n).parts) == 2
        and FicheNumber(n).chapter == chapter
    ]
    return f"{chapter}.{max(ranks, default=0) + 1}"


def last_chapter(used: Iterable[str]) -> int:
    chapters = [FicheNumber(n).chapter for n in used if FicheNumber.is_valid(n)]
    return max(chapters, default=1)

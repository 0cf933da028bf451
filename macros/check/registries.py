"""The structure, theme, chapter and stake-kind registries, and name lookups."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from macros.check import schemas
from macros.check.html_safety import check_yaml_text
from macros.core.diagnostics import Report
from macros.core.model import Chapter, GlossaryTerm, StakeKind, Structure, Theme
from macros.core.names import fold, suggestion
from macros.core.project import ProjectPaths
from macros.read.sources import read_source
from macros.read.yaml_reader import Located, load_yaml

# Fiches repeat the same few names: each spelling is folded once.
_fold = functools.lru_cache(maxsize=4096)(fold)


@dataclass
class Registries:
    structures: dict[str, Structure] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    chapters: dict[int, Chapter] = field(default_factory=dict)
    stake_kinds: dict[str, StakeKind] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    # Display paths of the registry files, for messages and «Modifier cette page».
    sources: dict[str, str] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)

    def find_structure(self, name: str) -> Structure | None:
        """By slug, short name, full name or alias, ignoring case and accents."""
        if name in self.structures:
            return self.structures[name]
        slug = self._names.get(_fold(name))
        return self.structures[slug] if slug else None

    def structure_hint(self, name: str) -> str:
        pool = [s.short_name for s in self.structures.values()]
        pool += [a for s in self.structures.values() for a in s.aliases]
        hint = suggestion(name, pool, what="structures connues")
        return f"{hint} ; si c'est une nouvelle structure, ajoutez-la au registre {self.source()}"

    def source(self, name: str = "structures") -> str:
        """The display path of registry `name`, read or not."""
        return self.sources.get(name, f"fiches/registres/{name}.yml")

    def find_theme(self, name: str) -> Theme | None:
        if name in self.themes:
            return self.themes[name]
        wanted = fold(name)
        return next((t for t in self.themes.values() if fold(t.label) == wanted), None)

    def theme_hint(self, name: str) -> str:
        hint = suggestion(name, list(self.themes), what="thèmes connus")
        return f"{hint} ; pour un nouveau thème, ajoutez-le au registre {self.source('themes')}"

    def unknown_structure(
        self, slug: str, shown: str, line: int, column: int, report: Report
    ) -> None:
        report.error(
            shown,
            line,
            column,
            "structure-inconnue",
            f"structure inconnue « {slug} »",
            self.structure_hint(slug),
        )

    def unknown_theme(self, slug: str, shown: str, line: int, column: int, report: Report) -> None:
        report.error(
            shown, line, column, "theme-inconnu", f"thème inconnu « {slug} »", self.theme_hint(slug)
        )

    def chapter(self, number: int) -> Chapter:
        return self.chapters.get(number) or Chapter(number, None)


def load_registries(paths: ProjectPaths, report: Report) -> Registries:
    """The registries, structures first: the glossary refuses their names."""
    reg = Registries()

    def entries(name: str, key: str, what: str) -> list[tuple[dict[str, Any], int]]:
        """The entries the schema accepts, with their lines; of entries with the
        same value at `key`, the first."""
        read = _read(reg, paths, name, report)
        if read is None:
            return []
        located, skip = read
        lines: dict[Any, int] = {}
        found = []
        for i, entry in enumerate(located.data):
            if i in skip:
                continue
            line = located.where([i])[0]
            if _unique(lines, entry[key], line, reg.sources[name], report, what, str(entry[key])):
                found.append((entry, line))
        return found

    name_lines: dict[str, int] = {}
    for entry, line in entries("structures", "slug", "l'identifiant"):
        slug = entry["slug"]
        structure = reg.structures[slug] = Structure(
            slug=slug,
            short_name=entry["nom_court"],
            name=entry["nom"],
            kind=entry["type"],
            location=entry.get("localisation", ""),
            website=entry.get("site", ""),
            description=entry["description"],
            aliases=tuple(entry.get("alias", [])),
            founded=entry.get("fondation"),
        )
        for name in dict.fromkeys([structure.short_name, structure.name, slug, *structure.aliases]):
            key = fold(name)
            # Two names of one structure may fold alike.
            owned = reg._names.get(key) == slug
            shown = reg.sources["structures"]
            if owned or _unique(name_lines, key, line, shown, report, "le nom", name):
                reg._names[key] = slug
    for entry, _ in entries("themes", "slug", "l'identifiant"):
        reg.themes[entry["slug"]] = Theme(entry["slug"], entry["libelle"], entry["description"])
    for entry, _ in entries("chapitres", "numero", "le chapitre"):
        reg.chapters[entry["numero"]] = Chapter(entry["numero"], entry.get("titre") or None)
    for entry, _ in entries("enjeux", "slug", "le type d'enjeu"):
        reg.stake_kinds[entry["slug"]] = StakeKind(entry["slug"], entry["libelle"])
    glossary = _read(reg, paths, "glossaire", report)
    if glossary is not None:
        _glossary(reg, *glossary, report)
    return reg


def _read(
    reg: Registries, paths: ProjectPaths, name: str, report: Report
) -> tuple[Located, set[str | int]] | None:
    """The registry `name` and the indexes of the entries the schema refuses,
    or None when it holds no list of entries."""
    path = paths.registry(name)
    shown = reg.sources[name] = paths.display(path)
    if not path.is_file():
        report.error(
            shown,
            1,
            1,
            "registre-absent",
            f"registre introuvable : {shown}",
            "restaurez le fichier depuis l'historique Git",
        )
        return None
    source = read_source(path, shown, report)
    located = None if source is None else load_yaml(source, shown, report)
    if located is None:
        return None
    check_yaml_text(located, shown, report, quotes=False)
    if located.data is None:
        located.data = []
    broken = schemas.validate(located, name, shown, report, what=f"le registre {name}")
    if not isinstance(located.data, list):
        return None
    return located, {path[0] for path in broken if path}


def _unique(
    lines: dict[Any, int], key: Any, line: int, shown: str, report: Report, what: str, value: str
) -> bool:
    """Whether `key` is new to `lines` (where each key was first used), which then holds it."""
    if key in lines:
        report.error(
            shown,
            line,
            1,
            "registre-doublon",
            f"{what} « {value} » déjà utilisé ligne {lines[key]}",
            "chaque entrée doit avoir un identifiant et des noms uniques",
        )
        return False
    lines[key] = line
    return True


def _glossary(reg: Registries, located: Located, skip: set[str | int], report: Report) -> None:
    """Generic terms: a term that names a structure is never kept, and only
    kept terms can repeat."""
    shown = reg.sources["glossaire"]
    lines: dict[str, int] = {}
    for i, entry in enumerate(located.data):
        if i in skip:
            continue
        line = located.where([i])[0]
        term = entry["terme"].strip()
        owner = reg.find_structure(term)
        if owner is not None:
            report.error(
                shown,
                line,
                1,
                "glossaire-structure",
                f"« {term} » est déjà une structure du registre ({owner.name})",
                "retirez cette entrée : le glossaire reprend les sigles des structures "
                f"depuis {reg.source()}",
            )
            continue
        if not _unique(lines, fold(term), line, shown, report, "le terme", term):
            continue
        linked = True
        for key, known, unknown in (
            ("structure", reg.structures, reg.unknown_structure),
            ("theme", reg.themes, reg.unknown_theme),
        ):
            slug = entry.get(key)
            # An empty registry failed to load and said so: no cascade of messages here.
            if slug is not None and known and slug not in known:
                unknown(slug, shown, *located.where([i, key]), report)
                linked = False
        if not linked:
            continue
        reg.glossary[term] = GlossaryTerm(
            term,
            " ".join(entry["developpement"].split()),
            " ".join(entry["definition"].split()),
            entry.get("structure"),
            entry.get("theme"),
            line,
        )

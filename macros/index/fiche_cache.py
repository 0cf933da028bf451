"""Parsed fiches kept between two loads of the same project, for `mkdocs serve`.

A rebuild after one edit should not parse the thousand fiches that did not
change. An entry is reused only when its file has the same modification time
and size, and only while the registries are the ones it was checked against:
a fiche's diagnostics and resolved names depend on them. The cache lives on
the plugin instance, never at module level, so each `mkdocs build` starts empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from macros.core.diagnostics import Diagnostic, Report
from macros.core.model import Fiche

FileKey = tuple[int, int]  # modification time (ns), size


def file_key(path: Path) -> FileKey | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@dataclass
class FicheCache:
    # Display path -> the file's key, its fiche and diagnostics when last parsed.
    entries: dict[str, tuple[FileKey, Fiche | None, list[Diagnostic]]] = field(default_factory=dict)
    _registries: tuple[FileKey | None, ...] | None = None
    hits: int = 0

    def check_registries(self, registry_files: list[Path]) -> None:
        """Forget every fiche when a registry file changed since the last load."""
        keys = tuple(file_key(p) for p in registry_files)
        if keys != self._registries:
            self.entries.clear()
            self._registries = keys

    def read(
        self, path: Path, shown: str, report: Report, parse: Callable[[Report], Fiche | None]
    ) -> Fiche | None:
        """`parse`'s fiche and diagnostics, reused while the file did not change."""
        key = file_key(path)
        entry = self.entries.get(shown)
        if key is not None and entry is not None and entry[0] == key:
            self.hits += 1
            report.items.extend(entry[2])
            return entry[1]
        own = Report()
        fiche = parse(own)
        report.extend(own)
        if key is not None:
            self.entries[shown] = (key, fiche, own.items)
        return fiche

    def keep_only(self, shown: set[str]) -> None:
        """Drop the entries of deleted or renamed fiches."""
        self.entries = {name: e for name, e in self.entries.items() if name in shown}

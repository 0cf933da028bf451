"""Parsed fiches kept between two loads of the same project, for `mkdocs serve`.

A rebuild after one edit should not parse the thousand fiches that did not
change. An entry is reused only when its file has the same modification time
and size, and only while the registries are the ones it was checked against:
any change to a registry file empties the cache, since a fiche's diagnostics
and resolved names depend on it. The cache lives on the plugin instance,
never at module level, so each `mkdocs build` starts empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from macros.core.diagnostics import Diagnostic
from macros.core.model import Fiche

FileKey = tuple[int, int]  # modification time (ns), size


def file_key(path: Path) -> FileKey | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@dataclass
class _Entry:
    key: FileKey
    fiche: Fiche | None
    diagnostics: list[Diagnostic]


@dataclass
class FicheCache:
    _entries: dict[str, _Entry] = field(default_factory=dict)
    _registries: tuple[FileKey | None, ...] | None = None
    hits: int = 0

    def check_registries(self, registry_files: list[Path]) -> None:
        """Forget every fiche when a registry file changed since the last load."""
        keys = tuple(file_key(p) for p in registry_files)
        if keys != self._registries:
            self._entries.clear()
            self._registries = keys

    def get(self, shown: str, key: FileKey | None) -> _Entry | None:
        entry = self._entries.get(shown)
        if entry is None or key is None or entry.key != key:
            return None
        self.hits += 1
        return entry

    def put(
        self, shown: str, key: FileKey | None, fiche: Fiche | None, diagnostics: list[Diagnostic]
    ) -> None:
        if key is not None:
            self._entries[shown] = _Entry(key, fiche, list(diagnostics))

    def keep_only(self, shown: set[str]) -> None:
        """Drop the entries of deleted or renamed fiches."""
        self._entries = {name: e for name, e in self._entries.items() if name in shown}

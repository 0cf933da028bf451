"""Problems found in content, registries or command arguments.

One vocabulary serves `fiches check`, the MkDocs build and the importer, so a
contributor sees the same message, code and position whichever runs it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return ("info", "avertissement", "erreur")[self]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, at one place, with the fix when it is known.

    `code` is a stable short name (e.g. `structure-inconnue`) that the
    contributor guide documents; `hint` says how to fix it.
    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    def text(self) -> str:
        """The message with its remedy, without the position."""
        hint = f" ; {self.hint}" if self.hint else ""
        return f"{self.message}{hint} [{self.code}]"

    def format(self) -> str:
        """`path:line:column: erreur|avertissement|info: message`."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity.label}: {self.text()}"


@dataclass
class Report:
    """Diagnostics collected over one run, in the order they were found."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        path: str | Path,
        line: int,
        column: int,
        severity: Severity,
        code: str,
        message: str,
        hint: str = "",
    ) -> Diagnostic:
        diag = Diagnostic(str(path), max(line, 1), max(column, 1), severity, code, message, hint)
        self.items.append(diag)
        return diag

    def error(
        self, path: str | Path, line: int, column: int, code: str, message: str, hint: str = ""
    ) -> Diagnostic:
        return self.add(path, line, column, Severity.ERROR, code, message, hint)

    def warning(
        self, path: str | Path, line: int, column: int, code: str, message: str, hint: str = ""
    ) -> Diagnostic:
        return self.add(path, line, column, Severity.WARNING, code, message, hint)

    def info(
        self, path: str | Path, line: int, column: int, code: str, message: str, hint: str = ""
    ) -> Diagnostic:
        return self.add(path, line, column, Severity.INFO, code, message, hint)

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.path, d.line, d.column, -d.severity))

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.items if d.severity == severity)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == Severity.ERROR for d in self.items)

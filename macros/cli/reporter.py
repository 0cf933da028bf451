"""Printing diagnostics: one line each, plus GitHub workflow annotations in Actions."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TextIO

from macros.core.diagnostics import Diagnostic, Report, Severity
from macros.core.wording import plural

_ANNOTATION = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# The escapes of GitHub's workflow commands: for the message, and for a property.
_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_ESCAPE_DATA = str.maketrans(_DATA)
_ESCAPE_PROPERTY = str.maketrans({**_DATA, ":": "%3A", ",": "%2C"})


def annotation(diag: Diagnostic) -> str:
    """A GitHub Actions workflow command that shows `diag` on the pull request's diff."""
    return (
        f"::{_ANNOTATION[diag.severity]} file={diag.path.translate(_ESCAPE_PROPERTY)},"
        f"line={diag.line},col={diag.column},"
        f"title={diag.code.translate(_ESCAPE_PROPERTY)}::{diag.text().translate(_ESCAPE_DATA)}"
    )


def print_report(diagnostics: Iterable[Diagnostic], out: TextIO) -> None:
    annotations = os.environ.get("GITHUB_ACTIONS") == "true"
    for diag in diagnostics:
        print(diag.format(), file=out)
        if annotations:
            print(annotation(diag), file=out)


def summary(report: Report, files: int) -> str:
    errors = report.count(Severity.ERROR)
    return (
        f"{'échec' if errors else 'ok'} : "
        f"{plural(files, 'fichier vérifié', 'fichiers vérifiés')}, {plural(errors, 'erreur')}, "
        f"{plural(report.count(Severity.WARNING), 'avertissement')}, "
        f"{plural(report.count(Severity.INFO), 'info')}"
    )

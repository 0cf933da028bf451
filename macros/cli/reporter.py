"""Printing diagnostics: one line each, plus GitHub workflow annotations in Actions."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TextIO

from macros.core.diagnostics import Diagnostic, Report, Severity
from macros.core.wording import plural

_ANNOTATION = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diag: Diagnostic) -> str:
    """A GitHub Actions workflow command that shows `diag` on the pull request's diff."""
    return (
        f"::{_ANNOTATION[diag.severity]} file={_escape_property(diag.path)},"
        f"line={diag.line},col={diag.column},"
        f"title={_escape_property(diag.code)}::{_escape_data(diag.text())}"
    )


def print_report(diagnostics: Iterable[Diagnostic], out: TextIO) -> None:
    annotations = os.environ.get("GITHUB_ACTIONS") == "true"
    for diag in diagnostics:
        print(diag.format(), file=out)
        if annotations:
            print(annotation(diag), file=out)


def summary(report: Report, files: int) -> str:
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    infos = report.count(Severity.INFO)

    verdict = "échec" if errors else "ok"
    return (
        f"{verdict} : {plural(files, 'fichier vérifié', 'fichiers vérifiés')}, "
        f"{plural(errors, 'erreur')}, {plural(warnings, 'avertissement')}, "
        f"{plural(infos, 'info')}"
    )

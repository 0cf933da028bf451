"""Reading contributor files: UTF-8 only, byte-order mark and CRLF accepted.

A byte-order mark and Windows line ends are normalised in memory (never
rewritten on disk) and reported as info, so that files saved by Windows
editors still build while the contributor learns how to clean them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Report

BOM = "\ufeff"
# Checked before reading: the largest real file is a few tens of kilobytes,
# so this only stops a file meant to exhaust memory or time (docs/securite.md).
MAX_SOURCE_BYTES = 1_000_000


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str


def decode(raw: bytes, display_path: str, report: Report) -> str | None:
    """Decode `raw` as UTF-8, or report where it is not and return None."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        report.error(
            display_path,
            line,
            column,
            "encodage",
            f"le fichier n'est pas en UTF-8 (octet 0x{raw[exc.start]:02x} invalide)",
            "enregistrez-le en « UTF-8 » depuis votre éditeur",
        )
        return None
    if text.startswith(BOM):
        text = text[1:]
        report.info(
            display_path,
            1,
            1,
            "bom",
            "marque d'ordre des octets (BOM) en début de fichier, ignorée",
            "enregistrez en « UTF-8 sans BOM » pour la retirer",
        )
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        report.info(
            display_path,
            line,
            1,
            "fins-de-ligne",
            "fins de ligne Windows (CRLF), lues comme des fins de ligne simples",
            "rien à faire, ou enregistrez avec des fins de ligne « LF »",
        )
    return text


def read_source(path: Path, display_path: str, report: Report) -> SourceText | None:
    raw = _read(path, display_path, report)
    if raw is None:
        return None
    text = decode(raw, display_path, report)
    return None if text is None else SourceText(display_path, text)


def _read(path: Path, display_path: str, report: Report) -> bytes | None:
    """The file's bytes, or None once the reason is reported."""
    try:
        # One unbuffered open, its size from the open file: half the cost of
        # a stat and a read_bytes for the thousands of small files of a load.
        with open(path, "rb", buffering=0) as handle:
            if os.fstat(handle.fileno()).st_size <= MAX_SOURCE_BYTES:
                return handle.read()
    except OSError:
        pass  # reported below, as a stat then a read find it (size first)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            report.error(
                display_path,
                1,
                1,
                "fichier-trop-gros",
                f"fichier de {size // 1000} ko, au-delà de la limite de "
                f"{MAX_SOURCE_BYTES // 1000} ko",
                "une fiche ou un registre tient en quelques dizaines de ko : "
                "découpez le fichier ou retirez ce qui n'y a pas sa place",
            )
            return None
        return path.read_bytes()
    except OSError as exc:
        report.error(
            display_path, 1, 1, "lecture", f"impossible de lire le fichier : {exc.strerror or exc}"
        )
        return None

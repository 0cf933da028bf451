"""Reading contributor files: UTF-8 only, byte-order mark and CRLF accepted.

A byte-order mark and Windows line ends are normalised in memory (never
rewritten on disk) and reported as info, so that files saved by Windows
editors still build while the contributor learns how to clean them.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from macros.core.diagnostics import Report

BOM = "\ufeff"
# Checked before reading: the largest real file is a few tens of kilobytes,
# so this only stops a file meant to exhaust memory or time (docs/securite.md).
MAX_SOURCE_BYTES = 1_000_000
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_FOREIGN = {
    "lien-symbolique": (
        "lien symbolique refusé : son contenu viendrait d'ailleurs que du dépôt "
        "(un fichier de la machine qui construit le site serait publié)",
        "remplacez le lien par une copie du fichier, ou retirez-le",
    ),
    "fichier-special": (
        "fichier spécial refusé (tube, périphérique ou socket) : seuls les fichiers "
        "ordinaires et les dossiers sont lus",
        "retirez-le du dossier",
    ),
    "hors-depot": (
        "dossier hors du dépôt refusé : son contenu viendrait d'ailleurs",
        "placez ce dossier dans le dépôt, sans lien symbolique",
    ),
}


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


def read_source(path: Path, display_path: str, report: Report) -> str | None:
    """The file's text, or None once the reason is reported."""
    try:
        # Never through a symlink, and without waiting on a fifo; one
        # unbuffered open, its size from the open file.
        fd = os.open(path, _OPEN_FLAGS)
        with open(fd, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                report_foreign(display_path, "fichier-special", report)
            elif info.st_size > MAX_SOURCE_BYTES:
                report.error(
                    display_path,
                    1,
                    1,
                    "fichier-trop-gros",
                    f"fichier de {info.st_size // 1000} ko, au-delà de la limite de "
                    f"{MAX_SOURCE_BYTES // 1000} ko",
                    "une fiche ou un registre tient en quelques dizaines de ko : "
                    "découpez le fichier ou retirez ce qui n'y a pas sa place",
                )
            else:
                return decode(handle.read(), display_path, report)
    except OSError as exc:
        if exc.errno == errno.ELOOP or path.is_symlink():
            report_foreign(display_path, "lien-symbolique", report)
        else:
            message = f"impossible de lire le fichier : {exc.strerror or exc}"
            report.error(display_path, 1, 1, "lecture", message)
    return None


def report_foreign(display_path: str, code: str, report: Report) -> None:
    """Report an entry whose content would come from outside the repository."""
    message, hint = _FOREIGN[code]
    report.error(display_path, 1, 1, code, message, hint)


def check_foreign(
    root: Path, folders: Iterable[Path], shown: Callable[[Path], str], report: Report
) -> None:
    """Report every symlink, special file or folder outside `root` in `folders`
    (`shown` gives a path's display form), besides those a reading already
    reported: MkDocs follows symlinks when it copies docs/, and a link to
    /proc/self/environ or /etc would publish the build machine's files.

    Symlinked folders are not entered, so a link to / costs one entry.
    """
    reported = {d.path for d in report.items if d.code in _FOREIGN}
    seen: set[Path] = set()
    real_root = root.resolve()
    for folder in folders:
        if folder in seen or not os.path.lexists(folder):
            continue
        seen.add(folder)
        if folder.is_symlink():
            report_foreign(shown(folder), "lien-symbolique", report)
        elif not folder.resolve().is_relative_to(real_root):
            report_foreign(shown(folder), "hors-depot", report)
        elif folder.is_dir():
            for path, code in _walk(folder):
                if path not in seen and shown(path) not in reported:
                    seen.add(path)
                    report_foreign(shown(path), code, report)


def _walk(folder: Path) -> list[tuple[Path, str]]:
    """Symlinks and special files under `folder`, with their codes; os.walk
    enters no symlinked folder, and skips an unreadable one, which whatever
    reads in it reports."""
    found = []
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent, name)
            if path.is_symlink():
                found.append((path, "lien-symbolique"))
            elif not (path.is_dir() or path.is_file()):
                found.append((path, "fichier-special"))
    return sorted(found)

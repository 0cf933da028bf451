"""When each fiche last changed, and what changed: the «Quoi de neuf» data.

The date of the last commit touching the fiche, unless the checkout is shallow
(CI's one commit seems to touch every file) or the fiche not committed yet;
then `date_mise_a_jour`, then `date_creation`; else none, and the fiche is
listed last and left out of the feed. One `git log` run covers every file.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from macros.core.model import Fiche, FicheNumber

_COMMIT = "\x1e"  # record separator before each commit of the log


@dataclass(frozen=True)
class Change:
    date: dt.date
    timestamp: str  # ISO 8601 with offset, for the Atom feed
    note: str  # one line: what changed
    source: str  # "git" or "en-tete", where the date came from


@dataclass(frozen=True)
class GitFile:
    when: dt.datetime  # the latest committer date, with its offset
    commits: int  # how many commits touched the file


def french_date(day: dt.date) -> str:
    """«26 novembre 2026», «1er décembre 2026»."""
    text = format_date(day, "d MMMM y", locale="fr")
    return "1er" + text[1:] if day.day == 1 else text


def git_history(root: Path, folder: str) -> dict[str, GitFile] | None:
    """Last commit of each file under `folder`, by path from `root`; None without usable history."""
    state = _git(root, "rev-parse", "--is-shallow-repository", "--show-prefix")
    if state is None or state.split("\n")[0] != "false":
        return None
    log = _git(
        root, "log", "--format=" + _COMMIT + "%cI", "--name-only", "--no-renames", "--", folder
    )
    if log is None:
        return None
    prefix = state.split("\n")[1].strip()
    found: dict[str, GitFile] = {}
    for record in log.split(_COMMIT)[1:]:
        stamp, *names = [line for line in record.split("\n") if line.strip()]
        when = dt.datetime.fromisoformat(stamp.strip())
        for name in names:
            # git log names files from the repository root; the project may be a sub-folder.
            path = name.removeprefix(prefix)
            known = found.get(path, GitFile(when, 0))
            # Merged branches interleave dates: keep the latest, not the first seen.
            found[path] = GitFile(max(known.when, when), known.commits + 1)
    return found


def _git(root: Path, *args: str) -> str | None:
    """Git's output; None when it fails or is missing."""
    command = ["git", "-c", "core.quotepath=off", *args]
    try:
        return subprocess.check_output(
            command, cwd=root, stderr=subprocess.DEVNULL, encoding="utf-8", timeout=120
        )
    except (OSError, subprocess.CalledProcessError):
        return None


def last_changes(fiches: list[Fiche], history: dict[str, GitFile] | None) -> dict[str, Change]:
    """Fiche number -> its last change, for the fiches that have a date."""
    changes: dict[str, Change] = {}
    for fiche in fiches:
        known = history.get(fiche.source) if history else None
        if known is not None:
            when, source = known.when, "git"
            created = known.commits == 1 and not fiche.former
        else:
            try:
                day = dt.date.fromisoformat(fiche.updated or fiche.created or "")
            except ValueError:
                continue
            when, source = dt.datetime.combine(day, dt.time(), dt.UTC), "en-tete"
            created = fiche.updated is None or fiche.updated == fiche.created
        note = fiche.release_note or ("Première publication" if created else "Mise à jour")
        changes[str(fiche.number)] = Change(when.date(), when.isoformat(), note, source)
    return changes


def newest_first(changes: dict[str, Change]) -> list[tuple[str, Change]]:
    """Newest change first; same day: by fiche number, for a stable order."""
    by_number = sorted(changes.items(), key=lambda item: FicheNumber(item[0]))
    return sorted(
        by_number, key=lambda item: dt.datetime.fromisoformat(item[1].timestamp), reverse=True
    )

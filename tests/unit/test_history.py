"""Dates of the last change: Git history, front-matter fallback, French format."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from macros.core.project import ProjectPaths
from macros.data.history import french_date, git_history, last_changes, newest_first
from macros.index.collection import load_collection
from tests.support import ROOT, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "collections" / "lecteur" / "fiches" / "2.4.md"


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@exemple.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@exemple.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def dated_project(tmp_path: Path) -> Path:
    """Fiche 1.5 committed on 1 March 2025, changed on 26 November 2026;
    fiche 2.4 committed once, on 14 July 2026 at 23:30 in Paris."""
    project = copy_project(tmp_path / "projet")
    (project / "fiches" / "2.4.md").write_text(FIXTURE.read_text(encoding="utf-8"), "utf-8")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "fiches/1.5.md", "fiches/registres")
    _git(project, "commit", "-q", "-m", "First", when="2025-03-01T10:00:00+01:00")
    _git(project, "add", "fiches/2.4.md")
    _git(project, "commit", "-q", "-m", "Second", when="2026-07-14T23:30:00+02:00")
    fiche = project / "fiches" / "1.5.md"
    fiche.write_text(fiche.read_text(encoding="utf-8") + "\nUne ligne de plus.\n", "utf-8")
    _git(project, "commit", "-q", "-am", "Third", when="2026-12-01T09:00:00+00:00")
    return project


def test_french_dates() -> None:
    assert french_date(dt.date(2026, 11, 26)) == "26 novembre 2026"
    assert french_date(dt.date(2026, 12, 1)) == "1er décembre 2026"
    assert french_date(dt.date(2025, 2, 3)) == "3 février 2025"
    assert french_date(dt.date(2026, 8, 15)) == "15 août 2026"


def test_dates_come_from_git_history(dated_project: Path) -> None:
    collection = load_collection(ProjectPaths.at(dated_project))
    history = git_history(dated_project, "fiches")
    assert history is not None
    assert history["fiches/1.5.md"].commits == 2
    changes = last_changes(collection.fiches, history)
    assert changes["1.5"].source == "git"
    assert changes["1.5"].date == dt.date(2026, 12, 1)
    assert french_date(changes["1.5"].date) == "1er décembre 2026"
    assert changes["1.5"].note == "Mise à jour"
    # The commit's own day, in its own time zone (UTC would say 14 July too late).
    assert changes["2.4"].date == dt.date(2026, 7, 14)
    assert changes["2.4"].timestamp == "2026-07-14T23:30:00+02:00"
    # A release note in the front matter wins over the generic wording.
    assert changes["2.4"].note == "Nouvel exemple de DLA en Normandie"
    assert [number for number, _ in newest_first(changes)] == ["1.5", "2.4"]


def test_uncommitted_fiche_falls_back_to_front_matter(dated_project: Path) -> None:
    extra = dated_project / "fiches" / "2.5.md"
    text = FIXTURE.read_text(encoding="utf-8").replace('"2.4"', '"2.5"')
    extra.write_text(text.replace('anciens_numeros: ["2.3"]\n', ""), "utf-8")
    collection = load_collection(ProjectPaths.at(dated_project))
    changes = last_changes(collection.fiches, git_history(dated_project, "fiches"))
    assert changes["2.5"].source == "en-tete"
    assert changes["2.5"].date == dt.date(2026, 3, 1)


def test_without_history_the_front_matter_dates_count(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    (project / "fiches" / "2.4.md").write_text(FIXTURE.read_text(encoding="utf-8"), "utf-8")
    assert git_history(project, "fiches") is None
    changes = last_changes(load_collection(ProjectPaths.at(project)).fiches, None)
    assert changes["1.5"].source == "en-tete"
    assert french_date(changes["1.5"].date) == "26 novembre 2026"
    assert changes["2.4"].date == dt.date(2026, 3, 1)
    assert changes["2.4"].timestamp == "2026-03-01T00:00:00+00:00"


def test_shallow_clone_falls_back_to_front_matter(dated_project: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", dated_project.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    assert (clone / "fiches" / "1.5.md").is_file()
    assert git_history(clone, "fiches") is None


def test_undated_fiche_has_no_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    fiche = project / "fiches" / "1.5.md"
    fiche.write_text(
        fiche.read_text(encoding="utf-8").replace("date_mise_a_jour: 2026-11-26\n", "")
    )
    changes = last_changes(load_collection(ProjectPaths.at(project)).fiches, None)
    assert changes == {}

"""Two builds of the same commit give the same site, byte for byte.

Reviewers diff a pull request's site against main's: any difference must come
from the content. The two builds run from different folders (an absolute
path written anywhere would show) and with different hash seeds (so would
an output that follows set or dict ordering of strings).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.support import build_site, copy_project

# The only files allowed to differ: they hold the build date (MkDocs writes
# it, or SOURCE_DATE_EPOCH when set). See docs/securite.md.
DATED = frozenset({"sitemap.xml", "sitemap.xml.gz"})

pytestmark = pytest.mark.build


def _tree(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _build(folder: Path, seed: str) -> Path:
    project = copy_project(folder / "projet")
    result = build_site(project, env={"PYTHONHASHSEED": seed})
    assert result.returncode == 0, result.stderr
    return project


def test_two_builds_give_identical_sites(tmp_path: Path) -> None:
    first = _build(tmp_path / "premier", "1")
    second = _build(tmp_path / "deuxieme-dossier", "2")
    one, two = _tree(first / "site"), _tree(second / "site")
    assert sorted(one) == sorted(two)
    differ = sorted(name for name in one if one[name] != two[name])
    assert set(differ) <= DATED, differ
    for project in (first, second):
        for path in (project / "site").rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert str(project).encode() not in data, path
                assert str(tmp_path).encode() not in data, path

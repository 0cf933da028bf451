from __future__ import annotations

from pathlib import Path

import pytest

from macros.check.registries import Registries, load_registries
from macros.core.diagnostics import Report
from macros.core.project import ProjectPaths
from macros.index.collection import Collection, load_collection
from tests.support import ROOT


@pytest.fixture(scope="session")
def repo_collection() -> Collection:
    return load_collection(ProjectPaths.at(ROOT))


@pytest.fixture(scope="session")
def registries() -> Registries:
    report = Report()
    reg = load_registries(ProjectPaths.at(ROOT), report)
    assert not report.has_errors, [d.format() for d in report.items]
    return reg


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away copy of the repository's content, with its fiches."""
    from tests.support import copy_project

    return copy_project(tmp_path / "projet")


@pytest.fixture(scope="session")
def catalogue_collection() -> Collection:
    """The catalogue fixture collection (fiches 2.1, 2.2, 3.1, 3.2) with the real registries."""
    from tests.support import CATALOGUE_FICHES

    collection = load_collection(
        ProjectPaths.at(ROOT, fiches=str(CATALOGUE_FICHES.relative_to(ROOT)))
    )
    assert not collection.report.has_errors, [d.format() for d in collection.report.items]
    return collection

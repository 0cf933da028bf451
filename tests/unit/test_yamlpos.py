"""Where a YAML value was written, found from PyYAML's nodes when a message asks."""

from __future__ import annotations

from macros.core.diagnostics import Report
from macros.read.yaml_reader import load_yaml

TEXT = "titre: a\nthemes:\n  - x\n  - y\nsearch:\n  boost: 2\nnumero: 1.10\n"


def test_positions_are_file_lines_and_columns() -> None:
    located = load_yaml(TEXT, "f.md", Report(), line_offset=3)
    assert located is not None
    assert located.data["numero"] == 1.1 and located.raw[("numero",)] == "1.10"
    assert located.where(["themes", 1]) == (7, 5)
    assert located.where(["search", "boost"]) == (9, 10)
    assert located.where(["search", "boost"], key=True) == (9, 3)


def test_a_missing_path_points_at_its_nearest_ancestor() -> None:
    located = load_yaml(TEXT, "f.md", Report(), line_offset=3)
    assert located is not None
    assert located.where(["themes", 5]) == (6, 3)
    assert located.where(["absent"]) == (4, 1)
    assert located.where(["search", "absent"], key=True) == (8, 1)


def test_a_doubled_key_is_reported_and_its_last_value_kept() -> None:
    report = Report()
    located = load_yaml("titre: a\ntitre: b\n", "f.md", report)
    assert located is not None and located.data == {"titre": "b"}
    assert [(d.code, d.line) for d in report.items] == [("yaml-cle-double", 2)]
    assert located.where(["titre"]) == (2, 8)


def test_an_empty_document_points_at_its_first_line() -> None:
    located = load_yaml("", "f.md", Report(), line_offset=1)
    assert located is not None and located.data is None
    assert located.where(["titre"]) == (2, 1)

"""Writing fiches: never a clobbered, partial or stray file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from macros.core.safe_write import AlreadyExists, write_bytes, write_fiche


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".fiche-"))


def test_new_file_is_written_as_utf8_lf(tmp_path: Path) -> None:
    target = tmp_path / "1.5.md"
    assert write_fiche(target, "é\nà\n", replace=False) is False
    assert target.read_bytes() == "é\nà\n".encode()
    assert leftovers(tmp_path) == []


def test_existing_file_is_left_byte_identical(tmp_path: Path) -> None:
    target = tmp_path / "1.5.md"
    original = b'---\r\nnumero: "1.5"\r\n---\r\n\xc3\xa9crit \xc3\xa0 la main\r\n'
    target.write_bytes(original)
    before = target.stat().st_mtime_ns
    with pytest.raises(AlreadyExists):
        write_fiche(target, "nouveau\n", replace=False)
    assert target.read_bytes() == original
    assert target.stat().st_mtime_ns == before
    assert leftovers(tmp_path) == []


def test_race_with_another_writer_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2.1.md"
    real_link = os.link

    def late_writer(source: str | os.PathLike[str], dest: str | os.PathLike[str]) -> None:
        Path(dest).write_text("écrit entre-temps\n", encoding="utf-8")
        real_link(source, dest)

    monkeypatch.setattr(os, "link", late_writer)
    with pytest.raises(AlreadyExists):
        write_fiche(target, "import\n", replace=False)
    assert target.read_text(encoding="utf-8") == "écrit entre-temps\n"
    assert leftovers(tmp_path) == []


def test_without_hard_links_exclusive_creation_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: str, dest: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "2.2.md"
    write_fiche(target, "import\n", replace=False)
    assert target.read_text(encoding="utf-8") == "import\n"
    assert leftovers(tmp_path) == []


def test_replace_is_atomic_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "1.5.md"
    target.write_text("ancien\n", encoding="utf-8")
    target.chmod(0o640)
    inode = target.stat().st_ino
    assert write_fiche(target, "nouveau\n", replace=True) is True
    assert target.read_text(encoding="utf-8") == "nouveau\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    # A new inode: readers holding the old file never see a half-written one.
    assert target.stat().st_ino != inode
    assert leftovers(tmp_path) == []


def test_unwritable_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_fiche(tmp_path / "absent" / "1.5.md", "x\n", replace=False)


def test_write_bytes_replaces_in_one_step_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "livret.pdf"
    write_bytes(target, b"%PDF-ancien")
    write_bytes(target, b"%PDF-nouveau")
    assert target.read_bytes() == b"%PDF-nouveau"
    assert [p.name for p in tmp_path.iterdir()] == ["livret.pdf"]


def test_write_bytes_into_a_missing_folder_changes_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_bytes(tmp_path / "absent" / "livret.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []

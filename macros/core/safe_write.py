"""Writing files without ever leaving a half-written or clobbered one.

The data goes first to a temporary file in the destination folder, then takes
its final name in one step: `os.replace` when replacing is allowed (`import
--force`), a hard link otherwise, which fails instead of overwriting if the
name was taken meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

# Where hard links are not available (some network or FAT file systems).
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}


class AlreadyExists(Exception):
    """The target exists and replacing it was not allowed."""


def write_fiche(target: Path, text: str, *, replace: bool) -> bool:
    """Write `text` to `target` (UTF-8, LF); True when an existing file was replaced.

    Raises AlreadyExists when `target` exists and `replace` is false, OSError
    when the folder cannot be written.
    """
    existed = target.exists()
    if existed and not replace:
        raise AlreadyExists(str(target))
    write_bytes(target, text.encode("utf-8"), replace=replace)
    return existed


def write_bytes(target: Path, data: bytes, *, replace: bool = True) -> None:
    """Put `data` at `target` in one step: readers see the old file or the new one."""
    mode = _mode_for(target)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".fiche-", suffix=".tmp")
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        if replace:
            os.replace(temp, target)
        else:
            _link_new(temp, target, data, mode)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _link_new(temp: Path, target: Path, data: bytes, mode: int) -> None:
    try:
        os.link(temp, target)
        return
    except FileExistsError as exc:
        raise AlreadyExists(str(target)) from exc
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
    # Exclusive creation still never clobbers; only a crash mid-write could
    # leave a partial file, which is why links come first.
    try:
        with open(target, "xb") as out:
            out.write(data)
    except FileExistsError as exc:
        raise AlreadyExists(str(target)) from exc
    os.chmod(target, mode)


def _mode_for(target: Path) -> int:
    """Keep the mode of the file being replaced; new files get the usual one."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)  # the only way to read it is to set it
        os.umask(umask)
        return 0o666 & ~umask

"""Errors in how the command was called (exit code 2)."""

from __future__ import annotations

import argparse
from pathlib import Path


class UsageError(argparse.ArgumentTypeError):
    """A bad argument, said in French; argparse reports it when an option's type raises it."""


def make_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"impossible de créer le dossier {path} : {exc.strerror or exc}") from exc

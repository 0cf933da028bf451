"""Errors in how the command was called (exit code 2)."""

from __future__ import annotations


class UsageError(Exception):
    """A bad argument: the message says what is wrong, in French."""

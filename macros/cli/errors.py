"""Errors in how the command was called (exit code 2)."""

from __future__ import annotations

import argparse


class UsageError(argparse.ArgumentTypeError):
    """A bad argument, said in French; argparse reports it when an option's type raises it."""

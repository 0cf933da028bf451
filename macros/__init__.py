"""The fiche engine of the MES resource centre.

mkdocs-macros imports this package (`module_name: macros`) and calls
`define_env`; everything else is plain Python, usable without MkDocs.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """mkdocs-macros entry point: register `structure`, `theme` and `fiche`."""
    from .site.macros_env import register

    register(env)

"""Each page's final HTML, checked against the raw-HTML policy: the second lock."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from macros.check.html_lock import lock_page_html
from macros.render.html_blocks import KEY
from macros.render.parcours_page import MARK as BODY_MARK

# The engine's own placeholder comments, up to their keyed part.
OWN_COMMENTS = (BODY_MARK, f"<!-- mes-fiches:bloc {KEY} ")


def check_page_html(content: str, where: str) -> str:
    """The page's HTML as the lock re-serialised it (html_lock.py); fail the
    build if it breaks the raw-HTML policy anyway."""
    locked = lock_page_html(content, OWN_COMMENTS)
    if locked.problems:
        details = " ; ".join(locked.problems[:5])
        raise PluginError(
            f"{where} : HTML refusé dans la page produite ({details}) ; "
            "« fiches check » indique la ligne à corriger"
        )
    return locked.html

"""Each page's final HTML, checked against the raw-HTML policy: the second lock."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..html_policy import html_problems


def check_page_html(content: str, where: str) -> None:
    """Fail the build if a page's HTML breaks the raw-HTML policy anyway."""
    problems = html_problems(content, generated=True)
    if problems:
        details = " ; ".join(p.message for p in problems[:5])
        raise PluginError(
            f"{where} : HTML refusé dans la page produite ({details}) ; "
            "« fiches check » indique la ligne à corriger"
        )

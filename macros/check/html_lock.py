"""The second lock: each page's final HTML, read as a browser reads it.

The plugin hands every page's HTML (on_page_content) to `lock_page_html`.
It is parsed with lexbor (html_spec.py) as the content of a `<div>`, every
element is held against the allow-lists of html_safety.py (with what
Markdown extensions produce), comments are refused, and the page gets back
the serialisation of the tree that was checked. So what a browser builds
from the page is the tree that passed, whatever the source looked like: a
sanitiser's guarantee, not a second opinion on the source text.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.check.html_safety import MESSAGE_COMMENT, _tag_problems
from macros.read.html_spec import elements, has_comment, parse_fragment


@dataclass(frozen=True)
class LockedPage:
    html: str  # the serialisation of the checked tree, what the page publishes
    problems: list[str]  # why the page may not be published; empty when it may


def lock_page_html(content: str, own_comments: tuple[str, ...] = ()) -> LockedPage:
    """Check a page's final HTML and give back what the checked tree serialises to.

    `own_comments`: how the engine's own placeholders begin, `<!--` included
    (a comment that starts with one of them is kept); they carry a key drawn at each
    run, that no contributor can write.
    """
    parser = parse_fragment(content)
    markup = parser.html or ""
    problems: list[str] = []
    if has_comment(markup, own_comments):
        problems.append(MESSAGE_COMMENT)
    for tag, attributes in elements(parser):
        attrs = [(name.lower(), value) for name, value in attributes.items()]
        problems.extend(message for message, _ in _tag_problems(tag, attrs, generated=True))
    return LockedPage(markup, list(dict.fromkeys(problems)))

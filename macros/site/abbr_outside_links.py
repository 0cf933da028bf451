"""Python-Markdown extension: keep `abbr` tooltips out of links.

The `abbr` extension wraps every known term, link text included. A link
already has its own title (structure links name the structure in full), and
an <abbr> inside an <a> gives two nested tooltips and a focus target inside a
link. Marking link text as atomic before `abbr` runs (priority 7) leaves it
alone; code is atomic already, and heading permalinks (toc, priority 5) are
added after `abbr`.

Enabled in mkdocs.yml: `markdown_extensions: - macros.site.abbr_outside_links`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString


class _AtomicLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            _freeze(link)


def _freeze(element: etree.Element) -> None:
    """Make the text inside `element` atomic, but not the text after it."""
    if element.text:
        element.text = AtomicString(element.text)
    for child in element:
        _freeze(child)
        if child.tail:
            child.tail = AtomicString(child.tail)


class AbbrOutsideLinks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), which still reads link tails; before abbr (7).
        md.treeprocessors.register(_AtomicLinks(md), "abbr_outside_links", 7.5)


def makeExtension(**kwargs: object) -> AbbrOutsideLinks:
    return AbbrOutsideLinks(**kwargs)

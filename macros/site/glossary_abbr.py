"""Python-Markdown extension: glossary tooltips that every reader can reach.

Two adjustments around the `abbr` extension (treeprocessor priority 7):

- Before it, link text is made atomic, so no <abbr> lands inside a link. A
  link already has its own title (structure links name the structure in
  full), and an <abbr> inside an <a> gives two nested tooltips. Code is
  atomic already; heading permalinks (toc, priority 5) come after `abbr`.
- After it, each <abbr> gets tabindex="0". Material's tooltips
  (`content.tooltips`) open on hover *and on focus*, and then point the
  term's aria-describedby at the tooltip: a focusable term is what lets
  keyboard users, screen readers and touch screens (a tap focuses) read the
  expansion. A hover-only tooltip would leave them out.

Enabled in mkdocs.yml: `markdown_extensions: - macros.site.glossary_abbr`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString


class _AtomicLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # The text inside each link becomes atomic, but not the text after it.
        for link in root.iter("a"):
            for element in link.iter():
                if element.text:
                    element.text = AtomicString(element.text)
                if element is not link and element.tail:
                    element.tail = AtomicString(element.tail)


class _FocusableTerms(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for term in root.iter("abbr"):
            term.set("tabindex", "0")


class GlossaryAbbr(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), which still reads link tails; before abbr (7).
        md.treeprocessors.register(_AtomicLinks(md), "glossary_atomic_links", 7.5)
        # After abbr (7), before toc (5) copies headings into the table of contents.
        md.treeprocessors.register(_FocusableTerms(md), "glossary_focusable_terms", 6.5)


def makeExtension(**kwargs: object) -> GlossaryAbbr:
    return GlossaryAbbr(**kwargs)

"""Layouts: a fiche printed by a trainer, and the site on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

FICHE_URL = "/fiches/1.5/"

# Boxes and text of the content that stick out of the viewport, outside scrollable
# boxes (Material clips the page horizontally, so the page's own width says nothing).
OVERFLOWING = """
() => {
  const limit = document.documentElement.clientWidth + 1;
  const scrolls = (node) => {
    for (let p = node.parentElement; p; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === "auto" || x === "scroll") return true;
    }
    return false;
  };
  const out = (box) => box.width > 0 && (box.right > limit || box.left < -1);
  const found = [];
  const content = document.querySelector(".md-content");
  for (const el of content.querySelectorAll("*")) {
    if (out(el.getBoundingClientRect()) && !scrolls(el)) {
      found.push(`<${el.tagName.toLowerCase()} class="${el.className}">`);
    }
  }
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some(out) && !scrolls(node)) {
      found.push(node.textContent.trim().slice(0, 60));
    }
  }
  return found;
}
"""


def _style(locator: Locator, prop: str) -> str:
    return str(locator.evaluate("(el, p) => getComputedStyle(el).getPropertyValue(p)", prop))


def test_printed_fiche_keeps_the_content_and_drops_the_chrome(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}{FICHE_URL}")
    chrome = {
        "header": page.locator(".md-header"),
        "navigation": page.locator(".md-sidebar--primary"),
        "table of contents": page.locator(".md-sidebar--secondary"),
        "edit button": page.locator("article a.md-content__button"),
    }
    for locator in chrome.values():
        expect(locator).to_be_visible()
    source_line = page.locator("article .fiche-source-impression")
    expect(source_line).to_be_hidden()

    page.emulate_media(media="print")

    for name, locator in chrome.items():
        expect(locator, name).to_be_hidden()
    expect(page.locator("article .fiche-entete h1")).to_be_visible()
    expect(page.locator("article .fiche-corps")).to_be_visible()
    expect(page.get_by_role("heading", name="Les pratiques des structures du MES")).to_be_visible()
    expect(source_line).to_be_visible()
    expect(source_line).to_contain_text("Fiche 1.5")

    # Chips print as plain bordered text.
    for chip in (
        page.locator("article a.puce--theme").first,
        page.locator("article a.puce--creditee").first,
    ):
        assert _style(chip, "background-color") == "rgba(0, 0, 0, 0)"
        assert _style(chip, "border-top-style") == "solid"
        assert _style(chip, "border-top-width") != "0px"
    # Links read like the text around them.
    item = page.locator("article .fiche-corps li", has=page.locator("a", has_text="PES 21")).first
    link = item.locator("a", has_text="PES 21").first
    assert _style(link, "color") == _style(item, "color")
    # A practice is never cut across two pages.
    assert _style(item, "break-inside") == "avoid"


@pytest.mark.parametrize("path", [FICHE_URL, "/structures/pes-21/", "/"])
def test_mobile_layout_has_no_horizontal_overflow(
    mobile_page: Page, site_url: str, path: str
) -> None:
    mobile_page.goto(f"{site_url}{path}")
    expect(mobile_page.locator("article h1")).to_be_visible()
    # At 390 px the sidebars are drawers, out of sight.
    expect(mobile_page.locator(".md-sidebar--secondary")).to_be_hidden()
    assert mobile_page.evaluate(OVERFLOWING) == []

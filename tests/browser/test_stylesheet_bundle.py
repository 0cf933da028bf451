"""The minified assets/site.css means to the browser what the sheets as written mean.

Chromium reads both and serialises every rule it keeps (CSSOM `cssText`):
minifying may change bytes and the spaces beside commas, never a selector, a
declaration or their order.
"""

from __future__ import annotations

from playwright.sync_api import Page

from macros.site.mkdocs_yml import read_config
from macros.site.stylesheets import bundle
from tests.support import ROOT

_RULES = r"""(css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  // Custom properties keep their value's tokens as written, spaces included;
  // a space beside a comma means nothing there.
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s*,\s*/g, ","));
}"""


def _sheet_names() -> list[str]:
    plugins = read_config(ROOT / "mkdocs.yml")["plugins"]
    plugin = next(p["mes-fiches"] for p in plugins if isinstance(p, dict) and "mes-fiches" in p)
    return list(plugin["feuilles_de_style"])


def test_the_minified_bundle_holds_the_same_rules_as_the_sheets(page: Page) -> None:
    folder = ROOT / "overrides"
    names = _sheet_names()
    written = "\n".join((folder / name).read_text(encoding="utf-8") for name in names)
    minified = bundle(folder, names)
    assert len(minified) < 0.8 * len(written)
    expected = page.evaluate(_RULES, written)
    assert len(expected) > 50
    assert page.evaluate(_RULES, minified) == expected

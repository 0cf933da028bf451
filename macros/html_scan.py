"""A fast verdict on HTML that is certainly clean: one compiled pattern per policy.

Checking every page's final HTML with html.parser costs a Python call per tag;
a site of 1,000 fiches has millions of them. Nearly all of them come from
Markdown and the project's templates in one plain form: a name and quoted
attributes. From the allow-lists (html_policy.py), this module compiles
a pattern of the tags that are plain *and* allowed, and one search then looks
for a `<` that does not open one of them.

None found means clean for certain. The pattern admits no `<` inside a tag,
so every `<` of the text opens a plain tag, and html.parser
(`HTMLParser(convert_charrefs=True)`) reads each of them exactly as written
here: same name, same attributes, the same end. Anything else (a refused tag
or attribute, comments, `<!`, `<?`, non-ASCII names, unquoted values, `=`
between spaces, character references in an address, unusual whitespace…)
merely means "not certain": the caller then reads the text with html.parser,
which finds the problems, if any, and their positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Only the whitespace every html.parser version treats as a separator: `\s`
# there is Unicode whitespace, which would end names this pattern must see whole.
_SPACE = "[ \t\n\r\f]"
# Values are read without `<` (one `<` per tag) and, where the policy reads
# them, without `&`: html.parser and url_problem decode character references.
_ANY_VALUE = r"""(?:="[^"<]*"|='[^'<]*')"""
_END_TAG = rf"/[a-zA-Z][a-zA-Z0-9]*{_SPACE}*>"
# Elements whose content html.parser (in some Python version) reads as raw
# text, not as tags: never certain, whatever the policy allows.
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
     "noscript", "plaintext"}
)  # fmt: skip


@dataclass(frozen=True)
class TagRule:
    """What a tag may carry: names with any value, names whose value is an
    address, and the exact values allowed for `style` (None: no style)."""

    names: frozenset[str]
    urls: frozenset[str]
    style: str | None = None


def compile_clean_check(
    rules: Mapping[str, TagRule],
    *,
    prefixes: Iterable[str],
    safe_schemes: Iterable[str],
) -> re.Pattern[str]:
    """A pattern matching the first `<` that does not open an allowed plain tag.

    A text without match is clean; `prefixes` are attribute-name prefixes
    allowed on every tag (`data-`), `safe_schemes` the address schemes allowed.
    Addresses qualify without a scheme (no `:`), or when they start with a
    path, a query or a fragment, or with a safe scheme.
    """
    schemes = _names(f"{s}:" for s in safe_schemes)
    url = rf"""(?:[^"<&:]*|[/?#.][^"<&]*|(?:{schemes})[^"<&]*)"""
    url_value = f"(?:=\"{url}\"|='{url.replace(chr(34), chr(39))}')"
    prefix = _names(prefixes) + "[-a-zA-Z0-9_:.]*"
    groups: dict[TagRule, list[str]] = {}
    for tag, rule in rules.items():
        # html.parser lowercases names before the policy sees them: a name
        # written otherwise in a list can never be allowed.
        if tag == tag.lower() and tag not in _RAW_TEXT:
            groups.setdefault(rule, []).append(tag)
    alternatives = []
    for rule, tags in groups.items():
        attribute = [f"(?:{_names(rule.names)}|{prefix}){_ANY_VALUE}?"]
        if rule.urls:
            attribute.append(f"(?:{_names(rule.urls)}){url_value}?")
        if rule.style is not None:
            attribute.append(f'{_names(["style"])}="(?:{rule.style})"')
        attributes = f"(?:{_SPACE}+(?:{'|'.join(attribute)}))*"
        alternatives.append(f"(?:{_names(tags)}){attributes}{_SPACE}*/?>")
    return re.compile(f"<(?!{'|'.join(alternatives)}|{_END_TAG})")


def _names(names: Iterable[str]) -> str:
    # Longest first, though the separator that must follow a name already
    # keeps «a» from standing for the start of «abbr».
    kept = sorted((n for n in names if n == n.lower()), key=lambda n: (-len(n), n))
    # In any case, as html.parser lowercases names; ASCII only, as str.lower()
    # maps no other letter to an ASCII one (but K, the Kelvin sign, which an
    # ASCII-only match refuses: a fallback, not a wrong verdict).
    return "(?ai:" + ("|".join(re.escape(n) for n in kept) or "(?!)") + ")"

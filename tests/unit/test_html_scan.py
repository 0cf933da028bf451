"""The fast HTML check (html_scan.py) against html.parser: the same verdicts.

`certainly_clean` may only say True when html.parser finds no problem; when it
says False, html_problems reads the text with html.parser. Each test below
compares the two readings on texts chosen to tell them apart.
"""

from __future__ import annotations

import random
from pathlib import Path

import markdown
import pytest

from macros.html_policy import certainly_clean, html_problems, parsed_problems
from macros.html_scan import TagRule, compile_clean_check
from tests.support import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
MODES = (False, True)

# Clean, in the plain form the fast check must recognise by itself.
PLAIN = (
    '<p>Texte <a href="../structures/pes-21/" title="PES 21">PES 21</a> et '
    '<abbr title="Dispositif local d\'accompagnement">DLA</abbr>.</p>\n'
    '<h2 id="contexte">Contexte<a class="headerlink" href="#contexte" title="Lien">¶</a></h2>\n'
    '<ul>\n<li><span class="ancre-pratique" id="pratique-1"></span>Une pratique</li>\n</ul>\n'
    '<p>Voir <a href="https://example.org/a:b?x=1">ce site</a>, '
    '<a href="mailto:contact@example.org">écrire</a><br />ou '
    '<img alt="Logo" src="../img/logo.png" /></p>\n'
    '<div class="admonition note" data-x="1" aria-label="note" markdown="1">\n'
    "<p class='x'>R&amp;D &lt;b&gt; a &gt; b</p></div>\n"
)
PLAIN_GENERATED = (
    '<table><thead><tr><th style="text-align: left;">A</th></tr></thead></table>\n'
    '<p><abbr tabindex="0" title="Économie sociale et solidaire">ESS</abbr></p>\n'
    '<input type="checkbox" checked disabled><label for="x">Case</label>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" viewbox="0 0 24 24"><path d="M1 2z"/></svg>\n'
)

# Each one is read by html.parser in a way the plain form does not cover, or
# breaks the policy; some are clean all the same.
TRICKY = (
    "<P>Majuscules</P>",
    '<A HREF="javascript:alert(1)">x</A>',
    '<a HREF="https://example.org">x</a>',
    '<a href="JavaScript:alert(1)">x</a>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="java&Tab;script:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<a href="&amp;#106;avascript:alert(1)">x</a>',
    '<a href="/../javascript:alert(1)">x</a>',
    '<a href="#x:y">x</a>',
    '<a href="page/?a=b:c">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<a href='vbscript:x'>x</a>",
    "<a href=javascript:alert(1)>x</a>",
    "<a href=../page/>x</a>",
    '<a href = "javascript:alert(1)">x</a>',
    '<a href="x"onclick="alert(1)">x</a>',
    '<a href="x"/onclick="alert(1)">x</a>',
    '<a/href="javascript:alert(1)">x</a>',
    '<a href="x" ONCLICK="alert(1)">x</a>',
    '<a href="x" OnClick="alert(1)">x</a>',
    '<a href="x" onclick>x</a>',
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)" />',
    '<img\nsrc="x"\nonerror="alert(1)">',
    '<img\x0bsrc="x"\x0bonerror="alert(1)">',
    '<img\xa0src="x"\xa0onerror="alert(1)">',
    "<scr<script>ipt>alert(1)</script>",
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    '<script src="https://example.org/x.js"></script>',
    "<style>p { color: red }</style>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<title><a href='javascript:x'></title>",
    "<iframe src='https://example.org'></iframe>",
    "<!-- <script>alert(1)</script> -->",
    "<!--> <img src=x onerror=alert(1)> -->",
    "<!doctype html><p>x</p>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<?php echo 1 ?><p>x</p>",
    "</a onclick='x'>",
    "</script><p>x</p>",
    "< p>x</p>",
    "a < b > c",
    "x <",
    "<",
    "<a",
    '<a href="x',
    '<span title="a<b">x</span>',
    '<span title="a>b">x</span>',
    "<span title='a\"b'>x</span>",
    '<span title="">x</span>',
    "<span title>x</span>",
    '<span id="x" id="y" class="a"></span>',
    '<span data-FOO="1" ARIA-label="x" DATA-x="y">x</span>',
    '<span data-onclick="x" aria-onload="y">x</span>',
    '<span style="text-align: left">x</span>',
    '<span style="text-align: left;\n">x</span>',
    '<span style="color: red">x</span>',
    '<span style="text-align: &#108;eft">x</span>',
    "<span style>x</span>",
    '<td style="text-align: center;" align="left">x</td>',
    '<abbr tabindex="0" title="x">X</abbr>',
    '<span tabindex="0">x</span>',
    '<span\x0bclass="x">x</span>',
    '<span\xa0class="x">x</span>',
    '<input type="text" onfocus="alert(1)" autofocus>',
    '<form action="https://example.org"><input type="submit"></form>',
    '<button type="button" formaction="javascript:x">x</button>',
    '<svg><path d="M0" onload="x"/></svg>',
    '<svg viewBox="0 0 1 1"></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:x">x</mi></math>',
    '<q cite="javascript:x">x</q>',
    '<blockquote cite="https://example.org">x</blockquote>',
    '<img src="https://example.org/x.png" alt="x" loading="lazy">',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    '<a href="tel:+33100000000" target="_blank" rel="noopener">x</a>',
    '<a href="HTTP://example.org">x</a>',
    '<a href="mailto:x@example.org" name="x" hreflang="fr">x</a>',
    '<a name="x" href>x</a>',
    '<a href="" title="x">x</a>',
    "<a\thref='../x/'\r\n title='y'\f>x</a>",
    "<br/><br /><hr/>",
    "<br/ >",
    "<br / >",
    "<p/>",
    "<p / class='x'>",
    "<details open><summary>x</summary></details>",
    '<ol start="3" reversed type="a"><li value="2">x</li></ol>',
    "<custom-element>x</custom-element>",
    "<h7>x</h7>",
    "<a1>x</a1>",
    "<é>x</é>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<p>x</p>&",
    "<p>&#1;</p>",
)


def _agree(text: str) -> None:
    for generated in MODES:
        slow = parsed_problems(text, generated=generated)
        assert html_problems(text, generated=generated) == slow, (text, generated)
        if certainly_clean(text, generated=generated):
            assert slow == [], (text, generated)


def test_plain_html_is_read_without_the_parser() -> None:
    # If the fast check gave up on everything, every other test here would pass.
    assert certainly_clean(PLAIN)
    assert certainly_clean(PLAIN, generated=True)
    assert certainly_clean(PLAIN_GENERATED, generated=True)
    assert not certainly_clean(PLAIN_GENERATED)
    assert parsed_problems(PLAIN_GENERATED) != []
    _agree(PLAIN)
    _agree(PLAIN_GENERATED)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_get_the_same_verdict(text: str) -> None:
    _agree(text)
    _agree(PLAIN + text + PLAIN)


def test_tricky_strings_include_refused_ones() -> None:
    refused = [t for t in TRICKY if parsed_problems(t, generated=True)]
    assert len(refused) > 40
    for text in refused:
        assert not certainly_clean(text, generated=True), text
        assert html_problems(PLAIN + text, generated=True) != []


def _hostile_texts() -> list[Path]:
    return sorted(p for p in HOSTILE.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", _hostile_texts(), ids=lambda p: p.name)
def test_hostile_fixtures_get_the_same_verdict(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    _agree(source)
    converted = markdown.markdown(source, extensions=["attr_list", "md_in_html", "abbr"])
    _agree(converted)


_PIECES = (
    "<", ">", "/", "/>", "</", "=", '"', "'", " ", "\t", "\n", "\x0b", "\xa0", "&", "&#", ";",
    "a", "A", "p", "span", "abbr", "img", "svg", "script", "style", "input", "x",
    "href", "HREF", "src", "cite", "class", "title", "id", "on", "onclick", "data-", "aria-",
    "style", "tabindex", "text-align: left", "javascript", ":", "http", "https:", "#",
    "..", "&#106;", "&amp;", "&lt;", "<!--", "-->", "<!", "<?", "é", "1",
)  # fmt: skip
_TAGS = ("a", "A", "abbr", "img", "span", "td", "svg", "path", "input", "script", "b", "x-y")
_NAMES = ("href", "src", "title", "class", "onclick", "ONCLICK", "data-k", "style", "tabindex")
_VALUES = (
    "x", "", "https://e.org", "javascript:x", "&#106;avascript:x", "../a/", "#a", "a:b",
    "text-align: left", "text-align: right;", "a<b", "a&amp;b", " \tjavascript:x",
)  # fmt: skip


def _random_tag(rng: random.Random) -> str:
    parts = ["<" + rng.choice(_TAGS)]
    for _ in range(rng.randrange(4)):
        parts.append(rng.choice((" ", "\n", "  ", "/", "\x0b")) + rng.choice(_NAMES))
        quote = rng.choice(('"', "'", "", '"'))
        if rng.random() < 0.8:
            parts.append(rng.choice(("=", "=", " = ")) + quote + rng.choice(_VALUES) + quote)
    parts.append(rng.choice((">", ">", " />", "/>", "")))
    return "".join(parts)


def test_random_texts_get_the_same_verdict() -> None:
    rng = random.Random(20261126)
    fast = 0
    for _ in range(3000):
        if rng.random() < 0.5:
            text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 14)))
        else:
            text = "t ".join(_random_tag(rng) for _ in range(rng.randrange(1, 4)))
        _agree(text)
        fast += certainly_clean(text, generated=True)
    # The generator reaches both sides: texts the fast check settles, and others.
    assert 100 < fast < 2900


def test_raw_text_elements_are_never_settled_even_if_allowed() -> None:
    # html.parser does not read the content of these as tags, in some Python
    # version or other: a list that allowed one would still send it to the parser.
    rule = TagRule(frozenset({"class"}), frozenset())
    check = compile_clean_check(
        {"textarea": rule, "script": rule, "span": rule}, prefixes=(), safe_schemes=()
    )
    assert check.search('<span class="x">a</span>') is None
    assert check.search("<textarea></textarea>") is not None
    assert check.search("<script></script>") is not None


def test_names_written_otherwise_than_in_lowercase_in_a_list_never_match() -> None:
    # html.parser lowercases what it reads: «viewBox» in a list allows nothing.
    rule = TagRule(frozenset({"viewBox"}), frozenset())
    check = compile_clean_check({"svg": rule, "Path": rule}, prefixes=(), safe_schemes=())
    assert check.search("<svg>") is None
    assert check.search('<svg viewBox="0">') is not None
    assert check.search("<path>") is not None

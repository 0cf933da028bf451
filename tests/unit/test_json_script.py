"""JSON inside a page: nothing a value holds can end the script."""

from __future__ import annotations

import json

import html5lib
from jinja2 import Environment

from macros.render.json_script import json_script

HOSTILE = {
    "name": "</script><script>pwn()</script>",
    "other": "<!-- <script> ]]> & \u2028 \" '",
}


def test_round_trip_without_markup_characters() -> None:
    text = json_script(HOSTILE)
    assert not set("<>&") & set(text)
    assert json.loads(text) == HOSTILE


def test_a_browser_parser_sees_one_script_holding_the_value() -> None:
    env = Environment(autoescape=True)
    env.filters["json_script"] = json_script
    page = env.from_string(
        '<script type="application/ld+json">{{ data | json_script }}</script><p>fin</p>'
    ).render(data=HOSTILE)
    document = html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)
    scripts = list(document.iter("script"))
    assert len(scripts) == 1
    assert json.loads(scripts[0].text or "") == HOSTILE
    assert [p.text for p in document.iter("p")] == ["fin"]

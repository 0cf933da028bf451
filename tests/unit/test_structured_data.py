"""JSON-LD written inside a page: content cannot end the script element."""

from __future__ import annotations

import json

import html5lib

from macros.render.structured_data import script_json

HOSTILE = 'Titre </script><script>alert(1)</script> <!-- & "guillemets" \u2028 é'


def test_script_json_escapes_what_could_end_or_change_the_script() -> None:
    data = {"headline": HOSTILE, "about": [{"name": "<b>&amp;</b>"}]}
    text = script_json(data)
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == data
    # As a browser reads it: one script element, whose text is the whole JSON.
    page = f'<!doctype html><title>t</title><script type="application/ld+json">{text}</script>'
    document = html5lib.parse(page, namespaceHTMLElements=False)
    scripts = document.findall(".//script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].text) == data

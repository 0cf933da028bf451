"""JSON written inside a page (`<script type="application/ld+json">`…).

The HTML parser ends a script at the first `</script`, and `<!--` changes how
it reads what follows, whatever the JSON means: `<`, `>` and `&` are written
as JSON escapes (`\\u003c`…), which every JSON reader decodes back, so that no
value from content can end the script. Templates use the `json_script` filter
(registered by the plugin), never `tojson` or a hand-written dump.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

# Each character that could end or change the script, as its JSON escape.
_IN_HTML = str.maketrans({char: f"\\u{ord(char):04x}" for char in "<>&\u2028\u2029"})


def json_script(value: Any) -> Markup:
    """`value` as JSON that is safe between <script> tags, marked as such."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.translate(_IN_HTML))

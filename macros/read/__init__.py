"""Reading contributor files as their formats define them.

Bytes, YAML, front matter, HTML (lexbor, the HTML5 parsing algorithm) and
linear scans of text.
"""

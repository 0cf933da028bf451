"""Reading mkdocs.yml outside MkDocs (for `fiches check`), tolerating its custom tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!ENV` or `!!python/name:` tags; we only need plain keys."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_config(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def page_variables(path: Path) -> frozenset[str]:
    """The `mes-fiches` plugin's `page_variables`: what documentation pages may show."""
    plugins = read_config(path).get("plugins")
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("mes-fiches"), dict):
            names = entry["mes-fiches"].get("page_variables")
            if isinstance(names, list):
                return frozenset(str(name) for name in names)
    return frozenset()

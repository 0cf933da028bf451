"""The baseline site: the same fiches' Markdown, built by plain mkdocs-material.

Same theme features, search settings and Markdown extensions as the project's
mkdocs.yml, but no `mes-fiches` plugin, no macros, no overrides: what any
Material site of that many pages costs. Macro calls become the Markdown links
an author would write by hand, to the other fiches and to one short page per
structure and per theme (its registry description), so both sites carry the
same words and links; what the baseline lacks is what the project adds: the
fiche header, related fiches, the lists of the structure, theme and summary
pages, and the engine.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from macros.check.registries import Registries
from macros.site.mkdocs_yml import read_config

_CALL = re.compile(
    r'\{\{-?\s*(structure|theme|fiche)\(\s*"([^"]*)"\s*(?:,\s*(?:texte\s*=\s*)?"([^"]*)"\s*)?\)\s*-?\}\}'
)


def _plain(body: str, numbers: set[str], registries: Registries) -> str:
    def replace(match: re.Match[str]) -> str:
        name, target, text = match.group(1), match.group(2), match.group(3)
        if name == "fiche":
            shown = text or f"Fiche {target}"
            return f"[{shown}]({target}.md)" if target in numbers else shown
        if name == "structure":
            structure = registries.find_structure(target)
            if structure is None:
                return text or target
            shown = text or (structure.short_name if target == structure.slug else target)
            return f'[{shown}](../structures/{structure.slug}.md "{structure.name}")'
        theme = registries.find_theme(target)
        if theme is None:
            return text or target
        return f'[{text or theme.label}](../themes/{theme.slug}.md "{theme.description}")'

    return _CALL.sub(replace, body)


def _config(
    source: dict[str, Any], chapters: dict[int, list[tuple[str, str]]], registries: Registries
) -> dict[str, Any]:
    theme = source.get("theme", {})
    search = next(
        (p["search"] for p in source.get("plugins", []) if isinstance(p, dict) and "search" in p),
        {},
    )
    nav: list[Any] = [{"Accueil": "index.md"}]
    nav.append(
        {
            "Sommaire": [
                {f"Chapitre {n}": [{f"{num} — {title}": f"fiches/{num}.md"} for num, title in rows]}
                for n, rows in sorted(chapters.items())
            ]
        }
    )
    nav.append({"Structures": [{s.short_name: s.page} for s in registries.structures.values()]})
    nav.append({"Thèmes": [{t.label: t.page} for t in registries.themes.values()]})
    return {
        "site_name": "Référence mkdocs-material",
        "repo_url": "https://github.com/le-mes/fiches-pratiques",
        "edit_uri": "edit/main/docs/",
        "theme": {
            "name": "material",
            "language": theme.get("language", "fr"),
            "font": False,
            "features": theme.get("features", []),
        },
        "plugins": [{"search": search}],
        "markdown_extensions": source.get("markdown_extensions", []),
        "nav": nav,
    }


def write_baseline(dest: Path, project: Path, registries: Registries) -> int:
    """Write a plain Material project in `dest` from `project`'s fiches; return the fiche count."""
    fiches = sorted(
        (project / "fiches").glob("*.md"), key=lambda p: tuple(int(x) for x in p.stem.split("."))
    )
    numbers = {p.stem for p in fiches}
    docs = dest / "docs"
    (docs / "fiches").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Référence\n\nLes mêmes fiches, sans le moteur.\n", "utf-8")
    for folder, entries in (
        (
            "structures",
            [(s.slug, s.short_name, s.description) for s in registries.structures.values()],
        ),
        ("themes", [(t.slug, t.label, t.description) for t in registries.themes.values()]),
    ):
        (docs / folder).mkdir(exist_ok=True)
        for slug, title, description in entries:
            (docs / folder / f"{slug}.md").write_text(f"# {title}\n\n{description}\n", "utf-8")
    chapters: dict[int, list[tuple[str, str]]] = {}
    for path in fiches:
        _, header, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(header)
        number, title = str(meta["numero"]), str(meta["titre"])
        chapters.setdefault(int(number.split(".")[0]), []).append((number, title))
        front = yaml.safe_dump(
            {"title": f"{number} — {title}", "description": meta.get("resume", "")},
            allow_unicode=True,
            width=1000,
        )
        page = f"---\n{front}---\n\n# {number} — {title}\n\n{meta.get('resume', '')}\n\n"
        page += _plain(body, numbers, registries)
        keywords = meta.get("mots_cles") or []
        if keywords:
            page += "\n\nMots-clés : " + ", ".join(keywords) + "\n"
        (docs / "fiches" / f"{number}.md").write_text(page, encoding="utf-8")
    config = _config(read_config(project / "mkdocs.yml"), chapters, registries)
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return len(fiches)

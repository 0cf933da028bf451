"""The fiche engine of the MES resource centre, and its mkdocs-macros module.

The engine is plain Python, usable without MkDocs: the `mes-fiches` MkDocs
plugin (site/plugin.py) and the `fiches` command both call it.

mkdocs-macros loads this package (`module_name: macros` in mkdocs.yml):
`define_env` below holds the three macros, the one place that decides what
each writes, and `on_pre_page_macros` is the gate that checks every page
against the allow-list before mkdocs-macros renders it (site/macros_gate.py,
docs/securite.md). Zensical's built-in macros read the same `define_env`.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register `structure`, `theme` and `fiche` with mkdocs-macros' `env`."""
    # Imported here: the engine alone never loads MkDocs.
    from .index.macro_words import macro_words
    from .render.links import fiche_link, structure_link, theme_link
    from .site.macros_gate import collection_of, prepare, registry_entry

    prepare(env)

    def registry_link(kind: str, name: str, texte: str | None, to_link: Any) -> str:
        collection = collection_of(env)
        found = registry_entry(collection, kind, name)
        words = macro_words(kind, name, texte, collection.registries, collection.index)
        return str(to_link(found, words))

    @env.macro
    def structure(nom: str, texte: str | None = None) -> str:
        """Link to a structure's page: `{{ structure("PES 21") }}`."""
        return registry_link("structure", nom, texte, structure_link)

    @env.macro
    def theme(slug: str, texte: str | None = None) -> str:
        """Link to a theme's page: `{{ theme("modele-economique") }}`."""
        return registry_link("theme", slug, texte, theme_link)

    @env.macro
    def fiche(numero: str, texte: str | None = None) -> str:
        """Link to a fiche, or its «à paraître» mark: `{{ fiche("1.5") }}`."""
        return fiche_link(collection_of(env).index, str(numero), texte)


def on_pre_page_macros(env: Any) -> None:
    """Refuse the page before mkdocs-macros renders it, as `fiches check` would."""
    from .site.macros_gate import gate

    gate(env)

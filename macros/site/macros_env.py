"""The macros `structure`, `theme` and `fiche`, rendered in the sandbox (page_render.py).

They read the index built by the `mes-fiches` plugin for the current build.
Names are checked before any page renders (see collection.py), so the errors
raised here only guard pages the check could not see.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

from ..collection import Collection
from ..render.links import display_name, fiche_link, structure_link, theme_link

PLUGIN_NAME = "mes-fiches"


def _collection(env: Any) -> Collection:
    plugin = env.conf["plugins"].get(PLUGIN_NAME)
    if plugin is None or plugin.collection is None:
        raise PluginError(
            f"le plugin « {PLUGIN_NAME} » doit figurer dans mkdocs.yml, avant « macros »"
        )
    collection: Collection = plugin.collection
    return collection


def _where(env: Any) -> str:
    page = getattr(env, "page", None)
    return page.file.src_uri if page is not None else "?"


def register(env: Any) -> None:
    @env.macro
    def structure(nom: str, texte: str | None = None) -> str:
        """Link to a structure's page: `{{ structure("PES 21") }}`."""
        collection = _collection(env)
        found = collection.registries.find_structure(nom)
        if found is None:
            raise PluginError(
                f"{_where(env)} : structure inconnue « {nom} » ; "
                f"{collection.registries.structure_hint(nom)}"
            )
        return structure_link(found, texte or display_name(found, nom))

    @env.macro
    def theme(slug: str, texte: str | None = None) -> str:
        """Link to a theme's page: `{{ theme("modele-economique") }}`."""
        collection = _collection(env)
        found = collection.registries.find_theme(slug)
        if found is None:
            raise PluginError(
                f"{_where(env)} : thème inconnu « {slug} » ; "
                f"{collection.registries.theme_hint(slug)}"
            )
        return theme_link(found, texte)

    @env.macro
    def fiche(numero: str, texte: str | None = None) -> str:
        """Link to a fiche, or its «à paraître» mark: `{{ fiche("1.5") }}`."""
        return fiche_link(_collection(env).index, str(numero), texte)

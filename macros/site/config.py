"""The `mes-fiches` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FichesPluginConfig(base.Config):
    # Relative to the folder of mkdocs.yml.
    fiches_dir = c.Type(str, default="fiches")
    registries_dir = c.Type(str, default="fiches/registres")
    # Fill the nav's Sommaire, Structures and Thèmes entries with their pages.
    expand_nav = c.Type(bool, default=True)
    # Names of `extra:` values that pages under docs/ (never fiches) may show
    # with `{{ name }}`, HTML-escaped. Nothing else beyond the macros: see
    # docs/securite.md.
    page_variables = c.ListOfItems(c.Type(str), default=[])
    # Past this many fiches, «Contexte et enjeux» leaves the search index, so
    # that the browser builds it in about a second (docs/performances.md).
    full_text_search_up_to = c.Type(int, default=1000)
    # Which search the site ships (macros/site/pagefind.py): Material's, which
    # also works offline, or Pagefind for online deployments of large
    # collections. mkdocs.yml reads it from the RECHERCHE environment variable.
    recherche = c.Choice(("material", "pagefind"), default="material")
    # The site's own style sheets under overrides/, joined after Material's
    # main sheet into one file, assets/site.css, that overrides/main.html
    # links in place of Material's (site/stylesheets.py).
    feuilles_de_style = c.ListOfItems(c.Type(str), default=[])

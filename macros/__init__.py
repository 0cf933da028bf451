"""The fiche engine of the MES resource centre.

Plain Python, usable without MkDocs: the `mes-fiches` MkDocs plugin
(site/plugin.py) and the `fiches` command both call it.
"""

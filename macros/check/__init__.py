"""Content checked against the rules.

Registries, fiches and their bodies, the macro grammar and its allow-list,
HTML and Markdown safety, JSON Schemas.
"""

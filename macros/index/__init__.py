"""The whole collection, loaded once per build.

The cross-reference index, parcours, and the words and plain text that
macro calls and fiche texts show.
"""

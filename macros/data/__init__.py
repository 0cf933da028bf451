"""What is derived from the index.

Catalogue, matrix, related fiches, open data, citations, search terms, and
the fiche writer shared by `fiches new` and the form.
"""

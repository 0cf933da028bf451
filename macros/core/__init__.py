"""Bottom layer: the data model, diagnostics, names, paths, safe file writing.

Imports no other layer of the engine.
"""

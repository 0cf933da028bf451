"""The MkDocs side: a thin plugin and the macros, both calling the engine."""

"""The `fiches` command: new, check and import."""

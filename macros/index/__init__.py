"""The collection, loaded and indexed once per build."""

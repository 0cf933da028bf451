"""Markdown for the generated pages and the view models of the templates."""

"""Content checked against the rules, into model objects."""

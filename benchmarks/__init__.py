"""Synthetic collections and the `make bench` benchmark (not part of `make test`)."""

"""What is derived from the index: catalogue, open data, citations, search terms."""

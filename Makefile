# Every target refreshes .venv from pyproject.toml first, so that a fresh
# clone needs nothing but `make serve` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build hors-ligne test lint check bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est requis (trouvé : " + sys.version.split()[0] + ")")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# A copy of the site that works from a folder or a USB key, without a server.
hors-ligne: $(STAMP)
	OFFLINE=true DIRECTORY_URLS=false $(BIN)/mkdocs build --strict --site-dir site-hors-ligne
	rm -f fiches-mes-hors-ligne.zip
	cd site-hors-ligne && ../$(BIN)/python -m zipfile -c ../fiches-mes-hors-ligne.zip .
	@echo "Site hors ligne : ouvrez site-hors-ligne/index.html, ou partagez fiches-mes-hors-ligne.zip"

check: $(STAMP)
	$(BIN)/fiches check

lint: $(STAMP)
	$(BIN)/ruff check macros tests benchmarks
	$(BIN)/ruff format --check macros tests benchmarks
	$(BIN)/mypy

test: $(STAMP)
	$(BIN)/ruff check macros tests benchmarks
	$(BIN)/python -m pytest

# Not part of `make test`: about a quarter of an hour on a quiet 2-core
# machine. BENCH_N="100 1000" picks the sizes; see benchmarks/run.py.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf site site-hors-ligne fiches-mes-hors-ligne.zip $(VENV)

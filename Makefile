# Every target refreshes .venv from pyproject.toml first, so that a fresh
# clone needs nothing but `make serve` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline hors-ligne pdf test lint check bench bench-compare audit clean

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

# A copy of the site that works from a folder or a USB key, without a server
# or network: site-offline/, and site-offline.zip to share (written under a
# temporary name first, so that a failed run never leaves a truncated archive).
# Always Material's search, which works from file:// (docs/recherche.md).
offline: $(STAMP)
	OFFLINE=true DIRECTORY_URLS=false RECHERCHE=material $(BIN)/mkdocs build --strict --site-dir site-offline
	rm -f site-offline.zip.tmp
	$(BIN)/python -m zipfile -c site-offline.zip.tmp site-offline/
	mv -f site-offline.zip.tmp site-offline.zip
	@echo "Site hors ligne : ouvrez site-offline/index.html, ou partagez site-offline.zip"

# The French name of `offline`, kept for those who learnt it.
hors-ligne: offline

# One PDF per parcours plus the whole collection, in pdf/ (PDF_DIR=… elsewhere).
# `make pdf SITE=site` prints an existing build instead of building one.
pdf: $(STAMP)
	$(BIN)/fiches pdf $(if $(SITE),--site $(SITE)) $(if $(PDF_DIR),--sortie $(PDF_DIR))

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
	$(BIN)/python -m tests.bench.bench_hostile
	$(BIN)/python -m benchmarks.compare

# Only the side-by-side build against benchmarks/base-revision (BENCH_BASE=REV
# for another one): a few minutes.
bench-compare: $(STAMP)
	$(BIN)/python -m benchmarks.compare

# Not part of `make test`: Lighthouse and the Nu HTML Checker on the built site,
# beside plain mkdocs-material, written to docs/audit.md (benchmarks/audit.py).
# Installs what it needs: Lighthouse, pinned, from npm into .audit/; the
# checker from PyPI (the `audit` extra); Java from Debian when missing.
LIGHTHOUSE_VERSION := 12.2.3
AUDIT_NODE := .audit/node_modules/lighthouse-$(LIGHTHOUSE_VERSION).installed

$(AUDIT_NODE):
	npm install --prefix .audit --no-audit --no-fund --save-exact lighthouse@$(LIGHTHOUSE_VERSION)
	@touch $@

audit: $(STAMP) $(AUDIT_NODE)
	@command -v java >/dev/null 2>&1 || { \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }
	$(BIN)/python -m pip install --quiet -e '.[dev,audit]'
	CHROME_PATH=/usr/bin/chromium $(BIN)/python -m benchmarks.audit

clean:
	rm -rf site site-offline site-offline.zip pdf .audit $(VENV)

# Two commands do everything on a fresh machine with Python 3.11:
#   make serve   build the site and preview it on http://127.0.0.1:8000 (live reload)
#   make test    install what the tests need and run them all (this is what CI runs)
# While editing: make check, the fast lane (one build, the rules, the checks of the built pages,
# the bad-input builds and the HTML checker; no browser), in about a minute.
# Other targets: make build (writes site/), make zensical (the English edition built with
# Zensical, with the site's rules around it), make pdf (adds the whole guide as one PDF),
# make bench, make review, make clean.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Zensical, Material for MkDocs' successor, in its own environment: it pins its own Jinja2 and
# Markdown stack, and 0.0.73 is the newest that installs here (later ones need zensical-ui).
ZENSICAL_VENV := .venv-zensical
SHIM   := docs/assets/vendor/iframe-worker-shim.js
export NO_MKDOCS_2_WARNING := 1

# make test runs the tests in this many processes (pytest-xdist), sharing one build of the site.
# Two measured fastest on the 2-core machines the project is built on (see README).
TEST_WORKERS ?= 2

.PHONY: serve build zensical pdf check test bench review deps zensical-deps browser java clean

serve: deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: deps
	$(BIN)/mkdocs build --strict

# scripts/zensical_build.py runs the site's rules (siterules/) before and after, and writes the zip.
zensical: deps zensical-deps
	$(ZENSICAL_VENV)/bin/python scripts/zensical_build.py

# The whole guide as one PDF, beside the offline zip in site/downloads/ (Chromium prints it; see
# scripts/build_pdf.py). Publishing runs it; build and serve stay fast without it.
pdf: build browser
	$(BIN)/python scripts/build_pdf.py

# The fast lane: everything that needs neither a browser, nor the PDF, nor Zensical.
check: deps java
	$(BIN)/pytest -m "not browser and not pdf and not zensical"

# --durations: the slowest tests, printed last, so the next person who makes the suite slower sees where.
test: deps zensical-deps browser java
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup --durations=30

bench: deps browser
	$(BIN)/python bench/run.py

review: deps
	$(BIN)/python scripts/review.py

# Python packages, pinned by constraints.txt; npm packages (the search shim the site ships,
# PurgeCSS the build runs, the HTML checker the tests use), pinned by package-lock.json.
# bench/ pins Lighthouse in its own bench/package-lock.json (bench/run.py installs it).
deps: $(VENV)/.installed $(SHIM)

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# Pinned by the same constraints.txt (zensical==0.0.73 and what it needs).
zensical-deps: $(ZENSICAL_VENV)/.installed

$(ZENSICAL_VENV)/.installed: constraints.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --upgrade pip
	$(ZENSICAL_VENV)/bin/pip install --quiet -c constraints.txt zensical
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

$(SHIM): node_modules/.installed
	mkdir -p $(dir $@)
	cp node_modules/iframe-worker/shim/index.js $@

# Debian's Chromium for the browser tests (never `playwright install`: it downloads), and Java
# for the Nu HTML Checker. Installed only when missing.
browser:
	@command -v chromium >/dev/null || { echo "Installing chromium from Debian"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

java:
	@command -v java >/dev/null || { echo "Installing default-jre-headless from Debian"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

clean:
	rm -rf site .cache $(VENV) $(ZENSICAL_VENV) node_modules bench/node_modules bench/.work $(SHIM)

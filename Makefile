# Quick start: `make site` builds the example into site/; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test golden check serve bench i18n lint system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP) system-deps
	$(BIN)/ansinh build --out site

check: $(STAMP)
	$(BIN)/ansinh check

serve: $(STAMP) system-deps
	$(BIN)/ansinh serve

system-deps:
	bash scripts/system-deps.sh

# Two test processes, each taking whole test files (their fixtures are built once, their tests
# run in order): many tests wait on a browser or a subprocess, so two share the cores well.
test: $(STAMP) system-deps
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Rewrite every golden file (generated Markdown, loudspeaker scripts, manifest); review the diff.
golden: $(STAMP) system-deps
	ANSINH_REGENERATE=1 $(BIN)/python -m pytest -q -k golden

bench: $(STAMP)
	$(BIN)/python bench/build_speed.py

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[lint]'
	$(BIN)/ruff check generator tests bench scripts
	$(BIN)/ruff format --check generator tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

i18n: $(STAMP)
	$(BIN)/python scripts/catalog.py

clean:
	rm -rf site .ansinh $(VENV)

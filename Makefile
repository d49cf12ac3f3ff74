# Two commands do all the set-up on a fresh machine:
#   make run   creates .venv, installs the project, opens the app on the demo scan
#   make test  the same set-up, then the whole suite headless
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshot translations clean

$(STAMP): pyproject.toml
	tools/system_deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/omgevingsscan gui

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m bench

screenshot: $(STAMP)
	$(BIN)/omgevingsscan gui --screenshot docs/screenshot.png --force

translations: $(STAMP)
	$(BIN)/python tools/i18n.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info src/*.egg-info

# Two entry points: `make run` (the main job on the built-in catalog) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install

$(BIN)/accord: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	@touch $(BIN)/accord

install: $(BIN)/accord

run: install
	$(BIN)/accord treaties
	$(BIN)/accord status rus-irn-2025

test: install
	$(BIN)/python -m pytest

# Two entry points: `make run` (the web app and API on the built-in catalog) and `make test`.
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

# The main job: the web app and API on the built-in catalog (and whatever has been ingested),
# on this machine only. PORT=8001 make run to choose another port.
PORT ?= 8000
run: install
	$(BIN)/accord serve --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/python -m pytest

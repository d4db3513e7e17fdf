# Entry points: `make run` (the web app and API on the built-in catalog), `make test`,
# `make test-fast`, and `make constraints` (re-pin the tested dependency versions).
#
# Installs use the versions pinned in constraints.txt, the ones the suite was run with.
# `make run` installs what serving needs only; the test targets add the test extras.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check
CONSTRAINTS := constraints.txt

.PHONY: run test test-fast install constraints upgrade-constraints messages

$(BIN)/python:
	@echo "== creating the virtual environment $(VENV) with $$($(PY) --version)"
	$(PY) -m venv $(VENV)

# One stamp per set of dependencies: editing pyproject.toml or the pins installs again.
$(VENV)/.runtime: $(BIN)/python pyproject.toml $(CONSTRAINTS)
	@echo "== installing accord and its runtime dependencies, versions from $(CONSTRAINTS) (a few minutes the first time)"
	$(PIP) install --progress-bar off -c $(CONSTRAINTS) -e .
	@touch $@

$(VENV)/.test: $(VENV)/.runtime
	@echo "== installing the test dependencies, versions from $(CONSTRAINTS)"
	$(PIP) install -q --progress-bar off -c $(CONSTRAINTS) -e ".[test]"
	@touch $@

install: $(VENV)/.test

# The main job: the web app and API on the built-in catalog (and whatever has been ingested),
# on this machine only. PORT=8001 make run to choose another port.
PORT ?= 8000
run: $(VENV)/.runtime
	@echo "== serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/accord serve --host 127.0.0.1 --port $(PORT)

test: install
	$(BIN)/python -m pytest

# The quick subset (no slow or browser tests): under 20 s.
test-fast: install
	$(BIN)/python -m pytest -m fast

# Re-pin: install accord with every extra into a scratch environment and freeze it.
# `make constraints` keeps the current pins and adds whatever a new dependency brings;
# `make upgrade-constraints` takes the newest versions pyproject.toml allows.
# Then run `make test` (and .ci/run) before committing the new constraints.txt.
PIN_VENV := $(VENV)-pins
constraints:
	$(MAKE) _pin PIN_WITH="-c $(CONSTRAINTS)"

upgrade-constraints:
	$(MAKE) _pin PIN_WITH=""

_pin:
	rm -rf $(PIN_VENV)
	$(PY) -m venv $(PIN_VENV)
	$(PIN_VENV)/bin/pip --disable-pip-version-check install -q $(PIN_WITH) -e ".[test,scale]"
	{ echo "# Versions the test suite was run with (Python $$($(PY) -c 'import sys; print(*sys.version_info[:2], sep=".")')),"; \
	  echo "# used by the Makefile and CI: pip install -c constraints.txt -e . Regenerate with 'make constraints'"; \
	  echo "# (keeps these pins, adds new dependencies) or 'make upgrade-constraints' (newest allowed)."; \
	  $(PIN_VENV)/bin/pip --disable-pip-version-check freeze --exclude-editable --exclude accord; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf $(PIN_VENV)
	@echo "== $(CONSTRAINTS): $$(grep -c '==' $(CONSTRAINTS)) pinned packages"

# Re-extract the interface's strings after changing a template, then merge them into the ru and fa catalogs.
messages:
	.venv/bin/pybabel extract -F babel.cfg -k N_ --no-location --no-wrap --project accord -o src/accord/interfaces/web/locale/messages.pot .
	.venv/bin/pybabel update -i src/accord/interfaces/web/locale/messages.pot -d src/accord/interfaces/web/locale --no-wrap --no-fuzzy-matching --ignore-obsolete

# Two entry points for a fresh machine (see README): `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test setup browser lint clean

run: setup
	$(BIN)/kg build seeds -o outputs

test: setup browser
	$(BIN)/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The HTML tests drive Debian's Chromium; never a browser download.
browser:
	@bash .ci/ensure-chromium

lint: setup
	$(BIN)/ruff check kg tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache test-output

# One entry point for every task. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup system-deps clean bank

run: setup bank
	$(VENV)/bin/gongwen

test: setup bank
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

setup: system-deps $(STAMP)

system-deps:
	@bash scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The default phrase bank, mined from the bundled corpus; rebuilt when the corpus or the code that
# reads and mines it changes. Built beside the target and renamed, so a failed build leaves no file.
DEFAULT_BANK := resources/bank/default.sqlite
BANK_INPUTS := resources/corpus $(wildcard resources/corpus/*) $(shell find desktop/core/corpus desktop/core/mining -type f -not -path '*/__pycache__/*')

bank: setup $(DEFAULT_BANK)

$(DEFAULT_BANK): $(STAMP) $(BANK_INPUTS)
	$(PY) -m desktop.core.mining.banks $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

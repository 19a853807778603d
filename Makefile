# One entry point for every task. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The mining modules compiled to C beside their sources (docs/PERFORMANCE.md); compiled again when a
# mining source changes. Until then the package imports them from source (desktop/core/mining/native.py).
NATIVE := desktop/core/mining/compiled.json

.PHONY: run test setup system-deps clean bank package package-test

run: setup bank
	$(VENV)/bin/gongwen

test: setup bank
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

setup: system-deps $(STAMP) $(NATIVE)

system-deps:
	@PYTHON=$(PYTHON) bash scripts/install-system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,compile]'
	touch $(STAMP)

$(NATIVE): $(STAMP) $(wildcard desktop/core/mining/*.py) scripts/compile_mining.py
	PYTHONWARNINGS=ignore $(PY) scripts/compile_mining.py

# The default phrase bank, mined from the bundled corpus; rebuilt when the corpus or the code that
# reads and mines it changes. Built beside the target and renamed, so a failed build leaves no file.
DEFAULT_BANK := resources/bank/default.sqlite
BANK_INPUTS := resources/corpus $(wildcard resources/corpus/*) $(shell find desktop/core/corpus desktop/core/mining desktop/core/bank -name '*.py')

bank: setup $(DEFAULT_BANK)

$(DEFAULT_BANK): $(STAMP) $(NATIVE) $(BANK_INPUTS)
	$(PY) -m desktop.core.bank.banks $@

# Installers (docs/PACKAGING.md). `make package` builds dist/gongwen/ (with the prebuilt bank) and the
# .deb; `make package-test` installs the .deb and runs --selftest from the installed files.
# PYSIDE_VERSION=6.9.3 builds in its own venv against that PySide6 (for glibc 2.28 desktops: build it
# on such a system).
PYSIDE_VERSION ?=
PKG_VENV := $(if $(PYSIDE_VERSION),.venv-pyside$(PYSIDE_VERSION),$(VENV))
PKG_DIST ?= $(if $(PYSIDE_VERSION),dist/pyside$(PYSIDE_VERSION),dist)
PKG_STAMP := $(PKG_VENV)/.installed-package

package: system-deps bank $(PKG_STAMP)
	$(PKG_VENV)/bin/python packaging/build.py --require-bank --dist $(PKG_DIST) --work build/$(notdir $(PKG_DIST)) $(PACKAGE_ARGS)

package-test: package
	GONGWEN_DIST=$(PKG_DIST) QT_QPA_PLATFORM=offscreen $(PKG_VENV)/bin/python -m pytest packaging/tests -q

$(PKG_STAMP): pyproject.toml
	$(PYTHON) -m venv $(PKG_VENV)
	$(PKG_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PKG_VENV)/bin/python -m pip install --quiet -e '.[test,package]' $(if $(PYSIDE_VERSION),'PySide6-Essentials==$(PYSIDE_VERSION)')
	touch $@

clean:
	rm -rf $(VENV) .venv-pyside* build dist *.egg-info .pytest_cache

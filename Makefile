# Newsroom Desktop: `make run` and `make test` do all set-up on a fresh Debian machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SYSDEPS := $(VENV)/.system-deps
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint bench fuzz package clean translations screenshot

$(SYSDEPS):
	sh packaging/system-deps.sh $(SYSDEPS)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,bench,dev]'
	touch $(INSTALLED)

run: $(SYSDEPS) $(INSTALLED)
	env -u QT_QPA_PLATFORM $(VENV)/bin/newsroom-desktop

test: $(SYSDEPS) $(INSTALLED)
	$(PY) -m pytest

lint: $(INSTALLED)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

bench: $(SYSDEPS) $(INSTALLED)
	$(PY) bench/run_all.py

fuzz: $(INSTALLED)
	NEWSROOM_FUZZ_EXAMPLES=20000 $(PY) -m pytest tests/fuzz -p no:cacheprovider

screenshot: $(INSTALLED)
	$(VENV)/bin/newsroom-desktop --screenshot docs/screenshot.png --store $$(mktemp -d)/sample.sqlite

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

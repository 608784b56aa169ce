# Newsroom Desktop: `make run` and `make test` do all set-up on a fresh Debian machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
SYSDEPS := $(VENV)/.system-deps
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run run-server test lint bench fuzz crash load package dist clean translations screenshot

$(SYSDEPS): packaging/system-deps.sh packaging/apt-install.sh
	sh packaging/system-deps.sh $(SYSDEPS)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,bench,dev,package]'
	touch $(INSTALLED)

run: $(SYSDEPS) $(INSTALLED)
	env -u QT_QPA_PLATFORM $(VENV)/bin/newsroom-desktop

# A local demo newsroom server (sample newsroom, a reporter and an editor); Ctrl+C removes it.
run-server: $(SYSDEPS) $(INSTALLED)
	$(PY) -m tests.demo_server

test: $(SYSDEPS) $(INSTALLED)
	$(PY) -m pytest --cov --cov-report=term

lint: $(INSTALLED)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

bench: $(SYSDEPS) $(INSTALLED)
	sh packaging/bench-deps.sh
	$(PY) bench/run_all.py

fuzz: $(INSTALLED)
	NEWSROOM_FUZZ_EXAMPLES=20000 $(PY) -m pytest tests/fuzz -p no:cacheprovider

# Longer fault runs than make test: 2000 SIGKILLs of the core, 200 of the typing window,
# 1000 of a desk in the middle of syncing with the server.
crash: $(SYSDEPS) $(INSTALLED)
	NEWSROOM_CRASH_KILLS=2000 NEWSROOM_WINDOW_KILLS=200 NEWSROOM_SYNC_KILLS=1000 \
		$(PY) -m pytest -s -p no:cacheprovider \
		tests/faults/test_crash_kill.py tests/faults/test_crash_window.py \
		tests/faults/test_sync_faults.py

# Load figures on a 100k-article, 20k-photo store, and 8 concurrent CLI writers for 60 s.
load: $(SYSDEPS) $(INSTALLED)
	$(PY) bench/bench_load.py

# One folder with both executables: dist/newsroom-desktop/{newsroom-desktop,newsroom}.
package: $(SYSDEPS) $(INSTALLED)
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/newsroom-desktop.spec

# The wheel and the sdist, in dist/.
dist: $(INSTALLED)
	$(PY) -m build --outdir dist

# lupdate (keeping the translations, dropping obsolete ones) into the .ts files, then lrelease.
translations: $(INSTALLED)
	$(PY) resources/translations/update_ts.py
	$(VENV)/bin/pyside6-lrelease -silent resources/translations/newsroom_vi.ts resources/translations/newsroom_en.ts resources/translations/qtbase_vi.ts
	$(PY) resources/translations/update_ts.py --check

screenshot: $(INSTALLED)
	sh docs/make-screenshots.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

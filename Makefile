# Mostrador — everything goes through the project's own virtualenv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# With a display, try the native platform first; without one (CI, SSH) run offscreen.
RUN_QPA := $(if $(QT_QPA_PLATFORM),$(QT_QPA_PLATFORM),$(if $(WAYLAND_DISPLAY),wayland;xcb;offscreen,$(if $(DISPLAY),xcb;offscreen,offscreen)))

.PHONY: run test bench lint translations package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	QT_QPA_PLATFORM="$(RUN_QPA)" $(PY) main.py --demo $(ARGS)

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# Source strings are English; Spanish texts live in resources/i18n/es_table.py.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find pos -name '*.py' | sort) -ts resources/i18n/mostrador_es.ts
	$(PY) tools/fill_ts.py resources/i18n/mostrador_es.ts resources/i18n/es_table.py
	$(VENV)/bin/pyside6-lrelease resources/i18n/mostrador_es.ts -qm resources/i18n/mostrador_es.qm

# One-folder bundle in dist/mostrador/ (pyinstaller.spec, docs/PACKAGING.md).
package: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller pyinstaller.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache

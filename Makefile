# Mostrador — everything goes through the project's own virtualenv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test bench lint translations package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	QT_QPA_PLATFORM=$${MOSTRADOR_QPA:-$$( [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && echo xcb || echo offscreen )} \
		$(PY) main.py --demo $(ARGS)

test: $(STAMP) lint
	$(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

bench: $(STAMP)
	$(PY) -m bench

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find pos -name '*.py') -ts resources/i18n/mostrador_es.ts resources/i18n/mostrador_en.ts
	for f in resources/i18n/*.ts; do $(VENV)/bin/pyside6-lrelease $$f -qm $${f%.ts}.qm; done

clean:
	rm -rf $(VENV) build dist .pytest_cache

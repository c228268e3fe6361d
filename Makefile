# fosterdocs: `make site` builds everything for the bundled services; `make test` runs every test.
# Both set themselves up first (Python venv, Debian packages, axe-core), so they work on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages: for the PDFs, and for the tests. Each list is installed only when one of its packages is missing.
SITE_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-liberation
TEST_PACKAGES := chromium poppler-utils jq git

apt_install = missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq $$missing; fi

.PHONY: site test setup setup-test benchmarks clean editor-assets

site: setup
	$(BIN)/fosterdocs build
	$(BIN)/fosterdocs publish example

test: setup-test
	$(BIN)/pytest -q

setup: $(BIN)/fosterdocs
	@$(call apt_install,$(SITE_PACKAGES))

setup-test: setup node_modules/axe-core/axe.min.js
	@$(call apt_install,$(TEST_PACKAGES))

$(BIN)/fosterdocs: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

node_modules/axe-core/axe.min.js: package.json
	npm ci --no-audit --no-fund
	touch $@

benchmarks: setup-test
	$(BIN)/python benchmarks/validate.py
	$(BIN)/python benchmarks/pdf_render.py
	$(BIN)/python benchmarks/site_build.py
	$(BIN)/python benchmarks/long_words.py
	$(BIN)/python benchmarks/editor_preview.py

# The editor's GOV.UK Frontend styles and script, compiled in a system font (no GDS Transport, no crown) and committed
# in the package, so that `fosterdocs edit` works offline. Run after changing editor.scss or govuk-frontend's version.
EDITOR := src/fosterdocs/editor
editor-assets: node_modules/axe-core/axe.min.js
	npx sass --no-source-map --style=compressed --load-path=node_modules $(EDITOR)/assets/editor.scss $(EDITOR)/static/editor.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(EDITOR)/static/govuk-frontend.min.js

clean:
	rm -rf site public .pytest_cache

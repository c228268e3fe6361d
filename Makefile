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

LOCK := requirements.lock
TOOLS := .venv-tools

.PHONY: site test lint setup setup-test lock try-latest benchmarks clean editor-assets

site: setup
	$(BIN)/fosterdocs build
	$(BIN)/fosterdocs publish example

test: setup-test lint
	$(BIN)/pytest -q

lint: setup-test
	$(BIN)/ruff check src tests macros benchmarks

setup: $(BIN)/fosterdocs
	@$(call apt_install,$(SITE_PACKAGES))

setup-test: setup node_modules/axe-core/axe.min.js
	@$(call apt_install,$(TEST_PACKAGES))

# Exactly the locked versions, every file checked against its hash; then fosterdocs itself, built with the locked
# build backend.
$(BIN)/fosterdocs: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	touch $@

# Re-resolve the lock file: the newest versions pyproject.toml allows, with their hashes. Run after changing a
# dependency; the tests fail while the lock file and pyproject.toml disagree.
lock:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q pip-tools
	$(TOOLS)/bin/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --extra test --all-build-deps \
		-o $(LOCK) pyproject.toml

# Drift on purpose: the whole suite against the newest releases pyproject.toml allows, ignoring the lock file (the
# weekly dependency-drift workflow runs this).
try-latest: node_modules/axe-core/axe.min.js
	@$(call apt_install,$(SITE_PACKAGES) $(TEST_PACKAGES))
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install -q --upgrade -e '.[test]'
	.venv-latest/bin/pip list --format=freeze
	.venv-latest/bin/pytest -q

node_modules/axe-core/axe.min.js: package.json
	npm ci --no-audit --no-fund
	touch $@

benchmarks: setup-test
	$(BIN)/python benchmarks/validate.py
	$(BIN)/python benchmarks/pdf_render.py
	$(BIN)/python benchmarks/site_build.py
	$(BIN)/python benchmarks/long_words.py
	$(BIN)/python benchmarks/editor_preview.py
	$(BIN)/python benchmarks/one_service.py

# The editor's GOV.UK Frontend styles and script, compiled in a system font (no GDS Transport, no crown) and committed
# in the package, so that `fosterdocs edit` works offline. Run after changing editor.scss or govuk-frontend's version.
EDITOR := src/fosterdocs/editor
editor-assets: node_modules/axe-core/axe.min.js
	npx sass --no-source-map --style=compressed --load-path=node_modules $(EDITOR)/assets/editor.scss $(EDITOR)/static/editor.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(EDITOR)/static/govuk-frontend.min.js

clean:
	rm -rf site public .pytest_cache $(TOOLS) .venv-latest

# The project's commands. `make site` and `make test` are the README's two set-up commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONTENT ?= content
export ECT_CONTENT := $(abspath $(CONTENT))
export NO_MKDOCS_2_WARNING := true

.PHONY: site serve validate test browser clean

$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

## Create the environment, validate the content and build the site into site/.
site: $(BIN)/mkdocs
	$(BIN)/python scripts/validate.py --content "$(ECT_CONTENT)"
	$(BIN)/mkdocs build --quiet
	@echo "Built site/ from $(CONTENT). Open site/index.html, or run 'make serve' for a live preview."

## Live preview at http://127.0.0.1:8000 that rebuilds as you edit content/ or docs/.
serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --livereload

validate: $(BIN)/mkdocs
	$(BIN)/python scripts/validate.py --content "$(ECT_CONTENT)"

## Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Install chromium and poppler-utils (sudo apt-get install chromium poppler-utils) for the browser tests."; fi; }

## Run every test (unit, end-to-end build, browser).
test: $(BIN)/mkdocs browser
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache

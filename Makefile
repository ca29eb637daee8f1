# The project's commands. `make site` and `make test` are the README's two set-up commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONTENT ?= content
export ECT_CONTENT := $(abspath $(CONTENT))
export NO_MKDOCS_2_WARNING := true


# The W3C Nu HTML Checker for tests/test_html_validity.py: the vnu-jar package from npm, pinned,
# run with Debian's Java (default-jre-headless).
VNU_VERSION := 26.9.27
VNU_JAR := .vnu/node_modules/vnu-jar/build/dist/vnu.jar
ZENSICAL := .venv-zensical/bin/zensical

.PHONY: site serve validate test test-unit format browser vnu clean offline bench export-docs pdf zensical

$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

## Zensical in its own environment (its pins differ from MkDocs'); rebuilt only when its pins change.
$(ZENSICAL): requirements-zensical.txt
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/pip install --quiet -r requirements-zensical.txt
	touch $@

zensical: $(ZENSICAL)

## Create the environment, validate the content and build the site into site/.
site: $(BIN)/mkdocs
	$(BIN)/python scripts/validate.py --content "$(ECT_CONTENT)"
	$(BIN)/python scripts/build.py  # atomic: a failed build leaves the previous site/ untouched
	@echo "Built site/ from $(CONTENT). Open site/index.html, or run 'make serve' for a live preview."

## Live preview at http://127.0.0.1:8000 that rebuilds as you edit content/ or docs/.
## --dirty: only the pages an edit changes are rebuilt (see induction_mkdocs/preview.py);
## --no-strict: a dirty build always warns that it is dirty, which strict mode would stop on.
serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --livereload --dirty --no-strict

## The site as site-offline.zip: unzip it anywhere and open index.html from disk; search works.
offline: $(BIN)/mkdocs
	$(BIN)/python scripts/build.py --site-dir site-offline -f mkdocs.offline.yml
	rm -f site-offline.zip
	$(BIN)/python -m zipfile -c site-offline.zip site-offline/
	@echo "Wrote site-offline.zip: unzip it and open site-offline/index.html."

validate: $(BIN)/mkdocs
	$(BIN)/python scripts/validate.py --content "$(ECT_CONTENT)"

## Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@{ command -v chromium && command -v pdftotext; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Install chromium and poppler-utils (sudo apt-get install chromium poppler-utils) for the browser tests."; fi; }

## Each block's mentor pack as pdf/<programme>-<block>-mentor-pack.pdf, printed by headless Chromium
## (the site is built first when it is missing or older than its sources).
pdf: $(BIN)/mkdocs browser
	$(BIN)/python scripts/pdf.py --content "$(ECT_CONTENT)"

## The HTML checker's jar (and Java, as root, when it is missing).
vnu: $(VNU_JAR)
$(VNU_JAR):
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "Install Java (sudo apt-get install default-jre-headless) for the HTML validity tests."; fi; }
	npm install --prefix .vnu --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)
	touch $@

## Run every test (unit, end-to-end build, browser).
## Every test, on every core (pytest-xdist): a file's tests stay together on one worker, so a file's
## module fixtures (a built site, a browser) are made once.
test: $(BIN)/mkdocs $(ZENSICAL) browser vnu
	$(BIN)/python -m pytest -n auto --dist loadfile

## The fast loop, in under a minute: only the tests that need nothing but Python (no build, browser,
## external checker or corpus: the marks in tests/marks_support.py) and are not slow by design, with
## 10 property examples per test instead of CI's 100 (tests/test_properties.py).
test-unit: $(BIN)/mkdocs
	HYPOTHESIS_PROFILE=quick $(BIN)/python -m pytest -n auto -m "unit and not slow"

## The Python code as ruff format writes it (tests/test_lint.py fails on code that is not), and lint-clean.
format: $(BIN)/mkdocs
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix induction induction_mkdocs macros scripts tests

## Build performance on the imported shared corpus and on twice its size, and the reader's side (bytes
## of a week page's first visit and of one search, on the sample and the corpus; the search's recall on
## tests/search_queries.yaml before and after fragments), against the budgets.
bench: $(BIN)/mkdocs $(ZENSICAL)
	$(BIN)/python scripts/bench.py --json bench.json

## The whole site as a standalone site source in export/ (every page, assets, curriculum.json, the
## 404 page, csp.py) with an mkdocs.yml that needs no project code: MkDocs, ProperDocs and Zensical
## build it (export/README.md has the commands).
export-docs: $(BIN)/mkdocs
	$(BIN)/python scripts/export_docs.py --content "$(ECT_CONTENT)" export

clean:
	rm -rf site site-offline site-offline.zip pdf .pytest_cache

# Know Your Rights L.A. — every command a maintainer or CI needs. `make help` lists them.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)
SYSTEM_PACKAGES := chromium poppler-utils fonts-liberation fonts-noto-core fonts-noto-cjk shellcheck \
	default-jre-headless espeak-ng lame
# The generator's interface strings and their catalogs ship in the package (src/kyr/locale).
LOCALE := src/kyr/locale
PYBABEL_EXTRACT := $(BIN)/pybabel extract -F babel.cfg -o $(LOCALE)/messages.pot \
	--project="kyr" --copyright-holder="Know Your Rights L.A. contributors" \
	--msgid-bugs-address="" --no-location --sort-output --omit-header .

.PHONY: help install install-system serve live build check status test test-only test-fast lint format developer-docs bench bench-phone \
	i18n-extract i18n-update i18n-check clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

# The Nu Html Checker and Lighthouse, exactly as locked in tools/node/package-lock.json.
NODE_TOOLS := tools/node
NODE_STAMP := $(NODE_TOOLS)/node_modules/.installed-$(shell cat $(NODE_TOOLS)/package-lock.json | sha1sum | cut -c1-12)

$(NODE_STAMP): $(NODE_TOOLS)/package.json $(NODE_TOOLS)/package-lock.json
	cd $(NODE_TOOLS) && npm ci --no-audit --no-fund --loglevel=error
	rm -f $(NODE_TOOLS)/node_modules/.installed-* && touch $@

install: $(STAMP) $(NODE_STAMP) ## Create .venv and install the site generator and test tools

install-system: ## Install Chromium, poppler, fonts (Noto for every script), shellcheck, Java, npm, eSpeak NG and LAME from Debian (root; skips what is there)
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

serve: install-system install ## Build the site and its PDFs, then serve http://127.0.0.1:8000
	$(BIN)/kyr build
	@echo "Serving http://127.0.0.1:8000 (English) and http://127.0.0.1:8000/es/ (Spanish). Ctrl-C stops."
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory site

live: install ## Serve with live reload while editing (no PDFs): http://127.0.0.1:8000
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: install-system install ## Build site/ and every PDF (strict; the old site stays if it fails)
	$(BIN)/kyr build

check: install ## Check pages, catalogs and contacts (what a translator's pull request runs)
	$(BIN)/kyr check
	$(BIN)/kyr i18n-check
	$(BIN)/kyr contacts check
	$(BIN)/kyr parity

status: install ## Translation status: pages translated, outdated or missing, and catalogs
	$(BIN)/kyr status

test: install-system install ## Install everything (Chromium too) and run every test
	$(MAKE) --no-print-directory test-only

# Two workers (pytest-xdist, one per core); the real site and its PDFs are built once for both
# (tests/conftest.py). Whole files go to one worker (loadfile): a module's fixtures, and the
# corpus's cases (run all at once, two at a time), are set up on one worker only.
test-only: ## Run every test (no install step)
	time CI=true $(BIN)/pytest -n 2 --dist loadfile

test-fast: install ## The quick lane while editing (under a minute): no Chromium, PDFs or real-site builds
	time $(BIN)/pytest -q -m "not browser and not pdf and not slow"

developer-docs: install ## Rewrite the generated parts of developer/*.md from the code
	$(PY) scripts/developer_docs.py

lint: install ## ruff lint and format check
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

format: install ## Format the Python code
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

bench: install ## Build-time benchmark: 25/250/1000 pages per language (see scripts/bench_build.py)
	$(PY) scripts/bench_build.py

bench-phone: install-system install ## Page weight, Lighthouse (mobile) and 360x740 screenshots
	$(PY) scripts/bench_phone.py

i18n-extract: install ## Extract interface strings into src/kyr/locale/messages.pot
	$(PYBABEL_EXTRACT)

i18n-update: i18n-extract ## Bring every language's messages.po up to date with the template
	@for po in $(LOCALE)/*/LC_MESSAGES/messages.po; do \
	  $(BIN)/pybabel update -i $(LOCALE)/messages.pot -o $$po --ignore-obsolete \
	    -l $$(basename $$(dirname $$(dirname $$po)) | tr - _); \
	done

i18n-check: install ## Fail if the template is stale or a catalog is incomplete
	$(BIN)/kyr i18n-check

clean: ## Remove build output
	rm -rf site build .pytest_cache

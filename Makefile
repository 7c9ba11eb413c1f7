# Træningsguiden. `make help` lists the targets.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
PYBABEL := .venv/bin/pybabel
HOST ?= 127.0.0.1
PORT ?= 5000
EXTRACT := $(PYBABEL) extract -F babel.cfg -k _l -k N_ -k ngettext:1,2 --sort-output --no-location --no-wrap --project=traeningsguiden --copyright-holder=Træningsguiden -o

.DEFAULT_GOAL := help
.PHONY: help setup run test test-fast lint assets translations extract update-catalogs compile-catalogs check-strings check-catalogs bench soak lix clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

.venv/.installed: pyproject.toml
	python3 -m venv .venv
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/dist/manifest.json: node_modules/.installed .venv/.installed $(shell find assets -type f 2>/dev/null) tools/build_assets.py
	$(PY) tools/build_assets.py

assets: static/dist/manifest.json ## Build CSS and fonts from DKFDS (hashed names)

translations/en/LC_MESSAGES/messages.mo: translations/en/LC_MESSAGES/messages.po .venv/.installed
	$(PYBABEL) compile --statistics -d translations

compile-catalogs: translations/en/LC_MESSAGES/messages.mo ## Compile the .po catalogs

translations: compile-catalogs ## Same as compile-catalogs

extract: .venv/.installed ## Extract messages into translations/messages.pot (no timestamps)
	$(EXTRACT) translations/messages.pot .
	$(PY) tools/strip_pot_date.py translations/messages.pot

update-catalogs: extract ## Merge the POT into the catalogs
	$(PYBABEL) update --no-wrap -i translations/messages.pot -d translations --ignore-obsolete --no-fuzzy-matching

check-strings: .venv/.installed ## Fail when translations/messages.pot is stale
	@tmp=$$(mktemp) && $(EXTRACT) $$tmp . >/dev/null 2>&1 && $(PY) tools/strip_pot_date.py $$tmp && \
	  if ! diff -q $$tmp translations/messages.pot >/dev/null; then \
	    diff -u translations/messages.pot $$tmp | head -40; rm -f $$tmp; \
	    echo "translations/messages.pot is stale: run 'make update-catalogs' and translate"; exit 1; fi; rm -f $$tmp

check-catalogs: .venv/.installed ## Fail on untranslated or fuzzy messages
	$(PY) tools/check_catalogs.py

setup: .venv/.installed assets compile-catalogs ## Everything needed to run

run: setup ## Serve the site on http://127.0.0.1:5000
	@test -f .secret_key || $(PY) -c 'import secrets; print(secrets.token_hex(32))' > .secret_key
	TG_ENV=development TG_SECRET_KEY=$$(cat .secret_key) .venv/bin/gunicorn --bind $(HOST):$(PORT) --workers 2 --access-logfile /dev/null 'webapp:create_app()'

lint: .venv/.installed ## ruff over everything, mypy over the domain
	.venv/bin/ruff check .
	.venv/bin/mypy

test: setup check-strings check-catalogs ## Set everything up and run all tests
	.venv/bin/flask --app 'webapp:create_app({"TESTING": True})' rules check
	.venv/bin/ruff check .
	.venv/bin/mypy
	.venv/bin/pytest

test-fast: setup ## Tests without the browser
	.venv/bin/pytest -m 'not browser'

bench: setup ## Measure: domain, wrk throughput/latency, in-process profile, page weight, Lighthouse, budgets
	$(PY) bench/bench_domain.py
	$(PY) bench/bench_http.py
	$(PY) bench/profile_pages.py
	$(PY) bench/page_weight.py
	$(PY) bench/lighthouse.py
	$(PY) bench/budgets.py

soak: setup ## 60 s at 50 connections over the whole flow; errors and memory watched
	$(PY) bench/soak.py

lix: setup ## LIX readability of every Danish page type
	$(PY) tools/lix.py

clean: ## Remove built files
	rm -rf static/dist translations/*/LC_MESSAGES/*.mo .venv node_modules

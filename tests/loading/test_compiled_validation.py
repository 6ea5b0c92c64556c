"""jsonschema-rs only shortens validation: with or without it, every spec gets the same problems."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import Diagnostics, SpecError
from generator.load import load_spec
from generator.validate import compiled, validate_spec
from tests.support.mutations import mutate
from tests.support.paths import CORPUS, SPECS

BROKEN_SCHEMAS: list[Any] = [
    {"type": "sting"},
    {"type": "object", "properties": {"p": None}},
    {"type": "array", "items": {"type": 5}},
    {"type": "object", "required": ["a", "a"]},
    {"type": "string", "pattern": "(unclosed"},
    {"type": "object", "default": 3},
    {"type": "number", "exclusiveMinimum": True},
    {"allOf": [{"$ref": "#/components/schemas/Missing"}]},
    {"type": "string", "minLength": -1},
    {"type": "object", "additionalProperties": "no"},
]


def _spec(version: str, schema: Any) -> dict[str, Any]:
    return {
        "openapi": version,
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": copy.deepcopy(schema)}},
                        }
                    }
                }
            }
        },
        "components": {"schemas": {"S": copy.deepcopy(schema)}},
    }


def _documents(folder: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for version in ("3.0.3", "3.1.0"):
        for i, schema in enumerate(BROKEN_SCHEMAS):
            yield f"{version} schema {i}", _spec(version, schema)
    originals = [yaml.safe_load(p.read_text()) for p in sorted(SPECS.glob("*.yaml"))]
    originals.append(yaml.safe_load((CORPUS / "binance-spot-api.yaml").read_text()))
    rng = random.Random(5)
    for i in range(60):
        description, data = mutate(copy.deepcopy(rng.choice(originals)), rng)
        spec = folder / f"mutation-{i}.yaml"
        spec.write_bytes(data)
        try:  # as the generator reads it: a file it refuses is never validated
            document = load_spec(spec, Diagnostics(spec, lenient=True)).document
        except SpecError:
            continue
        yield f"mutation {i}: {description}", document


def _problems(document: dict[str, Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    diagnostics = Diagnostics(Path("spec.yaml"), lenient=True)
    validate_spec(copy.deepcopy(document), diagnostics)
    return (
        [(p.pointer, p.message) for p in diagnostics.errors],
        [(p.pointer, p.message) for p in diagnostics.warnings],
    )


@pytest.fixture
def python_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Validation as if jsonschema-rs were not installed."""
    monkeypatch.setattr(compiled, "_cache", {})
    monkeypatch.setattr(compiled, "_compile", lambda *args, **kwargs: None)
    yield


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, dict[str, Any]]]:
    return list(_documents(tmp_path_factory.mktemp("mutations")))


def test_the_compiled_check_is_in_use() -> None:
    from openapi_spec_validator.schemas import schema_v31

    valid = compiled.compiled_check(schema_v31)
    assert valid is not None
    assert valid(_spec("3.1.0", {"type": "object"}))
    assert not valid({"openapi": "3.1.0", "info": {"title": 5}})


def test_each_document_gets_the_same_problems_with_and_without_it(
    monkeypatch: pytest.MonkeyPatch, documents: list[tuple[str, dict[str, Any]]]
) -> None:
    with_compiled = [_problems(document) for _, document in documents]
    monkeypatch.setattr(compiled, "_cache", {})
    monkeypatch.setattr(compiled, "_compile", lambda *args, **kwargs: None)
    without = [_problems(document) for _, document in documents]
    differing = [
        (name, a, b)
        for (name, _), a, b in zip(documents, with_compiled, without, strict=True)
        if a != b
    ]
    assert not differing, differing[:3]
    # The broken schemas are found in both passes: the sample checks what it should.
    assert all(errors or warnings for errors, warnings in with_compiled[: 2 * len(BROKEN_SCHEMAS)])


def test_without_jsonschema_rs_the_python_validator_finds_every_problem(python_only: None) -> None:
    assert compiled.compiled_check({"type": "object"}) is None
    errors, warnings = _problems(_spec("3.0.3", {"type": "sting"}))
    assert any(at == "/components/schemas/S/type" for at, _ in errors + warnings), warnings

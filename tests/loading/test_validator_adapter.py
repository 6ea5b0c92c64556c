"""What `generator/validate/locating.py` assumes of openapi-spec-validator's private parts, pinned:
an upgrade that changes one of them fails here, naming it, before any validation goes wrong."""

from __future__ import annotations

import inspect
from importlib import metadata
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.validate import locating

VALIDATORS = [OpenAPIV30SpecValidator, OpenAPIV31SpecValidator]


def _schema_validator(base: Any) -> Any:
    return base.keyword_validators["schema"]


def test_the_versions_the_adapter_was_written_for() -> None:
    # Read with each upgrade: the assumptions below hold for these versions.
    assert metadata.version("openapi-spec-validator") == "0.8.5"
    assert metadata.version("openapi-schema-validator") == "0.8.1"


@pytest.mark.parametrize("base", VALIDATORS)
def test_keyword_validators_are_classes_called_with_the_node_they_check(base: Any) -> None:
    for name, cls in base.keyword_validators.items():
        assert inspect.isclass(cls), name
        assert callable(cls.__call__), name
    assert "default" in base.keyword_validators


@pytest.mark.parametrize("base", VALIDATORS)
def test_the_schema_validator_has_the_members_the_adapter_replaces(base: Any) -> None:
    cls = _schema_validator(base)
    assert list(inspect.signature(cls._get_schema_checker).parameters) == [
        "self",
        "schema",
        "schema_value",
    ]
    assert list(inspect.signature(cls._collect_properties).parameters) == ["self", "schema"]
    instance = cls(base(document := {"openapi": "3.1.0"}).keyword_validators_registry)
    assert document  # the registry keeps the document
    # Kept as lists, checked with `in` and appended to: the adapter's set-backed list fits.
    assert instance.visited_schema_ids == [] and isinstance(instance.visited_schema_ids, list)
    assert instance.meta_checked_schema_ids == []


def test_the_meta_schema_registry_the_adapter_reads() -> None:
    from openapi_schema_validator._specifications import REGISTRY
    from referencing import Registry

    assert isinstance(REGISTRY, Registry)


@pytest.mark.parametrize("base", VALIDATORS)
def test_the_adapted_classes_still_subclass_the_library(base: Any) -> None:
    class Run:
        crashed_at: tuple[Any, ...] | None = None

    for name, cls in base.keyword_validators.items():
        adapted = locating.locating(cls, run=Run(), suffix=None)
        assert issubclass(adapted, cls), name

"""What kind of object a `$ref` stands for, where that kind lives in the root document, and
which values are data rather than OpenAPI objects (a `$ref` inside them is no reference)."""

from __future__ import annotations

from typing import Any

from .tree import segments

# Where reusable objects live in the root, by kind (named as OpenAPI 3 names the component maps).
_HOMES: dict[str, dict[str, tuple[str, ...]]] = {
    "3": {
        kind: ("components", kind)
        for kind in (
            "schemas",
            "parameters",
            "responses",
            "headers",
            "examples",
            "requestBodies",
            "securitySchemes",
            "links",
            "callbacks",
        )
    },
    "2": {"schemas": ("definitions",), "parameters": ("parameters",), "responses": ("responses",)},
}
# The kind of object a `$ref` stands for, from the key it sits under (or its parent's key).
_SCHEMA_PARENTS = frozenset(
    {"properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "schemas"}
    | {"allOf", "anyOf", "oneOf", "prefixItems"}
)
_SCHEMA_KEYS = frozenset(
    {"schema", "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then"}
    | {"else", "unevaluatedProperties", "unevaluatedItems", "additionalItems", "contentSchema"}
)
_KIND_PARENTS = {
    "parameters": "parameters",
    "responses": "responses",
    "headers": "headers",
    "examples": "examples",
    "requestBodies": "requestBodies",
    "securitySchemes": "securitySchemes",
    "links": "links",
    "callbacks": "callbacks",
}
# Values that are data, not OpenAPI objects: a `$ref` key inside them is not a reference.
_DATA_KEYS = frozenset({"example", "default", "enum", "const"})
# Maps whose keys the author names (a property may be called `default`).
_NAMED_MAPS = frozenset(
    {"properties", "patternProperties", "responses", "definitions", "$defs", "dependentSchemas"}
    | {"schemas", "parameters", "headers", "examples", "requestBodies", "securitySchemes"}
    | {"links", "callbacks", "pathItems", "paths", "webhooks", "content", "encoding"}
)


def homes_of(document: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Where each kind of reusable object lives in `document`, by its OpenAPI version."""
    return _HOMES["2" if "swagger" in document else "3"]


def kind_of(fragment: str, source: list[str], kind: str | None) -> str | None:
    """The kind of the target of a `$ref` to `fragment` found at `source`; `kind` is what the
    tree holding it was placed as, for a `$ref` at its top."""
    parts = segments(fragment)
    if len(parts) == 3 and parts[0] == "components":
        return parts[1]
    if len(parts) == 2 and parts[0] == "definitions":
        return "schemas"
    if len(source) >= 2 and source[-2] in _SCHEMA_PARENTS:
        return "schemas"
    if source and source[-1] in _SCHEMA_KEYS:
        return "schemas"
    if len(source) >= 2 and source[-2] in _KIND_PARENTS:
        return _KIND_PARENTS[source[-2]]
    if source and source[-1] == "requestBody":
        return "requestBodies"
    return kind  # given only for the top of a placed tree: it is what it was placed as


def is_data(source: list[str], key: Any, value: Any) -> bool:
    """Whether `value`, under `key` in the node at `source`, is example or default data (or an
    extension's)."""
    if source and source[-1] in _NAMED_MAPS:
        return False
    if key in _DATA_KEYS:
        return True
    if isinstance(key, str) and key.startswith("x-"):
        return True  # an extension's value is the vendor's data, whatever keys it has
    if key == "examples":
        return isinstance(value, list)  # JSON Schema's list of examples, not Example Objects
    return key == "value" and len(source) >= 2 and source[-2] == "examples"

"""Schema Objects: Swagger 2.0's `file` type, `x-nullable` and string discriminator."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any


def schema(value: Any) -> Any:
    """A copy of a Swagger 2.0 Schema Object in its OpenAPI 3.0 form."""
    converted = copy.deepcopy(value)
    for node in _schemas_within(converted):
        if node.get("type") == "file":
            node["type"], node["format"] = "string", "binary"
        if "x-nullable" in node:
            if node.pop("x-nullable") is True:
                node["nullable"] = True
        if isinstance(node.get("discriminator"), str):
            node["discriminator"] = {"propertyName": node["discriminator"]}
    return converted


def _schemas_within(value: Any) -> Iterator[dict[str, Any]]:
    """Every Schema Object in `value`, itself included (without following `$ref`)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield node
        for key in ("items", "additionalProperties", "not"):
            if isinstance(node.get(key), dict):
                stack.append(node[key])
        for key in ("allOf", "anyOf", "oneOf"):
            if isinstance(node.get(key), list):
                stack.extend(node[key])
        if isinstance(node.get("items"), list):
            stack.extend(node["items"])
        if isinstance(node.get("properties"), dict):
            stack.extend(node["properties"].values())

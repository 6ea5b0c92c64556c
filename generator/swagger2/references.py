"""`$ref`s pointed at the new homes of their targets (`#/definitions/X` -> `#/components/...`)."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from ..load.tree import segments

# Maps whose keys are names chosen by the author, so a key like `default` or `example` there
# holds an object of the spec rather than example data.
_NAMED_MAPS = frozenset(
    {
        "paths",
        "properties",
        "schemas",
        "parameters",
        "responses",
        "requestBodies",
        "headers",
        "securitySchemes",
        "content",
        "encoding",
    }
)
_DATA_KEYS = frozenset({"example", "examples", "default", "enum"})


def rewrite_refs(node: Any, *, named: bool, body_parameters: Container[str]) -> None:
    """Point every `$ref` in `node` at the object's new home; `body_parameters` are the shared
    parameters that became request bodies."""
    stack: list[tuple[Any, bool]] = [(node, named)]
    while stack:
        current, is_named = stack.pop()
        if isinstance(current, list):
            stack.extend((item, False) for item in current)
            continue
        if not isinstance(current, dict):
            continue
        ref = current.get("$ref")
        if isinstance(ref, str):
            current["$ref"] = _new_ref(ref, body_parameters=body_parameters)
        for key, value in current.items():
            if key == "$ref" or (not is_named and (key in _DATA_KEYS or str(key).startswith("x-"))):
                continue
            stack.append((value, not is_named and key in _NAMED_MAPS))


def _new_ref(ref: str, *, body_parameters: Container[str]) -> str:
    file, hash_, fragment = ref.partition("#")
    if file or not hash_:
        return ref
    parts = fragment.split("/")
    if len(parts) < 3 or parts[0]:
        return ref
    kind = parts[1]
    if kind == "definitions":
        home = "schemas"
    elif kind == "parameters":
        name = segments(fragment)[1]
        home = "requestBodies" if name in body_parameters else "parameters"
    elif kind == "responses":
        home = "responses"
    else:
        return ref
    return "#/components/" + home + "/" + "/".join(parts[2:])

"""Mapping keys that are not strings (`200:` in YAML), made strings with a warning each."""

from __future__ import annotations

from typing import Any

from ..errors import Diagnostics, Problem, pointer


def string_keys(document: dict[str, Any], diagnostics: Diagnostics) -> dict[str, Any]:
    """`document` with every mapping key a string; each other key (`200:`) is a warning."""
    found: list[str] = []

    def rebuilt(node: Any, at: str) -> Any:
        if isinstance(node, dict):
            for key in node:
                if not isinstance(key, str):
                    found.append(at + pointer(str(key)))
            return {str(k): rebuilt(v, at + pointer(str(k))) for k, v in node.items()}
        if isinstance(node, list):
            return [rebuilt(v, at + pointer(i)) for i, v in enumerate(node)]
        return node

    if not _has_other_keys(document):
        return document
    result: dict[str, Any] = rebuilt(document, "")
    for at in found:
        key = at.rsplit("/", 1)[1]
        diagnostics.warnings.append(
            Problem(diagnostics.file, at, f"key {key} is not a string; read as {key!r}")
        )
    return result


def _has_other_keys(document: Any) -> bool:
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if any(not isinstance(k, str) for k in node):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False

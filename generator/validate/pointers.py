"""The pointer a problem is reported at: each `$ref` on the way to a node followed."""

from __future__ import annotations

from typing import Any

from ..errors import pointer
from ..load.tree import node_at, segments


def canonical(document: Any, parts: list[Any]) -> str:
    """The JSON pointer of the node at `parts`, where each `$ref` on the way is followed."""
    node, at = document, ""
    for part in parts:
        for _ in range(64):  # a chain of references; cycles are reported before validating
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str) or part in node or not ref.startswith("#"):
                break
            target = node_or_none(document, ref[1:])
            if target is None:
                break
            node, at = target, ref[1:]
        if isinstance(node, dict):
            node = node.get(part, node.get(str(part)))
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
        at += pointer(part)
    return at


def node_or_none(document: Any, at: str) -> Any:
    """The node at the JSON pointer `at` (its segments escaped, not percent-encoded), or None."""
    try:
        return node_at(document, segments(at))
    except KeyError:
        return None

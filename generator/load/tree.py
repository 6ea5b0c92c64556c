"""JSON trees: copying one, and finding a node by its JSON pointer."""

from __future__ import annotations

from collections.abc import Container
from typing import Any
from urllib.parse import unquote


def copy_tree(node: Any) -> Any:
    """A copy of a JSON tree (faster than copy.deepcopy, which also handles what JSON cannot)."""
    if type(node) is dict:
        return {key: copy_tree(value) for key, value in node.items()}
    if type(node) is list:
        return [copy_tree(value) for value in node]
    return node


def segments(at: str) -> list[str]:
    """The unescaped segments of a JSON pointer (`/a~1b/c` -> `["a/b", "c"]`)."""
    return [p.replace("~1", "/").replace("~0", "~") for p in at.split("/")[1:]] if at else []


def node_at(document: Any, parts: list[str]) -> Any:
    """The node `parts` (unescaped segments) lead to inside `document`; KeyError if absent."""
    node = document
    for part in parts:
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise KeyError(part)
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(part)
    return node


def resolve_pointer(document: Any, ref: str) -> Any:
    """Follow a JSON pointer (`/components/schemas/Order`, percent-encoded or not) inside
    `document`; KeyError if absent."""
    raws = ref.lstrip("/").split("/") if ref.strip("/") else []
    return node_at(document, [unquote(raw).replace("~1", "/").replace("~0", "~") for raw in raws])


def resolve_or_none(document: Any, at: str) -> Any:
    """The value at `at` in `document`, or None."""
    try:
        return resolve_pointer(document, at)
    except KeyError:
        return None


def normal_fragment(fragment: str) -> str:
    """A JSON pointer fragment in one spelling: percent-decoded, with a leading `/`."""
    fragment = unquote(fragment)
    return "" if fragment.strip("/") == "" else "/" + fragment.lstrip("/")


def enclosing(at: str, pointers: Container[str]) -> str | None:
    """The longest of `pointers` that is `at` or a node above it (None if none is)."""
    prefix = at
    while prefix not in pointers:
        if not prefix:
            return None
        prefix = prefix.rsplit("/", 1)[0]
    return prefix

"""Turns names from a spec into Python identifiers."""

from __future__ import annotations

import keyword
import re

_WORD_BOUNDARY = re.compile(r"[^0-9A-Za-z]+")
_CAMEL_SPLIT = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def words(name: str) -> list[str]:
    """Split camelCase, PascalCase, snake_case, kebab-case and spaced names into lower-case words."""
    parts: list[str] = []
    for chunk in _WORD_BOUNDARY.split(name):
        parts.extend(p.lower() for p in _CAMEL_SPLIT.split(chunk) if p)
    return parts


def snake_case(name: str) -> str:
    """`placeOrder` -> `place_order`, made a valid identifier."""
    return identifier("_".join(words(name)) or "value")


def pascal_case(name: str) -> str:
    """`place_order` -> `PlaceOrder`, made a valid identifier."""
    return identifier("".join(w[:1].upper() + w[1:] for w in words(name)) or "Model")


def identifier(name: str) -> str:
    """Make `name` a valid, non-keyword Python identifier."""
    if name[:1].isdigit():
        name = "_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def unique(name: str, taken: set[str]) -> str:
    """Return `name`, or `name2`, `name3`, ... whichever is not in `taken`; record it."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}{n}"
    taken.add(candidate)
    return candidate

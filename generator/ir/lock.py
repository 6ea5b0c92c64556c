"""The names a previous generation gave, an input of the next one.

A package records its surface in `surface.json`: each method with its operationId, each argument
with its location and wire name, each class with the JSON pointer of the schema it is made from,
each credential with the name the spec gives it. Regenerating over that package keeps every such
name for an item that still exists, and a new item gets a name no locked item has, so a change to
the spec elsewhere never renames what calling code already uses.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NameLock:
    """Locked names by what they name; empty for a first generation."""

    methods: Mapping[str, str] = field(default_factory=dict)
    """operationId -> method name."""
    arguments: Mapping[str, Mapping[tuple[str, str], str]] = field(default_factory=dict)
    """operationId -> (location, wire name) -> argument name."""
    classes: Mapping[str, str] = field(default_factory=dict)
    """JSON pointer of a schema -> the class made from it."""
    credentials: Mapping[str, str] = field(default_factory=dict)
    """The spec's name of a credential -> its constructor argument."""

    def method(self, operation_id: str) -> str | None:
        """The locked method name of an operation, if it is a usable name."""
        return _usable(self.methods.get(operation_id))

    def argument(self, operation_id: str, location: str, wire: str) -> str | None:
        """The locked name of an operation's argument, if it is a usable name."""
        return _usable(self.arguments.get(operation_id, {}).get((location, wire)))

    def argument_names(self, operation_id: str) -> set[str]:
        """Every name locked for an operation's arguments."""
        return _valid(self.arguments.get(operation_id, {}).values())

    def class_name(self, pointer: str) -> str | None:
        """The locked class of the schema at `pointer`, if it is a usable name."""
        return _usable(self.classes.get(pointer))

    def credential(self, key: str) -> str | None:
        """The locked constructor argument of a credential, if it is a usable name."""
        return _usable(self.credentials.get(key))

    @property
    def method_names(self) -> set[str]:
        return _valid(self.methods.values())

    @property
    def class_names(self) -> set[str]:
        return _valid(self.classes.values())

    @property
    def credential_names(self) -> set[str]:
        return _valid(self.credentials.values())


EMPTY = NameLock()


def _usable(name: str | None) -> str | None:
    """`name` when it is an ASCII identifier and no keyword (a record is read, not trusted)."""
    if (
        isinstance(name, str)
        and name.isascii()
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and not keyword.issoftkeyword(name)
    ):
        return name
    return None


def _valid(names: Iterable[str]) -> set[str]:
    return {n for n in names if _usable(n) is not None}


def suffixed(name: str, taken: set[str] | frozenset[str]) -> str:
    """`name`, or `name_2`, `name_3`, ... whichever is not in `taken`."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}_{n}"
    return candidate

"""What every parser function needs: the document, where problems go, and typed access to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Diagnostics, type_name
from ..ir.lock import EMPTY, NameLock
from ..load import LoadedSpec, resolve_pointer

_MAX_REF_CHAIN = 64
_UNSEEN = object()
_NOTHING = object()  # a reference that points at nothing in the document


@dataclass
class ParseContext:
    """The spec being parsed and the diagnostics its problems are recorded in."""

    spec: LoadedSpec
    diagnostics: Diagnostics
    lock: NameLock = EMPTY
    """The names the previous generation of the package gave."""
    # `#...` reference -> what it points at; parsing leaves the document as it is.
    _targets: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def document(self) -> dict[str, Any]:
        """The bundled OpenAPI document."""
        return self.spec.document

    def resolve(self, node: Any) -> Any:
        """Follow `$ref`s inside the document; an unresolvable one gives an empty mapping."""
        for _ in range(_MAX_REF_CHAIN):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node
            ref: str = node["$ref"]
            node = self._targets.get(ref, _UNSEEN)
            if node is _UNSEEN:
                try:
                    node = resolve_pointer(self.document, ref[1:]) if ref[:1] == "#" else _NOTHING
                except KeyError:
                    node = _NOTHING
                self._targets[ref] = node
            if node is _NOTHING:
                return {}
        return {}  # a cycle of references: nothing to take from it

    def mapping(self, node: Any, at: str, what: str = "this") -> dict[str, Any]:
        """`node` resolved and checked to be a mapping; otherwise an error and an empty mapping."""
        resolved = self.resolve(node)
        if isinstance(resolved, dict):
            return resolved
        if resolved is not None:
            self.diagnostics.error(at, f"{what} must be a mapping, not {type_name(resolved)}")
        return {}

    def optional_mapping(self, owner: dict[str, Any], key: str, at: str) -> dict[str, Any]:
        """`owner[key]` as a mapping (empty when absent); a wrong type is an error."""
        if owner.get(key) is None:
            return {}
        return self.mapping(owner[key], at, f"`{key}`")

    def optional_list(self, owner: dict[str, Any], key: str, at: str) -> list[Any]:
        """`owner[key]` as a list (empty when absent); a wrong type is an error."""
        value = owner.get(key)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.diagnostics.error(at, f"`{key}` must be a list, not {type_name(value)}")
        return []


def text(value: Any) -> str:
    """A description or summary as plain text ('' when absent or not text)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""

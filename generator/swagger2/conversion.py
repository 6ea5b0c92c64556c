"""The state of one conversion: the Swagger 2.0 document, its defaults, and where nodes moved."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Conversion:
    """What every converter of one document reads, and the record of moves they write."""

    src: dict[str, Any]
    consumes: list[str]
    produces: list[str]
    shared_parameters: dict[str, Any]  # the root `parameters` map
    body_parameters: set[str]  # names of its entries that are `in: body`
    # Pointer in the result -> pointer in `src`, for each node that moved.
    origins: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, document: dict[str, Any]) -> Conversion:
        """A conversion of `document`, with its document-wide media types and parameters."""
        parameters = document.get("parameters")
        shared: dict[str, Any] = parameters if isinstance(parameters, dict) else {}
        return cls(
            src=document,
            consumes=media_types(document.get("consumes")),
            produces=media_types(document.get("produces")),
            shared_parameters=shared,
            body_parameters={
                name for name, p in shared.items() if isinstance(p, dict) and p.get("in") == "body"
            },
        )

    def moved(self, to: str, frm: str) -> None:
        """Record that the node now at `to` came from `frm`."""
        if to != frm:
            self.origins[to] = frm


def media_types(value: Any, default: list[str] | None = None) -> list[str]:
    """A `consumes` or `produces` list as strings; `default` where there is none."""
    if isinstance(value, list):
        return [str(v) for v in value]
    return list(default or [])


def unknown(obj: dict[str, Any], converted: frozenset[str]) -> dict[str, Any]:
    """A copy of each field of `obj` that is not in `converted`."""
    return {k: copy.deepcopy(v) for k, v in obj.items() if k not in converted}

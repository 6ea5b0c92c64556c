"""Components: `definitions`, `responses`, `securityDefinitions` and shared `parameters` (those
`in: body` become request bodies; `formData` ones have no OpenAPI 3 home)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..errors import pointer
from .bodies import body
from .conversion import Conversion
from .parameters import parameter
from .responses import response
from .schemas import schema
from .security import security_scheme


def components(*, conversion: Conversion) -> dict[str, Any]:
    """The `components` of the converted document (empty if it has none)."""
    src = conversion.src
    existing = src.get("components")
    out: dict[str, Any] = copy.deepcopy(existing) if isinstance(existing, dict) else {}
    if isinstance(out.get("schemas"), dict):  # put there by a bundler
        out["schemas"] = {k: schema(v) for k, v in out["schemas"].items()}
    sections: tuple[tuple[str, str, Callable[[Any, str, str], Any]], ...] = (
        ("definitions", "schemas", lambda value, at, to: schema(value)),
        (
            "responses",
            "responses",
            lambda value, at, to: response(
                value, at=at, to=to, produces=conversion.produces, conversion=conversion
            ),
        ),
        ("securityDefinitions", "securitySchemes", lambda value, at, to: security_scheme(value)),
    )
    for section, kind, conversion_of in sections:
        entries = src.get(section)
        if entries is None:
            continue
        conversion.moved(pointer("components", kind), pointer(section))
        if not isinstance(entries, dict):
            out[kind] = copy.deepcopy(entries)
            continue
        if not isinstance(out.get(kind), dict):
            out[kind] = {}
        for name, entry in entries.items():
            to = pointer("components", kind, name)
            out[kind][name] = conversion_of(entry, pointer(section, name), to)
    for name, shared in conversion.shared_parameters.items():
        at, to = pointer("parameters", name), pointer("components", "parameters", name)
        if name in conversion.body_parameters:
            to = pointer("components", "requestBodies", name)
            out.setdefault("requestBodies", {})[name] = body(
                shared, at=at, to=to, consumes=conversion.consumes, conversion=conversion
            )
        elif not (isinstance(shared, dict) and shared.get("in") == "formData"):
            out.setdefault("parameters", {})[name] = parameter(
                shared, at=at, to=to, conversion=conversion
            )
        conversion.moved(to, at)
    return out

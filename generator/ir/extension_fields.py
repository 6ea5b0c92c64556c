"""Reading an `x-` extension's fields: each field says its spec key, type, allowed values and
documentation (`option`), and `read_fields` reads and checks a spec's mapping against them."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, field, fields
from typing import Any, TypeVar

from ..errors import Diagnostics, pointer, type_name

T = TypeVar("T")
_DOTTED = {"items", "next-cursor", "total", "time"}


def option(
    key: str,
    doc: str,
    *,
    default: Any = MISSING,
    choices: Mapping[str, Any] | tuple[str, ...] | None = None,
    render: bool = True,
    reader: Callable[[Any, str, str, Diagnostics], Any] | None = None,
) -> Any:
    """A field read from the spec key `key`; `choices` lists (or maps to runtime values) the allowed ones.

    A field with `render=False` is read and documented but not passed to the runtime class;
    `reader` reads a nested value (it records its problems and returns INVALID on one).
    """
    metadata = {"key": key, "doc": doc, "choices": choices, "render": render, "reader": reader}
    if isinstance(default, (tuple, str, int, bool, type(None))) or default is MISSING:
        return field(default=default, metadata=metadata)
    raise TypeError("extension defaults are immutable values")


def filled_in(doc: str, *, default: Any = ()) -> Any:
    """A field the parser fills in from other parts of the spec, not from a key of its own."""
    return field(default=default, metadata={"doc": doc, "render": True})


def read_fields(cls: type[T], name: str, raw: Any, at: str, diagnostics: Diagnostics) -> T | None:
    """The extension `cls` (spec key `name`) read from `raw`; every problem is recorded with its
    pointer."""
    if not isinstance(raw, dict):
        diagnostics.error(at, f"{name} must be a mapping, not {type_name(raw)}")
        return None
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    keys = [str(f.metadata["key"]) for f in fields(cls) if "key" in f.metadata]  # type: ignore[arg-type]
    unknown = [str(k) for k in raw if k not in keys and not str(k).startswith("x-")]
    for key in unknown:
        diagnostics.error(
            at + pointer(key),
            f"`{key}` is not a key of {name} (its keys: {', '.join(keys)})",
        )
    ok = not unknown
    for f in fields(cls):  # type: ignore[arg-type]
        if "key" not in f.metadata:
            continue
        key = str(f.metadata["key"])
        where = at + pointer(key)
        if key not in raw or raw[key] is None:
            if f.default is MISSING:
                diagnostics.error(at, f"{name} needs `{key}` ({f.metadata['doc']})")
                ok = False
            continue
        reader = f.metadata["reader"]
        value = (
            reader(raw[key], key, where, diagnostics)
            if reader
            else _coerce(raw[key], key, where, diagnostics, hints[f.name])
        )
        if value is INVALID:
            ok = False
            continue
        value = _check_choices(value, f.metadata["choices"], key, where, diagnostics)
        if value is INVALID:
            ok = False
            continue
        values[f.name] = value
    return cls(**values) if ok else None


INVALID: Any = object()


def _coerce(value: Any, key: str, at: str, diagnostics: Diagnostics, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        hint = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
        return wrong(key, "a string", value, at, diagnostics)
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return wrong(key, "an integer", value, at, diagnostics)
    if origin is tuple and args[0] is str:
        if key in _DOTTED and isinstance(value, str):
            return tuple(part for part in value.split(".") if part)
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
            return tuple(str(v) for v in value)
        return wrong(key, "a string or a list of strings", value, at, diagnostics)
    if origin is tuple:  # tuple[tuple[str, str], ...]: a mapping of strings
        if isinstance(value, dict) and all(
            isinstance(v, (str, int)) and not isinstance(v, bool) for v in value.values()
        ):
            return tuple((str(k), str(v)) for k, v in value.items())
        return wrong(key, "a mapping of strings", value, at, diagnostics)
    raise TypeError(f"no reader for {hint!r}")


def _check_choices(value: Any, choices: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    if choices is None:
        return value
    allowed = list(choices)
    parts = value if isinstance(value, tuple) else (value,)
    bad = [(i, p) for i, p in enumerate(parts) if p not in allowed]
    for i, part in bad:
        where = at + pointer(i) if isinstance(value, tuple) else at
        diagnostics.error(where, f"`{key}` {part!r} is not one of {allowed}")
    if bad:
        return INVALID
    if isinstance(choices, Mapping):
        return choices[value]
    return value


def wrong(key: str, expected: str, value: Any, at: str, diagnostics: Diagnostics) -> Any:
    diagnostics.error(at, f"`{key}` must be {expected}, not {type_name(value)}")
    return INVALID

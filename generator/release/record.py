"""The surface record a generated package keeps in `surface.json`: deterministic JSON of its
Surface, read back for the change report and as the name lock of the next generation."""

from __future__ import annotations

import functools
import json
import types
import typing
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from ..boundary import BoundaryError, Identifier
from ..ir.lock import EMPTY, NameLock
from ..ir.pytypes import (
    Builtin,
    DictType,
    Imported,
    ListType,
    LiteralType,
    ModelType,
    PyType,
    UnionType,
)
from .surface import Surface, Type

SURFACE_FILE = "surface.json"
FORMAT = 2  # bumped when the layout of surface.json changes; an older record is not compared


# -- types in the record: tagged JSON of the type tree -------------------------------------------


def _tree_json(type_: PyType) -> Any:
    """`type_` as JSON: one object per node, keyed by what kind of node it is."""
    if isinstance(type_, Builtin):
        return {"builtin": type_.name}
    if isinstance(type_, Imported):
        return {"imported": type_.name, "module": type_.module}
    if isinstance(type_, ModelType):
        return {"model": type_.name}
    if isinstance(type_, ListType):
        return {"list": _tree_json(type_.item)}
    if isinstance(type_, DictType):
        return {"dict": _tree_json(type_.value)}
    if isinstance(type_, LiteralType):
        return {"literal": list(type_.values)}
    if isinstance(type_, UnionType):
        return {"union": [_tree_json(m) for m in type_.alternatives]}
    raise TypeError(f"no record layout for a {type(type_).__name__}")


def _tree(data: Any) -> PyType:
    """The type tree a `_tree_json` value describes; TypeError when it describes none."""
    match data:
        case {"builtin": str(name)}:
            return Builtin(name)
        case {"imported": str(name), "module": str(module)}:
            return Imported(module, name)
        case {"model": str(name)}:
            try:
                return ModelType(Identifier(name))
            except BoundaryError as exc:
                raise TypeError(str(exc)) from exc
        case {"list": item}:
            return ListType(_tree(item))
        case {"dict": value}:
            return DictType(_tree(value))
        case {"literal": [*values]} if values and all(
            isinstance(v, (str, int, bool)) for v in values
        ):
            return LiteralType(tuple(values))
        case {"union": [_, _, *_] as members}:
            return UnionType(tuple(_tree(m) for m in members))
    raise TypeError(f"not a type: {data!r}")


# -- the record in a package: deterministic JSON -------------------------------------------------


def dump(surface: Surface, *, content: str | None = None) -> str:
    """`surface` as the text of `surface.json`: sorted keys, one stable layout; `content` is the
    digest of the package's other generated files, when known."""
    data = {"format": FORMAT, **_plain(surface)}
    if content is not None:
        data["content"] = content
    out: list[str] = []
    _indented(data, 0, out)
    out.append("\n")
    return "".join(out)


_ESCAPED = json.encoder.encode_basestring_ascii  # the C escaping json.dumps uses
_SCALARS = {True: "true", False: "false", None: "null"}


def _indented(value: Any, depth: int, out: list[str]) -> None:
    """Append `value` as `json.dumps(value, indent=1, sort_keys=True)` writes it (whose
    indenting encoder is pure Python and several times slower on a large record)."""
    if isinstance(value, str):
        out.append(_ESCAPED(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        opening, inner = "{", "\n" + " " * (depth + 1)
        for key in sorted(value):
            out.append(f"{opening}{inner}{_ESCAPED(key)}: ")
            _indented(value[key], depth + 1, out)
            opening = ","
        out.append("\n" + " " * depth + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        opening, inner = "[", "\n" + " " * (depth + 1)
        for item in value:
            out.append(opening + inner)
            _indented(item, depth + 1, out)
            opening = ","
        out.append("\n" + " " * depth + "]")
    elif value is None or type(value) is bool:
        out.append(_SCALARS[value])
    elif type(value) is int:
        out.append(int.__repr__(value))
    else:
        out.append(json.dumps(value))


def recorded_content(text: str) -> str | None:
    """The content digest a `surface.json` text records, if any."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    content = data.get("content") if isinstance(data, dict) else None
    return content if isinstance(content, str) else None


def load(text: str) -> Surface:
    """The Surface recorded in a `surface.json` text; ValueError when it is not one this reads."""
    data = json.loads(text)
    if not isinstance(data, dict) or "format" not in data:
        raise ValueError("not a surface record: it has no format number")
    if (found := data.pop("format")) != FORMAT:
        # Older records spelled types as text; reading them back would mean parsing that text.
        raise ValueError(
            f"a surface record of format {found!r}; this generator reads format {FORMAT}"
        )
    data.pop("content", None)
    for scheme in data.get("schemes") or ():
        signing = scheme.get("signing") if isinstance(scheme, dict) else None
        if isinstance(signing, dict) and "prehash" in signing:
            signing["message"] = _legacy_message(signing.pop("prehash"))
    try:
        surface = _build(Surface, data)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed surface record: {exc}") from exc
    assert isinstance(surface, Surface)
    return surface


def _legacy_message(prehash: list[str]) -> str:
    """The message template a record's `prehash` list (the earlier form of x-signing) meant."""
    text = "".join(f"{{{part}}}" for part in prehash)
    return text.replace("{path}{query}", "{target}").replace("{query}", "?{query}")


def _plain(value: Any) -> Any:
    if isinstance(value, Type):
        return {"text": value.text, "tree": _tree_json(value.tree)}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _build(hint: Any, value: Any) -> Any:
    """Rebuild a value of type `hint` (dataclass, tuple, optional, scalar) from parsed JSON."""
    origin = typing.get_origin(hint)
    if hint is Type:
        return Type(_tree(value["tree"]), _build(str, value["text"]))
    if isinstance(hint, type) and is_dataclass(hint):
        # A field the record lacks takes its default (a record written before the field existed).
        return hint(
            **{
                name: _build(field_hint, value[name])
                for name, field_hint in _fields(hint)
                if name in value
            }
        )
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in value)
        return tuple(_build(a, v) for a, v in zip(args, value, strict=True))
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(inner, value)
    if isinstance(hint, type) and not isinstance(value, hint):
        raise TypeError(f"expected {hint.__name__}, got {value!r}")
    return value


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """The fields of a dataclass with their type hints, resolved once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))


def name_lock(surface: Surface) -> NameLock:
    """The names `surface` gives each item, by what identifies the item in the spec."""
    return NameLock(
        methods={m.operation_id: m.name for m in surface.methods if m.operation_id},
        arguments={
            m.operation_id: {(a.location, a.wire_name): a.name for a in m.arguments}
            for m in surface.methods
            if m.operation_id
        },
        classes={
            **{m.pointer: m.name for m in surface.models if m.pointer},
            **{c.pointer: c.name for c in surface.classes if c.pointer},
        },
        credentials={
            key: name
            for scheme in surface.schemes
            for key, name in zip(scheme.credential_keys, scheme.credentials, strict=False)
        },
    )


def read_lock(package: Path) -> NameLock:
    """The names the package generated in folder `package` gave, or none when it has no
    readable surface record."""
    try:
        return name_lock(load((package / SURFACE_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return EMPTY

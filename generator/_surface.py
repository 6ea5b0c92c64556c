"""The client surface: what code calling a generated client can see, computed from the IR.

`surface_of` is the one place that reads the IR; the change report, versions and changelog work on
the Surface only, and each generated package records its Surface in `surface.json`.
"""

from __future__ import annotations

import functools
import json
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from . import _ir as ir
from ._boundary import BoundaryError, Identifier
from ._errors import Problem, SpecError
from ._extensions import message_text
from ._pytypes import (
    Builtin,
    DictType,
    Imported,
    ListType,
    LiteralType,
    ModelType,
    PyType,
    UnionType,
)

SURFACE_FILE = "surface.json"
FORMAT = 2  # bumped when the layout of surface.json changes; an older record is not compared


@dataclass(frozen=True)
class Type:
    """A type as the client annotates it: its tree, compared, and its text, shown in messages."""

    tree: PyType
    text: str = field(compare=False)

    @classmethod
    def of(cls, tree: PyType) -> Type:
        """The Type of an IR type."""
        return cls(tree, tree.render())

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Argument:
    """A keyword argument of a method."""

    name: str
    wire_name: str
    location: str
    type: Type
    required: bool
    default: str | None = None
    """The documented default as JSON text, or None."""


@dataclass(frozen=True)
class Method:
    """A client method: one operation."""

    name: str
    http_method: str
    path: str
    arguments: tuple[Argument, ...]
    returns: Type
    security: tuple[tuple[str, ...], ...]
    paginated: bool = False
    idempotent: bool = False
    deprecated: bool = False


@dataclass(frozen=True)
class Field:
    """A field of a model: its Python name, the JSON name it travels as, and its type."""

    name: str
    wire_name: str
    type: Type
    required: bool


@dataclass(frozen=True)
class Model:
    """A pydantic model of the `models` module."""

    name: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Signing:
    """How requests of a signing scheme are signed."""

    algorithm: str
    encoding: str
    message: str
    path: str
    query_order: str
    timestamp: str
    headers: tuple[tuple[str, str], ...]
    parameters: tuple[str, ...] = ()
    """Each parameter the signer adds, as `in name=value`."""
    hook: str | None = None
    request_hook: str | None = None


@dataclass(frozen=True)
class Scheme:
    """An authentication scheme and the credentials (constructor arguments) it takes."""

    name: str
    kind: str
    credentials: tuple[str, ...]
    key_name: str = ""
    key_location: str = ""
    signing: Signing | None = None


@dataclass(frozen=True)
class Server:
    """A server the client knows; the first is its default base URL."""

    url: str
    description: str = ""


@dataclass(frozen=True)
class Surface:
    """Everything code calling one generated client depends on."""

    package: str
    client_class: str
    env_prefix: str
    title: str
    api_version: str
    servers: tuple[Server, ...]
    schemes: tuple[Scheme, ...]
    methods: tuple[Method, ...]
    models: tuple[Model, ...]
    async_client_class: str = ""
    """The asynchronous client, with the same methods as `async def` (none in older records)."""

    def method(self, name: str) -> Method | None:
        """The method called `name`, if the client has one."""
        return next((m for m in self.methods if m.name == name), None)

    def model(self, name: str) -> Model | None:
        """The model called `name`, if the models module has one."""
        return next((m for m in self.models if m.name == name), None)


def surface_of(api: ir.Api) -> Surface:
    """The client surface of `api`."""
    return Surface(
        package=api.package,
        client_class=api.client_class,
        async_client_class=api.async_client_class,
        env_prefix=api.env_prefix,
        title=api.title,
        api_version=api.version,
        servers=tuple(Server(s.url, s.description) for s in api.servers),
        schemes=tuple(_scheme(s) for s in api.security_schemes),
        methods=tuple(sorted((_method(op) for op in api.operations), key=lambda m: m.name)),
        models=_models(tuple(m for m in api.models if m.name not in api.parameter_models)),
    )


def _method(op: ir.Operation) -> Method:
    return Method(
        name=op.method_name,
        http_method=op.http_method,
        path=op.path,
        arguments=tuple(
            Argument(
                name=a.name,
                wire_name=a.wire_name,
                location=a.location,
                type=Type.of(a.type),
                required=a.required,
                default=None if a.default is None else _json(a.default),
            )
            for a in op.arguments
        ),
        returns=Type.of(op.result_type),
        security=tuple(tuple(sorted(alternative)) for alternative in op.security),
        paginated=op.pagination is not None,
        idempotent=op.idempotent,
        deprecated=op.deprecated,
    )


def _scheme(scheme: ir.SecurityScheme) -> Scheme:
    signing = scheme.signing
    return Scheme(
        name=scheme.name,
        kind=scheme.kind,
        credentials=scheme.credentials,
        key_name=scheme.key_name,
        key_location=scheme.key_location if scheme.kind == "apiKey" else "",
        signing=None
        if signing is None
        else Signing(
            algorithm=signing.algorithm,
            encoding=signing.encoding,
            message=message_text(signing.message),
            path=signing.path,
            query_order=signing.query_order,
            timestamp=signing.timestamp,
            headers=signing.headers,
            parameters=tuple(f"{p.location} {p.name}={p.value}" for p in signing.parameters),
            hook=str(signing.hook).removesuffix(".sign") if signing.hook else None,
            request_hook=(
                str(signing.request_hook).removesuffix(".sign_request")
                if signing.request_hook
                else None
            ),
        ),
    )


# -- models: their fields as the IR records them ------------------------------------------------


def _models(models: tuple[ir.Model, ...]) -> tuple[Model, ...]:
    from datamodel_code_generator.model.field_name import PydanticFieldNameResolver

    # The models module names fields with datamodel-code-generator's resolver; so does the surface.
    resolver = PydanticFieldNameResolver(snake_case_field=True)
    valid: dict[str, str] = {}  # wire name -> the resolver's name for it
    found = []
    for model in models:
        # A field named like a builtin type the class annotates with would shadow it: `list_`.
        used = {name for f in model.fields for name in _annotation_names(f.type)} & _BUILTINS
        fields_: list[Field] = []
        taken: set[str] = set()
        for field_ in model.fields:
            python = valid.get(field_.wire_name)
            if python is None:
                python = valid[field_.wire_name] = resolver.get_valid_name(field_.wire_name)
            python = python + "_" if python in used else python
            n = 0
            while (candidate := f"{python}_{n}" if n else python) in taken:  # `m` and `M`: m_1
                n += 1
            taken.add(candidate)
            fields_.append(
                Field(candidate, field_.wire_name, Type.of(field_.type), field_.required)
            )
        found.append(Model(model.name, tuple(fields_)))
    return tuple(found)


_BUILTINS = frozenset({"list", "dict", "str", "int", "bool", "bytes", "float", "set", "tuple"})


def _annotation_names(type_: PyType) -> set[str]:
    """The builtin names the models module spells a field's annotation with."""
    names: set[str] = set()
    for node in type_.walk():
        if isinstance(node, Builtin):
            names.add(node.name)
        elif isinstance(node, ListType):
            names.add("list")
        elif isinstance(node, DictType):
            names |= {"dict", "str"}
    return names


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


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


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


def surface_at(path: Path, *, lenient: bool = False) -> Surface:
    """The surface of a spec file, or the one recorded in a generated package folder.

    Raises SpecError saying what is wrong and where."""
    if path.is_dir():
        record = path / SURFACE_FILE
        try:
            return load(record.read_text(encoding="utf-8"))
        except OSError:
            message = f"no {SURFACE_FILE}: not a generated package folder, or one generated before packages recorded their surface"
        except ValueError as exc:
            message = f"unreadable surface record ({exc}); regenerate the package"
        raise SpecError([Problem(record, "", message)])
    from ._pipeline import load_api

    api, _, _ = load_api(path, lenient=lenient)
    return surface_of(api)

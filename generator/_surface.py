"""The client surface: what code calling a generated client can see, computed from the IR.

`surface_of` is the one place that reads the IR; the change report, versions and changelog work on
the Surface only, and each generated package records its Surface in `surface.json`.
"""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from . import _ir as ir
from ._errors import Problem, SpecError

SURFACE_FILE = "surface.json"
FORMAT = 1  # bumped when the layout of surface.json changes; an older record is not compared


@dataclass(frozen=True)
class Argument:
    """A keyword argument of a method."""

    name: str
    wire_name: str
    location: str
    type: str
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
    returns: str
    security: tuple[tuple[str, ...], ...]
    paginated: bool = False
    idempotent: bool = False
    deprecated: bool = False


@dataclass(frozen=True)
class Field:
    """A field of a model: its Python name, the JSON name it travels as, and its type."""

    name: str
    wire_name: str
    type: str
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
    prehash: tuple[str, ...]
    path: str
    query_order: str
    timestamp: str
    headers: tuple[tuple[str, str], ...]
    hook: str | None = None


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
        env_prefix=api.env_prefix,
        title=api.title,
        api_version=api.version,
        servers=tuple(Server(s.url, s.description) for s in api.servers),
        schemes=tuple(_scheme(s) for s in api.security_schemes),
        methods=tuple(sorted((_method(op) for op in api.operations), key=lambda m: m.name)),
        models=tuple(m for m in _models(api.models_schema) if m.name not in api.parameter_models),
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
                type=str(a.type),
                required=a.required,
                default=None if a.default is None else _json(a.default),
            )
            for a in op.arguments
        ),
        returns=str(op.result_type),
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
            prehash=signing.prehash,
            path=signing.path,
            query_order=signing.query_order,
            timestamp=signing.timestamp,
            headers=signing.headers,
            hook=scheme.hook.module if scheme.hook else None,
        ),
    )


# -- models: read from the JSON-schema document the models module is generated from ------------


def _models(document: dict[str, Any]) -> tuple[Model, ...]:
    schemas = (document.get("components") or {}).get("schemas") or {}
    from datamodel_code_generator.model.field_name import PydanticFieldNameResolver

    # The models module names fields with datamodel-code-generator's resolver; so does the surface.
    resolver = PydanticFieldNameResolver(snake_case_field=True)
    models = []
    for name in sorted(schemas):
        properties: dict[str, tuple[Any, bool]] = {}
        _collect_properties(schemas[name], schemas, properties, set())
        typed = [
            (wire, schema_type(schema), required) for wire, (schema, required) in properties.items()
        ]
        # A field named like a builtin type the class annotates with would shadow it: `list_`.
        used = {word for _, text, _ in typed for word in _WORD.findall(text)}
        fields_: list[Field] = []
        for wire, text, required in typed:
            python = resolver.get_valid_name(wire)
            python = python + "_" if python in used & _BUILTINS else python
            taken, n = {f.name for f in fields_}, 0
            while (candidate := f"{python}_{n}" if n else python) in taken:  # `m` and `M`: m_1
                n += 1
            fields_.append(Field(candidate, wire, text, required))
        models.append(Model(name, tuple(fields_)))
    return tuple(models)


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BUILTINS = frozenset({"list", "dict", "str", "int", "bool", "bytes", "float", "set", "tuple"})


def _collect_properties(
    schema: Any, schemas: dict[str, Any], into: dict[str, tuple[Any, bool]], seen: set[str]
) -> None:
    """The properties of a model, its allOf members (bases) included, with whether each is required."""
    if not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[-1]
        if name not in seen and name in schemas:
            _collect_properties(schemas[name], schemas, into, seen | {name})
        return
    for member in schema.get("allOf") or ():
        _collect_properties(member, schemas, into, seen)
    required = set(schema.get("required") or ())
    for wire, prop in (schema.get("properties") or {}).items():
        into[str(wire)] = (prop, str(wire) in required or into.get(str(wire), (None, False))[1])


def schema_type(schema: Any) -> str:
    """The Python type text of a models-document schema, spelled as the client's own annotations."""
    if not isinstance(schema, dict):
        return "Any"
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return _nullable(ref.rsplit("/", 1)[-1], schema)
    if "customTypePath" in schema:
        return _nullable("Decimal", schema)
    if "const" in schema:
        return _nullable(_literal([schema["const"]]) or "Any", schema)
    if isinstance(schema.get("enum"), list):
        values = [v for v in schema["enum"] if v is not None]
        literal = _literal(values)
        if literal:
            return _union([literal, *(["None"] if None in schema["enum"] else [])], schema)
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            return _union([schema_type(member) for member in schema[key]], schema)
    if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
        return _nullable(schema_type(schema["allOf"][0]), schema)
    kinds = schema.get("type")
    kinds = [str(k) for k in kinds] if isinstance(kinds, list) else [str(kinds)] if kinds else []
    if len(kinds) > 1:
        return _union([schema_type({**schema, "type": k}) for k in kinds], schema)
    kind = kinds[0] if kinds else ("object" if "additionalProperties" in schema else "")
    if kind == "array":
        text = f"list[{schema_type(schema.get('items') or {})}]"
    elif kind == "object":
        extra = schema.get("additionalProperties")
        text = f"dict[str, {schema_type(extra) if isinstance(extra, dict) else 'Any'}]"
    elif kind == "string":
        text = {"date-time": "datetime", "date": "date", "binary": "bytes"}.get(
            str(schema.get("format")), "str"
        )
    else:
        text = {"integer": "int", "number": "Decimal", "boolean": "bool", "null": "None"}.get(
            kind, "Any"
        )
    return _nullable(text, schema)


def _literal(values: list[Any]) -> str | None:
    if not values or not all(isinstance(v, (str, int, bool)) for v in values):
        return None
    return f"Literal[{', '.join(repr(v) for v in values)}]"


def _union(members: list[str], schema: dict[str, Any]) -> str:
    parts: list[str] = []
    for member in members:
        for part in union_members(member):
            if part not in parts:
                parts.append(part)
    if "Any" in parts:
        return "Any"
    non_null = [p for p in parts if p != "None"]
    return _nullable(" | ".join(non_null + (["None"] if "None" in parts else [])) or "None", schema)


def _nullable(text: str, schema: dict[str, Any]) -> str:
    if schema.get("nullable") is not True or text == "Any" or "None" in union_members(text):
        return text
    return f"{text} | None"


def union_members(text: str) -> list[str]:
    """The members of a type text's top-level union: `list[int | None] | str` -> two members."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "["
        depth -= char == "]"
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return [p for p in parts if p]


# -- the record in a package: deterministic JSON -------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def dump(surface: Surface, *, content: str | None = None) -> str:
    """`surface` as the text of `surface.json`: sorted keys, one stable layout; `content` is the
    digest of the package's other generated files, when known."""
    data = {"format": FORMAT, **_plain(surface)}
    if content is not None:
        data["content"] = content
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


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
    if not isinstance(data, dict) or data.pop("format", None) != FORMAT:
        raise ValueError(f"not a surface record of format {FORMAT}")
    data.pop("content", None)
    try:
        surface = _build(Surface, data)
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed surface record: {exc}") from exc
    assert isinstance(surface, Surface)
    return surface


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _build(hint: Any, value: Any) -> Any:
    """Rebuild a value of type `hint` (dataclass, tuple, optional, scalar) from parsed JSON."""
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(**{f.name: _build(hints[f.name], value[f.name]) for f in fields(hint)})
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

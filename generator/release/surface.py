"""The client surface: what code calling a generated client can see, computed from the IR.

`surface_of` is the one place that reads the IR; the change report, versions and changelog work on
the Surface only, and each generated package records its Surface in `surface.json`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..ir import nodes as ir
from ..ir.extensions import message_text
from ..ir.pytypes import Builtin, DictType, ListType, PyType


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
    operation_id: str = ""
    """The operation it is made from (what its name is locked to)."""


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
    pointer: str = ""
    """The JSON pointer of the schema it is made from (what its name is locked to)."""


@dataclass(frozen=True)
class ClassName:
    """A class of the `models` module that is not a Model of the surface (datamodel-code-generator
    made it of a part of a model's schema), with the JSON pointer of that part."""

    name: str
    pointer: str


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
    credential_keys: tuple[str, ...] = ()
    """The spec's name of each credential (what its constructor argument is locked to)."""


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
    classes: tuple[ClassName, ...] = ()
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
        models=_models(
            tuple(m for m in api.models if m.name not in api.parameter_models), api.model_pointers
        ),
        classes=tuple(
            ClassName(name, pointer) for name, pointer in sorted(api.class_pointers.items())
        ),
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
        operation_id=op.operation_id,
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
        credential_keys=scheme.credential_keys,
    )


# -- models: their fields as the IR records them ------------------------------------------------


def _models(models: tuple[ir.Model, ...], pointers: Mapping[str, str]) -> tuple[Model, ...]:
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
        found.append(Model(model.name, tuple(fields_), pointers.get(model.name, "")))
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


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)

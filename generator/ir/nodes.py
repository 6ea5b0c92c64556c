"""The intermediate representation templates see: typed, resolved, named; never raw spec dicts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..boundary import Identifier
from .extensions import (
    ClientOrderId,
    Envelope,
    ErrorBodyKeys,
    NotExecuted,
    Pagination,
    RateLimitCost,
    RateLimits,
    ServerTime,
    SigningScheme,
)
from .pytypes import ANY, NONE, ListType, PyType, union
from .runtime_contract import AnswerKind, BodyKind

Location = Literal["path", "query", "header", "cookie"]
"""How a request body is written."""

"""How a response body is read: JSON, text, raw bytes, or a stream of server-sent events."""
NO_EXAMPLE: Any = object()


@dataclass(frozen=True)
class Argument:
    """One keyword argument of a client method and where its value travels."""

    name: Identifier
    wire_name: str
    location: Location | Literal["body"]
    type: PyType
    required: bool
    description: str = ""
    explode: bool = True
    deep_object: bool = False
    """`style: deepObject`: an object sent as `name[key]=value` query pairs."""
    delimiter: str = ","
    """What joins the items of an array sent as one value: `,` (`style: form`), ` `
    (`spaceDelimited`) or `|` (`pipeDelimited`)."""
    default: Any = None
    example: Any = field(default=NO_EXAMPLE, compare=False)
    position: int = field(default=0, compare=False)
    """Where the spec declares it among the operation's parameters: the order they are sent."""


@dataclass(frozen=True)
class RequestBody:
    """A request body: fields flattened into arguments (objects) or one `body` argument."""

    media_type: str
    type: PyType
    required: bool
    flattened: bool
    description: str = ""
    kind: BodyKind = "json"
    files: frozenset[str] = frozenset()
    """Wire names of a multipart body's file fields."""

    @property
    def validated(self) -> bool:
        """Whether the body has a type to validate and serialize it with (not just Any)."""
        return self.type != ANY and self.kind in ("json", "form")


@dataclass(frozen=True)
class Response:
    """A documented response: its status and the type of its (unwrapped) body, if any."""

    status: str
    description: str
    type: PyType | None
    unwrapped: bool = False
    """True when `type` is the envelope's data property rather than the whole body."""
    media: tuple[tuple[str, AnswerKind], ...] = ()
    """Each media type of its content and how it is read; `type` is the JSON one's payload."""


@dataclass(frozen=True)
class Operation:
    """One API operation, rendered as one client method."""

    operation_id: str
    method_name: Identifier
    endpoint_name: Identifier
    http_method: str
    path: str
    summary: str
    description: str
    arguments: tuple[Argument, ...]
    body: RequestBody | None
    result_type: PyType
    responses: tuple[Response, ...]
    security: tuple[tuple[str, ...], ...]
    idempotent: bool
    envelope: bool
    deprecated: bool = False
    pagination: Pagination | None = None
    page_item_type: PyType | None = None
    parameter_types: tuple[tuple[str, PyType], ...] = ()
    """By location (path, query, header): the model that validates those arguments."""
    request_example: Any = None
    example: Mapping[str, Any] | None = field(default=None, compare=False)
    """`x-example`: the wire names and values of one call that works as written."""
    client_order_id: ClientOrderId | None = None
    rate_limit: RateLimitCost | None = None

    @property
    def success_responses(self) -> tuple[Response, ...]:
        """The documented 2xx responses."""
        return tuple(r for r in self.responses if r.status.startswith("2"))

    @property
    def answers(self) -> tuple[Response, ...]:
        """The responses the method returns: the 2xx ones, or else `default`."""
        return self.success_responses or tuple(r for r in self.responses if r.status == "default")

    @property
    def result_media(self) -> tuple[tuple[str, AnswerKind], ...]:
        """The media types of the answers and how each is read; empty when all are JSON."""
        media = tuple(dict.fromkeys(m for r in self.answers for m in r.media))
        return media if any(kind != "json" for _, kind in media) else ()

    @property
    def json_result(self) -> PyType:
        """The type a JSON answer is validated as."""
        if not self.result_media:
            return self.result_type
        return union([r.type or NONE for r in self.answers if r.type is not None or not r.media])

    @property
    def error_responses(self) -> tuple[Response, ...]:
        """Documented non-2xx responses that have a body schema."""
        return tuple(r for r in self.responses if not r.status.startswith("2") and r.type)

    @property
    def pages_name(self) -> Identifier:
        """The class attribute holding the pager's Pagination."""
        # Endpoint names never hold a double underscore, so no endpoint can take this name.
        return Identifier(f"{self.endpoint_name}__PAGES")

    @property
    def exploded_query(self) -> frozenset[str]:
        """Wire names of array query parameters sent as repeated `name=value` pairs."""
        return frozenset(
            a.wire_name
            for a in self.by_location("query")
            if a.explode and isinstance(a.type.without_none(), ListType)
        )

    @property
    def query_delimiters(self) -> dict[str, str]:
        """Wire names of array query parameters sent as one value whose items are not joined
        by `,`, with what joins them."""
        return {
            a.wire_name: a.delimiter
            for a in self.by_location("query")
            if a.delimiter != "," and a.wire_name not in self.exploded_query
        }

    @property
    def deep_objects(self) -> frozenset[str]:
        """Wire names of query parameters sent as `name[key]=value` pairs."""
        return frozenset(a.wire_name for a in self.by_location("query") if a.deep_object)

    def by_location(self, location: str) -> tuple[Argument, ...]:
        """The arguments that travel in `location`, in the order the spec declares them."""
        return tuple(
            sorted((a for a in self.arguments if a.location == location), key=lambda a: a.position)
        )


@dataclass(frozen=True)
class ModelField:
    """A field of a model as it travels: its JSON name, its type, and whether it must be present."""

    wire_name: str
    type: PyType
    required: bool


@dataclass(frozen=True)
class Model:
    """A model class of the `models` module and its fields, those merged from `allOf` included."""

    name: Identifier
    fields: tuple[ModelField, ...]


@dataclass(frozen=True)
class Hook:
    """A signing hook module shipped beside the spec and copied into the package."""

    module: Identifier
    source: str
    dependencies: tuple[str, ...] = ()
    extra: str = ""
    """The package extra that installs `dependencies` (named after the hook's file)."""


@dataclass(frozen=True)
class Credential:
    """A constructor argument holding a secret, and the environment variable that can supply it."""

    name: Identifier
    env_var: str


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme and the credential arguments it takes."""

    name: str
    kind: Literal["bearer", "basic", "apiKey", "signing"]
    credentials: tuple[str, ...]
    description: str = ""
    key_name: str = ""
    key_location: str = "header"
    signing: SigningScheme | None = None
    hooks: tuple[Hook, ...] = ()
    """The hook modules its signing runs (`hook`, `request-hook`)."""
    credential_keys: tuple[str, ...] = ()
    """The spec's name of each credential (`credentials` holds the constructor arguments)."""

    @property
    def signer_fills(self) -> frozenset[tuple[str, str]]:
        """The (name, location) of each parameter its signer adds; `params` stands for query."""
        if self.signing is None:
            return frozenset()
        return frozenset(
            (p.name, "query" if p.location == "params" else p.location)
            for p in self.signing.parameters
        )


@dataclass(frozen=True)
class Server:
    """A server URL (variables substituted with their defaults)."""

    url: str
    description: str
    unverified: bool = False


@dataclass(frozen=True)
class Api:
    """Everything a client package is rendered from."""

    spec_file: str
    title: str
    version: str
    description: str
    package: Identifier
    client_class: Identifier
    env_prefix: str
    servers: tuple[Server, ...]
    operations: tuple[Operation, ...]
    security_schemes: tuple[SecurityScheme, ...]
    credentials: tuple[Credential, ...]
    envelope: Envelope | None
    error_keys: ErrorBodyKeys | None
    models: tuple[Model, ...]
    """Every model the models module defines, sorted by name."""
    models_schema: dict[str, Any] = field(compare=False, repr=False)
    parameter_models: frozenset[str] = frozenset()
    """Models that check an operation's path, query or header arguments (not part of its surface)."""
    model_pointers: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The JSON pointer of the schema each model is generated from."""
    class_pointers: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The other classes of the models module (made of a part of a model's schema), with the
    JSON pointer of that part."""
    license_expression: str = ""
    """The SPDX license expression `info.license` gives (canonical form), or empty."""
    license_name: str = ""
    """`info.license.name` when it is no SPDX expression, or empty."""
    urls: tuple[tuple[str, str], ...] = ()
    """Project URLs by label (Documentation, Contact, License), from `externalDocs` and `info`."""
    not_executed: NotExecuted | None = None
    server_time: ServerTime | None = None
    rate_limits: RateLimits | None = None

    @property
    def raw_response_class(self) -> Identifier:
        """The class whose methods return RawResponse."""
        return Identifier(f"{self.client_class}WithRawResponse")

    @property
    def async_client_class(self) -> Identifier:
        """The asynchronous client: the same methods, awaited."""
        return Identifier(f"Async{self.client_class}")

    @property
    def async_raw_response_class(self) -> Identifier:
        """The class whose methods return an awaitable RawResponse."""
        return Identifier(f"{self.async_client_class}WithRawResponse")

    @property
    def model_names(self) -> tuple[str, ...]:
        """The names of the models, sorted."""
        return tuple(m.name for m in self.models)

    @property
    def hooks(self) -> tuple[Hook, ...]:
        """Signing hook modules the package ships."""
        return tuple(dict.fromkeys(h for s in self.security_schemes for h in s.hooks))

    @property
    def extras(self) -> dict[str, tuple[str, ...]]:
        """Optional dependencies by extra name: what each hook imports."""
        return {h.extra: h.dependencies for h in self.hooks if h.dependencies}

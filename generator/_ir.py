"""The intermediate representation templates see: typed, resolved, named; never raw spec dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Location = Literal["path", "query", "header", "cookie"]


@dataclass(frozen=True)
class Argument:
    """One keyword argument of a client method and where its value travels."""

    name: str
    wire_name: str
    location: Location | Literal["body"]
    type: str
    required: bool
    description: str = ""
    explode: bool = True
    default: Any = None

    @property
    def annotation(self) -> str:
        """The argument's annotation: optional ones may be left out (NotGiven)."""
        return self.type if self.required else f"{self.type} | NotGiven"


@dataclass(frozen=True)
class RequestBody:
    """A request body: fields flattened into arguments (objects) or one `body` argument."""

    media_type: str
    type: str
    required: bool
    flattened: bool
    description: str = ""


@dataclass(frozen=True)
class Response:
    """A documented response: its status and the type of its (unwrapped) body, if any."""

    status: str
    description: str
    type: str | None
    unwrapped: bool = False
    """True when `type` is the envelope's data property rather than the whole body."""


@dataclass(frozen=True)
class Pagination:
    """How a list operation pages."""

    style: Literal["page", "offset", "cursor"]
    items: tuple[str, ...]
    item_type: str
    page: str | None = None
    limit: str | None = None
    offset: str | None = None
    cursor: str | None = None
    next_cursor: tuple[str, ...] = ()
    default_limit: int | None = None


@dataclass(frozen=True)
class Operation:
    """One API operation, rendered as one client method."""

    operation_id: str
    method_name: str
    http_method: str
    path: str
    summary: str
    description: str
    arguments: tuple[Argument, ...]
    body: RequestBody | None
    result_type: str
    responses: tuple[Response, ...]
    security: tuple[tuple[str, ...], ...]
    idempotent: bool
    envelope: bool
    deprecated: bool = False
    pagination: Pagination | None = None
    request_example: Any = None

    @property
    def constant(self) -> str:
        """Name of the module-level Endpoint constant."""
        return "_" + self.method_name.upper()

    @property
    def success_responses(self) -> tuple[Response, ...]:
        """The documented 2xx responses."""
        return tuple(r for r in self.responses if r.status.startswith("2"))

    @property
    def error_responses(self) -> tuple[Response, ...]:
        """Documented non-2xx responses that have a body schema."""
        return tuple(r for r in self.responses if not r.status.startswith("2") and r.type)

    def by_location(self, location: str) -> tuple[Argument, ...]:
        """The arguments that travel in `location`."""
        return tuple(a for a in self.arguments if a.location == location)


@dataclass(frozen=True)
class SigningScheme:
    """An `x-signing` declaration."""

    algorithm: str
    encoding: str
    prehash: tuple[str, ...]
    path: str
    query_order: str
    timestamp: str
    secret: str
    headers: tuple[tuple[str, str], ...]
    hook_module: str | None = None
    hook_source: str | None = None
    hook_dependencies: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class Server:
    """A server URL (variables substituted with their defaults)."""

    url: str
    description: str
    unverified: bool = False


@dataclass(frozen=True)
class Envelope:
    """An `x-envelope` declaration."""

    data: str
    code: str
    message: str
    success: tuple[str, ...]


@dataclass(frozen=True)
class Api:
    """Everything a client package is rendered from."""

    spec_file: str
    title: str
    version: str
    description: str
    package: str
    client_class: str
    env_prefix: str
    servers: tuple[Server, ...]
    operations: tuple[Operation, ...]
    security_schemes: tuple[SecurityScheme, ...]
    envelope: Envelope | None
    error_code_keys: tuple[str, ...]
    error_message_keys: tuple[str, ...]
    model_names: tuple[str, ...]
    models_schema: dict[str, Any] = field(compare=False, repr=False)
    license_expression: str = ""
    """The SPDX license expression `info.license` gives (canonical form), or empty."""
    license_name: str = ""
    """`info.license.name` when it is no SPDX expression, or empty."""
    urls: tuple[tuple[str, str], ...] = ()
    """Project URLs by label (Documentation, Contact, License), from `externalDocs` and `info`."""

    @property
    def credentials(self) -> tuple[str, ...]:
        """Every credential name, in a stable order."""
        seen: dict[str, None] = {}
        for scheme in self.security_schemes:
            for name in scheme.credentials:
                seen.setdefault(name, None)
        return tuple(seen)

    @property
    def hooks(self) -> tuple[SigningScheme, ...]:
        """Signing schemes that ship a hook module."""
        return tuple(
            s.signing
            for s in self.security_schemes
            if s.signing is not None and s.signing.hook_module
        )

    @property
    def extras(self) -> dict[str, tuple[str, ...]]:
        """Optional dependencies by extra name: what each hook imports, named after its module."""
        return {
            h.hook_module.strip("_").replace("_", "-"): h.hook_dependencies
            for h in self.hooks
            if h.hook_module and h.hook_dependencies
        }

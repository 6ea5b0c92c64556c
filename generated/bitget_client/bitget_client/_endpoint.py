"""What a client knows about each operation and about the API's answers, as plain data."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Literal, NamedTuple, TypeVar

if TYPE_CHECKING:
    from ._ratelimit import RateLimitCost

__all__ = ["ClientOrderId", "Endpoint", "Envelope", "ErrorBodyKeys", "NotExecuted", "ServerTime"]

T = TypeVar("T")
BodyKind = Literal["json", "form", "multipart", "bytes", "text"]
AnswerKind = Literal["json", "text", "bytes", "events"]

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_NOTHING: Mapping[Any, Any] = MappingProxyType({})

# The records below are NamedTuples and Endpoint a plain class, not dataclasses: every package
# imports them, and a frozen dataclass costs about 0.6 ms of import time to create.


class Envelope(NamedTuple):
    """Where an API that wraps every answer keeps its payload, code and message."""

    data: str
    code: str = "code"
    message: str = "message"
    success: tuple[str, ...] = ()


class ErrorBodyKeys(NamedTuple):
    """Keys of an error body holding the API's own code and message (first present wins)."""

    code: tuple[str, ...] = ("code", "errorCode", "error_code")
    message: tuple[str, ...] = ("message", "msg", "detail", "error")


class NotExecuted(NamedTuple):
    """Answers that say the server refused a request without executing it, so sending it again
    is safe for every method (HTTP 429 always is one)."""

    statuses: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    """The API's own codes in an error answer (HTTP 4xx/5xx) that mean the same."""


class ServerTime(NamedTuple):
    """The operation that tells the server's clock, and the answers that say a request's
    timestamp was outside the server's window."""

    endpoint: str = ""
    """The client attribute holding the operation's Endpoint."""
    time: tuple[str, ...] = ()
    unit: str = "milliseconds"
    window_codes: tuple[str, ...] = ()
    window_statuses: tuple[str, ...] = ()
    recv_window: str | None = None
    """The header that carries the client's `recv_window` (milliseconds), if the API has one."""


@cache
def _alphabet(characters: str) -> str:
    """The characters of a set written like `0-9A-Za-z_-` (a `-` first or last is itself)."""
    chars: list[str] = []
    at = 0
    while at < len(characters):
        if at + 2 < len(characters) and characters[at + 1] == "-":
            low, high = ord(characters[at]), ord(characters[at + 2])
            chars.extend(chr(c) for c in range(low, high + 1))
            at += 3
        else:
            chars.append(characters[at])
            at += 1
    return "".join(dict.fromkeys(chars))


class ClientOrderId(NamedTuple):
    """The body field that carries an operation's client order id, which the API promises to
    reject when it repeats an earlier one, and the id's format."""

    field: str
    max_length: int = 32
    characters: str = "0-9A-Za-z"
    prefix: str = ""
    length: int = 0
    """How many characters a generated id has (0: max_length)."""
    duplicate_codes: tuple[str, ...] = ()
    """The API's codes for "this client order id was used already"."""

    def new(self) -> str:
        """A fresh id: the prefix, then random characters of the declared set."""
        alphabet = _alphabet(self.characters)
        size = (self.length or self.max_length) - len(self.prefix)
        return self.prefix + "".join(secrets.choice(alphabet) for _ in range(size))


class Endpoint(Generic[T]):
    """What the client needs to know about one operation."""

    __slots__ = (
        "name",
        "method",
        "path",
        "result",
        "security",
        "idempotent",
        "envelope",
        "body_type",
        "body_media_type",
        "body_kind",
        "files",
        "media",
        "explode",
        "deep_objects",
        "delimiters",
        "errors",
        "arguments",
        "parameters",
        "retry_safe",
        "streams",
        "client_order_id",
        "rate_limit",
    )

    def __init__(
        self,
        *,
        name: str,
        method: str,
        path: str,
        result: Any,
        security: tuple[tuple[str, ...], ...] = (),
        idempotent: bool = False,
        envelope: bool = False,
        body_type: Any = None,
        body_media_type: str = "application/json",
        body_kind: BodyKind = "json",
        files: frozenset[str] = frozenset(),
        media: tuple[tuple[str, AnswerKind], ...] = (),
        explode: frozenset[str] = frozenset(),
        deep_objects: frozenset[str] = frozenset(),
        delimiters: Mapping[str, str] = _NOTHING,
        errors: Mapping[str, Any] = _NOTHING,
        arguments: Mapping[tuple[str, str], str] = _NOTHING,
        parameters: Mapping[str, Any] = _NOTHING,
        client_order_id: ClientOrderId | None = None,
        rate_limit: RateLimitCost | None = None,
    ) -> None:
        self.name = name
        self.method = method
        self.path = path
        self.result = result
        self.security = security
        self.idempotent = idempotent
        self.envelope = envelope
        self.body_type = body_type
        self.body_media_type = body_media_type
        self.body_kind: BodyKind = body_kind
        """How the body is written: JSON, a form, multipart form data, raw bytes or text."""
        self.files = files
        """Wire names of the multipart body's file fields (the others are form fields)."""
        self.media = media
        """The media types of successful answers (patterns like `image/*` allowed) and how
        each is read, the first the default; none declared means JSON."""
        self.explode = explode
        self.deep_objects = deep_objects
        """Query parameters sent as `name[key]=value` pairs (`style: deepObject`)."""
        self.delimiters = delimiters
        """What joins the items of a query array sent as one value, where it is not `,`
        (`style: spaceDelimited` or `pipeDelimited`)."""
        self.errors = errors
        self.arguments = arguments
        """The Python argument behind each (location, wire name); ("body", "") is a whole
        body."""
        self.parameters = parameters
        """By location ("path", "query", "header"): the type that validates the parameters
        sent there, as a mapping of wire name to value. A location without one is sent as
        given."""
        self.retry_safe = idempotent or method in _SAFE_METHODS
        """Whether repeating the request cannot do anything twice."""
        self.streams = any(kind == "events" for _, kind in media)
        """Whether an answer can be an event stream, read as it arrives."""
        self.client_order_id = client_order_id
        """The body field of a client order id the API deduplicates: sending the request again
        with the same id cannot place a second order."""
        self.rate_limit = rate_limit
        """The rate-limit buckets a call counts against, with its weight in each."""

    def answer_kind(self, content_type: str) -> AnswerKind:
        """How to read a successful answer of this Content-Type."""
        if not self.media:
            return "json"
        essence = content_type.split(";", 1)[0].strip().lower()
        for pattern, kind in self.media:
            if pattern == essence or (pattern.endswith("/*") and essence.startswith(pattern[:-1])):
                return kind
        if essence == "application/json" or essence.endswith("+json"):
            return next((k for _, k in self.media if k == "json"), self.media[0][1])
        return self.media[0][1]

    def __repr__(self) -> str:
        return f"Endpoint(name={self.name!r}, method={self.method!r}, path={self.path!r})"

"""What a client knows about each operation and about the API's answers, as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Generic, Literal, NamedTuple, TypeVar

__all__ = ["Endpoint", "Envelope", "ErrorBodyKeys"]

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

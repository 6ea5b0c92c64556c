"""What a client knows about each operation and about the API's answers, as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

__all__ = ["Endpoint", "Envelope", "ErrorBodyKeys"]

T = TypeVar("T")
BodyKind = Literal["json", "form", "multipart", "bytes", "text"]
AnswerKind = Literal["json", "text", "bytes", "events"]

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Envelope:
    """Where an API that wraps every answer keeps its payload, code and message."""

    data: str
    code: str = "code"
    message: str = "message"
    success: tuple[str, ...] = ()


@dataclass(frozen=True)
class ErrorBodyKeys:
    """Keys of an error body holding the API's own code and message (first present wins)."""

    code: tuple[str, ...] = ("code", "errorCode", "error_code")
    message: tuple[str, ...] = ("message", "msg", "detail", "error")


@dataclass(frozen=True)
class Endpoint(Generic[T]):
    """What the client needs to know about one operation."""

    name: str
    method: str
    path: str
    result: Any
    security: tuple[tuple[str, ...], ...] = ()
    idempotent: bool = False
    envelope: bool = False
    body_type: Any = None
    body_media_type: str = "application/json"
    body_kind: BodyKind = "json"
    """How the body is written: JSON, a form, multipart form data, raw bytes or text."""
    files: frozenset[str] = field(default_factory=frozenset)
    """Wire names of the multipart body's file fields (the others are form fields)."""
    media: tuple[tuple[str, AnswerKind], ...] = ()
    """The media types of successful answers (patterns like `image/*` allowed) and how each is
    read, the first the default; none declared means JSON."""
    explode: frozenset[str] = field(default_factory=frozenset)
    deep_objects: frozenset[str] = field(default_factory=frozenset)
    """Query parameters sent as `name[key]=value` pairs (`style: deepObject`)."""
    errors: Mapping[str, Any] = field(default_factory=dict)
    arguments: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """The Python argument behind each (location, wire name); ("body", "") is a whole body."""
    parameters: Mapping[str, Any] = field(default_factory=dict)
    """By location ("path", "query", "header"): the type that validates the parameters sent
    there, as a mapping of wire name to value. A location without one is sent as given."""

    @property
    def streams(self) -> bool:
        """Whether an answer can be an event stream, read as it arrives."""
        return any(kind == "events" for _, kind in self.media)

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

    @property
    def retry_safe(self) -> bool:
        """Whether repeating the request cannot do anything twice."""
        return self.idempotent or self.method in _SAFE_METHODS

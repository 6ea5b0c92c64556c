"""What a client knows about each operation and about the API's answers, as plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

__all__ = ["Endpoint", "Envelope", "ErrorBodyKeys"]

T = TypeVar("T")

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
    explode: frozenset[str] = field(default_factory=frozenset)
    errors: Mapping[str, Any] = field(default_factory=dict)
    arguments: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """The Python argument behind each (location, wire name); ("body", "") is a whole body."""
    parameters: Mapping[str, Any] = field(default_factory=dict)
    """By location ("path", "query", "header"): the type that validates the parameters sent
    there, as a mapping of wire name to value. A location without one is sent as given."""

    @property
    def retry_safe(self) -> bool:
        """Whether repeating the request cannot do anything twice."""
        return self.idempotent or self.method in _SAFE_METHODS

"""The steps a call's flow asks its driver to perform: the only I/O a call does.

A flow is a generator: it yields a step, and the driver sends back what performing it gave (a
response, bytes, None, or the exception it raised). The synchronous and the asynchronous client
each drive the same flows, so every decision is made once.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, NamedTuple, TypeAlias, TypeVar

import httpx

__all__ = ["Flow", "Read", "ReadFile", "Send", "Sleep", "Step"]

T = TypeVar("T")


class Send(NamedTuple):
    """Send the request; the answer is its response or the transport error."""

    request: httpx.Request
    stream: bool
    """Whether to return before the body is read (an event stream is read as it arrives)."""


class Read(NamedTuple):
    """Read the whole body of a streamed response; the answer is None or the transport error."""

    response: httpx.Response


class Sleep(NamedTuple):
    """Wait this many seconds before the next attempt; the answer is None."""

    seconds: float


class ReadFile(NamedTuple):
    """Read a file object to its end; the answer is its content or the error reading it."""

    file: Any


Step: TypeAlias = Send | Read | Sleep | ReadFile
Flow: TypeAlias = Generator[Step, Any, T]
"""A call: the steps it needs performed, ending with its result."""

"""Raw responses: a method's HTTP answer together with the value it parsed from it."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Generic, ParamSpec, TypeVar

import httpx

__all__ = ["RawResponse", "captured", "raw_response", "raw_response_async"]

T = TypeVar("T")
P = ParamSpec("P")
F = TypeVar("F", bound=Callable[..., Any])

_capture: ContextVar[list[httpx.Response] | None] = ContextVar("_capture", default=None)


class RawResponse(Generic[T]):
    """An HTTP response together with the value parsed from it."""

    def __init__(self, http_response: httpx.Response, parsed: T) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    def parse(self) -> T:
        """The typed value the plain method returns."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}]>"


def captured(response: httpx.Response) -> None:
    """Hand `response` to the raw_response wrapper around the current call, if there is one."""
    responses = _capture.get()
    if responses is not None:
        responses.append(response)


@contextmanager
def _capturing() -> Iterator[list[httpx.Response]]:
    """The responses of the calls made inside the block, as `captured` hands them over."""
    responses: list[httpx.Response] = []
    token = _capture.set(responses)
    try:
        yield responses
    finally:
        _capture.reset(token)


def raw_response(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """Wrap a client method so it returns the RawResponse instead of only the parsed value.

    The wrapper keeps the method's name, docstring and signature (its keyword arguments), with
    RawResponse[...] as the return annotation.
    """

    @wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        with _capturing() as responses:
            parsed = method(*args, **kwargs)
        return RawResponse(responses[-1], parsed)

    return _annotated(wrapped, method)


def raw_response_async(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """`raw_response` for a method of an asynchronous client: await it for the RawResponse."""

    @wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        with _capturing() as responses:
            parsed = await method(*args, **kwargs)
        return RawResponse(responses[-1], parsed)

    return _annotated(wrapped, method)


def _annotated(wrapped: F, method: Callable[..., Any]) -> F:
    """`wrapped` with the signature of `method`, returning RawResponse[...]."""
    signature = inspect.signature(method)
    returns = signature.return_annotation
    if returns is not inspect.Signature.empty:
        name = returns if isinstance(returns, str) else getattr(returns, "__name__", repr(returns))
        signature = signature.replace(return_annotation=f"RawResponse[{name}]")
    wrapped.__signature__ = signature  # type: ignore[attr-defined]
    return wrapped

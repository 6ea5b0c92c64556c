"""The synchronous client: performs the steps of each call's flow (`_core`) with httpx.Client."""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import Any, Literal, TypeVar

import httpx

from ._auth import Nonce
from ._core import ApiDefinition, ClientCore
from ._endpoint import Endpoint, Envelope, ErrorBodyKeys
from ._events import ServerSentEvent, parse_events
from ._pagination import Pagination, paginate
from ._policy import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._ratelimit import RateLimiter
from ._raw import RawResponse, raw_response
from ._steps import Flow, Read, ReadFile, Send, Step

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "ApiDefinition",
    "BaseClient",
    "Endpoint",
    "Envelope",
    "ErrorBodyKeys",
    "Pagination",
    "RawResponse",
    "raw_response",
]

T = TypeVar("T")


class BaseClient(ClientCore):
    """Owns the httpx.Client; sends, reads and sleeps as each call's flow asks."""

    def __init__(
        self,
        base_url: str | None,
        *,
        http_client: httpx.Client | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        clock: Callable[[], int] | None,
        nonce: Nonce | None = None,
        headers: Mapping[str, str] | None,
        credentials: Mapping[str, str | None],
        rate_limiter: RateLimiter | Literal[False] | None = None,
        recv_window: int | None = None,
    ) -> None:
        super().__init__(
            base_url,
            timeout=timeout,
            max_retries=max_retries,
            clock=clock,
            nonce=nonce,
            headers=headers,
            credentials=credentials,
            rate_limiter=rate_limiter,
            recv_window=recv_window,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client()
        self._sleep: Callable[[float], None] = time.sleep

    def close(self) -> None:
        """Close the HTTP connection pool, if the client created it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _call(
        self,
        endpoint: Endpoint[T],
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        cookies: Mapping[str, Any] | None = None,
        body: Any = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> T:
        """Send one operation and return its typed result, raising a typed error otherwise."""
        flow = self._flow(
            endpoint,
            self._http.build_request,
            _Events,
            path_params=path_params,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return self._drive(flow)

    def sync_clock(self) -> int:
        """Measure how far the server's clock is from this one (half the round trip corrected)
        and sign every request with the corrected clock from now on; the offset in ms."""
        return self._drive(self._sync_flow(self._http.build_request))

    def _drive(self, flow: Flow[T]) -> T:
        """Perform a flow's steps until it ends."""
        try:
            step = next(flow)
            while True:
                step = flow.send(self._perform(step))
        except StopIteration as done:
            result: T = done.value
            return result
        finally:
            flow.close()

    def _perform(self, step: Step) -> Any:
        """What performing one step gave: its value, or the exception it raised."""
        if isinstance(step, Send):
            try:
                return self._http.send(step.request, stream=step.stream)
            except Exception as exc:
                return exc
        if isinstance(step, Read):
            try:
                step.response.read()
            except Exception as exc:
                step.response.close()
                return exc
            return None
        if isinstance(step, ReadFile):
            try:
                return step.file.read()
            except Exception as exc:
                return exc
        self._sleep(step.seconds)
        return None

    def _paginate(
        self, fetch: Callable[..., Any], arguments: dict[str, Any], pagination: Pagination
    ) -> Iterator[Any]:
        """Call `fetch` page after page, yielding each item, until the listing ends."""
        return paginate(fetch, arguments, pagination, getattr(fetch, "__name__", "iterator"))


class _Events(Iterator[ServerSentEvent]):
    """The events of a streamed answer; the connection is released when they end, when the
    iterator is closed, or when it is dropped (even before its first event)."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self._events: Generator[ServerSentEvent, None, None] = parse_events(response.iter_lines())

    def __next__(self) -> ServerSentEvent:
        try:
            return next(self._events)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop reading and release the connection."""
        self._events.close()
        self._response.close()

    def __del__(self) -> None:
        self._response.close()

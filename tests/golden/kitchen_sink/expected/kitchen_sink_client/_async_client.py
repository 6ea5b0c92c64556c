"""The asynchronous client: performs the steps of each call's flow (`_core`) with httpx.AsyncClient.

Cancelling a call (`task.cancel()`, `asyncio.timeout`) raises CancelledError out of it at once,
whatever step it was at: it is never retried nor turned into another error. A request that was
being sent may have reached the server, so the outcome of a cancelled write is unknown.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, Literal, TypeVar

import httpx

from ._auth import Nonce
from ._core import ClientCore
from ._endpoint import Endpoint
from ._events import EventParser, ServerSentEvent
from ._pagination import Pagination, paginate_async
from ._ratelimit import RateLimiter
from ._raw import raw_response_async
from ._steps import Flow, Read, ReadFile, Send, Step

__all__ = ["AsyncBaseClient", "raw_response_async"]

T = TypeVar("T")


class AsyncBaseClient(ClientCore):
    """Owns the httpx.AsyncClient; sends, reads and sleeps as each call's flow asks."""

    def __init__(
        self,
        base_url: str | None,
        *,
        http_client: httpx.AsyncClient | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        clock: Callable[[], int] | None,
        nonce: Nonce | None = None,
        headers: Mapping[str, str] | None,
        credentials: Mapping[str, str | None],
        rate_limiter: RateLimiter | Literal[False] | None = None,
        recv_window: int | None = None,
    ) -> None:
        import asyncio  # here, not at import: a program that never awaits does not load it

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
        self._http = http_client or httpx.AsyncClient()
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._to_thread = asyncio.to_thread

    async def aclose(self) -> None:
        """Close the HTTP connection pool, if the client created it."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self: T) -> T:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _call(
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
            _AsyncEvents,
            path_params=path_params,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return await self._drive(flow)

    async def sync_clock(self) -> int:
        """Measure how far the server's clock is from this one (half the round trip corrected)
        and sign every request with the corrected clock from now on; the offset in ms."""
        return await self._drive(self._sync_flow(self._http.build_request))

    async def _drive(self, flow: Flow[T]) -> T:
        """Perform a flow's steps until it ends."""
        try:
            step = next(flow)
            while True:
                step = flow.send(await self._perform(step))
        except StopIteration as done:
            result: T = done.value
            return result
        finally:
            flow.close()

    async def _perform(self, step: Step) -> Any:
        """What performing one step gave: its value, or the exception it raised (cancellation
        propagates)."""
        if isinstance(step, Send):
            try:
                return await self._http.send(step.request, stream=step.stream)
            except Exception as exc:
                return exc
        if isinstance(step, Read):
            try:
                await step.response.aread()
            except BaseException as exc:
                await step.response.aclose()
                if not isinstance(exc, Exception):
                    raise
                return exc
            return None
        if isinstance(step, ReadFile):
            try:
                read = step.file.read
                if inspect.iscoroutinefunction(read):
                    return await read()
                return await self._to_thread(read)
            except Exception as exc:
                return exc
        await self._sleep(step.seconds)
        return None

    def _paginate(
        self,
        fetch: Callable[..., Awaitable[Any]],
        arguments: dict[str, Any],
        pagination: Pagination,
    ) -> AsyncIterator[Any]:
        """Await `fetch` page after page, yielding each item, until the listing ends."""
        return paginate_async(fetch, arguments, pagination, getattr(fetch, "__name__", "iterator"))


class _AsyncEvents(AsyncIterator[ServerSentEvent]):
    """The events of a streamed answer; the connection is released when they end, when an
    error or cancellation stops them, or when `aclose()` is awaited."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self._lines = response.aiter_lines()
        self._parser = EventParser()

    async def __anext__(self) -> ServerSentEvent:
        try:
            async for line in self._lines:
                event = self._parser.feed(line)
                if event is not None:
                    return event
        except BaseException:
            await self.aclose()
            raise
        await self.aclose()
        raise StopAsyncIteration

    async def aclose(self) -> None:
        """Stop reading and release the connection."""
        await self._response.aclose()

    async def __aenter__(self) -> _AsyncEvents:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

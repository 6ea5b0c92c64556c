"""Both clients of a package through one test: the synchronous one, or the asynchronous one awaited.

A test builds its client with `built(SyncClientClass, ...)`. Under the `async` flavor (the
autouse `flavor` fixture of the client tests sets it) that gives the package's
`Async<Name>Client` made with the same arguments, behind `Blocking`: every method is awaited to
its end on one event loop, an async iterator (a pager, an event stream) is read as an iterator,
and an `httpx.Client` passed as `http_client` becomes an `httpx.AsyncClient` on the same
transport. So each assertion is made of both clients, and a test is written once.
"""

from __future__ import annotations

import asyncio
import atexit
import functools
import importlib
import inspect
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any, TypeVar, cast

import httpx

FLAVORS = ("sync", "async")
C = TypeVar("C")
_current = ["sync"]


def set_flavor(flavor: str) -> None:
    """Which client `built` makes from now on."""
    assert flavor in FLAVORS
    _current[0] = flavor


def flavor() -> str:
    return _current[0]


def is_async() -> bool:
    return _current[0] == "async"


@functools.cache
def _runner() -> asyncio.Runner:
    """The one event loop every blocking call runs on, closed at exit."""
    runner = asyncio.Runner()
    atexit.register(runner.close)
    return runner


def run(awaitable: Coroutine[Any, Any, Any]) -> Any:
    """Await `awaitable` on the shared event loop, from synchronous code."""
    return _runner().run(awaitable)


def async_class(cls: type) -> type:
    """The asynchronous client of the package `cls` (a synchronous client) comes from."""
    module = importlib.import_module(cls.__module__)
    found: type = getattr(module, "Async" + cls.__name__)
    return found


def built(cls: type[C], *args: Any, **options: Any) -> C:
    """A client of `cls`'s package under the current flavor, made with these arguments (the
    asynchronous one behind a view that is used as `cls` is)."""
    if not is_async():
        return cls(*args, **options)
    http = options.get("http_client")
    if isinstance(http, httpx.Client):
        options["http_client"] = asynchronous(http)
    return cast(C, Blocking(async_class(cls)(*args, **options)))


def asynchronous(http: httpx.Client) -> httpx.AsyncClient:
    """An httpx.AsyncClient with the settings and the transport of `http` (a MockTransport
    serves both)."""
    transport = http._transport
    assert isinstance(transport, httpx.MockTransport), f"no async form of {transport!r}"
    return httpx.AsyncClient(
        transport=transport,
        headers=http.headers,
        cookies=http.cookies,
        params=http.params,
        base_url=http.base_url,
        timeout=http.timeout,
    )


class Blocking:
    """An asynchronous client (or its `with_raw_response`) called as a synchronous one."""

    def __init__(self, target: Any) -> None:
        object.__setattr__(self, "_target", target)

    @property
    def target(self) -> Any:
        """The asynchronous object behind the view."""
        return object.__getattribute__(self, "_target")

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.target, name)
        if name == "with_raw_response":
            return Blocking(value)
        if inspect.ismethod(value) or inspect.iscoroutinefunction(value):
            return _blocking(value)
        return value

    def __dir__(self) -> list[str]:
        return dir(self.target)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_sleep":  # a recording sleep, such as `delays.append`
            record = value

            async def sleep(seconds: float) -> None:
                record(seconds)

            value = sleep
        setattr(self.target, name, value)

    def close(self) -> None:
        run(self.target.aclose())

    def __enter__(self) -> Blocking:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return repr(self.target)


def _blocking(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        if inspect.isawaitable(result):
            result = run(_awaited(result))
        if isinstance(result, AsyncIterator):
            return BlockingIterator(result)
        return result

    return call


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


class BlockingIterator(Iterator[Any]):
    """An async iterator read as an iterator; `close()` awaits its `aclose()`."""

    def __init__(self, source: AsyncIterator[Any]) -> None:
        self.source = source

    def __next__(self) -> Any:
        try:
            return run(_next(self.source))
        except StopAsyncIteration:
            raise StopIteration from None

    def close(self) -> None:
        aclose = getattr(self.source, "aclose", None)
        if aclose is not None:
            run(aclose())


async def _next(source: AsyncIterator[Any]) -> Any:
    return await source.__anext__()


def flavored_fixture() -> Any:
    """The autouse fixture that runs each test of a folder through both clients."""
    import pytest

    @pytest.fixture(autouse=True, params=FLAVORS)
    def flavor(request: pytest.FixtureRequest) -> Iterator[str]:
        set_flavor(request.param)
        try:
            yield request.param
        finally:
            set_flavor("sync")

    return flavor

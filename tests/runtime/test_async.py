"""What only the asynchronous client can meet: cancellation, concurrent calls on one client,
async iterators, awaited file objects, `async with`.

The rest of its behaviour is asserted by every other client test, run through both clients.
"""

from __future__ import annotations

import asyncio
import itertools
import random
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.runtime.test_media_types import SPEC as MEDIA_SPEC
from tests.support.generation import generate_and_import
from tests.support.paths import NEUTRAL_SPEC
from tests.support.signing import hmac_sha256_hex
from tests.support.transport import Sent

KEY = "neutral-key-1f2e3d"
SECRET = "neutral-secret-9a8b7c6d"
NOW = 1700000000000
ORDER = {
    "orderId": "n-1",
    "symbol": "BTC-EUR",
    "side": "buy",
    "quantity": "0.5",
    "price": "1.5",
    "filled": 0,
}


@pytest.fixture
def flavor() -> Iterator[str]:
    """This module's tests are asynchronous only."""
    yield "async"


@pytest.fixture(scope="module")
def neutral(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return generate_and_import(NEUTRAL_SPEC, Path(tmp_path_factory.mktemp("neutral")))


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = tmp_path_factory.mktemp("media")
    spec = out / "media.yaml"
    spec.write_text(MEDIA_SPEC, encoding="utf-8")
    return generate_and_import(spec, out / "generated")


def ok(data: Any) -> dict[str, Any]:
    return {"code": "0", "message": "ok", "data": data}


class Server:
    """An async MockTransport handler: records each attempt, answers as `answer` says."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.attempts: list[httpx.Request] = []
        self.started = asyncio.Event()

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.attempts.append(request)
        self.started.set()
        response: httpx.Response = await self.answer(request)
        return response

    def client(self, module: ModuleType, **options: Any) -> Any:
        options = {"api_key": KEY, "api_secret": SECRET, "clock": lambda: NOW, **options}
        http = httpx.AsyncClient(transport=httpx.MockTransport(self))
        return module.AsyncNeutralClient(http_client=http, **options)


async def never(request: httpx.Request) -> httpx.Response:
    await asyncio.Event().wait()
    raise AssertionError("unreachable")


def place(client: Any) -> Any:
    return client.place_order(
        symbol="BTC-EUR", side="buy", quantity=Decimal("0.5"), price=Decimal("65000.10")
    )


# -- cancellation ---------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", ["place_order", "get_order"])
def test_a_cancelled_call_raises_cancelled_error_and_is_not_retried(
    neutral: ModuleType, operation: str
) -> None:
    server = Server(never)

    async def scenario() -> None:
        client = server.client(neutral)
        if operation == "place_order":
            task = asyncio.create_task(place(client))
        else:
            task = asyncio.create_task(client.get_order(order_id="n-1"))
        await server.started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0.01)

    asyncio.run(scenario())
    assert len(server.attempts) == 1


def test_a_call_past_its_asyncio_timeout_is_cancelled_not_retried(neutral: ModuleType) -> None:
    server = Server(never)

    async def scenario() -> None:
        client = server.client(neutral)
        with pytest.raises(TimeoutError) as caught:
            async with asyncio.timeout(0.05):
                await client.get_order(order_id="n-1")
        assert not isinstance(caught.value, neutral.APIError)

    asyncio.run(scenario())
    assert len(server.attempts) == 1


def test_cancelling_during_the_backoff_wait_stops_the_retries(neutral: ModuleType) -> None:
    async def unavailable(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, json={"message": "busy"}, headers={"Retry-After": "30"})

    server = Server(unavailable)

    async def scenario() -> None:
        client = server.client(neutral, max_retries=5)
        slept: list[float] = []

        async def sleep(seconds: float) -> None:
            slept.append(seconds)
            await asyncio.Event().wait()

        client._sleep = sleep
        task = asyncio.create_task(client.get_order(order_id="n-1"))
        while not slept:
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert slept == [30.0]

    asyncio.run(scenario())
    assert len(server.attempts) == 1


# -- concurrency ----------------------------------------------------------------------------------


def test_concurrent_calls_on_one_client_each_sign_their_own_request(neutral: ModuleType) -> None:
    """Each of 100 interleaved calls sends the timestamp, body and signature that belong together."""
    shuffle = random.Random(7)

    async def answer(request: httpx.Request) -> httpx.Response:
        for _ in range(shuffle.randrange(4)):
            await asyncio.sleep(0)
        body = Sent.of(request).json()
        return httpx.Response(200, json=ok({**ORDER, "symbol": body["symbol"]}))

    server = Server(answer)
    clock = itertools.count(NOW)

    async def scenario() -> list[Any]:
        client = server.client(neutral, clock=lambda: next(clock))
        calls = [
            client.place_order(
                symbol=f"S{i}", side="buy", quantity=Decimal(f"0.{i + 1}"), price=Decimal("1.5")
            )
            for i in range(100)
        ]
        return list(await asyncio.gather(*calls))

    results = asyncio.run(scenario())

    assert [r.symbol for r in results] == [f"S{i}" for i in range(100)]
    sent = [Sent.of(r) for r in server.attempts]
    assert len({s.headers["x-ts"] for s in sent}) == 100
    for s in sent:
        prehash = s.headers["x-ts"].encode() + b"POST" + s.path + s.body
        assert s.headers["x-sign"] == hmac_sha256_hex(SECRET, prehash)
        assert s.headers["x-key"] == KEY
    assert sorted(s.json()["symbol"] for s in sent) == sorted(f"S{i}" for i in range(100))


# -- iterators, streams, files, closing -----------------------------------------------------------


def test_a_listing_is_an_async_iterator_over_every_page(neutral: ModuleType) -> None:
    pages = {None: (["a", "b"], "c2"), "c2": (["c"], None)}

    async def answer(request: httpx.Request) -> httpx.Response:
        items, following = pages[request.url.params.get("cursor")]
        orders = [{**ORDER, "orderId": i} for i in items]
        return httpx.Response(200, json=ok({"items": orders, "next_cursor": following}))

    server = Server(answer)

    async def scenario() -> list[str]:
        listing = server.client(neutral).iter_list_orders(symbol="BTC-EUR")
        assert isinstance(listing, AsyncIterator)
        return [order.order_id async for order in listing]

    assert asyncio.run(scenario()) == ["a", "b", "c"]
    assert len(server.attempts) == 2


class Body(httpx.AsyncByteStream):
    """A streamed body of event lines, recording whether it was closed."""

    def __init__(self, chunks: list[bytes], then: asyncio.Event | None = None) -> None:
        self.chunks = chunks
        self.then = then
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        if self.then is not None:
            await self.then.wait()

    async def aclose(self) -> None:
        self.closed = True


def streaming(body: Body) -> httpx.AsyncClient:
    async def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=body, headers={"content-type": "text/event-stream"})

    return httpx.AsyncClient(transport=httpx.MockTransport(answer))


def test_an_event_stream_is_read_with_async_for_and_released(media: ModuleType) -> None:
    body = Body([b"id: 1\ndata: a\n\n", b"data: b\n\n"])

    async def scenario() -> list[str]:
        events = await media.AsyncMediaClient(http_client=streaming(body)).stream_ticks()
        return [event.data async for event in events]

    assert asyncio.run(scenario()) == ["a", "b"]
    assert body.closed


def test_an_event_stream_closed_early_or_cancelled_releases_the_connection(
    media: ModuleType,
) -> None:
    closed, cancelled = Body([b"data: a\n\n", b"data: b\n\n"]), Body([], asyncio.Event())

    async def scenario() -> None:
        async with await media.AsyncMediaClient(
            http_client=streaming(closed)
        ).stream_ticks() as events:
            assert (await anext(events)).data == "a"
        assert closed.closed
        waiting = await media.AsyncMediaClient(http_client=streaming(cancelled)).stream_ticks()
        task = asyncio.create_task(anext(waiting))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert cancelled.closed

    asyncio.run(scenario())


class AsyncFile:
    """A file whose `read()` is awaited, as aiofiles and anyio give them."""

    name = "/tmp/report.csv"

    def __init__(self, content: bytes) -> None:
        self.content = content

    async def read(self) -> bytes:
        await asyncio.sleep(0)
        return self.content


def test_an_awaited_file_object_is_uploaded(media: ModuleType) -> None:
    sent: list[httpx.Request] = []

    async def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "file-1"})

    async def scenario() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        client = media.AsyncMediaClient(http_client=http)
        return await client.upload(file=AsyncFile(b"col\n1\n"), purpose="p")

    assert asyncio.run(scenario()).id == "file-1"
    assert b'filename="report.csv"\r\nContent-Type: text/csv\r\n\r\ncol\n1\n' in sent[0].content


def test_async_with_closes_the_pool_it_owns_and_leaves_a_given_one_open(
    neutral: ModuleType,
) -> None:
    async def scenario() -> None:
        async with neutral.AsyncNeutralClient() as owned:
            http = owned._http
        assert http.is_closed
        given = httpx.AsyncClient()
        async with neutral.AsyncNeutralClient(http_client=given):
            pass
        assert not given.is_closed
        await given.aclose()

    asyncio.run(scenario())

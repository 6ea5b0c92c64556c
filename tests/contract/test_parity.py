"""Parity of the two clients: every operation of the five packages, called with the same
arguments through `<Name>Client` and `Async<Name>Client`, sends the same bytes and ends the same way.

Each cassette's call is made through both clients, each on its own transport, under three
scripts: the recorded answer; a 503 and then the recorded answer; a connection reset after the
request went out. Compared attempt by attempt: method, URL, every header in order and the body
bytes; then the result (by value) or the error (class, message, status, code, API message, body,
`outcome_unknown`), and the waits before each retry. The clients are called directly (the async
one by `asyncio.run`), not through the views the other tests use.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support import apis
from tests.support import cassette as cz
from tests.support.flavors import async_class
from tests.support.replay import replay_clock

CASSETTES = cz.all_cassettes()
Script = Callable[[int, httpx.Request, httpx.Response], httpx.Response]


@pytest.fixture
def flavor() -> str:
    """Both clients are called by every test here."""
    return "both"


def recorded(attempt: int, request: httpx.Request, answer: httpx.Response) -> httpx.Response:
    return answer


def unavailable_once(
    attempt: int, request: httpx.Request, answer: httpx.Response
) -> httpx.Response:
    if attempt == 1:
        return httpx.Response(503, json={"message": "busy"}, headers={"Retry-After": "0.5"})
    return answer


def reset_after_send(
    attempt: int, request: httpx.Request, answer: httpx.Response
) -> httpx.Response:
    raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request)


SCRIPTS = {"recorded": recorded, "503-then-recorded": unavailable_once, "reset": reset_after_send}


class Wire:
    """The attempts one client made, as bytes, and the answers it was given."""

    def __init__(self, script: Script, answer: httpx.Response) -> None:
        self.script = script
        self.answer = answer
        self.attempts: list[tuple[str, str, list[tuple[bytes, bytes]], bytes]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.attempts.append(
            (request.method, str(request.url), list(request.headers.raw), request.read())
        )
        answer = self.answer
        fresh = httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)
        return self.script(len(self.attempts), request, fresh)


def outcome(value: Any) -> Any:
    """What a call ended with, comparable across the two clients."""
    if isinstance(value, BaseException):
        return (
            type(value).__name__,
            str(value),
            {
                name: getattr(value, name, None)
                for name in ("status_code", "code", "api_message", "body", "outcome_unknown")
            },
        )
    return value


def run_sync(cls: type, options: dict[str, Any], wire: Wire, name: str, kwargs: Any) -> Any:
    client = cls(http_client=httpx.Client(transport=httpx.MockTransport(wire)), **options)
    waits: list[float] = []
    client._sleep = waits.append
    random.seed(5)
    try:
        result: Any = getattr(client, name)(**kwargs)
    except Exception as exc:
        result = exc
    return outcome(result), waits


def run_async(cls: type, options: dict[str, Any], wire: Wire, name: str, kwargs: Any) -> Any:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    async def call() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(wire))
        client = async_class(cls)(http_client=http, **options)
        client._sleep = sleep
        random.seed(5)
        try:
            return await getattr(client, name)(**kwargs)
        except Exception as exc:
            return exc

    return outcome(asyncio.run(call())), waits


def test_every_operation_has_a_cassette_to_call_it_with() -> None:
    called = {(p.parent.name, p.name.split(".")[0]) for p in CASSETTES}
    for name in apis.API_NAMES:
        for operation in apis.get(name).operations:
            assert (name, operation) in called


@pytest.mark.parametrize("script", list(SCRIPTS))
@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_both_clients_send_the_same_bytes_and_end_the_same_way(path: Path, script: str) -> None:
    cassette = cz.load(path)
    api = apis.get(cassette.api)
    op = api.operations[cassette.operation]
    clock = replay_clock(op, cassette.request)
    options = {
        "base_url": cassette.base_url,
        "clock": lambda: clock,
        "nonce": lambda: "parity-nonce-1",
        "max_retries": 2,
        **api.test_credentials(),
    }
    answer = httpx.Response(
        cassette.response.status,
        headers=cassette.response.headers,
        content=cassette.response.content,
    )
    cls = api.client_class
    method = getattr(cls, cassette.operation)
    kwargs = cz.call_kwargs(method, cassette.call)

    sync_wire, async_wire = Wire(SCRIPTS[script], answer), Wire(SCRIPTS[script], answer)
    sync_end = run_sync(cls, options, sync_wire, cassette.operation, kwargs)
    async_end = run_async(cls, options, async_wire, cassette.operation, kwargs)

    assert sync_wire.attempts, "nothing was sent"
    assert async_wire.attempts == sync_wire.attempts
    assert async_end == sync_end

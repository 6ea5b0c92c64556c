"""What a trader needs of an order call: client order ids, refusals retried, the clock, the limits.

Through the generated Bitget and BTSE clients (both flavors), a scripted transport and, where the
network's own behaviour matters, a local HTTP server on 127.0.0.1. Every wait is recorded, never
slept: the retry sleep and the rate limiter's clock are injected.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import httpx
import pytest
from bitget_client import (
    APIStatusError,
    APITimeoutError,
    BitgetClient,
    RateLimiter,
    RateLimitError,
)
from btse_client import BtseClient

from tests.support.calls import bitget_envelope
from tests.support.flavors import built
from tests.support.transport import (
    ScriptedServer,
    answering,
    disconnect_after_send,
    read_timeout,
    reply,
)

KEY, SECRET, PASSPHRASE = "bg-key", "bg-secret", "bg-pass"
NOW = 1_750_496_809_871
ORDER_IDS = {"orderId": "1320244799629316096", "clientOid": "x"}
GENERATED_ID = re.compile(r"[0-9A-Za-z_-]{32}")


class FakeClock:
    """Milliseconds for signing and seconds for the limiter, moved only by recorded sleeps."""

    def __init__(self, ms: int = NOW) -> None:
        self.ms = ms
        self.slept: list[float] = []

    def __call__(self) -> int:
        return self.ms

    def seconds(self) -> float:
        return self.ms / 1000

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.ms += round(seconds * 1000)


def bitget(server: ScriptedServer, clock: FakeClock | None = None, **options: Any) -> Any:
    clock = clock or FakeClock()
    client = built(
        BitgetClient,
        api_key=KEY,
        api_secret=SECRET,
        passphrase=PASSPHRASE,
        http_client=server.http(),
        clock=clock,
        rate_limiter=RateLimiter(clock=clock.seconds),
        **options,
    )
    client._sleep = clock.sleep
    return client


def place(client: Any, **kw: Any) -> Any:
    return client.place_order(
        category="SPOT",
        symbol="BTCUSDT",
        side="buy",
        order_type="limit",
        qty=Decimal("0.001"),
        price=Decimal("60000"),
        **kw,
    )


def client_oids(server: ScriptedServer) -> list[str | None]:
    return [json.loads(sent.body).get("clientOid") for sent in server.sent if sent.body]


# ---------------------------------------------------------------------------------------------
# The trader's trial of Bitget place_order: 4 of 4.
# ---------------------------------------------------------------------------------------------


def test_trial_an_order_without_client_oid_gets_a_fresh_one() -> None:
    server = ScriptedServer(reply(200, bitget_envelope(ORDER_IDS)))
    client = bitget(server)
    place(client)
    place(client)
    first, second = client_oids(server)
    assert first is not None and GENERATED_ID.fullmatch(first)
    assert second is not None and GENERATED_ID.fullmatch(second)
    assert first != second


def test_trial_a_503_is_retried_with_the_same_client_oid_re_signed() -> None:
    server = ScriptedServer(reply(503, content="busy"), reply(200, bitget_envelope(ORDER_IDS)))
    clock = FakeClock()
    placed = place(bitget(server, clock))
    assert placed.order_id == ORDER_IDS["orderId"]
    (first, second) = client_oids(server)
    assert first == second and first is not None
    stamps = [sent.headers["access-timestamp"] for sent in server.sent]
    signatures = [sent.headers["access-sign"] for sent in server.sent]
    assert stamps[0] != stamps[1] and signatures[0] != signatures[1]  # signed afresh
    assert len(clock.slept) == 1


def test_trial_a_post_refused_with_429_and_retry_after_is_retried_after_that_wait() -> None:
    server = ScriptedServer(
        reply(429, bitget_envelope(None, "429", "Too Many Requests"), headers={"Retry-After": "3"}),
        reply(200, bitget_envelope(ORDER_IDS)),
    )
    clock = FakeClock()
    place(bitget(server, clock), client_oid="mine-1")
    assert client_oids(server) == ["mine-1", "mine-1"]
    assert sum(clock.slept) == pytest.approx(3.0)


def test_trial_a_timeout_error_carries_the_client_oid_to_look_the_order_up_by() -> None:
    server = ScriptedServer(read_timeout)
    with pytest.raises(APITimeoutError) as caught:
        place(bitget(server))
    oids = client_oids(server)
    assert len(oids) == 3 and len(set(oids)) == 1  # the first try and two retries, one id
    assert caught.value.client_order_id == oids[0]
    assert caught.value.outcome_unknown is True


# ---------------------------------------------------------------------------------------------
# Client order ids, beyond the trial.
# ---------------------------------------------------------------------------------------------


def test_a_callers_client_oid_is_sent_as_given_and_kept_on_every_retry() -> None:
    server = ScriptedServer(disconnect_after_send, reply(200, bitget_envelope(ORDER_IDS)))
    place(bitget(server), client_oid="spot-1750496809871")
    assert client_oids(server) == ["spot-1750496809871", "spot-1750496809871"]


def test_an_explicit_none_sends_no_id_so_an_unknown_outcome_is_not_retried() -> None:
    server = ScriptedServer(reply(503, content="busy"), reply(200, bitget_envelope(ORDER_IDS)))
    with pytest.raises(APIStatusError) as caught:
        place(bitget(server), client_oid=None)
    assert len(server.sent) == 1
    assert caught.value.outcome_unknown is True and caught.value.client_order_id is None


def test_a_refusal_after_an_unknown_outcome_leaves_the_outcome_unknown_with_the_id() -> None:
    # Bitget documents no code for a repeated clientOid: the retry's refusal may be that one.
    server = ScriptedServer(
        disconnect_after_send,
        reply(400, bitget_envelope(None, "40757", "duplicate clientOid")),
    )
    with pytest.raises(APIStatusError) as caught:
        place(bitget(server))
    assert caught.value.outcome_unknown is True
    assert caught.value.client_order_id == client_oids(server)[0]
    assert "look it up" in str(caught.value)


def test_operations_without_a_client_order_id_are_still_never_resent_after_a_503() -> None:
    server = ScriptedServer(reply(503, content="busy"), reply(200, bitget_envelope(ORDER_IDS)))
    client = bitget(server)
    with pytest.raises(APIStatusError) as caught:
        client.cancel_order(order_id="1")
    assert len(server.sent) == 1 and caught.value.outcome_unknown is True


# ---------------------------------------------------------------------------------------------
# Refused means safe: 429 retried for every method.
# ---------------------------------------------------------------------------------------------


def test_a_429_without_retry_after_is_retried_for_an_operation_that_is_not_repeatable() -> None:
    server = ScriptedServer(
        reply(429, bitget_envelope(None, "429", "Too Many Requests")),
        reply(200, bitget_envelope(ORDER_IDS)),
    )
    clock = FakeClock()
    bitget(server, clock).cancel_order(order_id="1")
    assert len(server.sent) == 2 and len(clock.slept) == 1 and clock.slept[0] > 0


def test_429_retries_stop_at_max_retries_with_a_rate_limit_error() -> None:
    server = ScriptedServer(reply(429, bitget_envelope(None, "429", "Too Many Requests")))
    with pytest.raises(RateLimitError) as caught:
        bitget(server, max_retries=1).cancel_order(order_id="1")
    assert len(server.sent) == 2 and caught.value.outcome_unknown is False


# ---------------------------------------------------------------------------------------------
# Clock sync.
# ---------------------------------------------------------------------------------------------


def test_sync_clock_corrects_a_clock_30_seconds_behind() -> None:
    clock = FakeClock()

    def server_side(request: httpx.Request, attempt: int) -> httpx.Response:
        clock.ms += 40  # each answer takes 40 ms on this clock: the midpoint is 20 ms in
        if request.url.path == "/api/v2/public/time":
            return httpx.Response(
                200, json=bitget_envelope({"serverTime": str(clock.ms - 20 + 30_000)})
            )
        return httpx.Response(200, json=bitget_envelope(ORDER_IDS))

    server = ScriptedServer(answering(server_side))
    client = bitget(server, clock)
    assert client.sync_clock() == 30_000
    assert client.clock_offset == 30_000
    before = clock.ms
    place(client)
    assert int(server.last.headers["access-timestamp"]) == before + 30_000
    assert "access-sign" not in server.sent[0].headers  # the time endpoint is public


def test_a_timestamp_refusal_resyncs_once_and_re_signs() -> None:
    clock = FakeClock()
    server_ahead = 30_000

    def server_side(request: httpx.Request, attempt: int) -> httpx.Response:
        server_now = clock.ms + server_ahead
        if request.url.path == "/api/v2/public/time":
            return httpx.Response(200, json=bitget_envelope({"serverTime": str(server_now)}))
        if abs(int(request.headers["access-timestamp"]) - server_now) > 5_000:
            return httpx.Response(400, json=bitget_envelope(None, "40008", "timestamp expired"))
        return httpx.Response(200, json=bitget_envelope(ORDER_IDS))

    server = ScriptedServer(answering(server_side))
    client = bitget(server, clock, max_retries=0)
    placed = place(client, client_oid="resync-1")
    assert placed.order_id == ORDER_IDS["orderId"]
    paths = [sent.path for sent in server.sent]
    assert paths == [
        b"/api/v3/trade/place-order",
        b"/api/v2/public/time",
        b"/api/v3/trade/place-order",
    ]
    assert client.clock_offset == server_ahead
    assert client_oids(server) == ["resync-1", "resync-1"]


def test_a_second_timestamp_refusal_is_raised_not_resynced_again() -> None:
    server = ScriptedServer(
        answering(
            lambda request, attempt: (
                httpx.Response(200, json=bitget_envelope({"serverTime": str(NOW)}))
                if request.url.path.endswith("/time")
                else httpx.Response(400, json=bitget_envelope(None, "40008", "timestamp expired"))
            )
        )
    )
    with pytest.raises(APIStatusError) as caught:
        place(bitget(server), client_oid="resync-2")
    assert caught.value.code == "40008"
    assert len(server.sent) == 3  # the order, the time, the re-signed order


def test_btse_reads_the_iso_time() -> None:
    clock = FakeClock(1_700_000_000_000 - 30_000)
    server = ScriptedServer(reply(200, {"iso": "2023-11-14T22:13:20.000Z", "epoch": 1700000000000}))
    client = built(BtseClient, http_client=server.http(), clock=clock)
    assert client.sync_clock() == 30_000


# ---------------------------------------------------------------------------------------------
# Rate limits.
# ---------------------------------------------------------------------------------------------


def test_a_burst_of_200_orders_keeps_10_per_second_and_waits_no_longer_than_needed() -> None:
    clock = FakeClock()
    sent_at: list[int] = []

    def server_side(request: httpx.Request, attempt: int) -> httpx.Response:
        sent_at.append(clock.ms)
        return httpx.Response(200, json=bitget_envelope(ORDER_IDS))

    client = bitget(ScriptedServer(answering(server_side)), clock)
    start = clock.ms
    for _ in range(200):
        place(client)
    # No window of one second holds more than 10 sends...
    for i in range(len(sent_at) - 10):
        assert sent_at[i + 10] - sent_at[i] >= 1000
    # ...and the 200th went out as soon as the limit allowed: 19 full seconds after the first.
    assert sent_at[-1] - start == 19_000
    usage = client.rate_limit_usage()["place-order"]
    assert (usage.used, usage.limit, usage.interval) == (10, 10, 1.0)


def test_calls_without_a_declared_limit_never_wait() -> None:
    clock = FakeClock()
    client = bitget(ScriptedServer(reply(200, bitget_envelope(ORDER_IDS))), clock)
    for _ in range(50):
        client.cancel_order(order_id="1")
    assert clock.slept == []


def test_a_limiter_is_shared_by_clients_and_can_be_turned_off() -> None:
    clock = FakeClock()
    server = ScriptedServer(reply(200, bitget_envelope(ORDER_IDS)))
    first = bitget(server, clock)
    second = built(
        BitgetClient,
        api_key=KEY,
        api_secret=SECRET,
        passphrase=PASSPHRASE,
        http_client=server.http(),
        clock=clock,
        rate_limiter=first.rate_limiter,
    )
    second._sleep = clock.sleep
    for _ in range(10):
        place(first)
    place(second)  # the same key: the shared limiter makes it wait for the window
    assert clock.slept == [pytest.approx(1.0)]
    off = built(
        BitgetClient,
        api_key=KEY,
        api_secret=SECRET,
        passphrase=PASSPHRASE,
        http_client=server.http(),
        clock=clock,
        rate_limiter=False,
    )
    off._sleep = clock.sleep
    for _ in range(30):
        place(off)
    assert clock.slept == [pytest.approx(1.0)] and off.rate_limit_usage() == {}


def test_a_429_retry_after_pauses_the_limiter_for_every_call() -> None:
    clock = FakeClock()
    server = ScriptedServer(
        reply(429, bitget_envelope(None, "429", "Too Many Requests"), headers={"Retry-After": "5"}),
        reply(200, bitget_envelope(ORDER_IDS)),
    )
    client = bitget(server, clock)
    place(client)
    assert sum(clock.slept) == pytest.approx(5.0)


def sliding_window_holds(times: list[float], limit: int, interval: float) -> bool:
    ordered = sorted(times)
    return all(
        ordered[i + limit] - ordered[i] >= interval - 1e-9 for i in range(len(ordered) - limit)
    )


def test_threads_sharing_one_limiter_get_the_exact_schedule() -> None:
    import threading

    from bitget_client import RateLimit

    now = 1000.0
    limiter = RateLimiter([RateLimit("orders", 10, 1.0)], clock=lambda: now)
    send_times: list[float] = []
    lock = threading.Lock()

    def trader() -> None:
        for _ in range(25):
            at = now + limiter.reserve([("orders", 1)], "k")
            with lock:
                send_times.append(at)

    threads = [threading.Thread(target=trader) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(send_times) == 200
    assert sliding_window_holds(send_times, 10, 1.0)
    assert sorted(send_times) == [now + second for second in range(20) for _ in range(10)]


def test_async_tasks_of_one_client_share_its_limiter_without_blocking_the_loop() -> None:
    import asyncio

    from bitget_client import AsyncBitgetClient

    waits: list[float] = []

    async def recorded_sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(0)  # the loop runs the other tasks meanwhile

    async def burst() -> None:
        server = ScriptedServer(reply(200, bitget_envelope(ORDER_IDS)))
        transport = httpx.MockTransport(server)
        async with AsyncBitgetClient(
            api_key=KEY,
            api_secret=SECRET,
            passphrase=PASSPHRASE,
            http_client=httpx.AsyncClient(transport=transport),
            clock=lambda: NOW,
            rate_limiter=RateLimiter(clock=lambda: 50.0),
        ) as client:
            client._sleep = recorded_sleep
            await asyncio.gather(*(place(client) for _ in range(40)))
        assert len(server.sent) == 40

    asyncio.run(burst())
    assert sorted(waits) == [float(second) for second in range(1, 4) for _ in range(10)]


def test_a_shared_limiter_counts_key_limits_per_key_and_account_limits_over_all() -> None:
    from bitget_client import RateLimit

    limiter = RateLimiter(
        [RateLimit("per-key", 2, 1.0, "key"), RateLimit("per-uid", 3, 1.0, "uid")],
        clock=lambda: 0.0,
    )
    assert [limiter.reserve([("per-key", 1)], key) for key in ("a", "a", "b", "b")] == [0.0] * 4
    assert limiter.reserve([("per-key", 1)], "a") == 1.0
    waits = [limiter.reserve([("per-uid", 1)], key) for key in ("a", "b", "c", "d")]
    assert waits == [0.0, 0.0, 0.0, 1.0]

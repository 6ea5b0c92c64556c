"""Timeouts, raw responses, URL reuse and logging of the client runtime, through the vendor clients.

Each test drives a generated client through the scripted transport, with a recording sleep so
nothing sleeps.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import bitget_client
import bitria_client
import httpx
import pytest
from bitcain_client import BitcainClient
from bitget_client import BitgetClient
from bitria_client import BitriaClient
from btse_client import BtseClient
from hummingbot_client import HummingbotClient

from tests.support.calls import (
    BITCAIN_ORDER,
    BITCAIN_ORDER_ID,
    BITGET_ORDER_INFO,
    BITGET_TOO_MANY,
    BITRIA_ACCEPTED,
    BTSE_TICKER,
    CREDENTIALS,
    HB_ORDER,
    PACKAGES,
    PLACE_ORDERS,
    READ_BY_CLIENT,
    bitget_envelope,
    hb_page,
    make_client,
    package_of,
    secrets_of,
)
from tests.support.flavors import built, is_async
from tests.support.transport import (
    ScriptedServer,
    connect_reset,
    read_timeout,
    reply,
    reset_after_send,
)


def test_parsed_urls_are_reused_only_for_paths_without_parameters() -> None:
    server = ScriptedServer(reply(200, BITCAIN_ORDER))
    client, _ = make_client(BitcainClient, server)
    ids = [f"497f6eca-6276-4993-bfeb-53cbbbba6f{n:02x}" for n in range(40)]
    for order_id in ids:
        client.get_order(order_id=order_id)
    op = PLACE_ORDERS["bitcain"]
    server.script = [reply(op.status, op.body)]
    op.call(client)
    op.call(client)

    # One entry per fixed path, however many order ids went by: the reuse is bounded.
    placed = str(server.attempts[-1].url)
    assert placed.endswith("/orders")
    assert list(client._fixed_urls) == [placed]
    assert str(server.attempts[-2].url) == placed
    assert [str(r.url).rsplit("/", 1)[-1] for r in server.attempts[:40]] == ids


# ============================================================================================
# Timeouts
# ============================================================================================


def sent_timeout(server: ScriptedServer, index: int = -1) -> dict[str, float | None]:
    timeout: dict[str, float | None] = server.attempts[index].extensions["timeout"]
    return timeout


def test_default_timeout() -> None:
    server = ScriptedServer(reply(200, BTSE_TICKER))
    client, _ = make_client(BtseClient, server)

    client.get_ticker(symbol="BTC-USD")

    assert sent_timeout(server) == {"connect": 5.0, "read": 10.0, "write": 10.0, "pool": 10.0}
    assert client.timeout == httpx.Timeout(10.0, connect=5.0)


def test_default_timeout_applies_when_client_owns_its_http_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[httpx.Request] = []

    def send(self: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=BTSE_TICKER, request=request)

    async def send_async(
        self: httpx.AsyncClient, request: httpx.Request, **kwargs: Any
    ) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=BTSE_TICKER, request=request)

    if is_async():
        monkeypatch.setattr(httpx.AsyncClient, "send", send_async)
    else:
        monkeypatch.setattr(httpx.Client, "send", send)
    with built(BtseClient) as client:
        client.get_ticker(symbol="BTC-USD")

    assert seen[0].extensions["timeout"] == {
        "connect": 5.0,
        "read": 10.0,
        "write": 10.0,
        "pool": 10.0,
    }


@pytest.mark.parametrize(
    ("client_timeout", "expected"),
    [
        (3.0, {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}),
        (
            httpx.Timeout(20.0, connect=2.0),
            {"connect": 2.0, "read": 20.0, "write": 20.0, "pool": 20.0},
        ),
    ],
)
def test_timeout_per_client(client_timeout: Any, expected: dict[str, float]) -> None:
    server = ScriptedServer(reply(200, BITCAIN_ORDER))
    client, _ = make_client(BitcainClient, server, timeout=client_timeout)

    client.get_order(order_id=BITCAIN_ORDER_ID)

    assert sent_timeout(server) == expected


@pytest.mark.parametrize(
    ("call_timeout", "expected"),
    [
        (1.5, {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}),
        (httpx.Timeout(2.0, read=7.0), {"connect": 2.0, "read": 7.0, "write": 2.0, "pool": 2.0}),
    ],
)
def test_timeout_per_call_overrides_client(call_timeout: Any, expected: dict[str, float]) -> None:
    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server, timeout=30.0)

    op.call(client, timeout=call_timeout)

    assert sent_timeout(server) == expected


def test_per_call_timeout_is_kept_on_every_retry() -> None:
    server = ScriptedServer(
        read_timeout, reply(500, {"detail": "x"}), reply(200, hb_page([HB_ORDER], None))
    )
    client, _ = make_client(HummingbotClient, server, timeout=30.0)

    client.search_orders(status="FILLED", timeout=2.5)

    assert len(server.attempts) == 3
    for index in range(3):
        assert sent_timeout(server, index) == {
            "connect": 2.5,
            "read": 2.5,
            "write": 2.5,
            "pool": 2.5,
        }


def test_per_call_timeout_is_passed_through_iterators() -> None:
    server = ScriptedServer(reply(200, {"data": [], "page": 1, "limit": 20, "total": 0}))
    client, _ = make_client(BitriaClient, server)

    assert list(client.iter_list_orders(timeout=4.0)) == []

    assert sent_timeout(server) == {"connect": 4.0, "read": 4.0, "write": 4.0, "pool": 4.0}


# ============================================================================================
# Raw responses
# ============================================================================================


def test_raw_response_gives_status_headers_and_parsed_body() -> None:
    op = PLACE_ORDERS["bitria"]
    server = ScriptedServer(reply(202, BITRIA_ACCEPTED, headers={"X-RateLimit-Remaining": "118"}))
    client, _ = make_client(op.cls, server)

    raw = op.call(client.with_raw_response)

    assert isinstance(raw, bitria_client.RawResponse)
    assert raw.status_code == 202
    assert raw.headers["X-RateLimit-Remaining"] == "118"
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.http_response.json() == BITRIA_ACCEPTED
    parsed = raw.parse()
    assert isinstance(parsed, bitria_client.models.OrderAccepted)
    assert parsed.order_id == "1789200345611"
    assert parsed.status == "PENDING"
    assert len(server.attempts) == 1


def test_raw_response_of_envelope_api_parses_to_the_data() -> None:
    server = ScriptedServer(reply(200, bitget_envelope(BITGET_ORDER_INFO)))
    client, _ = make_client(BitgetClient, server)

    raw = client.with_raw_response.get_order(order_id="1320244799629316096")

    assert raw.status_code == 200
    assert raw.http_response.json()["code"] == "00000"
    assert isinstance(raw.parse(), bitget_client.models.OrderInfo)
    assert raw.parse().order_id == "1320244799629316096"


def test_raw_response_after_retry_is_the_final_answer() -> None:
    server = ScriptedServer(
        reply(503, {"message": "busy"}, headers={"X-Attempt": "1"}),
        reply(200, hb_page([HB_ORDER], None, total=1), headers={"X-Attempt": "2"}),
    )
    client, _ = make_client(HummingbotClient, server)

    raw = client.with_raw_response.search_orders(status="FILLED")

    assert raw.status_code == 200
    assert raw.headers["X-Attempt"] == "2"
    assert raw.parse().data[0].order_id == "buy-BTC-USDT-1718000000000000"


def test_raw_response_of_operation_returning_nothing() -> None:
    server = ScriptedServer(reply(200, bitget_envelope(None)))
    client, _ = make_client(BitgetClient, server)

    raw = client.with_raw_response.cancel_strategy_order(order_id="strategy-order-id")

    assert raw.status_code == 200
    assert raw.parse() is None


def test_raw_response_raises_the_typed_error() -> None:
    server = ScriptedServer(reply(409, {"code": 409, "message": "order already filled"}))
    client, _ = make_client(BitriaClient, server)

    with pytest.raises(bitria_client.ConflictError):
        client.with_raw_response.cancel_order(order_id="1789200345611")


# ============================================================================================
# Logging
# ============================================================================================

LOG_LINE = re.compile(
    r"^(GET|POST|PATCH|DELETE) (\S+) -> (\d{3}) in (\d+\.\d) ms \(retries=(\d+)\)$"
)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_one_logger_per_package(package: Any, caplog: pytest.LogCaptureFixture) -> None:
    name = package.__name__
    cls = next(c for c in CREDENTIALS if c.__module__.startswith(name + "."))
    op = READ_BY_CLIENT[cls]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(cls, server)
    caplog.set_level(logging.DEBUG, logger=name)

    op.call(client)

    records = [r for r in caplog.records if r.name == name]
    assert len(records) == 1
    assert records[0].levelno == logging.DEBUG
    match = LOG_LINE.match(records[0].getMessage())
    assert match, records[0].getMessage()
    assert match.group(1) == server.attempts[0].method
    assert match.group(2) == str(server.attempts[0].url)
    assert int(match.group(3)) == op.status
    assert match.group(5) == "0"


def test_log_records_method_url_status_duration_and_retries(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = ScriptedServer(
        reply(503, {"message": "busy"}),
        reply(429, BITGET_TOO_MANY, headers={"Retry-After": "1"}),
        reply(200, bitget_envelope(BITGET_ORDER_INFO)),
    )
    client, _ = make_client(BitgetClient, server)
    caplog.set_level(logging.DEBUG, logger="bitget_client")

    client.get_order(order_id="1320244799629316096")

    records = [r for r in caplog.records if r.name == "bitget_client"]
    debug = [r for r in records if r.levelno == logging.DEBUG]
    info = [r for r in records if r.levelno == logging.INFO]
    matches = [LOG_LINE.match(r.getMessage()) for r in debug]
    lines = [m for m in matches if m is not None]
    assert len(lines) == len(matches), [r.getMessage() for r in debug]
    assert [(m.group(1), m.group(3), m.group(5)) for m in lines] == [
        ("GET", "503", "0"),
        ("GET", "429", "1"),
        ("GET", "200", "2"),
    ]
    assert all(
        m.group(2) == "https://api.bitget.com/api/v3/trade/order-info?orderId=1320244799629316096"
        for m in lines
    )
    assert len(info) == 2
    assert "503" in info[0].getMessage() and "order-info" in info[0].getMessage()
    assert "429" in info[1].getMessage() and "1.00 s" in info[1].getMessage()


def test_retry_after_transport_error_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    server = ScriptedServer(read_timeout, reply(200, BTSE_TICKER))
    client, _ = make_client(BtseClient, server)
    caplog.set_level(logging.DEBUG, logger="btse_client")

    client.get_ticker(symbol="BTC-USD")

    messages = [r.getMessage() for r in caplog.records if r.name == "btse_client"]
    assert any("ReadTimeout" in m and "/v2/ticker/BTC-USD" in m for m in messages)
    assert any(m.endswith("(retries=1)") and "-> 200" in m for m in messages)


@pytest.mark.parametrize("cls", list(CREDENTIALS), ids=lambda c: c.__name__)
def test_logs_hold_no_secret(cls: type, caplog: pytest.LogCaptureFixture) -> None:
    read = READ_BY_CLIENT[cls]
    server = ScriptedServer(
        connect_reset, reply(500, {"message": "x"}), reply(read.status, read.body)
    )
    client, _ = make_client(cls, server)
    caplog.set_level(logging.DEBUG)

    read.call(client)
    failing, _ = make_client(cls, ScriptedServer(reset_after_send))
    with pytest.raises(package_of(cls).APIConnectionError):
        next(o for o in PLACE_ORDERS.values() if o.cls is cls).call(failing)

    text = "\n".join(r.getMessage() for r in caplog.records)
    assert text, "something was logged"
    for secret in secrets_of(cls):
        assert secret not in text
    for headers in server.sent_headers:
        for name in ("authorization", "access-sign", "x-api-signature", "btse-sign"):
            if name in headers:
                assert headers[name] not in text

"""The shared client runtime, driven end to end through a fault-injecting httpx.MockTransport.

Every test talks to a generated client (Bitria, bitcain, Bitget, Hummingbot, BTSE) exactly as a
trader would; the transport plays a script of outcomes, one per attempt: connection reset before
anything is sent, reset / disconnect / read timeout after the request was sent, 429 with and
without Retry-After, 500, 502 with an HTML body, truncated JSON, a body that violates the schema,
an envelope error inside HTTP 200. `client._sleep` is replaced by a recorder, so nothing sleeps.

Two counters per server: `attempts` (every request the client tried to send) and `received`
(requests that got past the connection, i.e. may have been acted on). Order-placing operations
must never produce two received requests.

This module holds the shared harness (fault server, clients, spec bodies, operation tables) and the
timeout, raw-response and logging tests; test_retries.py, test_errors_runtime.py,
test_pagination.py and test_decimals.py import the harness from here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import bitcain_client
import bitget_client
import bitria_client
import btse_client
import httpx
import hummingbot_client
import pytest
from bitcain_client import BitcainClient
from bitget_client import BitgetClient
from bitria_client import BitriaClient
from btse_client import BtseClient
from hummingbot_client import HummingbotClient

PACKAGES = [bitria_client, bitcain_client, bitget_client, hummingbot_client, btse_client]
NOW_MS = 1750496809871

# --------------------------------------------------------------------------------------------
# Fault-injecting server
# --------------------------------------------------------------------------------------------

Action = Callable[["FaultServer", httpx.Request], httpx.Response]


class FaultServer:
    """A MockTransport handler playing one scripted outcome per attempt (the last one repeats)."""

    def __init__(self, *script: Action) -> None:
        assert script, "a server needs at least one outcome"
        self.script = list(script)
        self.attempts: list[httpx.Request] = []
        self.received: list[httpx.Request] = []
        self.sent_headers: list[dict[str, str]] = []
        self.sent_bodies: list[bytes] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        # The client re-sends the same Request object on a retry: snapshot what went out now.
        self.attempts.append(request)
        self.sent_headers.append(dict(request.headers))
        self.sent_bodies.append(request.read())
        action = self.script[min(len(self.attempts), len(self.script)) - 1]
        return action(self, request)


def connect_reset(server: FaultServer, request: httpx.Request) -> httpx.Response:
    """TCP reset while connecting: nothing reached the server."""
    raise httpx.ConnectError("[Errno 104] Connection reset by peer", request=request)


def connect_timeout(server: FaultServer, request: httpx.Request) -> httpx.Response:
    """The connection could not be made in time: nothing reached the server."""
    raise httpx.ConnectTimeout("timed out", request=request)


def reset_after_send(server: FaultServer, request: httpx.Request) -> httpx.Response:
    """The request went out, then the connection was reset before any answer."""
    server.received.append(request)
    raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request)


def disconnect_after_send(server: FaultServer, request: httpx.Request) -> httpx.Response:
    """The request went out, then the server closed the connection without answering."""
    server.received.append(request)
    raise httpx.RemoteProtocolError(
        "Server disconnected without sending a response.", request=request
    )


def read_timeout(server: FaultServer, request: httpx.Request) -> httpx.Response:
    """The request went out; the answer did not come in time."""
    server.received.append(request)
    raise httpx.ReadTimeout("The read operation timed out", request=request)


def reply(
    status: int,
    body: Any = None,
    *,
    content: bytes | str | None = None,
    headers: dict[str, str] | None = None,
) -> Action:
    """An HTTP answer: `body` as JSON, or `content` as the exact bytes."""

    def action(server: FaultServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        if content is not None:
            raw = content.encode() if isinstance(content, str) else content
            all_headers = {"Content-Type": "application/json", **(headers or {})}
            return httpx.Response(status, content=raw, headers=all_headers)
        return httpx.Response(status, json=body, headers=headers)

    return action


NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n"
    + "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n" * 40
    + "</body>\r\n</html>\r\n"
)


# --------------------------------------------------------------------------------------------
# Clients
# --------------------------------------------------------------------------------------------

CREDENTIALS: dict[type, dict[str, str]] = {
    BitriaClient: {"api_key": "bitria-key-9f3a51c2", "api_secret": "bitria-secret-7c1e44d0b2"},
    BitcainClient: {"token": "bitcain-token-eyJhbGciOiJIUzI1NiJ9"},
    BitgetClient: {
        "api_key": "bg_4d6f0a9c2e71b3",
        "api_secret": "bitget-secret-5e8a1c3f9b",
        "passphrase": "bitget-pass-Zq81",
    },
    HummingbotClient: {"username": "hb-admin-user", "password": "hb-password-Xy93"},
    BtseClient: {"api_key": "btse-key-0c4f2a7d", "api_secret": "btse-secret-8d2e6b19f0"},
}


def package_of(cls: type) -> Any:
    """The generated package a client class comes from (its errors, models, RawResponse)."""
    return __import__(cls.__module__.split(".")[0])


def secrets_of(cls: type) -> list[str]:
    return list(CREDENTIALS[cls].values())


def make_client(cls: type, server: FaultServer, **options: Any) -> tuple[Any, list[float]]:
    """A client of `cls` talking to `server`, with a fixed clock and a recording sleep."""
    options.setdefault("clock", lambda: NOW_MS)
    client = cls(
        http_client=httpx.Client(transport=httpx.MockTransport(server)),
        **CREDENTIALS[cls],
        **options,
    )
    delays: list[float] = []
    client._sleep = delays.append
    return client, delays


# --------------------------------------------------------------------------------------------
# Bodies, taken from the specs' examples
# --------------------------------------------------------------------------------------------

BITRIA_ORDER = {
    "orderId": "1789200345611",
    "symbol": "BTC-USDT",
    "side": "BUY",
    "orderType": "LIMIT",
    "tradeType": "SPOT",
    "status": "FILLED",
    "quantity": 0.01,
    "price": 65000.5,
    "funds": None,
    "leverage": None,
    "marginMode": None,
    "filledQuantity": 0.01,
    "avgPrice": 65000.5,
    "createdAt": 1718000000000,
    "updatedAt": 1718000004210,
}
BITRIA_FILL = {
    "fillId": "5500120001",
    "orderId": "1789200345611",
    "symbol": "BTC-USDT",
    "side": "BUY",
    "tradeType": "SPOT",
    "price": 65000.5,
    "quantity": 0.01,
    "fee": 0.65,
    "feeCoin": "USDT",
    "time": 1718000004210,
}
BITRIA_ORDER_DETAIL = {**BITRIA_ORDER, "fills": [BITRIA_FILL]}
BITRIA_ACCEPTED = {
    "orderId": "1789200345611",
    "symbol": "BTC-USDT",
    "side": "BUY",
    "orderType": "LIMIT",
    "tradeType": "SPOT",
    "status": "PENDING",
    "createdAt": 1718000000000,
}

BITCAIN_ORDER_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
BITCAIN_ORDER = {
    "id": BITCAIN_ORDER_ID,
    "client_order_id": "my-order-0001",
    "portfolio_id": "6f1c2a4e-8d3b-4c57-9a0e-2b7d5e9f1a33",
    "symbol": "BTC/USD",
    "side": "buy",
    "type": "limit",
    "quantity": 0.01,
    "price": 65000.5,
    "stop_price": None,
    "time_in_force": "gtc",
    "expires_at": None,
    "reduce_only": False,
    "post_only": True,
    "status": "pending",
    "filled_quantity": 0,
    "average_fill_price": None,
    "trading_mode": "live",
    "exchange": "binanceus",
    "exchange_order_id": None,
    "source": "manual",
    "agent_id": None,
    "error_message": None,
    "created_at": "2025-01-15T10:30:00Z",
    "updated_at": "2025-01-15T10:30:00Z",
}
FASTAPI_422 = {
    "detail": [
        {
            "loc": ["query", "limit"],
            "msg": "Input should be less than or equal to 200",
            "type": "less_than_equal",
            "input": "500",
            "ctx": {"le": 200},
        }
    ]
}


def bitget_envelope(data: Any, code: str = "00000", msg: str = "success") -> dict[str, Any]:
    return {"code": code, "msg": msg, "requestTime": 1750496809890, "data": data}


BITGET_ORDER_IDS = {"orderId": "1320244799629316096", "clientOid": "spot-1750496809871"}
BITGET_ORDER_INFO = {
    "orderId": "1320244799629316096",
    "clientOid": "1320244799633510400",
    "category": "USDT-FUTURES",
    "symbol": "BTCUSDT",
    "orderType": "limit",
    "side": "buy",
    "price": "50000",
    "qty": "0.001",
    "amount": "0",
    "cumExecQty": "0",
    "cumExecValue": "0",
    "avgPrice": "0",
    "timeInForce": "gtc",
    "orderStatus": "live",
    "posSide": "long",
    "holdMode": "hedge_mode",
    "reduceOnly": "NO",
    "feeDetail": [{"feeCoin": "", "fee": ""}],
    "createdTime": "1750496809871",
    "updatedTime": "1750496809886",
    "cancelReason": "",
    "execType": "normal",
    "stpMode": "none",
    "tpTriggerBy": None,
}
BITGET_SIGN_ERROR = bitget_envelope(None, code="40009", msg="sign signature error")
BITGET_TOO_MANY = bitget_envelope(None, code="429", msg="Too Many Requests")

HB_TRADE_RESPONSE = {
    "order_id": "buy-BTC-USDT-1718000000000000",
    "account_name": "master_account",
    "connector_name": "binance",
    "trading_pair": "BTC-USDT",
    "trade_type": "BUY",
    "amount": "1",
    "order_type": "LIMIT",
    "price": "123",
    "status": "submitted",
}
HB_ORDER = {
    "order_id": "buy-BTC-USDT-1718000000000000",
    "account_name": "master_account",
    "connector_name": "binance",
    "trading_pair": "BTC-USDT",
    "trade_type": "BUY",
    "order_type": "LIMIT",
    "amount": 1,
    "price": 123,
    "status": "FILLED",
    "filled_amount": 1,
    "average_fill_price": 123,
    "fee_paid": 0.123,
    "fee_currency": "USDT",
    "created_at": "2024-06-10T06:13:20+00:00",
    "updated_at": "2024-06-10T06:14:02+00:00",
    "exchange_order_id": "28457123",
    "error_message": None,
}
HB_CURSOR = "2024-06-10T06:13:20+00:00|buy-BTC-USDT-1718000000000000"


def hb_page(
    orders: list[dict[str, Any]], next_cursor: str | None, total: int = 250
) -> dict[str, Any]:
    return {
        "data": orders,
        "pagination": {
            "limit": 100,
            "has_more": next_cursor is not None,
            "next_cursor": next_cursor,
            "total_count": total,
        },
    }


BTSE_PLACED = {"id": "6f1b5c2e-3d2a-4a8e-9f7b-0c1d2e3f4a5b"}
BTSE_FILLS = [
    {
        "amount": 0.01,
        "created_at": "2023-11-14 22:13:20",
        "fee": 0.15,
        "id": 123456789,
        "order_id": "6f1b5c2e-3d2a-4a8e-9f7b-0c1d2e3f4a5b",
        "price": 30000.5,
        "symbol": "BTC-USD",
        "side": "BUY",
        "tag": "",
        "trade_id": "89456123",
    }
]
BTSE_TICKER = {
    "ask": "31001",
    "bid": "30990",
    "price": "31000.5",
    "size": "0.012",
    "time": "2023-11-14 22:13:20",
    "volume": "1250.3341",
}


# --------------------------------------------------------------------------------------------
# Operations under test
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    cls: type
    call: Callable[..., Any]
    status: int
    body: Any
    bad_body: Any = None  # a 2xx body that violates the schema
    bad_field: str = ""  # a field the validation error must name


PLACE_ORDERS = {
    "bitria": Op(
        BitriaClient,
        lambda c, **kw: c.place_order(
            symbol="BTC-USDT",
            side="BUY",
            order_type="LIMIT",
            trade_type="SPOT",
            quantity=Decimal("0.01"),
            price=Decimal("65000.5"),
            **kw,
        ),
        202,
        BITRIA_ACCEPTED,
        bad_body={**BITRIA_ACCEPTED, "orderId": None},
        bad_field="orderId",
    ),
    "bitcain": Op(
        BitcainClient,
        lambda c, **kw: c.place_order(
            symbol="BTC/USD",
            side="buy",
            type="limit",
            quantity=Decimal("0.01"),
            price=Decimal("65000.5"),
            time_in_force="gtc",
            post_only=True,
            client_order_id="my-order-0001",
            **kw,
        ),
        200,
        BITCAIN_ORDER,
        bad_body={**BITCAIN_ORDER, "id": "not-a-uuid"},
        bad_field="id",
    ),
    "bitget": Op(
        BitgetClient,
        lambda c, **kw: c.place_order(
            category="SPOT",
            symbol="BTCUSDT",
            side="buy",
            order_type="limit",
            qty=Decimal("0.001"),
            price=Decimal("60000"),
            time_in_force="gtc",
            client_oid="spot-1750496809871",
            **kw,
        ),
        200,
        bitget_envelope(BITGET_ORDER_IDS),
        bad_body=bitget_envelope({"clientOid": "spot-1750496809871"}),
        bad_field="orderId",
    ),
    "hummingbot": Op(
        HummingbotClient,
        lambda c, **kw: c.place_order(
            account_name="master_account",
            connector_name="binance",
            trading_pair="BTC-USDT",
            trade_type="BUY",
            amount=Decimal("1"),
            order_type="LIMIT",
            price=Decimal("123"),
            position_action="OPEN",
            **kw,
        ),
        201,
        HB_TRADE_RESPONSE,
        bad_body={k: v for k, v in HB_TRADE_RESPONSE.items() if k != "order_id"},
        bad_field="order_id",
    ),
    "btse": Op(
        BtseClient,
        lambda c, **kw: c.place_order(
            symbol="BTC-USD",
            side="BUY",
            type="LIMIT",
            amount=Decimal("0.01"),
            price=Decimal("30000.5"),
            time_in_force="GTC",
            post_only=False,
            client_oid=1700000000001,
            **kw,
        ),
        200,
        BTSE_PLACED,
        bad_body={"id": ["6f1b5c2e"]},
        bad_field="id",
    ),
}

# Operations safe to repeat: GETs, and POSTs the spec marks x-idempotent.
SAFE_READS = {
    "bitria.get_order": Op(
        BitriaClient,
        lambda c, **kw: c.get_order(order_id="1789200345611", **kw),
        200,
        BITRIA_ORDER_DETAIL,
    ),
    "bitcain.get_order": Op(
        BitcainClient,
        lambda c, **kw: c.get_order(order_id=BITCAIN_ORDER_ID, **kw),
        200,
        BITCAIN_ORDER,
    ),
    "bitget.get_order": Op(
        BitgetClient,
        lambda c, **kw: c.get_order(order_id="1320244799629316096", **kw),
        200,
        bitget_envelope(BITGET_ORDER_INFO),
    ),
    "hummingbot.search_orders(POST, x-idempotent)": Op(
        HummingbotClient,
        lambda c, **kw: c.search_orders(
            account_names=["master_account"], status="FILLED", limit=100, **kw
        ),
        200,
        hb_page([HB_ORDER], None, total=1),
    ),
    "btse.list_fills(POST, x-idempotent)": Op(
        BtseClient, lambda c, **kw: c.list_fills(symbol="BTC-USD", limit=50, **kw), 200, BTSE_FILLS
    ),
    "btse.get_ticker": Op(
        BtseClient, lambda c, **kw: c.get_ticker(symbol="BTC-USD", **kw), 200, BTSE_TICKER
    ),
}

# Other operations that change state and are not marked idempotent: never retried after sending.
UNSAFE_WRITES = {
    "bitria.cancel_order(POST)": Op(
        BitriaClient,
        lambda c, **kw: c.cancel_order(order_id="1789200345611", **kw),
        200,
        {"orderId": "1789200345611", "status": "CANCELLED"},
    ),
    "bitcain.cancel_order(DELETE)": Op(
        BitcainClient,
        lambda c, **kw: c.cancel_order(order_id=BITCAIN_ORDER_ID, **kw),
        200,
        BITCAIN_ORDER,
    ),
    "bitcain.update_order(PATCH)": Op(
        BitcainClient,
        lambda c, **kw: c.update_order(
            order_id=BITCAIN_ORDER_ID, price=Decimal("64500"), quantity=Decimal("0.02"), **kw
        ),
        200,
        BITCAIN_ORDER,
    ),
    "bitcain.retry_order(POST)": Op(
        BitcainClient,
        lambda c, **kw: c.retry_order(order_id=BITCAIN_ORDER_ID, **kw),
        200,
        BITCAIN_ORDER,
    ),
    "bitget.cancel_order(POST)": Op(
        BitgetClient,
        lambda c, **kw: c.cancel_order(order_id="1234567890", **kw),
        200,
        bitget_envelope({"orderId": "1234567890", "clientOid": "my-order-001"}),
    ),
    "bitget.copy_futures_transfer(POST)": Op(
        BitgetClient,
        lambda c, **kw: c.copy_futures_transfer(
            coin="USDT", amount=Decimal("500"), type="in", **kw
        ),
        200,
        bitget_envelope({"transferId": "1320246611235696640"}),
    ),
    "hummingbot.cancel_order(POST)": Op(
        HummingbotClient,
        lambda c, **kw: c.cancel_order(
            account_name="master_account",
            connector_name="binance",
            client_order_id="buy-BTC-USDT-1718000000000000",
            **kw,
        ),
        200,
        {"message": "Order cancellation initiated for buy-BTC-USDT-1718000000000000"},
    ),
    "btse.cancel_order(POST)": Op(
        BtseClient,
        lambda c, **kw: c.cancel_order(
            order_id="6f1b5c2e-3d2a-4a8e-9f7b-0c1d2e3f4a5b", symbol="BTC-USD", **kw
        ),
        200,
        [{"code": 0, "data": {}, "msg": "", "success": True, "time": 1700000000000}],
    ),
}

# Faults a retry-safe operation recovers from with one retry.
RETRYABLE_FAULTS: dict[str, Action] = {
    "connect_reset": connect_reset,
    "connect_timeout": connect_timeout,
    "reset_after_send": reset_after_send,
    "disconnect_after_send": disconnect_after_send,
    "read_timeout": read_timeout,
    "429": reply(429, {"message": "rate limit exceeded"}),
    "429_retry_after": reply(429, {"message": "rate limit exceeded"}, headers={"Retry-After": "2"}),
    "500": reply(500, {"message": "internal error"}),
    "502_html": reply(502, content=NGINX_502, headers={"Content-Type": "text/html"}),
    "503": reply(503, {"message": "service unavailable"}),
}


# One retry-safe read per client, for tests that need any successful exchange.
READ_BY_CLIENT: dict[type, Op] = {}
for _op in SAFE_READS.values():
    READ_BY_CLIENT.setdefault(_op.cls, _op)


def assert_no_secret(text: str, cls: type) -> None:
    for secret in secrets_of(cls):
        assert secret not in text, f"credential {secret!r} leaked into {text!r}"


# ============================================================================================
# URLs
# ============================================================================================


def test_parsed_urls_are_reused_only_for_paths_without_parameters() -> None:
    server = FaultServer(reply(200, BITCAIN_ORDER))
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


def sent_timeout(server: FaultServer, index: int = -1) -> dict[str, float | None]:
    return server.attempts[index].extensions["timeout"]


def test_default_timeout() -> None:
    server = FaultServer(reply(200, BTSE_TICKER))
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

    monkeypatch.setattr(httpx.Client, "send", send)
    with BtseClient() as client:
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
    server = FaultServer(reply(200, BITCAIN_ORDER))
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
    server = FaultServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server, timeout=30.0)

    op.call(client, timeout=call_timeout)

    assert sent_timeout(server) == expected


def test_per_call_timeout_is_kept_on_every_retry() -> None:
    server = FaultServer(
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
    server = FaultServer(reply(200, {"data": [], "page": 1, "limit": 20, "total": 0}))
    client, _ = make_client(BitriaClient, server)

    assert list(client.iter_list_orders(timeout=4.0)) == []

    assert sent_timeout(server) == {"connect": 4.0, "read": 4.0, "write": 4.0, "pool": 4.0}


# ============================================================================================
# Raw responses
# ============================================================================================


def test_raw_response_gives_status_headers_and_parsed_body() -> None:
    op = PLACE_ORDERS["bitria"]
    server = FaultServer(reply(202, BITRIA_ACCEPTED, headers={"X-RateLimit-Remaining": "118"}))
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
    server = FaultServer(reply(200, bitget_envelope(BITGET_ORDER_INFO)))
    client, _ = make_client(BitgetClient, server)

    raw = client.with_raw_response.get_order(order_id="1320244799629316096")

    assert raw.status_code == 200
    assert raw.http_response.json()["code"] == "00000"
    assert isinstance(raw.parse(), bitget_client.models.OrderInfo)
    assert raw.parse().order_id == "1320244799629316096"


def test_raw_response_after_retry_is_the_final_answer() -> None:
    server = FaultServer(
        reply(503, {"message": "busy"}, headers={"X-Attempt": "1"}),
        reply(200, hb_page([HB_ORDER], None, total=1), headers={"X-Attempt": "2"}),
    )
    client, _ = make_client(HummingbotClient, server)

    raw = client.with_raw_response.search_orders(status="FILLED")

    assert raw.status_code == 200
    assert raw.headers["X-Attempt"] == "2"
    assert raw.parse().data[0].order_id == "buy-BTC-USDT-1718000000000000"


def test_raw_response_of_operation_returning_nothing() -> None:
    server = FaultServer(reply(200, bitget_envelope(None)))
    client, _ = make_client(BitgetClient, server)

    raw = client.with_raw_response.cancel_strategy_order(order_id="strategy-order-id")

    assert raw.status_code == 200
    assert raw.parse() is None


def test_raw_response_raises_the_typed_error() -> None:
    server = FaultServer(reply(409, {"code": 409, "message": "order already filled"}))
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
    server = FaultServer(reply(op.status, op.body))
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
    server = FaultServer(
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
    lines = [LOG_LINE.match(r.getMessage()) for r in debug]
    assert all(lines), [r.getMessage() for r in debug]
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
    server = FaultServer(read_timeout, reply(200, BTSE_TICKER))
    client, _ = make_client(BtseClient, server)
    caplog.set_level(logging.DEBUG, logger="btse_client")

    client.get_ticker(symbol="BTC-USD")

    messages = [r.getMessage() for r in caplog.records if r.name == "btse_client"]
    assert any("ReadTimeout" in m and "/v2/ticker/BTC-USD" in m for m in messages)
    assert any(m.endswith("(retries=1)") and "-> 200" in m for m in messages)


@pytest.mark.parametrize("cls", list(CREDENTIALS), ids=lambda c: c.__name__)
def test_logs_hold_no_secret(cls: type, caplog: pytest.LogCaptureFixture) -> None:
    read = READ_BY_CLIENT[cls]
    server = FaultServer(connect_reset, reply(500, {"message": "x"}), reply(read.status, read.body))
    client, _ = make_client(cls, server)
    caplog.set_level(logging.DEBUG)

    read.call(client)
    failing, _ = make_client(cls, FaultServer(reset_after_send))
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

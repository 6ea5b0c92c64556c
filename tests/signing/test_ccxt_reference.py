"""Each conformance spec's client sends, byte for byte, what ccxt sends for the same call.

ccxt (pinned in the dev extra) is an independent implementation of every exchange's signing.
Its `sign()` is called offline, with its clock, nonce and uuid sources replaced by the fixed
values the generated client is given; nothing is sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import ccxt  # type: ignore[import-untyped]
import httpx
import pytest

from tests.signing.support import (
    CREDENTIALS,
    HEX_NONCE,
    NOW_MS,
    UUID_NONCE,
    Packages,
    client_class,
    send,
    spec_path,
)
from tests.support.transport import ScriptedServer, reply


@dataclass(frozen=True)
class Call:
    """One call, as the generated client makes it and as ccxt's `sign()` is asked for it."""

    exchange: str
    method: str  # of the generated client
    arguments: dict[str, Any]
    ccxt_path: str
    ccxt_api: list[str]
    ccxt_method: str
    ccxt_params: dict[str, Any]
    headers: tuple[str, ...]  # the headers the signing rule sets (compared with ccxt's)
    nonce: str = HEX_NONCE
    ccxt_options: dict[str, Any] = field(default_factory=dict)


D = Decimal

CALLS = [
    Call(
        "binance",
        "list_open_orders",
        {"symbol": "BTCUSDT"},
        "openOrders",
        ["private"],
        "GET",
        {"symbol": "BTCUSDT"},
        ("X-MBX-APIKEY",),
        ccxt_options={"recvWindow": 5000},
    ),
    Call(
        "binance",
        "place_order",
        {
            "symbol": "BTCUSDT",
            "side": "BUY",
            "type": "LIMIT",
            "time_in_force": "GTC",
            "quantity": D("1"),
            "price": D("0.1"),
            "new_client_order_id": "my-order-1",
        },
        "order",
        ["private"],
        "POST",
        {
            "symbol": "BTCUSDT",
            "side": "BUY",
            "type": "LIMIT",
            "timeInForce": "GTC",
            "quantity": "1",
            "price": "0.1",
            "newClientOrderId": "my-order-1",
        },
        ("X-MBX-APIKEY", "Content-Type"),
        ccxt_options={"recvWindow": 5000},
    ),
    Call(
        "okx",
        "get_balance",
        {"ccy": "BTC"},
        "account/balance",
        ["private"],
        "GET",
        {"ccy": "BTC"},
        ("OK-ACCESS-KEY", "OK-ACCESS-SIGN", "OK-ACCESS-TIMESTAMP", "OK-ACCESS-PASSPHRASE"),
    ),
    Call(
        "okx",
        "place_order",
        {
            "inst_id": "BTC-USDT",
            "td_mode": "cash",
            "cl_ord_id": "b15",
            "side": "buy",
            "ord_type": "limit",
            "px": D("2.15"),
            "sz": D("2"),
        },
        "trade/order",
        ["private"],
        "POST",
        {
            "instId": "BTC-USDT",
            "tdMode": "cash",
            "clOrdId": "b15",
            "side": "buy",
            "ordType": "limit",
            "px": "2.15",
            "sz": "2",
        },
        (
            "OK-ACCESS-KEY",
            "OK-ACCESS-SIGN",
            "OK-ACCESS-TIMESTAMP",
            "OK-ACCESS-PASSPHRASE",
            "Content-Type",
        ),
    ),
    Call(
        "bybit",
        "list_open_orders",
        {"category": "spot", "symbol": "BTCUSDT"},
        "v5/order/realtime",
        ["private"],
        "GET",
        {"category": "spot", "symbol": "BTCUSDT"},
        ("X-BAPI-API-KEY", "X-BAPI-TIMESTAMP", "X-BAPI-RECV-WINDOW", "X-BAPI-SIGN"),
    ),
    Call(
        "bybit",
        "place_order",
        {
            "category": "spot",
            "symbol": "BTCUSDT",
            "side": "Buy",
            "order_type": "Limit",
            "qty": D("0.1"),
            "price": D("28000"),
        },
        "v5/order/create",
        ["private"],
        "POST",
        {
            "category": "spot",
            "symbol": "BTCUSDT",
            "side": "Buy",
            "orderType": "Limit",
            "qty": "0.1",
            "price": "28000",
        },
        (
            "X-BAPI-API-KEY",
            "X-BAPI-TIMESTAMP",
            "X-BAPI-RECV-WINDOW",
            "X-BAPI-SIGN",
            "Content-Type",
        ),
    ),
    Call(
        "kucoin",
        "list_orders",
        {"status": "active", "symbol": "BTC-USDT"},
        "orders",
        ["private"],
        "GET",
        {"status": "active", "symbol": "BTC-USDT"},
        (
            "KC-API-KEY",
            "KC-API-SIGN",
            "KC-API-TIMESTAMP",
            "KC-API-PASSPHRASE",
            "KC-API-KEY-VERSION",
        ),
        # ccxt's broker headers are its own, not the exchange's rule: left out.
        ccxt_options={"partner": {}},
    ),
    Call(
        "kucoin",
        "place_order",
        {
            "client_oid": "5c52e11203aa677f33e493fb",
            "side": "buy",
            "symbol": "BTC-USDT",
            "type": "limit",
            "price": D("30000"),
            "size": D("0.01"),
        },
        "orders",
        ["private"],
        "POST",
        {
            "clientOid": "5c52e11203aa677f33e493fb",
            "side": "buy",
            "symbol": "BTC-USDT",
            "type": "limit",
            "price": "30000",
            "size": "0.01",
        },
        (
            "KC-API-KEY",
            "KC-API-SIGN",
            "KC-API-TIMESTAMP",
            "KC-API-PASSPHRASE",
            "KC-API-KEY-VERSION",
            "Content-Type",
        ),
        ccxt_options={"partner": {}},
    ),
    Call(
        "gate",
        "list_orders",
        {"currency_pair": "BTC_USDT", "status": "open"},
        "orders",
        ["private", "spot"],
        "GET",
        {"currency_pair": "BTC_USDT", "status": "open"},
        ("KEY", "Timestamp", "SIGN"),
    ),
    Call(
        "gate",
        "place_order",
        {
            "text": "t-abc123",
            "currency_pair": "BTC_USDT",
            "type": "limit",
            "account": "spot",
            "side": "buy",
            "amount": D("0.001"),
            "price": D("65000"),
            "time_in_force": "gtc",
        },
        "orders",
        ["private", "spot"],
        "POST",
        {
            "text": "t-abc123",
            "currency_pair": "BTC_USDT",
            "type": "limit",
            "account": "spot",
            "side": "buy",
            "amount": "0.001",
            "price": "65000",
            "time_in_force": "gtc",
        },
        ("KEY", "Timestamp", "SIGN", "Content-Type"),
    ),
    Call(
        "kraken",
        "list_open_orders",
        {"trades": True},
        "OpenOrders",
        ["private"],
        "POST",
        {"trades": "true"},
        ("API-Key", "API-Sign", "Content-Type"),
        nonce=str(NOW_MS),  # Kraken's nonce is an increasing number: ccxt's is the clock
    ),
    Call(
        "kraken",
        "add_order",
        {
            "ordertype": "limit",
            "pair": "XBTUSD",
            "price": D("37500"),
            "type": "buy",
            "volume": D("1.25"),
        },
        "AddOrder",
        ["private"],
        "POST",
        {"ordertype": "limit", "pair": "XBTUSD", "price": "37500", "type": "buy", "volume": "1.25"},
        ("API-Key", "API-Sign", "Content-Type"),
        nonce=str(NOW_MS),
    ),
    Call(
        "bitfinex",
        "list_trades",
        {"symbol": "tBTCUSD", "limit": 25},
        "auth/r/trades/{symbol}/hist",
        ["private"],
        "POST",
        {"symbol": "tBTCUSD", "limit": 25},
        ("bfx-nonce", "bfx-apikey", "bfx-signature", "Content-Type"),
    ),
    Call(
        "bitfinex",
        "submit_order",
        {"type": "EXCHANGE LIMIT", "symbol": "tBTCUSD", "price": D("15000"), "amount": D("0.001")},
        "auth/w/order/submit",
        ["private"],
        "POST",
        {"type": "EXCHANGE LIMIT", "symbol": "tBTCUSD", "price": "15000", "amount": "0.001"},
        ("bfx-nonce", "bfx-apikey", "bfx-signature", "Content-Type"),
    ),
    Call(
        "htx",
        "list_open_orders",
        {"account_id": "100009", "symbol": "btcusdt"},
        "order/openOrders",
        ["private"],
        "GET",
        {"account-id": "100009", "symbol": "btcusdt"},
        (),
    ),
    Call(
        "htx",
        "place_order",
        {
            "account_id": "100009",
            "symbol": "btcusdt",
            "type": "buy-limit",
            "amount": D("10.1"),
            "price": D("100.1"),
        },
        "order/orders/place",
        ["private"],
        "POST",
        {
            "account-id": "100009",
            "symbol": "btcusdt",
            "type": "buy-limit",
            "amount": "10.1",
            "price": "100.1",
        },
        ("Content-Type",),
    ),
    Call(
        "mexc",
        "list_open_orders",
        {"symbol": "BTCUSDT"},
        "openOrders",
        ["spot", "private"],
        "GET",
        {"symbol": "BTCUSDT"},
        ("X-MEXC-APIKEY",),
    ),
    Call(
        "mexc",
        "place_order",
        {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "quantity": D("1"), "price": D("11")},
        "order",
        ["spot", "private"],
        "POST",
        {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "quantity": "1", "price": "11"},
        ("X-MEXC-APIKEY",),
    ),
    Call(
        "bitstamp",
        "list_user_transactions",
        {"pair": "btcusd", "offset": 0, "limit": 100},
        "user_transactions/{pair}/",
        ["private"],
        "POST",
        {"pair": "btcusd", "offset": 0, "limit": 100},
        (
            "X-Auth",
            "X-Auth-Signature",
            "X-Auth-Nonce",
            "X-Auth-Timestamp",
            "X-Auth-Version",
            "Content-Type",
        ),
        nonce=UUID_NONCE,
    ),
    Call(
        "bitstamp",
        "buy_limit_order",
        {"pair": "btcusd", "amount": D("0.01"), "price": D("30000")},
        "buy/{pair}/",
        ["private"],
        "POST",
        {"pair": "btcusd", "amount": "0.01", "price": "30000"},
        (
            "X-Auth",
            "X-Auth-Signature",
            "X-Auth-Nonce",
            "X-Auth-Timestamp",
            "X-Auth-Version",
            "Content-Type",
        ),
        nonce=UUID_NONCE,
    ),
    Call(
        "bingx",
        "list_open_orders",
        {"symbol": "BTC-USDT"},
        "trade/openOrders",
        ["spot", "v1", "private"],
        "GET",
        {"symbol": "BTC-USDT"},
        ("X-BX-APIKEY",),
    ),
    Call(
        "bingx",
        "place_order",
        {
            "symbol": "BTC-USDT",
            "side": "BUY",
            "type": "LIMIT",
            "quantity": D("0.001"),
            "price": D("30000"),
        },
        "trade/order",
        ["spot", "v1", "private"],
        "POST",
        {
            "symbol": "BTC-USDT",
            "side": "BUY",
            "type": "LIMIT",
            "quantity": "0.001",
            "price": "30000",
        },
        ("X-BX-APIKEY",),
    ),
    Call(
        "deribit",
        "get_open_orders_by_currency",
        {"currency": "BTC"},
        "get_open_orders_by_currency",
        ["private"],
        "GET",
        {"currency": "BTC"},
        ("Authorization",),
    ),
    Call(
        "deribit",
        "buy",
        {
            "instrument_name": "BTC-PERPETUAL",
            "amount": D("10"),
            "type": "limit",
            "price": D("30000"),
        },
        "buy",
        ["private"],
        "GET",
        {"instrument_name": "BTC-PERPETUAL", "amount": "10", "type": "limit", "price": "30000"},
        ("Authorization",),
    ),
    Call(
        "cryptocom",
        "get_open_orders",
        {"instrument_name": "BTCUSD-PERP"},
        "private/get-open-orders",
        ["v1", "private"],
        "POST",
        {"instrument_name": "BTCUSD-PERP"},
        ("Content-Type",),
    ),
    Call(
        "cryptocom",
        "create_order",
        {
            "instrument_name": "BTCUSD-PERP",
            "side": "BUY",
            "type": "LIMIT",
            "price": D("50000.5"),
            "quantity": D("1"),
        },
        "private/create-order",
        ["v1", "private"],
        "POST",
        {
            "instrument_name": "BTCUSD-PERP",
            "side": "BUY",
            "type": "LIMIT",
            "price": "50000.5",
            "quantity": "1",
        },
        ("Content-Type",),
    ),
    Call(
        "coinbase",
        "list_orders",
        {"product_id": "BTC-USD", "order_status": "OPEN"},
        "brokerage/orders/historical/batch",
        ["v3", "private"],
        "GET",
        {"product_id": "BTC-USD", "order_status": "OPEN"},
        ("Authorization",),
    ),
    Call(
        "coinbase",
        "create_order",
        {
            "client_order_id": "0000-00000-000000",
            "product_id": "BTC-USD",
            "side": "BUY",
            "order_configuration": {
                "limit_limit_gtc": {"base_size": "0.001", "limit_price": "10000.00"}
            },
        },
        "brokerage/orders",
        ["v3", "private"],
        "POST",
        {
            "client_order_id": "0000-00000-000000",
            "product_id": "BTC-USD",
            "side": "BUY",
            "order_configuration": {
                "limit_limit_gtc": {"base_size": "0.001", "limit_price": "10000.00"}
            },
        },
        ("Authorization", "Content-Type"),
    ),
]


def ccxt_request(call: Call) -> dict[str, Any]:
    """What ccxt's `sign()` produces for `call` at NOW_MS, with the call's nonce."""
    credentials = CREDENTIALS[call.exchange]
    exchange = getattr(ccxt, call.exchange)(
        {
            "apiKey": credentials.get("api_key", credentials.get("key_name")),
            "secret": credentials.get("api_secret", credentials.get("private_key")),
            "password": credentials.get("passphrase"),
        }
    )
    exchange.options.update(call.ccxt_options)
    exchange.milliseconds = lambda: NOW_MS
    exchange.seconds = lambda: NOW_MS // 1000
    exchange.microseconds = lambda: NOW_MS * 1000
    # Deribit's nonce is a free string; every other exchange here takes its nonce from the clock.
    exchange.nonce = (lambda: call.nonce) if call.exchange == "deribit" else (lambda: NOW_MS)
    exchange.uuid = lambda: call.nonce
    exchange.random_bytes = lambda length: call.nonce
    signed: dict[str, Any] = exchange.sign(
        call.ccxt_path, call.ccxt_api, call.ccxt_method, dict(call.ccxt_params)
    )
    return signed


def _id(call: Call) -> str:
    return f"{call.exchange}-{call.method}"


def test_every_exchange_but_bitmex_has_two_calls() -> None:
    covered = sorted({call.exchange for call in CALLS})
    assert len(CALLS) == 28
    assert all(sum(c.exchange == e for c in CALLS) == 2 for e in covered)
    assert "bitmex" not in covered


def test_ccxt_has_no_bitmex() -> None:
    """The pinned ccxt no longer ships BitMEX, so BitMEX is checked against its published
    examples only (test_published.py); a ccxt that has it again should be compared too."""
    assert not hasattr(ccxt, "bitmex")


@pytest.mark.parametrize("call", CALLS, ids=_id)
def test_request_is_byte_identical_to_ccxt(call: Call, packages: Packages) -> None:
    expected = ccxt_request(call)
    sent = send(
        packages(spec_path(call.exchange)),
        call.exchange,
        call.method,
        call.arguments,
        credentials=CREDENTIALS[call.exchange],
        clock=lambda: NOW_MS,
        nonce=lambda: call.nonce,
    )
    assert sent.method == expected["method"]
    assert sent.url == expected["url"]
    body = expected["body"]
    assert sent.body == (body.encode() if body is not None else b"")
    ccxt_headers = {name.lower(): value for name, value in (expected["headers"] or {}).items()}
    for name in call.headers:
        assert name.lower() in ccxt_headers, name
        assert sent.headers.get(name.lower()) == ccxt_headers[name.lower()], name
    assert call.headers or "signature=" in sent.url.lower()


def test_gate_query_with_a_reserved_character(packages: Packages) -> None:
    """A query value holding `:` is sent as `%3A` by both; ccxt signs it as `:`."""
    call = Call(
        "gate",
        "list_orders",
        {"currency_pair": "BTC_USDT", "status": "open:1"},
        "orders",
        ["private", "spot"],
        "GET",
        {"currency_pair": "BTC_USDT", "status": "open:1"},
        ("KEY", "Timestamp", "SIGN"),
    )
    expected = ccxt_request(call)
    sent = send(
        packages(spec_path("gate")),
        "gate",
        call.method,
        call.arguments,
        credentials=CREDENTIALS["gate"],
        clock=lambda: NOW_MS,
        nonce=lambda: call.nonce,
    )
    assert sent.url == expected["url"]  # the same bytes on the wire...
    assert sent.headers["sign"] == expected["headers"]["SIGN"]  # ...signed differently


def test_kraken_nonce_increases_within_one_millisecond(packages: Packages) -> None:
    """`nonce: increasing` takes max(clock, last nonce + 1), as ccxt does."""
    server = ScriptedServer(reply(200, {}))
    client_type = client_class(packages(spec_path("kraken")), "kraken")
    with client_type(
        http_client=server.http(), clock=lambda: NOW_MS, **CREDENTIALS["kraken"]
    ) as client:
        client.list_open_orders(trades=True)
        client.list_open_orders(trades=True)
    first, second = (httpx.QueryParams(sent.body.decode())["nonce"] for sent in server.sent)
    assert int(second) > int(first)

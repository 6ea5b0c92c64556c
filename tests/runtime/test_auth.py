"""Auth hooks: HMAC request signing (Bitria, Bitget, BTSE), Bitget RSA/Ed25519 keys, Bearer,
Basic, apiKey (header and query), credentials from the environment, missing credentials,
secrets kept out of repr / logs / exceptions, the client's clock, and a property test that the
signature a client sends verifies against the request the transport actually received.

Every expected signature is recomputed by `tests.support.signing` (plain hmac / hashlib / base64 /
cryptography, from FACTS.md's formulas) or written out literally; nothing is computed by the
code under test.
"""

from __future__ import annotations

import base64
import importlib
import inspect
import itertools
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import bitcain_client
import bitget_client
import bitria_client
import btse_client
import httpx
import hummingbot_client
import pytest
import yaml
from bitcain_client import BitcainClient
from bitget_client import BitgetClient
from bitria_client import BitriaClient
from btse_client import BtseClient
from hummingbot_client import HummingbotClient
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.support.calls import BITCAIN_ORDER, HB_TRADE_RESPONSE, PLACE_ORDERS, bitget_envelope
from tests.support.calls import BITGET_ORDER_INFO as ORDER_INFO_DATA
from tests.support.flavors import built
from tests.support.paths import CASSETTES, GOLDEN, ROOT, on_path
from tests.support.signing import (
    basic_authorization,
    bitget_prehash,
    bitget_signature,
    bitria_signature,
    btse_signature,
    hmac_sha256_base64,
    hmac_sha256_hex,
    hmac_sha384_hex,
    verify_bitget_key_signature,
)
from tests.support.transport import Responder, ScriptedServer, Sent, answering

NOW = 1700000000000
TS = str(NOW)


def CLOCK() -> int:
    return NOW


KEY = "KEY-xyz789"
SECRET = "SECRET-abc123"
PASSPHRASE = "PASS-def456"
TOKEN = "TOKEN-ghi012"
USERNAME = "USER-jkl345"
PASSWORD = "PASSWORD-mno678"
ALL_SECRETS = (KEY, SECRET, PASSPHRASE, TOKEN, USERNAME, PASSWORD)

ENV_PREFIXES = ("BITRIA_", "BITGET_", "BTSE_", "BITCAIN_", "HUMMINGBOT_")


@pytest.fixture(autouse=True)
def _no_credentials_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials the developer happens to have exported must not leak into these tests."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIXES):
            monkeypatch.delenv(name)


# -- answers ---------------------------------------------------------------------------------


def then_ok(first: int, responder: Responder, failures: int = 1) -> Responder:
    """Answer `first` (e.g. 500) to the first `failures` attempts, then as `responder` does."""

    def answer(request: httpx.Request, n: int) -> httpx.Response:
        if n <= failures:
            return httpx.Response(first, json={"message": "try again"})
        return responder(request, n)

    return answer


# FACTS.md's real order-info answer, in its envelope.
BITGET_ORDER_INFO = bitget_envelope(ORDER_INFO_DATA)


def bitria_answer(request: httpx.Request, n: int) -> httpx.Response:
    path = request.url.path
    if request.method == "POST" and path.endswith("/cancel"):
        return httpx.Response(200, json={"orderId": "o-1", "status": "CANCELLED"})
    if request.method == "POST":
        return httpx.Response(202, json={"orderId": "o-1", "status": "PENDING"})
    if path.startswith("/api/v1/orders/"):
        order = {
            "orderId": "o-1",
            "symbol": "BTC-USDT",
            "side": "BUY",
            "orderType": "LIMIT",
            "tradeType": "SPOT",
            "status": "FILLED",
            "fills": [],
        }
        return httpx.Response(200, json=order)
    if path.endswith("/accounts") or path.endswith("/positions"):
        return httpx.Response(200, json={"data": []})
    return httpx.Response(200, json={"data": [], "page": 1, "limit": 20, "total": 0})


def _bitget_envelope(data: Any) -> dict[str, Any]:
    return {"code": "00000", "msg": "success", "requestTime": 1750496858333, "data": data}


def bitget_answer(request: httpx.Request, n: int) -> httpx.Response:
    path = request.url.path
    if path.endswith("/order-info"):
        return httpx.Response(200, json=BITGET_ORDER_INFO)
    if path.endswith("/trading-pairs"):
        return httpx.Response(200, json=_bitget_envelope([]))
    if path.endswith("/max-transferable"):
        return httpx.Response(
            200, json=_bitget_envelope({"maxTransferable": "1", "available": "2"})
        )
    return httpx.Response(200, json=_bitget_envelope({"orderId": "1", "clientOid": "2"}))


def btse_answer(request: httpx.Request, n: int) -> httpx.Response:
    path = request.url.path
    if path.endswith("/v2/time"):
        return httpx.Response(200, json={"iso": "2023-11-14T22:13:20Z", "epoch": NOW})
    if path.endswith("/v2/order"):
        return httpx.Response(200, json={"id": "btse-1"})
    if path.endswith(("/v2/market_summary",)) or "/v2/ticker/" in path or "/v2/orderbook/" in path:
        return httpx.Response(200, json={})
    if "/v2/stats/" in path:
        return httpx.Response(200, json={})
    return httpx.Response(200, json=[])


def bitcain_answer(request: httpx.Request, n: int) -> httpx.Response:
    if request.url.path == "/api/v1/orders" and request.method == "GET":
        return httpx.Response(200, json={"orders": []})
    return httpx.Response(200, json=BITCAIN_ORDER)


def hummingbot_answer(request: httpx.Request, n: int) -> httpx.Response:
    if request.url.path == "/trading/orders":
        return httpx.Response(201, json=HB_TRADE_RESPONSE)
    if request.url.path.endswith("/cancel"):
        return httpx.Response(200, json={"message": "Order cancellation initiated for hb-1"})
    page = {"limit": 100, "has_more": False, "next_cursor": None, "total_count": 0}
    return httpx.Response(200, json={"data": [], "pagination": page})


def bitria(rec: ScriptedServer, **kwargs: Any) -> BitriaClient:
    kwargs = {"api_key": KEY, "api_secret": SECRET, "clock": CLOCK, **kwargs}
    return built(BitriaClient, http_client=rec.http(), **kwargs)


def bitget(rec: ScriptedServer, **kwargs: Any) -> BitgetClient:
    kwargs = {
        "api_key": KEY,
        "api_secret": SECRET,
        "passphrase": PASSPHRASE,
        "clock": CLOCK,
        **kwargs,
    }
    return built(BitgetClient, http_client=rec.http(), **kwargs)


def btse(rec: ScriptedServer, **kwargs: Any) -> BtseClient:
    kwargs = {"api_key": KEY, "api_secret": SECRET, "clock": CLOCK, **kwargs}
    return built(BtseClient, http_client=rec.http(), **kwargs)


def bitcain(rec: ScriptedServer, **kwargs: Any) -> BitcainClient:
    kwargs = {"token": TOKEN, "clock": CLOCK, **kwargs}
    return built(BitcainClient, http_client=rec.http(), **kwargs)


def hummingbot(rec: ScriptedServer, **kwargs: Any) -> HummingbotClient:
    kwargs = {"username": USERNAME, "password": PASSWORD, "clock": CLOCK, **kwargs}
    return built(HummingbotClient, http_client=rec.http(), **kwargs)


def no_retry_sleep(client: Any) -> Any:
    client._sleep = lambda seconds: None
    return client


# =============================================================================================
# 1. Known-answer vectors
# =============================================================================================

BITRIA_LIST_URL = (
    "https://api.bitria.io/api/v1/orders?symbol=BTC-USDT&status=FILLED&page=2&limit=50"
)
BITRIA_LIST_SIGNATURE = "ecdd821ed87d61137af8a57a8fd9a5069658ac913c3c20c501fcd493ca468b3f"
BITRIA_PLACE_BODY = (
    b'{"symbol":"BTC-USDT","side":"BUY","orderType":"LIMIT","tradeType":"SPOT",'
    b'"quantity":0.01,"price":65000.5}'
)
BITRIA_PLACE_SIGNATURE = "bf12f8a56b6ed224dbd90eebbb8c8230616784226e7e0837da11c58ce9731daf"

BITGET_PLACE_BODY = (
    b'{"category":"SPOT","symbol":"BTCUSDT","side":"buy","orderType":"limit",'
    b'"qty":"0.001","price":"60000","timeInForce":"gtc","clientOid":"spot-1750496809871"}'
)
BITGET_PLACE_SIGNATURE = "oaLtrNO0dJk7lBcda9/gE8EBJaSsFesy/bhQui9XuPg="
BITGET_ORDER_INFO_URL = (
    "https://api.bitget.com/api/v3/trade/order-info?clientOid=my-oid&orderId=1320244799629316096"
)
BITGET_ORDER_INFO_SIGNATURE = "ErAzwy/0dH9fNcrIDrWaLS/rsX3FueYfTHi04V96ae8="
BITGET_PAIRS_SIGNATURE = "84k5W31kRxNr++H1n+4vbk6mYdVRcHxUFZ4B06ACuXk="

BTSE_PLACE_BODY = (
    b'{"amount":0.01,"client_oid":1700000000001,"post_only":false,"price":30000.5,'
    b'"symbol":"BTC-USD","side":"BUY","time_in_force":"GTC","type":"LIMIT"}'
)
BTSE_PLACE_SIGNATURE = (
    "b9afe733280392d96046cc62dde19d0eab523854f5a09eca55485e5009b25389"
    "be7623b665fbe8986d46519a9f89dc3b"
)
BTSE_PENDING_SIGNATURE = (
    "1682e529047ee48388a4b9d4017899ea5d66906d88ae005c59a67d72ddd49c0c"
    "5f6ba240feb9aa119bf3ac0fc709d58f"
)


def test_reference_reproduces_the_literal_vectors() -> None:
    """The literal vectors above were produced by the reference code (and checked with openssl)."""
    assert (
        hmac_sha256_hex(
            SECRET, TS.encode() + b"GET/api/v1/orders?symbol=BTC-USDT&status=FILLED&page=2&limit=50"
        )
        == BITRIA_LIST_SIGNATURE
    )
    assert (
        hmac_sha256_hex(SECRET, TS.encode() + b"POST/api/v1/orders" + BITRIA_PLACE_BODY)
        == BITRIA_PLACE_SIGNATURE
    )
    assert (
        hmac_sha256_base64(
            SECRET, TS.encode() + b"POST/api/v3/trade/place-order" + BITGET_PLACE_BODY
        )
        == BITGET_PLACE_SIGNATURE
    )
    assert (
        hmac_sha256_base64(
            SECRET,
            TS.encode()
            + b"GET/api/v3/trade/order-info?clientOid=my-oid&orderId=1320244799629316096",
        )
        == BITGET_ORDER_INFO_SIGNATURE
    )
    assert (
        hmac_sha256_base64(SECRET, TS.encode() + b"GET/api/v3/copy/futures/trading-pairs")
        == BITGET_PAIRS_SIGNATURE
    )
    assert (
        hmac_sha384_hex(SECRET, b"/v2/order" + TS.encode() + BTSE_PLACE_BODY)
        == BTSE_PLACE_SIGNATURE
    )
    assert hmac_sha384_hex(SECRET, b"/v2/pending" + TS.encode()) == BTSE_PENDING_SIGNATURE


# -- Bitria -----------------------------------------------------------------------------------


def test_bitria_get_with_query_signs_path_and_query_as_sent() -> None:
    rec = ScriptedServer(answering(bitria_answer))
    bitria(rec).list_orders(symbol="BTC/USDT perp&x=1", status="FILLED", page=2, limit=50)
    sent = rec.last
    assert sent.method == "GET"
    assert sent.path == b"/api/v1/orders"
    assert sent.query_pairs() == [
        ("symbol", "BTC/USDT perp&x=1"),
        ("status", "FILLED"),
        ("page", "2"),
        ("limit", "50"),
    ]
    assert sent.body == b""
    assert sent.headers["x-api-key"] == KEY
    assert sent.headers["x-api-timestamp"] == TS
    assert sent.headers["x-api-signature"] == bitria_signature(SECRET, sent, TS)
    # The query is part of the signed string: signing without it gives another value.
    without_query = hmac_sha256_hex(SECRET, TS.encode() + b"GET" + sent.path)
    assert sent.headers["x-api-signature"] != without_query


def test_bitria_get_hardcoded_vector() -> None:
    rec = ScriptedServer(answering(bitria_answer))
    bitria(rec).list_orders(symbol="BTC-USDT", status="FILLED", page=2, limit=50)
    sent = rec.last
    assert sent.url == BITRIA_LIST_URL
    assert sent.headers["x-api-key"] == KEY
    assert sent.headers["x-api-timestamp"] == "1700000000000"
    assert sent.headers["x-api-signature"] == BITRIA_LIST_SIGNATURE


def test_bitria_post_signs_the_exact_body_bytes_sent() -> None:
    rec = ScriptedServer(answering(bitria_answer))
    bitria(rec).place_order(
        symbol="ÉTH-USDT",
        side="SELL",
        order_type="LIMIT",
        trade_type="FUTURES",
        quantity=Decimal("1.2300"),
        price=Decimal("1E+3"),
        leverage=10,
        margin_mode="CROSS",
    )
    sent = rec.last
    assert sent.method == "POST"
    assert sent.path == b"/api/v1/orders"
    assert sent.query == b""
    assert sent.json()["symbol"] == "ÉTH-USDT"
    assert sent.headers["x-api-key"] == KEY
    assert sent.headers["x-api-timestamp"] == TS
    assert sent.headers["x-api-signature"] == bitria_signature(SECRET, sent, TS)


def test_bitria_post_hardcoded_vector() -> None:
    rec = ScriptedServer(answering(bitria_answer))
    PLACE_ORDERS["bitria"].call(bitria(rec))
    sent = rec.last
    assert sent.url == "https://api.bitria.io/api/v1/orders"
    assert sent.body == BITRIA_PLACE_BODY
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["x-api-key"] == KEY
    assert sent.headers["x-api-timestamp"] == TS
    assert sent.headers["x-api-signature"] == BITRIA_PLACE_SIGNATURE


# -- Bitget -----------------------------------------------------------------------------------


def assert_bitget_headers(
    sent: Sent, signature: str, *, key: str = KEY, passphrase: str = PASSPHRASE
) -> None:
    assert sent.headers["access-key"] == key
    assert sent.headers["access-sign"] == signature
    assert sent.headers["access-timestamp"] == TS
    assert sent.headers["access-passphrase"] == passphrase
    assert sent.headers["locale"] == "en-US"


def test_bitget_post_signs_the_exact_body_bytes_sent() -> None:
    rec = ScriptedServer(answering(bitget_answer))
    bitget(rec).place_order(
        category="USDT-FUTURES",
        symbol="ETHUSDT",
        side="buy",
        order_type="limit",
        qty=Decimal("0.1"),
        price=Decimal("3000"),
        time_in_force="gtc",
        pos_side="long",
        margin_mode="crossed",
        take_profit=Decimal("3300"),
        stop_loss=Decimal("2800"),
        tp_trigger_by="mark",
        sl_trigger_by="mark",
        client_oid="oid/ü 1",
    )
    sent = rec.last
    assert sent.method == "POST"
    assert sent.path == b"/api/v3/trade/place-order"
    assert sent.query == b""
    assert sent.headers["content-type"] == "application/json"
    assert sent.json()["clientOid"] == "oid/ü 1"
    assert_bitget_headers(sent, bitget_signature(SECRET, sent, TS))


def test_bitget_post_hardcoded_vector() -> None:
    rec = ScriptedServer(answering(bitget_answer))
    PLACE_ORDERS["bitget"].call(bitget(rec))
    sent = rec.last
    assert sent.url == "https://api.bitget.com/api/v3/trade/place-order"
    assert sent.body == BITGET_PLACE_BODY
    assert sent.headers["content-type"] == "application/json"
    assert_bitget_headers(sent, BITGET_PLACE_SIGNATURE)


def test_bitget_get_sends_and_signs_query_sorted_by_name() -> None:
    rec = ScriptedServer(answering(bitget_answer))
    # Declared (and passed) order is orderId, clientOid; the SDK sorts: clientOid first.
    bitget(rec).get_order(order_id="12 34/&=?", client_oid="my oid+é")
    sent = rec.last
    assert sent.query_names() == ["clientOid", "orderId"]
    assert dict(sent.query_pairs()) == {"clientOid": "my oid+é", "orderId": "12 34/&=?"}
    assert sent.body == b""
    assert_bitget_headers(sent, bitget_signature(SECRET, sent, TS))


def test_bitget_get_hardcoded_vector() -> None:
    rec = ScriptedServer(answering(bitget_answer))
    bitget(rec).get_order(order_id="1320244799629316096", client_oid="my-oid")
    sent = rec.last
    assert sent.url == BITGET_ORDER_INFO_URL
    assert_bitget_headers(sent, BITGET_ORDER_INFO_SIGNATURE)


def test_bitget_get_without_query_signs_no_question_mark() -> None:
    rec = ScriptedServer(answering(bitget_answer))
    bitget(rec).list_copy_futures_trading_pairs()
    sent = rec.last
    assert sent.url == "https://api.bitget.com/api/v3/copy/futures/trading-pairs"
    assert_bitget_headers(sent, BITGET_PAIRS_SIGNATURE)


# -- BTSE -------------------------------------------------------------------------------------


def assert_btse_headers(sent: Sent, signature: str) -> None:
    assert sent.headers["btse-api"] == KEY
    assert sent.headers["btse-nonce"] == TS
    assert sent.headers["btse-sign"] == signature


@pytest.mark.parametrize(
    ("base_url", "host"),
    [
        (None, "api.btse.com"),
        ("https://testapi.btse.io/spot", "testapi.btse.io"),
        ("https://api.btse.com/spot/", "api.btse.com"),
    ],
    ids=["production", "testnet", "trailing-slash"],
)
def test_btse_post_signs_path_relative_to_server(base_url: str | None, host: str) -> None:
    rec = ScriptedServer(answering(btse_answer))
    client = btse(rec) if base_url is None else btse(rec, base_url=base_url)
    PLACE_ORDERS["btse"].call(client)
    sent = rec.last
    assert sent.url == f"https://{host}/spot/v2/order"
    assert sent.path == b"/spot/v2/order"
    # Signed urlpath has no /spot: recomputed from the body actually sent ...
    assert_btse_headers(sent, btse_signature(SECRET, "/v2/order", TS, sent.body))
    # ... and the literal vector pins the serialization too.
    assert sent.body == BTSE_PLACE_BODY
    assert sent.headers["btse-sign"] == BTSE_PLACE_SIGNATURE
    assert sent.headers["btse-sign"] != btse_signature(SECRET, "/spot/v2/order", TS, sent.body)


@pytest.mark.parametrize(
    "base_url", [None, "https://testapi.btse.io/spot"], ids=["production", "testnet"]
)
def test_btse_get_query_is_sent_but_not_signed(base_url: str | None) -> None:
    rec = ScriptedServer(answering(btse_answer))
    client = btse(rec) if base_url is None else btse(rec, base_url=base_url)
    client.list_open_orders(symbol="BTC-USD")
    sent = rec.last
    assert sent.path == b"/spot/v2/pending"
    assert sent.query == b"symbol=BTC-USD"
    assert_btse_headers(sent, btse_signature(SECRET, "/v2/pending", TS, b""))
    assert sent.headers["btse-sign"] == BTSE_PENDING_SIGNATURE


def test_btse_post_with_json_body_signs_body() -> None:
    rec = ScriptedServer(answering(btse_answer))
    btse(rec).cancel_order(order_id="ord-1", symbol="BTC-USD")
    sent = rec.last
    assert sent.path == b"/spot/v2/deleteOrder"
    assert sent.json() == {"order_id": "ord-1", "symbol": "BTC-USD"}
    assert_btse_headers(sent, btse_signature(SECRET, "/v2/deleteOrder", TS, sent.body))


# =============================================================================================
# 2. Bitget RSA and Ed25519 private keys (the spec's hook module)
# =============================================================================================


def _private_key(kind: str) -> tuple[Any, str]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

    if kind.startswith("rsa"):
        key: Any = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        key = ed25519.Ed25519PrivateKey.generate()
    fmt = (
        serialization.PrivateFormat.TraditionalOpenSSL
        if kind == "rsa-pkcs1"
        else serialization.PrivateFormat.PKCS8
    )
    pem = key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption()).decode()
    return key, pem


def _expected_key_signature(key: Any, message: bytes) -> str:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    if isinstance(key, rsa.RSAPrivateKey):
        raw = key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    else:
        raw = key.sign(message)
    return base64.b64encode(raw).decode("ascii")


@pytest.fixture(scope="module", params=["rsa-pkcs8", "rsa-pkcs1", "ed25519"])
def bitget_private_key(request: pytest.FixtureRequest) -> tuple[Any, str]:
    return _private_key(request.param)


def test_bitget_private_key_signs_post(bitget_private_key: tuple[Any, str]) -> None:
    key, pem = bitget_private_key
    rec = ScriptedServer(answering(bitget_answer))
    PLACE_ORDERS["bitget"].call(bitget(rec, api_secret=pem))
    sent = rec.last
    message = bitget_prehash(TS, sent.method, sent.path, sent.query, sent.body)
    assert message == TS.encode() + b"POST/api/v3/trade/place-order" + BITGET_PLACE_BODY
    verify_bitget_key_signature(key.public_key(), sent.headers["access-sign"], message)
    # RSA PKCS#1 v1.5 and Ed25519 are deterministic: the exact value is known too.
    assert sent.headers["access-sign"] == _expected_key_signature(key, message)
    assert sent.headers["access-key"] == KEY
    assert sent.headers["access-passphrase"] == PASSPHRASE
    assert sent.headers["access-timestamp"] == TS
    assert sent.headers["locale"] == "en-US"


def test_bitget_private_key_signs_sorted_get(bitget_private_key: tuple[Any, str]) -> None:
    key, pem = bitget_private_key
    rec = ScriptedServer(answering(bitget_answer))
    bitget(rec, api_secret=pem).get_order(order_id="1320244799629316096", client_oid="my-oid")
    sent = rec.last
    assert sent.url == BITGET_ORDER_INFO_URL
    message = (
        TS.encode() + b"GET/api/v3/trade/order-info?clientOid=my-oid&orderId=1320244799629316096"
    )
    verify_bitget_key_signature(key.public_key(), sent.headers["access-sign"], message)


def test_bitget_private_key_from_environment(
    bitget_private_key: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key, pem = bitget_private_key
    monkeypatch.setenv("BITGET_API_KEY", KEY)
    monkeypatch.setenv("BITGET_API_SECRET", pem)
    monkeypatch.setenv("BITGET_PASSPHRASE", PASSPHRASE)
    rec = ScriptedServer(answering(bitget_answer))
    PLACE_ORDERS["bitget"].call(built(BitgetClient, http_client=rec.http(), clock=CLOCK))
    sent = rec.last
    message = bitget_prehash(TS, sent.method, sent.path, sent.query, sent.body)
    verify_bitget_key_signature(key.public_key(), sent.headers["access-sign"], message)


def test_bitget_unloadable_pem_fails_before_sending_without_echoing_it() -> None:
    junk = "SECRET-abc123-not-a-key"
    pem = f"-----BEGIN PRIVATE KEY-----\n{junk}\n-----END PRIVATE KEY-----\n"
    rec = ScriptedServer(answering(bitget_answer))
    with pytest.raises(bitget_client.InvalidCredentialsError) as info:
        PLACE_ORDERS["bitget"].call(bitget(rec, api_secret=pem))
    assert rec.sent == []
    assert "credential 'api_secret' cannot sign" in str(info.value)
    for text in (str(info.value), repr(info.value)):
        assert junk not in text
        assert "PRIVATE KEY-----" not in text


# =============================================================================================
# 3. Bearer, Basic, apiKey (header and query)
# =============================================================================================


def test_bearer_token_header() -> None:
    rec = ScriptedServer(answering(bitcain_answer))
    bitcain(rec).list_orders(limit=10)
    sent = rec.last
    assert sent.headers["authorization"] == "Bearer TOKEN-ghi012"
    assert TOKEN not in sent.url


def test_basic_auth_header() -> None:
    rec = ScriptedServer(answering(hummingbot_answer))
    hummingbot(rec).get_positions(limit=10)
    sent = rec.last
    assert sent.headers["authorization"] == basic_authorization(USERNAME, PASSWORD)
    # Literal: base64("USER-jkl345:PASSWORD-mno678")
    assert sent.headers["authorization"] == "Basic VVNFUi1qa2wzNDU6UEFTU1dPUkQtbW5vNjc4"


def test_basic_auth_on_place_order_and_documented_201_answer_parses() -> None:
    """POST /trading/orders with Basic auth; FACTS.md's 201 trade response must parse."""
    rec = ScriptedServer(answering(hummingbot_answer))
    result = PLACE_ORDERS["hummingbot"].call(hummingbot(rec))
    assert rec.last.headers["authorization"] == "Basic VVNFUi1qa2wzNDU6UEFTU1dPUkQtbW5vNjc4"
    assert result.order_id == "buy-BTC-USDT-1718000000000000"
    assert result.amount == Decimal("1")


def test_basic_auth_non_ascii_credentials_are_utf8() -> None:
    rec = ScriptedServer(answering(hummingbot_answer))
    hummingbot(rec, username="jörg", password="pä:ss").get_positions()
    expected = "Basic " + base64.b64encode("jörg:pä:ss".encode()).decode()
    assert rec.last.headers["authorization"] == expected


# -- generated packages for apiKey schemes -----------------------------------------------------

QUERY_KEY_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Query Key", "version": "1.0.0"},
    "servers": [{"url": "https://qk.example.test/base"}],
    "paths": {
        "/items": {
            "get": {
                "operationId": "list_items",
                "summary": "List items.",
                "security": [{"QueryKey": []}],
                "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/public": {
            "get": {
                "operationId": "get_public",
                "summary": "Public.",
                "security": [],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    },
    "components": {
        "securitySchemes": {
            "QueryKey": {
                "type": "apiKey",
                "in": "query",
                "name": "apikey",
                "x-credential": "api_key",
            }
        }
    },
}


class Generated:
    def __init__(self, query_module: Any, query_prefix: str, sink_module: Any) -> None:
        self.query_module = query_module
        self.query_prefix = query_prefix
        self.sink_module = sink_module


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    """Generate a query-apiKey spec and the kitchen-sink spec under unique package names."""
    from generator import generate

    tag = uuid.uuid4().hex[:8]
    work = tmp_path_factory.mktemp("auth_specs")

    query_pkg, query_prefix = f"authq_{tag}_client", f"AUTHQ{tag.upper()}"
    query_spec = {**QUERY_KEY_SPEC, "info": {**QUERY_KEY_SPEC["info"]}}
    query_spec["info"].update(
        {
            "x-package-name": query_pkg,
            "x-client-class": "QueryKeyClient",
            "x-env-prefix": query_prefix,
        }
    )
    query_path = work / "query_key.yaml"
    query_path.write_text(yaml.safe_dump(query_spec, sort_keys=False), encoding="utf-8")

    sink_pkg = f"authks_{tag}_client"
    sink_spec = yaml.safe_load((GOLDEN / "kitchen_sink" / "spec.yaml").read_text(encoding="utf-8"))
    sink_spec["info"]["x-package-name"] = sink_pkg
    sink_path = work / "kitchen_sink.yaml"
    sink_path.write_text(yaml.safe_dump(sink_spec, sort_keys=False), encoding="utf-8")

    out = work / "out"
    generate([query_path, sink_path], out=out, use_cache=False)
    with on_path(out / query_pkg, out / sink_pkg):
        yield Generated(
            importlib.import_module(query_pkg), query_prefix, importlib.import_module(sink_pkg)
        )


def ok_json(body: Any, status: int = 200) -> Responder:
    return lambda request, n: httpx.Response(status, json=body)


def test_api_key_in_header_kitchen_sink(generated: Generated) -> None:
    rec = ScriptedServer(answering(ok_json({"items": [], "total": 0})))
    client = built(generated.sink_module.KitchenSinkClient, api_key=KEY, http_client=rec.http())
    client.list_pets(limit=5)
    sent = rec.last
    assert sent.headers["x-api-key"] == KEY
    assert KEY not in sent.url
    # An operation with `security: []` sends no key.
    rec.script = [answering(lambda request, n: httpx.Response(204))]
    client.delete_pet(pet_id=1)
    assert "x-api-key" not in rec.last.headers
    assert KEY not in rec.last.url


def test_api_key_in_query(generated: Generated) -> None:
    rec = ScriptedServer(answering(ok_json({})))
    client = built(generated.query_module.QueryKeyClient, api_key=KEY, http_client=rec.http())
    client.list_items(page=3)
    sent = rec.last
    assert sent.query_pairs() == [("page", "3"), ("apikey", KEY)]
    assert KEY not in " ".join(sent.headers.values())
    client.get_public()
    assert rec.last.query == b""
    assert KEY not in rec.last.url


def test_api_key_in_query_is_not_duplicated_on_retry(generated: Generated) -> None:
    rec = ScriptedServer(answering(then_ok(500, ok_json({}))))
    client = no_retry_sleep(
        built(generated.query_module.QueryKeyClient, api_key=KEY, http_client=rec.http())
    )
    client.list_items(page=3)
    assert len(rec.sent) == 2
    for sent in rec.sent:
        assert sent.query_pairs() == [("page", "3"), ("apikey", KEY)], sent.url


def test_api_key_in_query_on_a_url_without_parameters_is_sent_once_each_call(
    generated: Generated,
) -> None:
    # A URL without parameters is parsed once and reused; adding the key must not change it.
    rec = ScriptedServer(answering(ok_json({})))
    client = built(generated.query_module.QueryKeyClient, api_key=KEY, http_client=rec.http())
    for _ in range(3):
        client.list_items()
    client.get_public()
    assert [sent.query_pairs() for sent in rec.sent] == [[("apikey", KEY)]] * 3 + [[]]


def test_api_key_in_query_missing_raises_before_sending(generated: Generated) -> None:
    rec = ScriptedServer(answering(ok_json({})))
    client = built(generated.query_module.QueryKeyClient, http_client=rec.http())
    with pytest.raises(generated.query_module.MissingCredentialsError) as info:
        client.list_items()
    assert "api_key" in str(info.value)
    assert f"{generated.query_prefix}_API_KEY" in str(info.value)
    assert rec.sent == []


def test_api_key_in_query_from_environment(
    generated: Generated, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{generated.query_prefix}_API_KEY", KEY)
    rec = ScriptedServer(answering(ok_json({})))
    built(generated.query_module.QueryKeyClient, http_client=rec.http()).list_items()
    assert rec.last.query_pairs() == [("apikey", KEY)]


# =============================================================================================
# 4. Credentials from environment variables; the constructor keyword wins
# =============================================================================================


@pytest.mark.parametrize(
    ("cls", "names"),
    [
        (BitriaClient, ["api_key", "api_secret"]),
        (BitgetClient, ["api_key", "api_secret", "passphrase"]),
        (BtseClient, ["api_key", "api_secret"]),
        (BitcainClient, ["token"]),
        (HummingbotClient, ["username", "password"]),
    ],
    ids=["bitria", "bitget", "btse", "bitcain", "hummingbot"],
)
def test_constructor_credential_keywords(cls: Any, names: list[str]) -> None:
    parameters = inspect.signature(cls).parameters
    for name in names:
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert parameters[name].default is None
    others = {"api_key", "api_secret", "passphrase", "token", "username", "password"} - set(names)
    assert not others & set(parameters)


def test_bitget_credentials_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITGET_API_KEY", "ENVKEY-1")
    monkeypatch.setenv("BITGET_API_SECRET", "ENVSECRET-2")
    monkeypatch.setenv("BITGET_PASSPHRASE", "ENVPASS-3")
    rec = ScriptedServer(answering(bitget_answer))
    PLACE_ORDERS["bitget"].call(built(BitgetClient, http_client=rec.http(), clock=CLOCK))
    sent = rec.last
    assert_bitget_headers(
        sent, bitget_signature("ENVSECRET-2", sent, TS), key="ENVKEY-1", passphrase="ENVPASS-3"
    )


def test_bitget_constructor_keyword_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITGET_API_KEY", "ENVKEY-1")
    monkeypatch.setenv("BITGET_API_SECRET", "ENVSECRET-2")
    monkeypatch.setenv("BITGET_PASSPHRASE", "ENVPASS-3")
    rec = ScriptedServer(answering(bitget_answer))
    PLACE_ORDERS["bitget"].call(bitget(rec))
    sent = rec.last
    assert_bitget_headers(sent, bitget_signature(SECRET, sent, TS))
    assert sent.headers["access-sign"] == BITGET_PLACE_SIGNATURE


def test_bitget_keyword_and_environment_mix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITGET_API_KEY", "ENVKEY-1")
    monkeypatch.setenv("BITGET_PASSPHRASE", "ENVPASS-3")
    rec = ScriptedServer(answering(bitget_answer))
    PLACE_ORDERS["bitget"].call(
        built(BitgetClient, api_secret=SECRET, http_client=rec.http(), clock=CLOCK)
    )
    sent = rec.last
    assert_bitget_headers(sent, BITGET_PLACE_SIGNATURE, key="ENVKEY-1", passphrase="ENVPASS-3")


ENV_CASES = [
    pytest.param(
        BitriaClient,
        {"BITRIA_API_KEY": "ENVKEY-1", "BITRIA_API_SECRET": "ENVSECRET-2"},
        {"api_key": KEY, "api_secret": SECRET},
        bitria_answer,
        lambda c: c.list_orders(page=1),
        lambda sent, key, secret: (
            sent.headers["x-api-key"] == key
            and sent.headers["x-api-signature"] == bitria_signature(secret, sent, TS)
        ),
        id="bitria",
    ),
    pytest.param(
        BtseClient,
        {"BTSE_API_KEY": "ENVKEY-1", "BTSE_API_SECRET": "ENVSECRET-2"},
        {"api_key": KEY, "api_secret": SECRET},
        btse_answer,
        lambda c: c.get_account(),
        lambda sent, key, secret: (
            sent.headers["btse-api"] == key
            and sent.headers["btse-sign"] == btse_signature(secret, "/v2/account", TS, b"")
        ),
        id="btse",
    ),
    pytest.param(
        BitcainClient,
        {"BITCAIN_TOKEN": "ENVKEY-1"},
        {"token": KEY},
        bitcain_answer,
        lambda c: c.list_orders(),
        lambda sent, key, secret: sent.headers["authorization"] == f"Bearer {key}",
        id="bitcain",
    ),
    pytest.param(
        HummingbotClient,
        {"HUMMINGBOT_USERNAME": "ENVKEY-1", "HUMMINGBOT_PASSWORD": "ENVSECRET-2"},
        {"username": KEY, "password": SECRET},
        hummingbot_answer,
        lambda c: c.get_positions(),
        lambda sent, key, secret: sent.headers["authorization"] == basic_authorization(key, secret),
        id="hummingbot",
    ),
]


@pytest.mark.parametrize(("cls", "env", "kwargs", "answer", "call", "check"), ENV_CASES)
def test_credentials_from_environment_and_keyword_precedence(
    monkeypatch: pytest.MonkeyPatch,
    cls: Any,
    env: dict[str, str],
    kwargs: dict[str, str],
    answer: Responder,
    call: Callable[[Any], Any],
    check: Callable[[Sent, str, str], bool],
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    rec = ScriptedServer(answering(answer))
    call(built(cls, http_client=rec.http(), clock=CLOCK))
    assert check(rec.last, "ENVKEY-1", "ENVSECRET-2"), rec.last.headers
    call(built(cls, http_client=rec.http(), clock=CLOCK, **kwargs))
    assert check(rec.last, KEY, SECRET), rec.last.headers


# =============================================================================================
# 5. Missing credentials; operations without auth
# =============================================================================================

MISSING_CASES = [
    pytest.param(
        lambda rec: bitria(rec, api_key=None, api_secret=None),
        PLACE_ORDERS["bitria"].call,
        bitria_client.MissingCredentialsError,
        ["api_key", "api_secret", "BITRIA_API_KEY", "BITRIA_API_SECRET"],
        id="bitria-none",
    ),
    pytest.param(
        lambda rec: bitria(rec, api_secret=None),
        lambda c: c.list_orders(),
        bitria_client.MissingCredentialsError,
        ["api_secret", "BITRIA_API_SECRET"],
        id="bitria-secret",
    ),
    pytest.param(
        lambda rec: bitget(rec, api_key=None, api_secret=None, passphrase=None),
        PLACE_ORDERS["bitget"].call,
        bitget_client.MissingCredentialsError,
        [
            "api_key",
            "api_secret",
            "passphrase",
            "BITGET_API_KEY",
            "BITGET_API_SECRET",
            "BITGET_PASSPHRASE",
        ],
        id="bitget-none",
    ),
    pytest.param(
        lambda rec: bitget(rec, passphrase=None),
        lambda c: c.get_order(order_id="1"),
        bitget_client.MissingCredentialsError,
        ["passphrase", "BITGET_PASSPHRASE"],
        id="bitget-passphrase",
    ),
    pytest.param(
        lambda rec: btse(rec, api_key=None, api_secret=None),
        PLACE_ORDERS["btse"].call,
        btse_client.MissingCredentialsError,
        ["api_key", "api_secret", "BTSE_API_KEY", "BTSE_API_SECRET"],
        id="btse-none",
    ),
    pytest.param(
        lambda rec: btse(rec, api_key=None),
        lambda c: c.list_open_orders(),
        btse_client.MissingCredentialsError,
        ["api_key", "BTSE_API_KEY"],
        id="btse-key",
    ),
    pytest.param(
        lambda rec: bitcain(rec, token=None),
        lambda c: c.list_orders(),
        bitcain_client.MissingCredentialsError,
        ["token", "BITCAIN_TOKEN"],
        id="bitcain",
    ),
    pytest.param(
        lambda rec: hummingbot(rec, password=None),
        PLACE_ORDERS["hummingbot"].call,
        hummingbot_client.MissingCredentialsError,
        ["password", "HUMMINGBOT_PASSWORD"],
        id="hummingbot-password",
    ),
]


@pytest.mark.parametrize(("make", "call", "error", "names"), MISSING_CASES)
def test_missing_credential_raises_before_sending(
    make: Callable[[ScriptedServer], Any],
    call: Callable[[Any], Any],
    error: type[Exception],
    names: list[str],
) -> None:
    rec = ScriptedServer(
        answering(lambda request, n: pytest.fail("the transport must not be called"))
    )
    client = make(rec)
    with pytest.raises(error) as info:
        call(client)
    assert rec.sent == []
    message = str(info.value)
    for name in names:
        assert name in message, message
    # The credentials that were given are not echoed.
    for secret in ALL_SECRETS:
        assert secret not in message
        assert secret not in repr(info.value)


def test_empty_environment_variable_counts_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BTSE_API_KEY", KEY)
    monkeypatch.setenv("BTSE_API_SECRET", "")
    rec = ScriptedServer(answering(btse_answer))
    with pytest.raises(btse_client.MissingCredentialsError, match="api_secret"):
        built(BtseClient, http_client=rec.http()).get_account()
    assert rec.sent == []


BTSE_PUBLIC_CALLS = [
    pytest.param(lambda c: c.get_market_summary(), id="get_market_summary"),
    pytest.param(lambda c: c.list_markets(), id="list_markets"),
    pytest.param(lambda c: c.get_order_book(symbol="BTC-USD", limit_bids=5), id="get_order_book"),
    pytest.param(lambda c: c.get_ticker(symbol="BTC-USD"), id="get_ticker"),
    pytest.param(lambda c: c.get_market_stats(symbol="BTC-USD"), id="get_market_stats"),
    pytest.param(lambda c: c.list_trades(symbol="BTC-USD"), id="list_trades"),
    pytest.param(lambda c: c.get_server_time(), id="get_server_time"),
]


def _auth_headers(sent: Sent) -> list[str]:
    return [
        name
        for name in sent.headers
        if name.startswith(("btse-", "access-", "x-api-")) or name == "authorization"
    ]


@pytest.mark.parametrize("with_credentials", [False, True], ids=["anonymous", "with-credentials"])
@pytest.mark.parametrize("call", BTSE_PUBLIC_CALLS)
def test_btse_public_operations_send_no_auth_headers(
    call: Callable[[Any], Any], with_credentials: bool
) -> None:
    rec = ScriptedServer(answering(btse_answer))
    client = btse(rec) if with_credentials else btse(rec, api_key=None, api_secret=None)
    call(client)
    assert len(rec.sent) == 1
    assert _auth_headers(rec.last) == []
    assert KEY not in rec.last.url


# =============================================================================================
# 6. Secrets stay out of repr, logs and exception messages
# =============================================================================================


def _all_clients(rec: ScriptedServer, pem: str) -> list[Any]:
    return [
        bitria(rec),
        bitget(rec),
        bitget(rec, api_secret=pem),
        btse(rec),
        bitcain(rec),
        hummingbot(rec),
    ]


def test_repr_and_str_hide_credentials() -> None:
    _, pem = _private_key("ed25519")
    pem_body = pem.splitlines()[1]
    for client in _all_clients(ScriptedServer(answering(bitria_answer)), pem):
        for text in (repr(client), str(client)):
            for secret in (*ALL_SECRETS, pem_body):
                assert secret not in text, f"{type(client).__name__}: {text}"


def test_repr_of_client_from_environment_hides_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITGET_API_KEY", KEY)
    monkeypatch.setenv("BITGET_API_SECRET", SECRET)
    monkeypatch.setenv("BITGET_PASSPHRASE", PASSPHRASE)
    client = built(BitgetClient)
    for text in (repr(client), str(client)):
        for secret in (KEY, SECRET, PASSPHRASE):
            assert secret not in text


def _record_texts(record: logging.LogRecord) -> list[str]:
    texts = [record.getMessage(), str(record.msg), repr(record.args)]
    if record.exc_info:
        texts.append(logging.Formatter().formatException(record.exc_info))
    return texts


def assert_nothing_leaked(records: list[logging.LogRecord], secrets: list[str]) -> None:
    secrets = [s for s in secrets if s]
    for record in records:
        for text in _record_texts(record):
            for secret in secrets:
                assert secret not in text, (
                    f"{record.name} {record.levelname} logged a secret: {text!r}"
                )


def _debug_everything(caplog: pytest.LogCaptureFixture, *package_loggers: str) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", *package_loggers):
        caplog.set_level(logging.DEBUG, logger=name)


def _signature_values(sent: list[Sent]) -> list[str]:
    values = []
    for s in sent:
        for name in ("x-api-signature", "access-sign", "btse-sign", "authorization"):
            if name in s.headers:
                values.append(s.headers[name])
                values.append(s.headers[name].split(" ", 1)[-1])
    return values


class Scenario:
    """How to drive one API for the secret-leak tests."""

    def __init__(
        self,
        make: Callable[..., Any],
        answer: Responder,
        read: Callable[[Any], Any],
        write: Callable[[Any], Any],
        package: Any,
        logger: str,
    ) -> None:
        self.make = make
        self.answer = answer
        self.read = read
        self.write = write
        self.package = package
        self.logger = logger


SCENARIOS = {
    "bitria": Scenario(
        bitria,
        bitria_answer,
        lambda c: c.list_orders(symbol="BTC-USDT"),
        PLACE_ORDERS["bitria"].call,
        bitria_client,
        "bitria_client",
    ),
    "bitget": Scenario(
        bitget,
        bitget_answer,
        lambda c: c.get_order(order_id="1"),
        PLACE_ORDERS["bitget"].call,
        bitget_client,
        "bitget_client",
    ),
    "btse": Scenario(
        btse,
        btse_answer,
        lambda c: c.list_open_orders(symbol="BTC-USD"),
        PLACE_ORDERS["btse"].call,
        btse_client,
        "btse_client",
    ),
    "bitcain": Scenario(
        bitcain,
        bitcain_answer,
        lambda c: c.list_orders(),
        lambda c: c.place_order(
            symbol="BTC/USDT",
            side="buy",
            type="limit",
            quantity=Decimal("0.001"),
            price=Decimal("50000"),
        ),
        bitcain_client,
        "bitcain_client",
    ),
    "hummingbot": Scenario(
        hummingbot,
        hummingbot_answer,
        lambda c: c.get_positions(),
        lambda c: c.cancel_order(
            account_name="master", connector_name="binance", client_order_id="hb-1"
        ),
        hummingbot_client,
        "hummingbot_client",
    ),
}


def _echoing_401(request: httpx.Request, n: int) -> httpx.Response:
    """A server that quotes the credentials it received back in its error message."""
    echoed = " ".join(f"{k}={v}" for k, v in request.headers.items())
    body = {
        "code": "40012",
        "msg": f"apikey/passphrase incorrect: {echoed}",
        "message": f"rejected {echoed}",
        "detail": f"Incorrect username or password {echoed}",
    }
    return httpx.Response(401, json=body, headers={"WWW-Authenticate": "Basic"})


@pytest.mark.parametrize("api", list(SCENARIOS))
def test_no_secret_or_signature_in_logs_or_errors(
    api: str, caplog: pytest.LogCaptureFixture
) -> None:
    scenario = SCENARIOS[api]
    _debug_everything(caplog, scenario.logger)
    errors: list[BaseException] = []
    recorders: list[ScriptedServer] = []

    def run(answer: Responder, call: Callable[[Any], Any]) -> None:
        rec = ScriptedServer(answering(answer))
        recorders.append(rec)
        client = no_retry_sleep(scenario.make(rec))
        try:
            call(client)
        except scenario.package.APIError as exc:
            errors.append(exc)

    run(scenario.answer, scenario.read)  # success
    run(scenario.answer, scenario.write)  # success, with a body
    run(then_ok(500, scenario.answer), scenario.read)  # retried, then success
    run(then_ok(503, scenario.answer, failures=10), scenario.read)  # retries exhausted
    run(_echoing_401, scenario.read)  # 401 quoting the credentials back
    run(_echoing_401, scenario.write)

    def refuse(request: httpx.Request, n: int) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    def reset(request: httpx.Request, n: int) -> httpx.Response:
        raise httpx.ReadError("connection reset by peer", request=request)

    run(refuse, scenario.read)  # connection error, retried, then raised
    run(reset, scenario.write)  # outcome unknown on a POST

    assert len(errors) == 5, errors
    assert sum(isinstance(e, scenario.package.AuthenticationError) for e in errors) == 2
    assert sum(isinstance(e, scenario.package.APIConnectionError) for e in errors) == 2

    sent = [s for rec in recorders for s in rec.sent]
    secrets = [*ALL_SECRETS, *_signature_values(sent)]
    assert len(_signature_values(sent)) >= len(sent)  # every request carried its auth header
    assert caplog.records, "the client logged nothing at DEBUG"
    assert_nothing_leaked(caplog.records, secrets)
    for exc in errors:
        for text in (
            str(exc),
            repr(exc),
            " ".join(map(str, exc.args)),
            getattr(exc, "message", ""),
        ):
            # A server may quote a one-time signature back; credentials must never show.
            for secret in ALL_SECRETS:
                assert secret not in text, f"{type(exc).__name__} leaks a secret: {text!r}"


def test_query_api_key_not_in_logs_or_errors(
    generated: Generated, caplog: pytest.LogCaptureFixture
) -> None:
    module = generated.query_module
    _debug_everything(caplog, module.__name__)
    errors: list[BaseException] = []

    rec = ScriptedServer(answering(then_ok(500, ok_json({}))))
    client = no_retry_sleep(built(module.QueryKeyClient, api_key=SECRET, http_client=rec.http()))
    client.list_items(page=1)

    def refuse(request: httpx.Request, n: int) -> httpx.Response:
        raise httpx.ConnectError(f"cannot connect to {request.url}", request=request)

    for answer in (refuse, ok_json({"message": "bad key"}, status=401)):
        client = no_retry_sleep(
            built(
                module.QueryKeyClient,
                api_key=SECRET,
                http_client=ScriptedServer(answering(answer)).http(),
            )
        )
        with pytest.raises(module.APIError) as info:
            client.list_items(page=1)
        errors.append(info.value)

    for exc in errors:
        assert SECRET not in str(exc)
        assert SECRET not in repr(exc)
    assert_nothing_leaked(caplog.records, [SECRET])


class _FlakyHandler(BaseHTTPRequestHandler):
    """A real HTTP server: 500 on the first request of each path, then the Bitget envelope."""

    seen: dict[str, int] = {}
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802
        with self.lock:
            count = self.seen[self.path] = self.seen.get(self.path, 0) + 1
        if count == 1:
            self._reply(500, b'{"code":"50000","msg":"busy"}')
        elif self.path.startswith("/api/v3/trade/order-info"):
            import json

            self._reply(200, json.dumps(BITGET_ORDER_INFO).encode())
        else:
            self._reply(401, b'{"code":"40012","msg":"apikey/password is incorrect"}')

    def _reply(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_no_secret_in_httpcore_debug_logs_over_a_real_connection(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With a real transport httpcore logs too; still no credential or signature."""
    _FlakyHandler.seen = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FlakyHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _debug_everything(caplog, "bitget_client")
        base = f"http://127.0.0.1:{server.server_address[1]}"
        with built(
            BitgetClient, base, api_key=KEY, api_secret=SECRET, passphrase=PASSPHRASE, clock=CLOCK
        ) as client:
            no_retry_sleep(client)
            client.get_order(order_id="1")  # 500, retried, 200
            with pytest.raises(bitget_client.AuthenticationError) as info:
                client.get_copy_futures_max_transferable(coin="USDT")  # 500, retried, 401
        assert any(r.name.startswith("httpcore") for r in caplog.records), "httpcore did not log"
        assert_nothing_leaked(caplog.records, [KEY, SECRET, PASSPHRASE])
        assert SECRET not in str(info.value) and PASSPHRASE not in str(info.value)
    finally:
        server.shutdown()
        server.server_close()


# =============================================================================================
# 7. Timestamps and nonces come from the client's clock
# =============================================================================================


def ticking(start: int = NOW, step: int = 1000) -> Callable[[], int]:
    counter = itertools.count(start, step)
    return lambda: next(counter)


def test_bitget_two_calls_with_a_moving_clock_differ() -> None:
    rec = ScriptedServer(answering(bitget_answer))
    client = bitget(rec, clock=ticking())
    client.get_order(order_id="1")
    client.get_order(order_id="1")
    first, second = rec.sent
    assert first.url == second.url
    assert int(first.headers["access-timestamp"]) >= NOW
    assert int(second.headers["access-timestamp"]) > int(first.headers["access-timestamp"])
    assert first.headers["access-sign"] != second.headers["access-sign"]
    for sent in rec.sent:
        assert sent.headers["access-sign"] == bitget_signature(
            SECRET, sent, sent.headers["access-timestamp"]
        )


def test_timestamp_is_the_clock_value_in_milliseconds() -> None:
    rec = ScriptedServer(answering(bitria_answer))
    bitria(rec, clock=lambda: 1234567890123).list_orders()
    assert rec.last.headers["x-api-timestamp"] == "1234567890123"
    assert rec.last.headers["x-api-signature"] == bitria_signature(
        SECRET, rec.last, "1234567890123"
    )


def test_default_clock_is_unix_milliseconds() -> None:
    rec = ScriptedServer(answering(btse_answer))
    client = built(BtseClient, api_key=KEY, api_secret=SECRET, http_client=rec.http())
    before = time.time_ns() // 1_000_000
    client.get_account()
    after = time.time_ns() // 1_000_000
    nonce = rec.last.headers["btse-nonce"]
    assert before <= int(nonce) <= after
    assert rec.last.headers["btse-sign"] == btse_signature(SECRET, "/v2/account", nonce, b"")


RETRY_CASES = [
    pytest.param(
        bitria,
        bitria_answer,
        lambda c: c.list_orders(symbol="BTC-USDT", page=2),
        "x-api-timestamp",
        lambda sent, ts: sent.headers["x-api-signature"] == bitria_signature(SECRET, sent, ts),
        id="bitria-get",
    ),
    pytest.param(
        bitget,
        bitget_answer,
        lambda c: c.get_order(order_id="9", client_oid="a"),
        "access-timestamp",
        lambda sent, ts: (
            sent.headers["access-sign"] == bitget_signature(SECRET, sent, ts)
            and sent.query_names() == ["clientOid", "orderId"]
        ),
        id="bitget-get",
    ),
    pytest.param(
        btse,
        btse_answer,
        lambda c: c.list_open_orders(symbol="BTC-USD"),
        "btse-nonce",
        lambda sent, ts: (
            sent.headers["btse-sign"] == btse_signature(SECRET, "/v2/pending", ts, b"")
        ),
        id="btse-get",
    ),
    pytest.param(
        btse,
        btse_answer,
        lambda c: c.list_fills(symbol="BTC-USD", limit=5),
        "btse-nonce",
        lambda sent, ts: (
            sent.headers["btse-sign"] == btse_signature(SECRET, "/v2/fills", ts, sent.body)
        ),
        id="btse-idempotent-post",
    ),
]


@pytest.mark.parametrize(("make", "answer", "call", "ts_header", "verifies"), RETRY_CASES)
def test_retry_is_resigned_with_the_clocks_new_value(
    make: Callable[..., Any],
    answer: Responder,
    call: Callable[[Any], Any],
    ts_header: str,
    verifies: Callable[[Sent, str], bool],
) -> None:
    readings: list[int] = []
    tick = ticking()

    def clock() -> int:
        readings.append(tick())
        return readings[-1]

    rec = ScriptedServer(answering(then_ok(500, answer)))
    call(no_retry_sleep(make(rec, clock=clock)))
    assert len(rec.sent) == 2
    first, second = rec.sent
    assert first.url == second.url and first.body == second.body
    stamps = [int(s.headers[ts_header]) for s in rec.sent]
    assert all(stamp in readings for stamp in stamps), (stamps, readings)
    assert stamps[1] > stamps[0]
    for sent in rec.sent:
        assert verifies(sent, sent.headers[ts_header]), sent


def test_bitria_retry_is_resigned_on_429() -> None:
    rec = ScriptedServer(answering(then_ok(429, bitria_answer)))
    no_retry_sleep(bitria(rec, clock=ticking())).list_orders()
    assert len(rec.sent) == 2
    a, b = rec.sent
    assert a.headers["x-api-timestamp"] != b.headers["x-api-timestamp"]
    assert a.headers["x-api-signature"] != b.headers["x-api-signature"]


# =============================================================================================
# 8. Property tests: the signature sent verifies against the request the transport received
# =============================================================================================

SPECIAL = [
    "BTC-USDT",
    "a b",
    "a&b=c",
    "x/y?z#w",
    "100%",
    "é€😀",
    "+plus+",
    "semi;colon",
    'quo"te\\',
    "tab\tnl\n",
]
texts = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=16),
)
decimals = st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent),
    st.integers(min_value=1, max_value=10**15),
    st.integers(min_value=-12, max_value=9),
)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def given_args(**fields: Any) -> dict[str, Any]:
    """Drop the optional arguments hypothesis chose to leave out."""
    return {k: v for k, v in fields.items() if v is not None}


PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(
    symbol=texts,
    side=st.sampled_from(["BUY", "SELL"]),
    order_type=st.sampled_from(["MARKET", "LIMIT"]),
    trade_type=st.sampled_from(["SPOT", "FUTURES", "MARGIN"]),
    quantity=optional(decimals),
    price=optional(decimals),
    funds=optional(decimals),
    leverage=optional(st.integers(min_value=1, max_value=125)),
    margin_mode=optional(st.sampled_from(["CROSS", "ISOLATED"])),
    now=st.integers(min_value=0, max_value=2**42),
)
def test_property_bitria_place_order(now: int, **fields: Any) -> None:
    rec = ScriptedServer(answering(bitria_answer))
    args = given_args(**fields)
    bitria(rec, clock=lambda: now).place_order(**args)
    sent = rec.last
    assert sent.headers["x-api-timestamp"] == str(now)
    assert sent.headers["x-api-signature"] == bitria_signature(SECRET, sent, str(now))
    body = sent.json()
    assert body["symbol"] == args["symbol"]
    for name in ("quantity", "price", "funds"):
        assert body.get(name) == args.get(name)


@PROPERTY
@given(
    symbol=optional(texts),
    trade_type=optional(st.sampled_from(["SPOT", "FUTURES", "MARGIN"])),
    status=optional(st.sampled_from(["PENDING", "SUBMITTED", "FILLED", "CANCELLED"])),
    page=optional(st.integers(min_value=1, max_value=10**6)),
    limit=optional(st.integers(min_value=1, max_value=100)),
    order_id=texts,
    operation=st.sampled_from(["list_orders", "list_fills", "get_order", "cancel_order"]),
)
def test_property_bitria_queries_and_paths(operation: str, order_id: str, **fields: Any) -> None:
    assume(
        order_id not in (".", "..")
    )  # dot segments: see test_path_parameter_dot_segments_stay_in_the_path
    rec = ScriptedServer(answering(bitria_answer))
    client = bitria(rec)
    args = given_args(**fields)
    if operation in ("get_order", "cancel_order"):
        getattr(client, operation)(order_id=order_id)
    elif operation == "list_fills":
        args.pop("status", None)
        client.list_fills(**args)
    else:
        client.list_orders(**args)
    sent = rec.last
    assert sent.headers["x-api-key"] == KEY
    assert sent.headers["x-api-signature"] == bitria_signature(SECRET, sent, TS)
    if operation in ("get_order", "cancel_order"):
        assert sent.path.startswith(b"/api/v1/orders/")
    else:
        wire = {
            "symbol": "symbol",
            "trade_type": "tradeType",
            "status": "status",
            "page": "page",
            "limit": "limit",
        }
        # Declared order; the values themselves: test_query_and_path_values_are_sent_verbatim.
        assert sent.query_names() == [wire[k] for k in args]


@PROPERTY
@given(
    category=st.sampled_from(["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"]),
    symbol=texts,
    side=st.sampled_from(["buy", "sell"]),
    order_type=st.sampled_from(["limit", "market"]),
    qty=decimals,
    price=optional(decimals),
    time_in_force=optional(st.sampled_from(["gtc", "ioc", "fok", "post_only"])),
    client_oid=optional(texts),
    take_profit=optional(decimals),
    stop_loss=optional(decimals),
    reduce_only=optional(st.sampled_from(["yes", "no"])),
    paptrading=optional(st.just("1")),
)
def test_property_bitget_place_order(**fields: Any) -> None:
    rec = ScriptedServer(answering(bitget_answer))
    args = given_args(**fields)
    bitget(rec).place_order(**args)
    sent = rec.last
    assert_bitget_headers(sent, bitget_signature(SECRET, sent, TS))
    body = sent.json()
    assert Decimal(body["qty"]) == args["qty"]
    assert "E" not in body["qty"].upper()
    if "price" in args:
        assert Decimal(body["price"]) == args["price"]
    assert body["symbol"] == args["symbol"]


@PROPERTY
@given(
    order_id=optional(texts),
    client_oid=optional(texts),
    coin=texts,
    operation=st.sampled_from(["get_order", "get_copy_futures_max_transferable"]),
)
def test_property_bitget_get_queries_sorted_and_signed(
    operation: str, order_id: str | None, client_oid: str | None, coin: str
) -> None:
    rec = ScriptedServer(answering(bitget_answer))
    client = bitget(rec)
    if operation == "get_order":
        args = given_args(order_id=order_id, client_oid=client_oid)
        client.get_order(**args)
        expected = given_args(orderId=order_id, clientOid=client_oid)
    else:
        client.get_copy_futures_max_transferable(coin=coin)
        expected = {"coin": coin}
    sent = rec.last
    names = sent.query_names()
    assert names == sorted(names)
    assert set(names) == set(expected) and len(names) == len(expected)
    assert_bitget_headers(sent, bitget_signature(SECRET, sent, TS))


@PROPERTY
@given(
    symbol=optional(texts),
    amount=optional(decimals),
    price=optional(decimals),
    stop_price=optional(decimals),
    side=optional(st.sampled_from(["BUY", "SELL"])),
    type=optional(st.sampled_from(["LIMIT", "MARKET"])),
    post_only=optional(st.booleans()),
    client_oid=optional(st.integers(min_value=0, max_value=2**53)),
    tag=optional(texts),
    testnet=st.booleans(),
)
def test_property_btse_place_order(testnet: bool, **fields: Any) -> None:
    rec = ScriptedServer(answering(btse_answer))
    client = btse(rec, base_url="https://testapi.btse.io/spot") if testnet else btse(rec)
    args = given_args(**fields)
    client.place_order(**args)
    sent = rec.last
    assert sent.path == b"/spot/v2/order"
    assert_btse_headers(sent, btse_signature(SECRET, "/v2/order", TS, sent.body))
    body = sent.json()
    for name in ("amount", "price", "stop_price"):
        assert body.get(name) == args.get(name)


@PROPERTY
@given(
    symbol=optional(texts),
    order_id=optional(texts),
    limit=optional(st.integers(min_value=1, max_value=500)),
    operation=st.sampled_from(["list_open_orders", "list_fills", "cancel_order", "get_account"]),
)
def test_property_btse_queries_are_sent_but_only_path_and_body_signed(
    operation: str, symbol: str | None, order_id: str | None, limit: int | None
) -> None:
    rec = ScriptedServer(answering(btse_answer))
    client = btse(rec)
    path = {
        "list_open_orders": "/v2/pending",
        "list_fills": "/v2/fills",
        "cancel_order": "/v2/deleteOrder",
        "get_account": "/v2/account",
    }[operation]
    if operation == "list_open_orders":
        client.list_open_orders(**given_args(symbol=symbol))
    elif operation == "list_fills":
        client.list_fills(**given_args(symbol=symbol, order_id=order_id, limit=limit))
    elif operation == "cancel_order":
        client.cancel_order(**given_args(symbol=symbol, order_id=order_id))
    else:
        client.get_account()
    sent = rec.last
    assert sent.path == b"/spot" + path.encode()
    if operation == "list_open_orders" and symbol is not None:
        assert sent.query_names() == ["symbol"]
    assert_btse_headers(sent, btse_signature(SECRET, path, TS, sent.body))


# =============================================================================================
# Request building that the signature depends on
# =============================================================================================


@pytest.mark.parametrize("order_id", ["..", "."])
def test_path_parameter_dot_segments_stay_in_the_path(order_id: str) -> None:
    """An id of `..` must not climb out of /v1/orders/{orderId}: the request (and what is
    signed) would otherwise target another endpoint (GET /api/v1)."""
    rec = ScriptedServer(
        answering(lambda request, n: httpx.Response(404, json={"code": 404, "message": "no"}))
    )
    with pytest.raises(bitria_client.NotFoundError):
        bitria(rec).get_order(order_id=order_id)
    sent = rec.last
    assert sent.path.startswith(b"/api/v1/orders/"), sent.path
    assert len(sent.path) > len(b"/api/v1/orders/")
    assert sent.headers["x-api-signature"] == bitria_signature(SECRET, sent, TS)


VERBATIM = ['quo"te', "back\\slash", "ctl\x1f", "tab\tnl\n"]


@pytest.mark.parametrize("value", VERBATIM, ids=["quote", "backslash", "control", "whitespace"])
def test_query_and_path_values_are_sent_verbatim(value: str) -> None:
    """The signed query/path must carry the caller's string, not a JSON-escaped copy of it."""
    rec = ScriptedServer(answering(bitria_answer))
    bitria(rec).list_orders(symbol=value)
    assert rec.last.query_pairs() == [("symbol", value)], rec.last.url
    rec = ScriptedServer(answering(bitget_answer))
    bitget(rec).get_order(client_oid=value)
    assert rec.last.query_pairs() == [("clientOid", value)], rec.last.url
    rec = ScriptedServer(answering(bitria_answer))
    bitria(rec).get_order(order_id=value)
    assert rec.last.path == b"/api/v1/orders/" + quote(value, safe="").encode(), rec.last.path


# =============================================================================================
# Recorded cassettes hold no credential or signature
# =============================================================================================


_SECRET_HEADER_LINE = re.compile(
    r"^\s*['\"]?(access-key|access-sign|access-passphrase|x-api-key|x-api-signature|btse-api"
    r"|btse-sign|authorization|x-api-key)['\"]?\s*:\s*(?P<value>.*?)\s*$",
    re.IGNORECASE,
)
_REDACTED_VALUES = {"<redacted>", "Basic <redacted>", "Bearer <redacted>"}


def _cassette_files() -> list[Path]:
    return sorted(CASSETTES.rglob("*.yaml")) if CASSETTES.is_dir() else []


def _dummy_credentials() -> list[str]:
    try:
        apis = importlib.import_module("apis")
    except Exception:  # the replay helpers are optional for this check
        return []
    return [v for v in getattr(apis, "TEST_CREDENTIALS", {}).values() if isinstance(v, str) and v]


def test_cassettes_hold_no_credentials_or_signatures() -> None:
    files = _cassette_files()
    if not files:
        pytest.skip("no recorded cassettes")
    needles = [*ALL_SECRETS, *_dummy_credentials()]
    needles += [quote(n, safe="") for n in needles]
    problems = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            match = _SECRET_HEADER_LINE.match(line)
            if match and match.group("value").strip("'\"") not in _REDACTED_VALUES:
                problems.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
            if re.search(
                r"[?&](api_?key|apikey|token|secret|signature|sign)=(?!<redacted>)", line, re.I
            ):
                problems.append(
                    f"{path.relative_to(ROOT)}:{number}: credential in URL: {line.strip()}"
                )
            for needle in needles:
                if needle in line:
                    problems.append(
                        f"{path.relative_to(ROOT)}:{number}: credential value {needle!r}"
                    )
    assert not problems, "\n".join(problems)

"""Exact decimals end to end: decimal strings and JSON numbers on the wire (compared as raw bytes),
exact parsing of answers such as "1e-8", and floats refused before anything is sent.

Driven through the scripted transport of tests.support.transport.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import bitria_client
import hummingbot_client
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
    BITRIA_ORDER_DETAIL,
    HB_ORDER,
    HB_TRADE_RESPONSE,
    PLACE_ORDERS,
    bitget_envelope,
    hb_page,
    make_client,
    package_of,
)
from tests.support.transport import ScriptedServer, reply

# ============================================================================================
# Exact decimals
# ============================================================================================


def test_bitget_sends_decimals_as_strings() -> None:
    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server)

    client.place_order(
        category="USDT-FUTURES",
        symbol="ETHUSDT",
        side="buy",
        order_type="limit",
        qty=Decimal("0.1"),
        price=Decimal("3000"),
        take_profit=Decimal("3300.10"),
        stop_loss=Decimal("1E-8"),
        client_oid="tp-sl-0001",
    )

    body = server.sent_bodies[0]
    assert b'"qty":"0.1"' in body
    assert b'"price":"3000"' in body
    assert b'"takeProfit":"3300.10"' in body
    assert b'"stopLoss":"0.00000001"' in body, "never in exponent form"
    assert json.loads(body)["qty"] == "0.1"


def test_btse_sends_decimals_as_json_numbers_with_exact_digits() -> None:
    op = PLACE_ORDERS["btse"]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server)

    client.place_order(
        symbol="BTC-USD",
        side="BUY",
        type="LIMIT",
        amount=Decimal("0.1"),
        price=Decimal("30000.50"),
        stop_price=Decimal("0.1000000000000000055511151231257827"),
        client_oid=1700000000001,
    )

    assert server.sent_bodies[0] == (
        b'{"amount":0.1,"client_oid":1700000000001,"price":30000.50,"symbol":"BTC-USD","side":"BUY",'
        b'"stop_price":0.1000000000000000055511151231257827,"type":"LIMIT"}'
    )


def test_btse_sends_tiny_decimal_as_plain_json_number() -> None:
    op = PLACE_ORDERS["btse"]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server)

    client.place_order(symbol="BTC-USD", amount=Decimal("1E-8"), price=Decimal("3E+4"))

    body = server.sent_bodies[0]
    assert b'"amount":0.00000001' in body
    assert b'"price":30000' in body
    parsed = json.loads(body, parse_float=Decimal)
    assert parsed["amount"] == Decimal("1E-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bitria", [b'"quantity":0.01', b'"price":65000.5']),
        # FastAPI servers read JSON numbers through float; their schemas accept decimal strings.
        ("bitcain", [b'"quantity":"0.01"', b'"price":"65000.5"']),
        ("hummingbot", [b'"amount":"1"', b'"price":"123"']),
        ("bitget", [b'"qty":"0.001"', b'"price":"60000"']),
        ("btse", [b'"amount":0.01', b'"price":30000.5']),
    ],
)
def test_place_order_decimals_on_the_wire(name: str, expected: list[bytes]) -> None:
    # Only the request bytes matter here: the server refuses the order, so no answer is parsed.
    op = PLACE_ORDERS[name]
    server = ScriptedServer(reply(400, {"code": 400, "message": "rejected", "detail": "rejected"}))
    client, _ = make_client(op.cls, server)

    with pytest.raises(package_of(op.cls).APIStatusError):
        op.call(client)

    assert len(server.sent_bodies) == 1
    for fragment in expected:
        assert fragment in server.sent_bodies[0]


def test_bitcain_update_sends_exact_decimal_strings() -> None:
    server = ScriptedServer(reply(200, BITCAIN_ORDER))
    client, _ = make_client(BitcainClient, server)

    client.update_order(order_id=BITCAIN_ORDER_ID, price=Decimal("64500"), quantity=Decimal("0.02"))

    assert json.loads(server.sent_bodies[0]) == {"price": "64500", "quantity": "0.02"}
    assert server.attempts[0].method == "PATCH"


def test_decimal_strings_given_by_the_caller_are_sent_exactly() -> None:
    op = PLACE_ORDERS["bitria"]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server)

    client.place_order(
        symbol="BTC-USDT",
        side="BUY",
        order_type="LIMIT",
        trade_type="SPOT",
        quantity="0.010",
        price="65000.50",
    )

    assert b'"quantity":0.010' in server.sent_bodies[0]
    assert b'"price":65000.50' in server.sent_bodies[0]


@pytest.mark.parametrize(
    ("name", "call"),
    [
        (
            "bitget",
            lambda c: c.place_order(
                category="SPOT", symbol="BTCUSDT", side="buy", order_type="market", qty=0.1
            ),
        ),
        ("btse", lambda c: c.place_order(symbol="BTC-USD", amount=0.1, price=Decimal("30000"))),
        (
            "bitria",
            lambda c: c.place_order(
                symbol="BTC-USDT",
                side="BUY",
                order_type="LIMIT",
                trade_type="SPOT",
                quantity=Decimal("1"),
                price=65000.5,
            ),
        ),
        (
            "hummingbot",
            lambda c: c.place_order(
                account_name="master_account",
                connector_name="binance",
                trading_pair="BTC-USDT",
                trade_type="BUY",
                amount=0.1,
            ),
        ),
        (
            "bitcain",
            lambda c: c.place_order(symbol="BTC/USD", side="buy", type="market", quantity=0.1),
        ),
        ("bitcain.update", lambda c: c.update_order(order_id=BITCAIN_ORDER_ID, price=64500.0)),
        (
            "bitget.transfer",
            lambda c: c.copy_futures_transfer(coin="USDT", amount=500.0, type="in"),
        ),
    ],
)
def test_float_is_refused_before_sending(name: str, call: Callable[[Any], Any]) -> None:
    op = PLACE_ORDERS[name.split(".")[0]]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server)

    with pytest.raises(ValueError, match="float"):
        call(client)

    assert server.attempts == [], "nothing may be sent"


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimal_is_refused_before_sending(value: Decimal) -> None:
    op = PLACE_ORDERS["btse"]
    server = ScriptedServer(reply(op.status, op.body))
    client, _ = make_client(op.cls, server)

    with pytest.raises(ValueError):
        client.place_order(symbol="BTC-USD", amount=value)

    assert server.attempts == []


def test_bitget_decimal_strings_in_response_parse_exactly() -> None:
    data = {
        **BITGET_ORDER_INFO,
        "qty": "1e-8",
        "price": "0.1000000000000000055511151231257827",
        "cumExecValue": "123456789012345678901234567890.123456789",
        "avgPrice": "1E+3",
    }
    server = ScriptedServer(reply(200, bitget_envelope(data)))
    client, _ = make_client(BitgetClient, server)

    order = client.get_order(order_id="1")

    assert type(order.qty) is Decimal
    assert order.qty.as_tuple() == Decimal("1e-8").as_tuple()
    assert order.price.as_tuple() == Decimal("0.1000000000000000055511151231257827").as_tuple()
    assert order.cum_exec_value == Decimal("123456789012345678901234567890.123456789")
    assert order.avg_price == Decimal("1000")


def test_btse_json_numbers_in_response_parse_exactly() -> None:
    content = (
        b'[{"amount":1E-8,"created_at":"2023-11-14 22:13:20","id":"6f1b5c2e-3d2a-4a8e-9f7b-0c1d2e3f4a5b",'
        b'"price":0.1000000000000000055511151231257827,"symbol":"BTC-USD","side":0,"status":"pending",'
        b'"tag":"","type":0}]'
    )
    server = ScriptedServer(reply(200, content=content))
    client, _ = make_client(BtseClient, server)

    (order,) = client.list_open_orders(symbol="BTC-USD")

    assert type(order.amount) is Decimal and type(order.price) is Decimal
    assert order.amount.as_tuple() == Decimal("1E-8").as_tuple()
    assert order.price.as_tuple() == Decimal("0.1000000000000000055511151231257827").as_tuple()
    assert order.price != Decimal(0.1)


def test_bitria_json_numbers_in_response_parse_exactly() -> None:
    text = json.dumps(BITRIA_ORDER_DETAIL)
    text = text.replace('"price": 65000.5', '"price": 65000.123456789012345678')
    text = text.replace('"fee": 0.65', '"fee": 6.5e-7')
    server = ScriptedServer(reply(200, content=text))
    client, _ = make_client(BitriaClient, server)

    order = client.get_order(order_id="1789200345611")

    assert order.price == Decimal("65000.123456789012345678")
    assert order.fills[0].price == Decimal("65000.123456789012345678")
    assert order.fills[0].fee.as_tuple() == Decimal("6.5e-7").as_tuple()
    assert order.quantity == Decimal("0.01") and type(order.quantity) is Decimal
    assert order.filled_quantity == Decimal("0.01")


def test_hummingbot_order_numbers_parse_exactly() -> None:
    content = json.dumps(hb_page([HB_ORDER], None, total=1)).replace(
        '"fee_paid": 0.123', '"fee_paid": 1.23E-9'
    )
    server = ScriptedServer(reply(200, content=content))
    client, _ = make_client(HummingbotClient, server)

    page = client.search_orders(status="FILLED")

    order = page.data[0]
    assert order.amount == Decimal("1") and type(order.amount) is Decimal
    assert order.fee_paid.as_tuple() == Decimal("1.23E-9").as_tuple()


def test_hummingbot_place_order_spec_example_parses_decimal_strings() -> None:
    # The 201 example of POST /trading/orders: amount and price are decimal strings with a pattern.
    op = PLACE_ORDERS["hummingbot"]
    server = ScriptedServer(reply(201, HB_TRADE_RESPONSE))
    client, _ = make_client(op.cls, server)

    trade = op.call(client)

    assert trade.order_id == "buy-BTC-USDT-1718000000000000"
    assert trade.amount == Decimal("1") and type(trade.amount) is Decimal
    price = getattr(trade.price, "root", trade.price)
    assert price == Decimal("123")


def test_hummingbot_place_order_response_with_invalid_decimal_string_is_a_validation_error() -> (
    None
):
    op = PLACE_ORDERS["hummingbot"]
    server = ScriptedServer(reply(201, {**HB_TRADE_RESPONSE, "amount": "one"}))
    client, _ = make_client(op.cls, server)

    with pytest.raises(hummingbot_client.ResponseValidationError):
        op.call(client)


def test_error_body_numbers_are_decimals() -> None:
    server = ScriptedServer(
        reply(
            400,
            content=b'{"code": 400, "message": "price 0.1000000000000000055 out of band", "max": 0.1}',
        )
    )
    client, _ = make_client(BitriaClient, server)

    with pytest.raises(bitria_client.BadRequestError) as caught:
        client.cancel_order(order_id="1")

    assert caught.value.body["max"] == Decimal("0.1")
    assert type(caught.value.body["max"]) is Decimal


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_loads_reads_bytes_in_any_json_encoding_like_json_loads(encoding: str) -> None:
    text = '{"price": 0.1000000000000000055, "qty": 3, "note": "caf\u00e9 \u20ac"}'
    parsed = bitria_client._types.loads(text.encode(encoding))

    assert parsed == json.loads(text.encode(encoding), parse_float=Decimal)
    assert parsed["price"] == Decimal("0.1000000000000000055")
    assert parsed == bitria_client._types.loads(text)


@pytest.mark.parametrize("content", [b'{"price": 1.5', b"", "\ufeff{}", b"\xff\xfe\x00"])
def test_loads_refuses_what_json_loads_refuses(content: bytes | str) -> None:
    with pytest.raises(ValueError):
        json.loads(content, parse_float=Decimal)
    with pytest.raises(ValueError):
        bitria_client._types.loads(content)

"""What a client refuses before sending anything (bad arguments, a bad base_url), how it writes
exact decimals, and what `with_raw_response` looks like to a caller.

Through the generated clients and the scripted transport of tests.support.transport, and through
the runtime's request module in place (templates/runtime) for parameter types no spec emits yet.
"""

from __future__ import annotations

import inspect
import json
from decimal import Decimal
from typing import Annotated, Any, Literal

import bitget_client
import pydantic
import pytest
from bitget_client import BitgetClient
from btse_client import BtseClient

from templates.runtime import _request, _types
from templates.runtime._endpoint import Endpoint
from templates.runtime._exceptions import InvalidArgumentError
from tests.support.calls import (
    BTSE_PLACED,
    CREDENTIALS,
    PLACE_ORDERS,
    bitget_envelope,
    make_client,
    package_of,
)
from tests.support.flavors import built
from tests.support.transport import ScriptedServer, reply

BITGET_ORDER = dict(
    category="SPOT", symbol="BTCUSDT", side="buy", order_type="limit", qty=Decimal("0.001")
)


def bitget_client_and_server() -> tuple[Any, ScriptedServer]:
    server = ScriptedServer(reply(200, bitget_envelope({"orderId": "1", "clientOid": "c"})))
    client, _ = make_client(BitgetClient, server)
    return client, server


# --------------------------------------------------------------------------------------------
# Input errors name the caller's arguments
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "argument", "wire"),
    [
        ({"tp_trigger_by": "last"}, "tp_trigger_by", "tpTriggerBy"),
        ({"time_in_force": "forever"}, "time_in_force", "timeInForce"),
        ({"order_type": "stop"}, "order_type", "orderType"),
        ({"price": 60000.5}, "price", None),
    ],
)
def test_bad_body_argument_is_an_input_error_naming_the_python_argument(
    arguments: dict[str, Any], argument: str, wire: str | None
) -> None:
    client, server = bitget_client_and_server()

    with pytest.raises(bitget_client.InvalidArgumentError) as caught:
        client.place_order(**{**BITGET_ORDER, **arguments})

    exc = caught.value
    assert isinstance(exc, ValueError) and isinstance(exc, bitget_client.APIError)
    assert not isinstance(exc, pydantic.ValidationError)
    assert exc.__cause__ is None and exc.__suppress_context__
    assert [e["argument"] for e in exc.errors] == [argument]
    assert f"{argument}:" in str(exc) and "nothing was sent" in str(exc)
    assert "PlaceOrderRequest" not in str(exc)
    if wire:
        assert wire not in str(exc)
    assert server.attempts == []


def test_every_bad_argument_is_listed() -> None:
    client, server = bitget_client_and_server()

    with pytest.raises(bitget_client.InvalidArgumentError) as caught:
        client.place_order(**{**BITGET_ORDER, "side": "long", "qty": 0.1, "pos_side": "up"})

    assert sorted(e["argument"] for e in caught.value.errors) == ["pos_side", "qty", "side"]
    assert server.attempts == []


@pytest.mark.parametrize("value", [True, False])
def test_a_bool_for_a_text_header_is_refused_before_sending(value: bool) -> None:
    client, server = bitget_client_and_server()

    with pytest.raises(bitget_client.InvalidArgumentError) as caught:
        client.place_order(**BITGET_ORDER, paptrading=value)

    assert [e["argument"] for e in caught.value.errors] == ["paptrading"]
    assert server.attempts == []


def test_the_header_text_the_spec_declares_is_sent_as_is() -> None:
    client, server = bitget_client_and_server()

    client.place_order(**BITGET_ORDER, paptrading="1")

    assert server.sent_headers[0]["paptrading"] == "1"


class Order(pydantic.BaseModel):
    price: _types.DecimalString


class Query(pydantic.BaseModel):
    page_size: Annotated[int, pydantic.Field(ge=1, le=100, alias="pageSize")] = 20
    side: Literal["buy", "sell"] | None = None


class Headers(pydantic.BaseModel):
    paptrading: Literal["1"] | None = None
    dry_run: bool | None = pydantic.Field(default=None, alias="dryRun")


ENDPOINT: Endpoint[Any] = Endpoint(
    name="list_orders",
    method="POST",
    path="/orders",
    result=None,
    body_type=list[Order],
    arguments={
        ("query", "pageSize"): "page_size",
        ("query", "side"): "side",
        ("header", "paptrading"): "paptrading",
        ("header", "dryRun"): "dry_run",
        ("body", ""): "orders",
    },
    parameters={"query": Query, "header": Headers},
)


def prepared(query: dict[str, Any], headers: dict[str, Any], body: Any = ()) -> Any:
    """The prepared request, or the error preparing it raises (a body without files needs no
    step of a driver)."""
    flow = _request.prepare(
        ENDPOINT,
        "https://api.example.com",
        path_params={},
        query=query,
        headers=headers,
        body=list(body),
        default_headers={},
        extra_headers=None,
        parsed_urls={},
    )
    try:
        step = next(flow)
    except StopIteration as done:
        return done.value
    raise AssertionError(f"preparing asked for {step}")


@pytest.mark.parametrize(
    ("query", "headers", "argument"),
    [
        ({"pageSize": 500}, {}, "page_size"),
        ({"pageSize": 0}, {}, "page_size"),
        ({"side": True}, {}, "side"),
        ({}, {"paptrading": True}, "paptrading"),
        ({}, {"paptrading": 1}, "paptrading"),
        ({}, {"dryRun": "maybe"}, "dry_run"),
    ],
)
def test_declared_parameter_types_are_checked_before_sending(
    query: dict[str, Any], headers: dict[str, Any], argument: str
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        prepared(query, headers)

    assert [e["argument"] for e in caught.value.errors] == [argument]
    assert str(caught.value).startswith(
        f"list_orders: invalid argument, nothing was sent: {argument}:"
    )


def test_declared_parameter_types_decide_how_values_are_written() -> None:
    request = prepared(
        {"pageSize": 100, "side": "buy"},
        {"paptrading": "1", "dryRun": True},
        [Order.model_validate({"price": "1"})],
    )

    assert str(request.url) == "https://api.example.com/orders?pageSize=100&side=buy"
    assert request.headers["paptrading"] == "1" and request.headers["dryRun"] == "true"
    assert request.content == b'[{"price":"1"}]'


def test_an_error_inside_a_whole_body_argument_names_it_with_the_path() -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        prepared({}, {}, [{"price": "1"}, {"price": 2.5}])

    assert [e["argument"] for e in caught.value.errors] == ["orders[1].price"]


# --------------------------------------------------------------------------------------------
# base_url
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("ftp://api.bitget.com", "must be an http:// or https:// URL"),
        ("127.0.0.1:18003", "https://127.0.0.1:18003"),
        ("api.bitget.com", "https://api.bitget.com"),
        ("https://", "with a host"),
        ("https://api.bitget.com/api?x=1", "must not have a query"),
        ("", "must be an http:// or https:// URL"),
    ],
)
def test_a_bad_base_url_is_refused_at_construction_with_the_value_given(
    base_url: str, expected: str
) -> None:
    with pytest.raises(bitget_client.InvalidArgumentError) as caught:
        built(BitgetClient, base_url, **CREDENTIALS[BitgetClient])

    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert repr(base_url) in message and expected in message
    assert "declares no absolute server URL" not in message
    assert caught.value.errors[0]["argument"] == "base_url"


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:18003", "https://api.bitget.com/", "http://[::1]:8080/api"]
)
def test_a_good_base_url_is_kept_without_its_trailing_slash(base_url: str) -> None:
    client = built(BitgetClient, base_url, **CREDENTIALS[BitgetClient])

    assert client.base_url == base_url.rstrip("/")


# --------------------------------------------------------------------------------------------
# Exact decimals without an in-band marker
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag", ["\x00\x01123", "\x00\x01-", '\x00\x01"', "\x00\x010.5E+3", "plain"]
)
def test_text_that_looked_like_the_old_decimal_marker_is_sent_as_text(tag: str) -> None:
    server = ScriptedServer(reply(200, BTSE_PLACED))
    client, _ = make_client(BtseClient, server)

    client.place_order(
        symbol="BTC-USD",
        side="BUY",
        type="LIMIT",
        amount=Decimal("0.01"),
        price=Decimal("1"),
        tag=tag,
    )

    body = json.loads(server.sent_bodies[0], parse_float=Decimal)
    assert body["tag"] == tag
    assert body["amount"] == Decimal("0.01") and b'"amount":0.01' in server.sent_bodies[0]


@pytest.mark.parametrize(
    "value",
    [
        Decimal("0.000000012345678901234567"),
        Decimal("-1E-30"),
        Decimal("12345678901234567890.123456789"),
        Decimal("1E+3"),
        Decimal("-0"),
    ],
)
def test_btse_decimal_numbers_go_out_as_bare_numbers_with_every_digit(value: Decimal) -> None:
    server = ScriptedServer(reply(200, BTSE_PLACED))
    client, _ = make_client(BtseClient, server)

    client.place_order(symbol="BTC-USD", side="BUY", type="LIMIT", amount=value, price=value)

    sent = server.sent_bodies[0]
    body = json.loads(sent, parse_float=Decimal)
    assert body["amount"] == value and body["price"] == value
    assert f'"amount":{format(value, "f")}'.encode() in sent


def test_dumps_writes_what_json_reads_back() -> None:
    value = {
        "s": '\x00\x01123 \u2028 "quoted" \\ é',
        "n": [1, -2, True, False, None, Decimal("0.10"), 1.5],
        "nested": {"k": ("a", "b")},
        3: "int key",
    }

    text = _types.dumps(value)

    assert json.loads(text, parse_float=Decimal) == {
        "s": value["s"],
        "n": [1, -2, True, False, None, Decimal("0.10"), Decimal("1.5")],
        "nested": {"k": ["a", "b"]},
        "3": "int key",
    }


def test_a_non_finite_decimal_in_an_untyped_body_is_an_input_error() -> None:
    endpoint: Endpoint[Any] = Endpoint(name="send", method="POST", path="/", result=None)

    with pytest.raises(InvalidArgumentError):
        _request.encode_body(endpoint, {"amount": Decimal("NaN")})


# --------------------------------------------------------------------------------------------
# with_raw_response keeps each method's signature
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_raw_response_methods_keep_the_real_signature(name: str) -> None:
    op = PLACE_ORDERS[name]
    client, _ = make_client(op.cls, ScriptedServer(reply(op.status, op.body)))
    for method_name in [m for m in dir(client) if not m.startswith("_")]:
        method = getattr(client, method_name)
        raw = getattr(client.with_raw_response, method_name, None)
        if raw is None or not callable(method):
            continue
        plain, wrapped = inspect.signature(method), inspect.signature(raw)
        assert wrapped.parameters == plain.parameters, method_name
        assert "**kwargs" not in str(wrapped)
        assert str(wrapped.return_annotation).startswith("RawResponse[")
        assert raw.__name__ == method_name and raw.__doc__ == method.__doc__
    assert package_of(op.cls).RawResponse


def test_a_deferred_model_is_known_to_hold_exact_numbers_before_its_first_use() -> None:
    class Leg(_types.Model):
        size: _types.DecimalNumber

    class Ticket(_types.Model):
        legs: list[Leg]
        note: str

    class Quote(_types.Model):
        price: _types.DecimalString

    assert _types.writes_exact_numbers(Ticket) is True
    assert _types.writes_exact_numbers(Quote) is False
    endpoint: Endpoint[Any] = Endpoint(
        name="send", method="POST", path="/", result=None, body_type=Ticket
    )
    sent = _request.encode_body(
        endpoint, {"legs": [{"size": Decimal("1E-20")}], "note": "\x00\x011"}
    )
    assert sent == b'{"legs":[{"size":0.00000000000000000001}],"note":"\\u0000\\u00011"}'


class Cookies(pydantic.BaseModel):
    session: str | None = None
    ids: list[int] | None = None


def test_cookie_parameters_are_one_cookie_header_checked_and_encoded() -> None:
    endpoint: Endpoint[Any] = Endpoint(
        name="get_account",
        method="GET",
        path="/account",
        result=None,
        delimiters={"tags": "|", "words": " "},
        arguments={
            ("cookie", "session"): "session",
            ("cookie", "ids"): "ids",
            ("query", "tags"): "tags",
            ("query", "words"): "words",
        },
        parameters={"cookie": Cookies},
    )

    def prepare(cookies: dict[str, Any], query: dict[str, Any] | None = None) -> Any:
        flow = _request.prepare(
            endpoint,
            "https://api.example.com",
            path_params={},
            query=query or {},
            headers={},
            cookies=cookies,
            body=None,
            default_headers={"Cookie": "client=1"},
            extra_headers=None,
            parsed_urls={},
        )
        try:
            step = next(flow)
        except StopIteration as done:
            return done.value
        raise AssertionError(f"preparing asked for {step}")

    sent = prepare({"session": 'a b;c"d,é', "ids": [1, 2], "unset": _types.NOT_GIVEN})
    assert sent.headers["Cookie"] == "session=a%20b%3Bc%22d%2C%C3%A9; ids=1,2"
    assert prepare({"session": _types.NOT_GIVEN}).headers["Cookie"] == "client=1"
    with pytest.raises(InvalidArgumentError, match="ids"):
        prepare({"ids": ["x"]})
    query = prepare({}, {"tags": ["a", "b"], "words": ["c", "d"]}).url.params
    assert (query["tags"], query["words"]) == ("a|b", "c d")

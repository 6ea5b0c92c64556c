"""The runtime through a spec of no vendor (tests/runtime/neutral/spec.yaml), driven directly.

Signing, errors (by status and inside an HTTP 200 envelope), exact decimals, retries and cursor
pagination, each through the one scripted transport, with every expected value written out or
recomputed by the reference signer.
"""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.flavors import built
from tests.support.generation import generate_and_import
from tests.support.paths import NEUTRAL_SPEC
from tests.support.signing import hmac_sha256_hex
from tests.support.transport import (
    NGINX_502,
    ScriptedServer,
    Sent,
    connect_reset,
    reply,
    reset_after_send,
)

KEY = "neutral-key-1f2e3d"
SECRET = "neutral-secret-9a8b7c6d"
NOW = 1700000000000
ORDER = {
    "orderId": "n-1",
    "symbol": "BTC-EUR",
    "side": "buy",
    "quantity": 0.5,
    "price": "65000.10",
    "filled": 0,
}


@pytest.fixture(scope="module")
def neutral(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return generate_and_import(NEUTRAL_SPEC, Path(tmp_path_factory.mktemp("neutral")))


@pytest.fixture(autouse=True)
def _no_credentials_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEUTRAL_API_KEY", raising=False)
    monkeypatch.delenv("NEUTRAL_API_SECRET", raising=False)


def ok(data: Any) -> dict[str, Any]:
    return {"code": "0", "message": "ok", "data": data}


def connect(neutral: ModuleType, server: ScriptedServer, **options: Any) -> tuple[Any, list[float]]:
    """A signed client talking to `server`, with a fixed clock and a recording sleep."""
    options = {"api_key": KEY, "api_secret": SECRET, "clock": lambda: NOW, **options}
    client = built(neutral.NeutralClient, http_client=server.http(), **options)
    delays: list[float] = []
    client._sleep = delays.append
    return client, delays


def place(client: Any) -> Any:
    return client.place_order(
        symbol="BTC-EUR", side="buy", quantity=Decimal("0.5"), price=Decimal("65000.10")
    )


def expected_signature(sent: Sent) -> str:
    query = b"?" + sent.query if sent.query else b""
    return hmac_sha256_hex(
        SECRET, str(NOW).encode() + sent.method.encode() + sent.path + query + sent.body
    )


# -- auth -----------------------------------------------------------------------------------------


def test_a_signed_post_covers_the_exact_body_bytes_sent(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(200, ok(ORDER)))
    client, _ = connect(neutral, server)

    place(client)

    sent = server.last
    assert sent.method == "POST" and sent.path == b"/v1/orders"
    assert json.loads(sent.body, parse_float=Decimal) == {
        "symbol": "BTC-EUR",
        "side": "buy",
        "quantity": Decimal("0.5"),
        "price": "65000.10",
    }
    assert sent.headers["x-key"] == KEY
    assert sent.headers["x-ts"] == str(NOW)
    assert sent.headers["x-sign"] == expected_signature(sent)


def test_a_signed_get_covers_the_query_as_sent(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(200, ok({"items": [], "next_cursor": None})))
    client, _ = connect(neutral, server)

    client.list_orders(symbol="BTC/EUR perp&x=1", limit=2)

    sent = server.last
    assert sent.query_pairs() == [("symbol", "BTC/EUR perp&x=1"), ("limit", "2")]
    assert sent.headers["x-sign"] == expected_signature(sent)
    without_query = hmac_sha256_hex(SECRET, str(NOW).encode() + b"GET" + sent.path)
    assert sent.headers["x-sign"] != without_query


def test_a_public_operation_sends_no_credential(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(200, ok({"epoch": NOW})))
    client, _ = connect(neutral, server)

    assert client.get_time().epoch == NOW

    assert not {"x-key", "x-sign", "x-ts"} & set(server.last.headers)
    assert KEY not in server.last.url


def test_credentials_come_from_the_environment(
    neutral: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEUTRAL_API_KEY", KEY)
    monkeypatch.setenv("NEUTRAL_API_SECRET", SECRET)
    server = ScriptedServer(reply(200, ok(ORDER)))
    client = built(neutral.NeutralClient, http_client=server.http(), clock=lambda: NOW)

    place(client)

    assert server.last.headers["x-key"] == KEY
    assert server.last.headers["x-sign"] == expected_signature(server.last)


def test_a_missing_credential_is_refused_before_anything_is_sent(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(200, ok(ORDER)))
    client = built(neutral.NeutralClient, api_key=KEY, http_client=server.http(), clock=lambda: NOW)

    with pytest.raises(neutral.MissingCredentialsError) as caught:
        place(client)

    assert "api_secret" in str(caught.value) and "NEUTRAL_API_SECRET" in str(caught.value)
    assert server.attempts == []


def test_no_secret_in_the_client_repr_or_an_error(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(401, {"code": "401", "message": f"bad key {KEY}"}))
    client, _ = connect(neutral, server)

    with pytest.raises(neutral.AuthenticationError) as caught:
        place(client)

    for text in (repr(client), str(caught.value), repr(caught.value)):
        assert SECRET not in text and KEY not in text, text


# -- errors ---------------------------------------------------------------------------------------


def test_an_error_inside_an_http_200_envelope_raises_with_the_apis_code(
    neutral: ModuleType,
) -> None:
    server = ScriptedServer(reply(200, {"code": "10001", "message": "insufficient balance"}))
    client, delays = connect(neutral, server)

    with pytest.raises(neutral.APIStatusError) as caught:
        place(client)

    assert caught.value.status_code == 200
    assert caught.value.code == "10001"
    assert caught.value.api_message == "insufficient balance"
    assert len(server.attempts) == 1 and delays == []


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
    ],
)
def test_an_error_status_raises_its_class_with_the_apis_code_and_message(
    neutral: ModuleType, status: int, error: str
) -> None:
    server = ScriptedServer(reply(status, {"code": f"E{status}", "message": "refused"}))
    client, _ = connect(neutral, server)

    with pytest.raises(neutral.APIStatusError) as caught:
        client.get_order(order_id="n-1")

    assert type(caught.value) is getattr(neutral, error)
    assert caught.value.status_code == status
    assert (caught.value.code, caught.value.api_message) == (f"E{status}", "refused")
    assert len(server.attempts) == 1


def test_an_html_gateway_error_is_a_server_error_once_retries_are_spent(
    neutral: ModuleType,
) -> None:
    server = ScriptedServer(reply(502, content=NGINX_502, headers={"Content-Type": "text/html"}))
    client, delays = connect(neutral, server, max_retries=2)

    with pytest.raises(neutral.InternalServerError) as caught:
        client.get_order(order_id="n-1")

    assert caught.value.status_code == 502
    assert caught.value.code is None and caught.value.body == NGINX_502
    assert "502 Bad Gateway" in str(caught.value) and len(str(caught.value)) < 400
    assert len(server.attempts) == 3 and len(delays) == 2


def test_an_answer_violating_the_schema_names_the_field(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(200, ok({**ORDER, "filled": "lots"})))
    client, _ = connect(neutral, server)

    with pytest.raises(neutral.ResponseValidationError) as caught:
        client.get_order(order_id="n-1")

    assert "filled" in str(caught.value)


# -- decimals -------------------------------------------------------------------------------------


def test_decimals_travel_exactly_in_both_directions(neutral: ModuleType) -> None:
    answer = (
        b'{"code":"0","message":"ok","data":{"orderId":"n-1","symbol":"BTC-EUR","side":"buy",'
        b'"quantity":0.100000000000000000000000001,"price":"65000.123456789012345678",'
        b'"filled":1E-30}}'
    )
    server = ScriptedServer(reply(200, content=answer))
    client, _ = connect(neutral, server)

    order = client.place_order(
        symbol="BTC-EUR",
        side="buy",
        quantity=Decimal("0.100000000000000000000000001"),
        price=Decimal("65000.123456789012345678"),
    )

    assert b'"quantity":0.100000000000000000000000001' in server.last.body
    assert b'"price":"65000.123456789012345678"' in server.last.body
    assert order.quantity == Decimal("0.100000000000000000000000001")
    assert order.price == Decimal("65000.123456789012345678")
    assert order.filled == Decimal("1E-30")
    assert all(type(v) is Decimal for v in (order.quantity, order.price, order.filled))


def test_a_float_is_refused_where_money_is_expected(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(200, ok(ORDER)))
    client, _ = connect(neutral, server)

    with pytest.raises(neutral.InvalidArgumentError):
        client.place_order(symbol="BTC-EUR", side="buy", quantity=0.1, price=Decimal("1"))

    assert server.attempts == []


# -- retries --------------------------------------------------------------------------------------


def test_a_read_is_retried_after_a_server_error(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(500, {"code": "500", "message": "busy"}), reply(200, ok(ORDER)))
    client, delays = connect(neutral, server)

    assert client.get_order(order_id="n-1").order_id == "n-1"

    assert len(server.attempts) == 2 and len(delays) == 1
    assert server.sent[0].headers["x-sign"] == expected_signature(server.sent[0])
    assert server.sent[1].headers["x-sign"] == expected_signature(server.sent[1])


def test_retry_after_is_the_delay_of_a_429(neutral: ModuleType) -> None:
    server = ScriptedServer(
        reply(429, {"code": "429", "message": "slow down"}, headers={"Retry-After": "2"}),
        reply(200, ok(ORDER)),
    )
    client, delays = connect(neutral, server)

    client.get_order(order_id="n-1")

    assert delays == [2.0]


def test_an_order_whose_request_went_out_is_never_resent_and_its_outcome_is_unknown(
    neutral: ModuleType,
) -> None:
    server = ScriptedServer(reset_after_send, reply(200, ok(ORDER)))
    client, delays = connect(neutral, server, max_retries=5)

    with pytest.raises(neutral.APIConnectionError) as caught:
        place(client)

    assert caught.value.outcome_unknown is True
    assert "outcome is unknown" in str(caught.value)
    assert len(server.attempts) == len(server.received) == 1 and delays == []


def test_an_order_that_never_left_is_retried(neutral: ModuleType) -> None:
    server = ScriptedServer(connect_reset, reply(200, ok(ORDER)))
    client, delays = connect(neutral, server)

    assert place(client).order_id == "n-1"

    assert len(server.attempts) == 2 and len(server.received) == 1 and len(delays) == 1


def test_an_order_is_not_retried_after_a_server_error(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(503, {"code": "503", "message": "down"}), reply(200, ok(ORDER)))
    client, delays = connect(neutral, server)

    with pytest.raises(neutral.InternalServerError):
        place(client)

    assert len(server.attempts) == 1 and delays == []


def test_an_idempotent_post_is_retried_after_a_server_error(neutral: ModuleType) -> None:
    server = ScriptedServer(
        reply(503, {"code": "503", "message": "down"}), reply(200, ok({"cancelled": 3}))
    )
    client, delays = connect(neutral, server)

    assert client.cancel_all_orders(symbol="BTC-EUR").cancelled == 3

    assert len(server.attempts) == 2 and len(delays) == 1
    assert server.sent_bodies[0] == server.sent_bodies[1]


def test_max_retries_zero_sends_once(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(500, {"code": "500", "message": "busy"}))
    client, delays = connect(neutral, server, max_retries=0)

    with pytest.raises(neutral.InternalServerError):
        client.get_order(order_id="n-1")

    assert len(server.attempts) == 1 and delays == []


# -- pagination -----------------------------------------------------------------------------------


def page(first: int, count: int, next_cursor: str | None) -> dict[str, Any]:
    items = [{**ORDER, "orderId": f"n-{first + i}"} for i in range(count)]
    return ok({"items": items, "next_cursor": next_cursor})


def test_the_pager_follows_the_cursor_until_there_is_none(neutral: ModuleType) -> None:
    server = ScriptedServer(
        reply(200, page(0, 2, "c-2")), reply(200, page(2, 2, "c-4")), reply(200, page(4, 1, None))
    )
    client, _ = connect(neutral, server)

    ids = [order.order_id for order in client.iter_list_orders(symbol="BTC-EUR", limit=2)]

    assert ids == ["n-0", "n-1", "n-2", "n-3", "n-4"]
    assert [dict(sent.query_pairs()).get("cursor") for sent in server.sent] == [None, "c-2", "c-4"]
    assert all(dict(sent.query_pairs())["limit"] == "2" for sent in server.sent)
    assert all(sent.headers["x-sign"] == expected_signature(sent) for sent in server.sent)


def test_the_pager_fetches_a_page_only_when_it_is_needed(neutral: ModuleType) -> None:
    server = ScriptedServer(reply(200, page(0, 2, "c-2")), reply(200, page(2, 2, None)))
    client, _ = connect(neutral, server)

    first = list(itertools.islice(client.iter_list_orders(symbol="BTC-EUR"), 2))

    assert [order.order_id for order in first] == ["n-0", "n-1"]
    assert len(server.attempts) == 1


def test_an_error_on_a_later_page_raises_from_the_iterator(neutral: ModuleType) -> None:
    server = ScriptedServer(
        reply(200, page(0, 1, "c-1")), reply(400, {"code": "40001", "message": "bad cursor"})
    )
    client, _ = connect(neutral, server)
    orders = client.iter_list_orders(symbol="BTC-EUR")

    assert next(orders).order_id == "n-0"
    with pytest.raises(neutral.BadRequestError) as caught:
        next(orders)

    assert caught.value.code == "40001"

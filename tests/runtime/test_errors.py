"""Typed errors: status classes, the API's own code and message, parsed error bodies, response
validation, Bitget envelopes (errors inside HTTP 200), and no secret in any error message.

Driven through the scripted transport of tests.support.transport.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import bitcain_client
import bitget_client
import bitria_client
import btse_client
import httpx
import hummingbot_client
import pydantic
import pytest
from bitcain_client import BitcainClient
from bitget_client import BitgetClient
from bitria_client import BitriaClient
from btse_client import BtseClient
from hummingbot_client import HummingbotClient

from tests.support.calls import (
    BITCAIN_ORDER_ID,
    BITGET_ORDER_INFO,
    BITGET_SIGN_ERROR,
    BITGET_TOO_MANY,
    BITRIA_ORDER_DETAIL,
    BTSE_FILLS,
    CREDENTIALS,
    FASTAPI_422,
    PACKAGES,
    PLACE_ORDERS,
    assert_no_secret,
    bitget_envelope,
    make_client,
)
from tests.support.transport import NGINX_502, ScriptedServer, reply

# ============================================================================================
# Typed errors
# ============================================================================================

ERROR_CLASSES = [
    (400, "BadRequestError", "price is required for LIMIT orders"),
    (401, "AuthenticationError", "invalid signature"),
    (403, "PermissionDeniedError", "forbidden"),
    (404, "NotFoundError", "order not found"),
    (409, "ConflictError", "order already filled"),
    (422, "UnprocessableEntityError", "unprocessable"),
    (429, "RateLimitError", "rate limit exceeded"),
    (500, "InternalServerError", "internal error"),
    (502, "InternalServerError", "bad gateway"),
    (503, "InternalServerError", "service unavailable"),
    (504, "InternalServerError", "gateway timeout"),
]


@pytest.mark.parametrize(("status", "error", "message"), ERROR_CLASSES)
def test_status_maps_to_typed_error(status: int, error: str, message: str) -> None:
    server = ScriptedServer(reply(status, {"code": status, "message": message}))
    client, _ = make_client(BitriaClient, server)

    with pytest.raises(bitria_client.APIStatusError) as caught:
        client.cancel_order(order_id="1789200345611")

    exc = caught.value
    assert type(exc) is getattr(bitria_client, error)
    assert isinstance(exc, bitria_client.APIError)
    assert exc.status_code == status
    assert exc.code == str(status)
    assert exc.api_message == message
    assert exc.body == {"code": status, "message": message}
    assert exc.response.status_code == status
    assert isinstance(exc.response, httpx.Response)
    assert isinstance(exc.parsed, bitria_client.models.Error)
    assert exc.parsed.message == message
    assert str(status) in str(exc) and message in str(exc) and "cancel_order" in str(exc)
    # A 429 refused the request without executing it: retried up to max_retries, then raised.
    assert len(server.attempts) == (3 if status == 429 else 1)


def test_unlisted_4xx_status_is_a_plain_api_status_error() -> None:
    server = ScriptedServer(reply(418, {"code": 418, "message": "I'm a teapot"}))
    client, _ = make_client(BitriaClient, server)

    with pytest.raises(bitria_client.APIStatusError) as caught:
        client.cancel_order(order_id="1789200345611")

    assert type(caught.value) is bitria_client.APIStatusError
    assert caught.value.status_code == 418


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_error_hierarchy(package: Any) -> None:
    for name in [
        "APIConnectionError",
        "APIStatusError",
        "ResponseValidationError",
        "MissingCredentialsError",
    ]:
        assert issubclass(getattr(package, name), package.APIError)
    assert issubclass(package.APITimeoutError, package.APIConnectionError)
    for _, name, _ in ERROR_CLASSES:
        assert issubclass(getattr(package, name), package.APIStatusError)


def test_bitria_documented_404_parses_into_error_model() -> None:
    server = ScriptedServer(reply(404, {"code": 404, "message": "order not found"}))
    client, _ = make_client(BitriaClient, server)

    with pytest.raises(bitria_client.NotFoundError) as caught:
        client.get_order(order_id="1789200345611")

    assert caught.value.parsed == bitria_client.models.Error(code=404, message="order not found")
    assert len(server.attempts) == 1  # a 404 is not retried, even on a GET


def test_bitcain_fastapi_422_gives_readable_message_and_parsed_body() -> None:
    server = ScriptedServer(reply(422, FASTAPI_422))
    client, _ = make_client(BitcainClient, server)

    with pytest.raises(bitcain_client.UnprocessableEntityError) as caught:
        client.list_orders(limit=200)  # the server refuses what the client lets through

    exc = caught.value
    assert exc.code is None
    assert exc.api_message is not None
    assert "Input should be less than or equal to 200" in exc.api_message
    assert "{" not in exc.api_message and "[" not in exc.api_message, "no raw Python structures"
    assert "limit" in exc.api_message, "a validation message must say which field failed"
    assert isinstance(exc.parsed, bitcain_client.models.HttpValidationError)
    assert exc.parsed.detail is not None
    assert exc.parsed.detail[0].loc == ["query", "limit"]
    assert exc.parsed.detail[0].msg == "Input should be less than or equal to 200"
    assert exc.body == json.loads(json.dumps(FASTAPI_422), parse_float=Decimal)


def test_hummingbot_fastapi_422_with_several_failures() -> None:
    body = {
        "detail": [
            {
                "type": "missing",
                "loc": ["body", "trading_pair"],
                "msg": "Field required",
                "input": {},
            },
            {
                "type": "enum",
                "loc": ["body", "trade_type"],
                "msg": "Input should be 'BUY' or 'SELL'",
                "input": "HOLD",
                "ctx": {"expected": "'BUY' or 'SELL'"},
            },
        ]
    }
    op = PLACE_ORDERS["hummingbot"]
    server = ScriptedServer(reply(422, body))
    client, _ = make_client(op.cls, server)

    with pytest.raises(hummingbot_client.UnprocessableEntityError) as caught:
        op.call(client)

    exc = caught.value
    assert exc.api_message is not None
    assert "Field required" in exc.api_message
    assert "Input should be 'BUY' or 'SELL'" in exc.api_message
    assert "{" not in exc.api_message and "'loc'" not in exc.api_message, "no raw Python structures"
    assert "Field required" in str(exc)
    assert isinstance(exc.parsed, hummingbot_client.models.HttpValidationError)
    assert exc.parsed.detail is not None
    assert len(exc.parsed.detail) == 2
    assert len(server.attempts) == 1


def test_hummingbot_401_bad_credentials() -> None:
    server = ScriptedServer(
        reply(
            401, {"detail": "Incorrect username or password"}, headers={"WWW-Authenticate": "Basic"}
        )
    )
    client, _ = make_client(HummingbotClient, server)

    with pytest.raises(hummingbot_client.AuthenticationError) as caught:
        client.search_orders(status="FILLED")

    exc = caught.value
    assert exc.api_message == "Incorrect username or password"
    assert exc.response.headers["WWW-Authenticate"] == "Basic"
    assert isinstance(exc.parsed, hummingbot_client.models.HttpError)
    assert len(server.attempts) == 1
    assert_no_secret(str(exc), HummingbotClient)


def test_hummingbot_500_on_place_order() -> None:
    op = PLACE_ORDERS["hummingbot"]
    server = ScriptedServer(
        reply(500, {"detail": "Unexpected error placing trade: Insufficient balance"})
    )
    client, delays = make_client(op.cls, server)

    with pytest.raises(hummingbot_client.InternalServerError) as caught:
        op.call(client)

    assert caught.value.api_message == "Unexpected error placing trade: Insufficient balance"
    assert caught.value.parsed.detail == "Unexpected error placing trade: Insufficient balance"
    assert len(server.attempts) == 1
    assert delays == []


def test_btse_error_code_prefers_error_code_over_http_code() -> None:
    server = ScriptedServer(
        reply(400, {"code": 400, "errorCode": 51523, "message": "Invalid order price"})
    )
    client, _ = make_client(BtseClient, server)

    with pytest.raises(btse_client.BadRequestError) as caught:
        PLACE_ORDERS["btse"].call(client)

    exc = caught.value
    assert exc.code == "51523"
    assert exc.api_message == "Invalid order price"
    assert isinstance(exc.parsed, btse_client.models.ErrorResponse)
    assert exc.parsed.error_code == 51523


def test_btse_403_permission_denied() -> None:
    server = ScriptedServer(
        reply(403, {"code": 403, "errorCode": 403, "message": "The key lacks the permission"})
    )
    client, _ = make_client(BtseClient, server)

    with pytest.raises(btse_client.PermissionDeniedError) as caught:
        client.get_account()

    assert caught.value.api_message == "The key lacks the permission"


def test_502_html_gives_internal_server_error_with_short_text_excerpt() -> None:
    server = ScriptedServer(reply(502, content=NGINX_502, headers={"Content-Type": "text/html"}))
    client, delays = make_client(BitcainClient, server, max_retries=1)

    with pytest.raises(bitcain_client.InternalServerError) as caught:
        client.get_order(order_id=BITCAIN_ORDER_ID)

    exc = caught.value
    assert exc.status_code == 502
    assert exc.code is None
    assert "502 Bad Gateway" in str(exc)
    assert len(str(exc)) < 400, "the message quotes only a short piece of the page"
    assert exc.body == NGINX_502
    assert len(server.attempts) == 2 and len(delays) == 1


def test_truncated_json_error_body_keeps_text() -> None:
    server = ScriptedServer(reply(500, content='{"code": 500, "message": "internal err'))
    client, _ = make_client(BitriaClient, server, max_retries=0)

    with pytest.raises(bitria_client.InternalServerError) as caught:
        client.get_order(order_id="1789200345611")

    assert caught.value.body == '{"code": 500, "message": "internal err'
    assert caught.value.code is None


def test_truncated_json_on_200_is_a_response_validation_error() -> None:
    text = json.dumps(BITRIA_ORDER_DETAIL)
    server = ScriptedServer(reply(200, content=text[: len(text) // 2]))
    client, delays = make_client(BitriaClient, server)

    with pytest.raises(bitria_client.ResponseValidationError) as caught:
        client.get_order(order_id="1789200345611")

    exc = caught.value
    assert exc.status_code == 200
    assert exc.response.status_code == 200
    assert exc.errors and exc.errors[0]["type"] == "json_invalid"
    assert "get_order" in str(exc)
    assert len(server.attempts) == 1
    assert delays == []


def test_body_violating_schema_is_a_response_validation_error() -> None:
    body = {k: v for k, v in BITRIA_ORDER_DETAIL.items() if k != "orderId"}
    body["status"] = "EXPIRED"
    server = ScriptedServer(reply(200, body))
    client, _ = make_client(BitriaClient, server)

    with pytest.raises(bitria_client.ResponseValidationError) as caught:
        client.get_order(order_id="1789200345611")

    exc = caught.value
    assert not isinstance(exc, (KeyError, pydantic.ValidationError))
    assert exc.response.json() == body
    locations = {tuple(e["loc"]) for e in exc.errors}
    assert ("orderId",) in locations
    assert ("status",) in locations
    assert "orderId" in str(exc) and "status" in str(exc)


def test_list_body_violating_schema_names_the_item() -> None:
    fills = [dict(BTSE_FILLS[0]), {**BTSE_FILLS[0], "price": "thirty thousand"}]
    server = ScriptedServer(reply(200, fills))
    client, _ = make_client(BtseClient, server)

    with pytest.raises(btse_client.ResponseValidationError) as caught:
        client.list_fills(symbol="BTC-USD")

    assert any(tuple(e["loc"])[:2] == (1, "price") for e in caught.value.errors)


def test_wrong_json_type_at_top_level_is_a_response_validation_error() -> None:
    server = ScriptedServer(reply(200, {"message": "ok"}))
    client, _ = make_client(BtseClient, server)

    with pytest.raises(btse_client.ResponseValidationError):
        client.list_open_orders(symbol="BTC-USD")


def test_html_on_200_is_a_response_validation_error() -> None:
    server = ScriptedServer(
        reply(
            200,
            content="<html><body>Just a moment...</body></html>",
            headers={"Content-Type": "text/html"},
        )
    )
    client, _ = make_client(BtseClient, server)

    with pytest.raises(btse_client.ResponseValidationError) as caught:
        client.get_ticker(symbol="BTC-USD")

    assert caught.value.status_code == 200


# -- envelopes (Bitget) ----------------------------------------------------------------------


def test_envelope_is_unwrapped_to_typed_data() -> None:
    server = ScriptedServer(reply(200, bitget_envelope(BITGET_ORDER_INFO)))
    client, _ = make_client(BitgetClient, server)

    order = client.get_order(order_id="1320244799629316096")

    assert isinstance(order, bitget_client.models.OrderInfo)
    assert order.order_id == "1320244799629316096"
    assert order.order_status == "live"
    assert order.qty == Decimal("0.001")


@pytest.mark.parametrize(
    ("call", "data", "check"),
    [
        (
            lambda c: c.list_copy_futures_trading_pairs(),
            [
                {
                    "symbol": "BTCUSDT",
                    "leverage": "20",
                    "marginDetails": [
                        {
                            "marginCoin": "USDT",
                            "maxLongCount": "10",
                            "remainingLongCount": "10",
                            "maxShortCount": "10",
                            "remainingShortCount": "9",
                        }
                    ],
                }
            ],
            lambda r: isinstance(r, list) and r[0].symbol == "BTCUSDT",
        ),
        (lambda c: c.countdown_cancel_all(countdown="30"), "success", lambda r: r == "success"),
        (
            lambda c: c.cancel_strategy_order(order_id="strategy-order-id"),
            None,
            lambda r: r is None,
        ),
        (
            lambda c: c.get_copy_futures_max_transferable(coin="USDT"),
            {"maxTransferable": "1250.5", "available": "1300.75"},
            lambda r: r.max_transferable == Decimal("1250.5") and r.available == Decimal("1300.75"),
        ),
    ],
    ids=["list", "string", "null", "object"],
)
def test_envelope_data_of_any_shape(
    call: Callable[[Any], Any], data: Any, check: Callable[[Any], bool]
) -> None:
    server = ScriptedServer(reply(200, bitget_envelope(data)))
    client, _ = make_client(BitgetClient, server)

    assert check(call(client))


def test_envelope_error_in_http_200_raises_api_status_error() -> None:
    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(
        reply(200, bitget_envelope(None, code="43012", msg="Insufficient balance")),
        reply(op.status, op.body),
    )
    client, delays = make_client(op.cls, server)

    with pytest.raises(bitget_client.APIStatusError) as caught:
        op.call(client)

    exc = caught.value
    assert type(exc) is bitget_client.APIStatusError
    assert exc.status_code == 200
    assert exc.code == "43012"
    assert exc.api_message == "Insufficient balance"
    assert exc.body["code"] == "43012"
    assert "43012" in str(exc) and "Insufficient balance" in str(exc)
    assert len(server.attempts) == 1
    assert delays == []


def test_envelope_error_in_http_200_on_a_read_is_not_retried() -> None:
    server = ScriptedServer(reply(200, bitget_envelope(None, "43001", "The order does not exist")))
    client, delays = make_client(BitgetClient, server)

    with pytest.raises(bitget_client.APIStatusError) as caught:
        client.get_order(order_id="1")

    assert caught.value.code == "43001"
    assert len(server.attempts) == 1
    assert delays == []


def test_envelope_error_in_http_200_raises_even_when_operation_returns_nothing() -> None:
    # cancel_strategy_order's success `data` is null, so its method returns None; an error code
    # in the envelope must still raise, or a failed cancel looks like a successful one.
    server = ScriptedServer(reply(200, bitget_envelope(None, "43001", "The order does not exist")))
    client, _ = make_client(BitgetClient, server)

    with pytest.raises(bitget_client.APIStatusError) as caught:
        client.cancel_strategy_order(order_id="strategy-order-id")

    assert caught.value.code == "43001"
    assert caught.value.api_message == "The order does not exist"


def test_truncated_envelope_on_operation_returning_nothing_is_a_validation_error() -> None:
    server = ScriptedServer(reply(200, content='{"code":"00000","msg":"succ'))
    client, _ = make_client(BitgetClient, server)

    with pytest.raises(bitget_client.ResponseValidationError):
        client.cancel_strategy_order(order_id="strategy-order-id")


def test_envelope_error_with_http_400_is_bad_request_with_code_and_msg() -> None:
    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(reply(400, BITGET_SIGN_ERROR))
    client, _ = make_client(op.cls, server)

    with pytest.raises(bitget_client.BadRequestError) as caught:
        op.call(client)

    exc = caught.value
    assert exc.status_code == 400
    assert exc.code == "40009"
    assert exc.api_message == "sign signature error"
    assert isinstance(exc.parsed, bitget_client.models.ErrorResponse)
    assert exc.parsed.code == "40009"
    assert exc.parsed.msg == "sign signature error"


def test_envelope_429_is_retried_on_a_read_and_on_place_order_alike() -> None:
    server = ScriptedServer(
        reply(429, BITGET_TOO_MANY), reply(200, bitget_envelope(BITGET_ORDER_INFO))
    )
    client, delays = make_client(BitgetClient, server)
    assert client.get_order(order_id="1").order_status == "live"
    assert len(server.attempts) == 2 and len(delays) == 1

    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(reply(429, BITGET_TOO_MANY), reply(op.status, op.body))
    client, delays = make_client(op.cls, server)
    op.call(client)  # refused without being executed: sent again
    assert len(server.attempts) == 2 and len(delays) == 1

    server = ScriptedServer(reply(429, BITGET_TOO_MANY))
    client, delays = make_client(op.cls, server, max_retries=0)
    with pytest.raises(bitget_client.RateLimitError) as caught:
        op.call(client)
    assert caught.value.code == "429"
    assert caught.value.api_message == "Too Many Requests"
    assert caught.value.outcome_unknown is False
    assert len(server.attempts) == 1 and delays == []


@pytest.mark.parametrize("body", [[], "success", None, 0], ids=["list", "string", "null", "number"])
def test_body_that_is_not_an_envelope_is_a_response_validation_error(body: Any) -> None:
    server = ScriptedServer(reply(200, body))
    client, _ = make_client(BitgetClient, server)

    with pytest.raises(bitget_client.ResponseValidationError):
        client.get_order(order_id="1")


def test_envelope_success_with_data_violating_schema() -> None:
    data = {**BITGET_ORDER_INFO, "qty": "a lot"}
    server = ScriptedServer(reply(200, bitget_envelope(data)))
    client, _ = make_client(BitgetClient, server)

    with pytest.raises(bitget_client.ResponseValidationError) as caught:
        client.get_order(order_id="1")

    assert any("qty" in map(str, e["loc"]) for e in caught.value.errors)


# -- secrets in errors -----------------------------------------------------------------------


def test_secret_echoed_by_the_server_is_redacted_from_the_error_message() -> None:
    key = CREDENTIALS[BitgetClient]["api_key"]
    passphrase = CREDENTIALS[BitgetClient]["passphrase"]
    body = bitget_envelope(None, "40012", f"apikey {key} or passphrase {passphrase} is wrong")
    server = ScriptedServer(reply(400, body))
    client, _ = make_client(BitgetClient, server)

    with pytest.raises(bitget_client.BadRequestError) as caught:
        client.get_order(order_id="1")

    assert_no_secret(str(caught.value), BitgetClient)
    assert_no_secret(repr(caught.value), BitgetClient)
    assert "40012" in str(caught.value)


def test_secret_in_html_error_page_is_redacted() -> None:
    token = CREDENTIALS[BitcainClient]["token"]
    page = f"<html><body>Bad gateway for Authorization: Bearer {token}</body></html>"
    server = ScriptedServer(reply(502, content=page, headers={"Content-Type": "text/html"}))
    client, _ = make_client(BitcainClient, server, max_retries=0)

    with pytest.raises(bitcain_client.InternalServerError) as caught:
        client.get_order(order_id=BITCAIN_ORDER_ID)

    assert "Bad gateway" in str(caught.value)
    assert_no_secret(str(caught.value), BitcainClient)

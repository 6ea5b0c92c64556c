"""What an error says a request may have done: outcome unknown, accepted, refused; and pickling.

Driven through the scripted transport of tests.support.transport, against every generated client.
"""

from __future__ import annotations

import inspect
import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from typing import Any

import bitget_client
import btse_client
import httpx
import pytest
from bitget_client import BitgetClient

from tests.support.calls import (
    BITGET_ORDER_IDS,
    PACKAGES,
    PLACE_ORDERS,
    SAFE_READS,
    UNSAFE_WRITES,
    bitget_envelope,
    make_client,
    package_of,
)
from tests.support.transport import NGINX_502, ScriptedServer, reply, reset_after_send

# Answers that do not say the server refused the request: it may have been acted on.
NOT_REFUSING = {
    "500": reply(500, {"message": "internal error"}),
    "502_html": reply(502, content=NGINX_502, headers={"Content-Type": "text/html"}),
    "503": reply(503, {"message": "service unavailable"}),
    "504": reply(504, {"message": "gateway timeout"}),
    "507": reply(507, {"message": "insufficient storage"}),
    "302": reply(302, {"message": "moved"}, headers={"Location": "https://example.com/"}),
}
# Answers that say the server refused it: nothing was done.
REFUSING = {
    "400": reply(400, {"code": 400, "message": "bad request"}),
    "401": reply(401, {"code": 401, "message": "bad signature"}),
    "404": reply(404, {"code": 404, "message": "no such symbol"}),
    "408": reply(408, {"message": "request timeout"}),
    "409": reply(409, {"code": 409, "message": "duplicate client order id"}),
    "422": reply(422, {"detail": "bad field"}),
    "429": reply(429, {"message": "rate limit exceeded"}),
    "501": reply(501, {"message": "not implemented"}),
}


@pytest.mark.parametrize("answer", list(NOT_REFUSING))
@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_place_order_answered_without_a_refusal_has_an_unknown_outcome(
    name: str, answer: str
) -> None:
    op = PLACE_ORDERS[name]
    package = package_of(op.cls)
    server = ScriptedServer(NOT_REFUSING[answer], reply(op.status, op.body))
    # Bitget's clientOid makes its order retried (test_trading.py); here it has no retry left.
    client, delays = make_client(op.cls, server, max_retries=0 if name == "bitget" else 5)

    with pytest.raises(package.APIStatusError) as caught:
        op.call(client)

    exc = caught.value
    assert exc.outcome_unknown is True
    assert exc.accepted is False
    assert "outcome is unknown" in str(exc)
    assert len(server.attempts) == 1
    assert delays == []


@pytest.mark.parametrize("answer", list(REFUSING))
@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_place_order_refused_has_a_known_outcome(name: str, answer: str) -> None:
    op = PLACE_ORDERS[name]
    package = package_of(op.cls)
    # A 429 executed nothing, so it is sent again while retries are left: here one.
    retried = answer == "429"
    server = ScriptedServer(REFUSING[answer], *([] if retried else [reply(op.status, op.body)]))
    client, _ = make_client(op.cls, server, max_retries=1 if retried else 5)

    with pytest.raises(package.APIStatusError) as caught:
        op.call(client)

    assert caught.value.outcome_unknown is False
    assert "outcome is unknown" not in str(caught.value)
    assert len(server.attempts) == (2 if retried else 1)


@pytest.mark.parametrize("op_name", list(UNSAFE_WRITES))
def test_every_unsafe_write_answered_500_has_an_unknown_outcome(op_name: str) -> None:
    op = UNSAFE_WRITES[op_name]
    server = ScriptedServer(reply(500, {"message": "internal error"}))
    client, _ = make_client(op.cls, server)

    with pytest.raises(package_of(op.cls).InternalServerError) as caught:
        op.call(client)

    assert caught.value.outcome_unknown is True


@pytest.mark.parametrize("op_name", list(SAFE_READS))
def test_safe_read_answered_503_until_retries_run_out_has_a_known_outcome(op_name: str) -> None:
    op = SAFE_READS[op_name]
    server = ScriptedServer(reply(503, {"message": "busy"}))
    client, _ = make_client(op.cls, server, max_retries=1)

    with pytest.raises(package_of(op.cls).InternalServerError) as caught:
        op.call(client)

    assert caught.value.outcome_unknown is False
    assert len(server.attempts) == 2


def test_envelope_error_code_in_http_200_is_a_refusal() -> None:
    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(reply(200, bitget_envelope(None, code="43012", msg="balance too low")))
    client, _ = make_client(op.cls, server)

    with pytest.raises(bitget_client.APIStatusError) as caught:
        op.call(client)

    assert caught.value.code == "43012"
    assert caught.value.outcome_unknown is False
    assert caught.value.accepted is False


# --------------------------------------------------------------------------------------------
# Accepted, but the answer cannot be read
# --------------------------------------------------------------------------------------------


def test_accepted_bitget_order_with_unreadable_data_says_it_was_accepted() -> None:
    # HTTP 200, code 00000, orderId a number where the spec says a string.
    op = PLACE_ORDERS["bitget"]
    answer = bitget_envelope({"orderId": 1320244799629316096, "clientOid": None})
    server = ScriptedServer(reply(200, answer), reply(op.status, op.body))
    client, _ = make_client(op.cls, server, max_retries=5)

    with pytest.raises(bitget_client.APIError) as caught:
        op.call(client)

    exc = caught.value
    assert type(exc) is bitget_client.AcceptedResponseError
    assert isinstance(exc, bitget_client.ResponseValidationError)
    assert exc.accepted is True
    assert exc.outcome_unknown is False
    assert "accepted" in str(exc) and "do not send it again" in str(exc)
    assert json.loads(exc.content) == answer
    assert len(server.attempts) == 1


@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_accepted_order_with_a_body_violating_the_schema_is_an_accepted_response_error(
    name: str,
) -> None:
    op = PLACE_ORDERS[name]
    package = package_of(op.cls)
    server = ScriptedServer(reply(op.status, op.bad_body))
    client, _ = make_client(op.cls, server)

    with pytest.raises(package.AcceptedResponseError) as caught:
        op.call(client)

    assert caught.value.accepted is True
    assert caught.value.content == server_body(op.bad_body)
    assert op.bad_field in str(caught.value)


def server_body(body: Any) -> bytes:
    return httpx.Response(200, json=body).content


def test_truncated_json_without_an_envelope_on_place_order_is_accepted() -> None:
    op = PLACE_ORDERS["btse"]
    raw = json.dumps(op.body)[:-5]
    server = ScriptedServer(reply(op.status, content=raw))
    client, _ = make_client(op.cls, server)

    with pytest.raises(btse_client.AcceptedResponseError) as caught:
        op.call(client)

    assert caught.value.content == raw.encode()


def test_truncated_envelope_on_place_order_leaves_the_outcome_unknown() -> None:
    # Without the envelope's code, HTTP 200 does not say whether Bitget took the order.
    op = PLACE_ORDERS["bitget"]
    raw = json.dumps(bitget_envelope(BITGET_ORDER_IDS))[:-9]
    server = ScriptedServer(reply(200, content=raw))
    client, _ = make_client(op.cls, server)

    with pytest.raises(bitget_client.ResponseValidationError) as caught:
        op.call(client)

    exc = caught.value
    assert type(exc) is bitget_client.ResponseValidationError
    assert exc.accepted is False
    assert exc.outcome_unknown is True
    assert exc.content == raw.encode()


@pytest.mark.parametrize("op_name", list(SAFE_READS))
def test_read_with_unreadable_body_is_a_plain_response_validation_error(op_name: str) -> None:
    op = SAFE_READS[op_name]
    server = ScriptedServer(reply(op.status, content=b"{not json"))
    client, _ = make_client(op.cls, server)

    with pytest.raises(package_of(op.cls).ResponseValidationError) as caught:
        op.call(client)

    assert type(caught.value) is package_of(op.cls).ResponseValidationError
    assert caught.value.accepted is False
    assert caught.value.outcome_unknown is False


def test_a_retry_loop_on_api_error_can_tell_what_must_not_be_resent() -> None:
    op = PLACE_ORDERS["bitget"]
    answers = [
        reply(503, {"message": "busy"}),
        reply(200, bitget_envelope({"orderId": 1, "clientOid": None})),
        reset_after_send,
    ]
    for answer in answers:
        server = ScriptedServer(answer)
        client, _ = make_client(op.cls, server)
        with pytest.raises(bitget_client.APIError) as caught:
            op.call(client)
        assert caught.value.outcome_unknown or caught.value.accepted, answer


# --------------------------------------------------------------------------------------------
# Pickling
# --------------------------------------------------------------------------------------------

REQUEST = httpx.Request("POST", "https://api.example.com/v1/orders", content=b'{"a":1}')
RESPONSE = httpx.Response(
    503, content=b'{"code":"50001","msg":"busy"}', request=REQUEST, headers={"Retry-After": "3"}
)
VALUES: dict[str, Any] = {
    "message": "place_order: HTTP 503, code 50001: busy",
    "request": REQUEST,
    "response": RESPONSE,
    "outcome_unknown": True,
    "body": {"code": "50001", "msg": "busy", "price": Decimal("0.1")},
    "code": "50001",
    "api_message": "busy",
    "parsed": None,
    "errors": [{"type": "missing", "loc": ("orderId",), "msg": "Field required"}],
}


def error_classes(package: Any) -> list[type[BaseException]]:
    """Every error class the package defines (all of them exported)."""
    found, pending = [], [package.APIError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    classes = [c for c in found if c.__module__.startswith(package.__name__ + ".")]
    assert {c.__name__ for c in classes} <= set(package.__all__)
    return classes


def build(cls: type[BaseException]) -> BaseException:
    """An instance of `cls`, every constructor parameter given a value."""
    parameters = list(inspect.signature(cls).parameters.values())
    args = [VALUES[p.name] for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
    kwargs = {p.name: VALUES[p.name] for p in parameters if p.kind is p.KEYWORD_ONLY}
    return cls(*args, **kwargs)


def state(error: BaseException) -> dict[str, Any]:
    values = dict(vars(error))
    for name in ("request", "response"):
        if name in values:
            message = values[name]
            values[name] = (
                str(message.url if name == "request" else message.request.url),
                message.status_code if name == "response" else message.method,
                message.content,
            )
    return values


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_every_error_class_pickles_with_its_attributes(package: Any) -> None:
    classes = error_classes(package)
    assert len(classes) >= 17
    for cls in classes:
        error: Any = build(cls)
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is cls
        assert str(copy) == str(error) and copy.args == error.args
        assert state(copy) == state(error), cls.__name__
        copied: Any = copy
        assert copied.outcome_unknown == error.outcome_unknown
        assert copied.accepted == error.accepted


def test_an_error_raised_by_a_client_pickles_with_its_response() -> None:
    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(
        reply(429, {"code": "429", "msg": "slow down"}, headers={"Retry-After": "4"})
    )
    client, _ = make_client(BitgetClient, server)

    with pytest.raises(bitget_client.RateLimitError) as caught:
        op.call(client)

    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is bitget_client.RateLimitError
    assert copy.retry_after == 4.0
    assert copy.code == "429" and copy.api_message == "slow down"
    assert copy.status_code == 429
    assert copy.response.json() == {"code": "429", "msg": "slow down"}


def place_order_answered_503() -> None:
    """Run in a worker process: a Bitget order answered 503."""
    op = PLACE_ORDERS["bitget"]
    client, _ = make_client(op.cls, ScriptedServer(reply(503, {"code": "50001", "msg": "busy"})))
    op.call(client)


def test_an_error_raised_in_a_process_pool_reaches_the_caller() -> None:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        future = pool.submit(place_order_answered_503)
        with pytest.raises(bitget_client.InternalServerError) as caught:
            future.result(timeout=60)

    assert caught.value.outcome_unknown is True
    assert caught.value.code == "50001" and caught.value.status_code == 503

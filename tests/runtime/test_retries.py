"""Safe retries: which faults are retried for which operations, backoff with jitter, Retry-After,
max_retries per client and per call; order-placing operations never reach the server twice.

Driven through the scripted transport of tests.support.transport.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import itertools
import json
import random
import time
from collections.abc import Callable
from typing import Any

import bitcain_client
import bitget_client
import bitria_client
import btse_client
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
    BITGET_TOO_MANY,
    BTSE_TICKER,
    CREDENTIALS,
    NOW_MS,
    PLACE_ORDERS,
    SAFE_READS,
    UNSAFE_WRITES,
    assert_no_secret,
    bitget_envelope,
    hb_page,
    make_client,
    package_of,
)
from tests.support.transport import (
    NGINX_502,
    RETRYABLE_FAULTS,
    Action,
    ScriptedServer,
    connect_reset,
    connect_timeout,
    read_timeout,
    reply,
    reset_after_send,
)

# ============================================================================================
# Retries
# ============================================================================================


@pytest.mark.parametrize("fault", list(RETRYABLE_FAULTS))
@pytest.mark.parametrize("op_name", list(SAFE_READS))
def test_safe_operation_recovers_from_fault_with_one_retry(op_name: str, fault: str) -> None:
    op = SAFE_READS[op_name]
    server = ScriptedServer(RETRYABLE_FAULTS[fault], reply(op.status, op.body))
    client, delays = make_client(op.cls, server)

    result = op.call(client)

    assert result is not None
    assert len(server.attempts) == 2
    assert len(delays) == 1
    if fault == "429_retry_after":
        assert delays == [2.0]
    else:
        assert 0.25 <= delays[0] <= 0.5  # 0.5 s * jitter in [0.5, 1]


@pytest.mark.parametrize("fault", ["connect_reset", "connect_timeout"])
@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_place_order_is_retried_when_nothing_was_sent(name: str, fault: str) -> None:
    op = PLACE_ORDERS[name]
    server = ScriptedServer(RETRYABLE_FAULTS[fault], reply(op.status, op.body))
    client, delays = make_client(op.cls, server)

    result = op.call(client)

    assert result is not None
    assert len(server.attempts) == 2
    assert len(server.received) == 1, "an order must reach the server at most once"
    assert len(delays) == 1


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("reset_after_send", "APIConnectionError"),
        ("disconnect_after_send", "APIConnectionError"),
        ("read_timeout", "APITimeoutError"),
    ],
)
@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_place_order_failing_after_send_is_never_retried_and_says_outcome_unknown(
    name: str, fault: str, error: str
) -> None:
    op = PLACE_ORDERS[name]
    package = package_of(op.cls)
    server = ScriptedServer(RETRYABLE_FAULTS[fault], reply(op.status, op.body))
    # Bitget's clientOid makes its order retried (test_trading.py); here it has no retry left.
    client, delays = make_client(op.cls, server, max_retries=0 if name == "bitget" else 5)

    with pytest.raises(package.APIConnectionError) as caught:
        op.call(client)

    exc = caught.value
    assert type(exc) is getattr(package, error)
    assert exc.outcome_unknown is True
    assert len(server.attempts) == 1
    assert len(server.received) == 1
    assert delays == []
    message = str(exc)
    assert "place_order" in message
    assert "outcome is unknown" in message
    assert "client order id" in message
    assert_no_secret(message, op.cls)
    assert_no_secret(repr(exc), op.cls)


def test_place_order_connect_failure_then_reset_after_send_reaches_server_once() -> None:
    op = PLACE_ORDERS["bitria"]
    server = ScriptedServer(connect_reset, reset_after_send, reply(op.status, op.body))
    client, delays = make_client(op.cls, server)

    with pytest.raises(bitria_client.APIConnectionError) as caught:
        op.call(client)

    assert caught.value.outcome_unknown is True
    assert len(server.attempts) == 2
    assert len(server.received) == 1
    assert len(delays) == 1


def test_place_order_connect_failures_exhausted_raise_with_known_outcome() -> None:
    op = PLACE_ORDERS["bitget"]
    server = ScriptedServer(connect_reset)
    client, delays = make_client(op.cls, server, max_retries=2)

    with pytest.raises(bitget_client.APIConnectionError) as caught:
        op.call(client)

    exc = caught.value
    assert type(exc) is bitget_client.APIConnectionError
    assert exc.outcome_unknown is False
    assert "outcome is unknown" not in str(exc)
    assert len(server.attempts) == 3
    assert server.received == []
    assert len(delays) == 2


def test_place_order_connect_timeout_without_retries_is_a_timeout_with_known_outcome() -> None:
    op = PLACE_ORDERS["btse"]
    server = ScriptedServer(connect_timeout)
    client, _ = make_client(op.cls, server, max_retries=0)

    with pytest.raises(btse_client.APITimeoutError) as caught:
        op.call(client)

    assert caught.value.outcome_unknown is False
    assert len(server.attempts) == 1


@pytest.mark.parametrize(
    ("fault", "wait"),
    [
        (reply(429, {"message": "rate limit exceeded"}), None),
        (reply(429, {"message": "rate limit exceeded"}, headers={"Retry-After": "2"}), 2.0),
    ],
    ids=["429", "429_retry_after"],
)
@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_place_order_refused_with_429_is_sent_again_after_the_wait(
    name: str, fault: Action, wait: float | None
) -> None:
    op = PLACE_ORDERS[name]
    server = ScriptedServer(fault, reply(op.status, op.body))
    client, delays = make_client(op.cls, server, max_retries=5)

    assert op.call(client) is not None
    assert len(server.attempts) == 2
    assert server.sent[0].body == server.sent[1].body
    assert len(delays) == 1
    if wait is not None:
        assert delays == [wait]


@pytest.mark.parametrize(
    ("fault", "error", "status"),
    [
        (reply(500, {"message": "internal error"}), "InternalServerError", 500),
        (
            reply(502, content=NGINX_502, headers={"Content-Type": "text/html"}),
            "InternalServerError",
            502,
        ),
        (reply(503, {"message": "service unavailable"}), "InternalServerError", 503),
    ],
    ids=["500", "502_html", "503"],
)
@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_place_order_answered_5xx_is_sent_once_unless_its_id_is_deduplicated(
    name: str, fault: Action, error: str, status: int
) -> None:
    op = PLACE_ORDERS[name]
    package = package_of(op.cls)
    server = ScriptedServer(fault, reply(op.status, op.body))
    client, delays = make_client(op.cls, server, max_retries=5)

    if name == "bitget":  # clientOid, which Bitget refuses to repeat: sent again with it
        assert op.call(client) is not None
        assert len(server.attempts) == 2 and len(delays) == 1
        assert server.sent[0].json()["clientOid"] == server.sent[1].json()["clientOid"]
        return
    with pytest.raises(package.APIStatusError) as caught:
        op.call(client)

    assert type(caught.value) is getattr(package, error)
    assert caught.value.status_code == status
    assert len(server.attempts) == 1
    assert delays == []


def test_place_order_rate_limit_error_carries_retry_after() -> None:
    op = PLACE_ORDERS["bitria"]
    server = ScriptedServer(
        reply(429, {"code": 429, "message": "rate limit exceeded"}, headers={"Retry-After": "7"})
    )
    client, delays = make_client(op.cls, server, max_retries=0)

    with pytest.raises(bitria_client.RateLimitError) as caught:
        op.call(client)

    assert caught.value.retry_after == 7.0
    assert caught.value.code == "429"
    assert caught.value.api_message == "rate limit exceeded"
    assert len(server.attempts) == 1
    assert delays == []


def test_rate_limit_error_without_retry_after_has_none() -> None:
    op = PLACE_ORDERS["bitria"]
    server = ScriptedServer(reply(429, {"code": 429, "message": "rate limit exceeded"}))
    client, _ = make_client(op.cls, server)

    with pytest.raises(bitria_client.RateLimitError) as caught:
        op.call(client)

    assert caught.value.retry_after is None


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("truncated_json", "ResponseValidationError"),
        ("schema_violation", "ResponseValidationError"),
    ],
)
@pytest.mark.parametrize("name", list(PLACE_ORDERS))
def test_place_order_with_unreadable_success_body_is_sent_once(
    name: str, fault: str, expected: str
) -> None:
    op = PLACE_ORDERS[name]
    package = package_of(op.cls)
    if fault == "truncated_json":
        action = reply(op.status, content=json.dumps(op.body)[:-9])
    else:
        action = reply(op.status, op.bad_body)
    server = ScriptedServer(action, reply(op.status, op.body))
    client, delays = make_client(op.cls, server, max_retries=5)

    with pytest.raises(package.ResponseValidationError) as caught:
        op.call(client)

    exc = caught.value
    assert not isinstance(exc, pydantic.ValidationError)
    assert exc.response.status_code == op.status
    assert exc.errors
    if fault == "schema_violation":
        assert op.bad_field in str(exc)
    assert len(server.attempts) == 1
    assert delays == []


@pytest.mark.parametrize("fault", ["reset_after_send", "read_timeout", "503"])
@pytest.mark.parametrize("op_name", list(UNSAFE_WRITES))
def test_state_changing_operation_not_marked_idempotent_is_never_retried(
    op_name: str, fault: str
) -> None:
    op = UNSAFE_WRITES[op_name]
    package = package_of(op.cls)
    server = ScriptedServer(RETRYABLE_FAULTS[fault], reply(op.status, op.body))
    client, delays = make_client(op.cls, server, max_retries=5)

    with pytest.raises(package.APIError) as caught:
        op.call(client)

    assert len(server.attempts) == 1
    assert delays == []
    if fault in ("reset_after_send", "read_timeout"):
        assert caught.value.outcome_unknown is True


@pytest.mark.parametrize("op_name", list(UNSAFE_WRITES))
def test_state_changing_operation_refused_with_429_is_sent_again(op_name: str) -> None:
    op = UNSAFE_WRITES[op_name]
    server = ScriptedServer(RETRYABLE_FAULTS["429"], reply(op.status, op.body))
    client, delays = make_client(op.cls, server, max_retries=5)

    op.call(client)

    assert len(server.attempts) == 2 and len(delays) == 1


@pytest.mark.parametrize("op_name", list(UNSAFE_WRITES))
def test_state_changing_operation_is_retried_when_nothing_was_sent(op_name: str) -> None:
    op = UNSAFE_WRITES[op_name]
    server = ScriptedServer(connect_reset, reply(op.status, op.body))
    client, _ = make_client(op.cls, server)

    op.call(client)

    assert len(server.attempts) == 2
    assert len(server.received) == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda c, **kw: c.get_positions(account_names=["master_account"], **kw),
        lambda c, **kw: c.get_active_orders(account_names=["master_account"], **kw),
        lambda c, **kw: c.search_orders(account_names=["master_account"], **kw),
        lambda c, **kw: c.get_trades(account_names=["master_account"], **kw),
    ],
    ids=["get_positions", "get_active_orders", "search_orders", "get_trades"],
)
def test_hummingbot_idempotent_posts_are_retried_after_send(call: Callable[..., Any]) -> None:
    server = ScriptedServer(
        reset_after_send,
        reply(500, {"detail": "Error fetching: upstream timeout"}),
        reply(200, hb_page([], None, total=0)),
    )
    client, delays = make_client(HummingbotClient, server)

    call(client)

    assert [r.method for r in server.attempts] == ["POST", "POST", "POST"]
    assert server.sent_bodies[0] == server.sent_bodies[1] == server.sent_bodies[2]
    assert json.loads(server.sent_bodies[0])["account_names"] == ["master_account"]
    assert len(delays) == 2


def test_retried_request_is_resent_identically_and_signed_afresh() -> None:
    ticks = itertools.count(NOW_MS, 1500)
    server = ScriptedServer(
        reply(503, {"message": "busy"}), reply(200, bitget_envelope(BITGET_ORDER_INFO))
    )
    client, _ = make_client(BitgetClient, server, clock=lambda: next(ticks))

    client.get_order(order_id="1320244799629316096", client_oid="1320244799633510400")

    first, second = server.sent_headers
    assert first["access-timestamp"] != second["access-timestamp"]
    assert server.sent_bodies[0] == server.sent_bodies[1] == b""
    secret = CREDENTIALS[BitgetClient]["api_secret"]
    for headers in server.sent_headers:
        prehash = (
            headers["access-timestamp"]
            + "GET/api/v3/trade/order-info?clientOid=1320244799633510400&orderId=1320244799629316096"
        )
        expected = base64.b64encode(
            hmac.new(secret.encode(), prehash.encode(), hashlib.sha256).digest()
        ).decode()
        assert headers["access-sign"] == expected


# -- backoff, jitter and Retry-After ---------------------------------------------------------


@pytest.mark.parametrize(
    ("jitter", "expected"),
    [
        (0.0, [0.25, 0.5, 1.0, 2.0, 4.0, 4.0, 4.0]),
        (0.999999, [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]),
    ],
)
def test_backoff_is_exponential_with_jitter_and_capped(
    monkeypatch: pytest.MonkeyPatch, jitter: float, expected: list[float]
) -> None:
    monkeypatch.setattr(random, "random", lambda: jitter)
    server = ScriptedServer(reply(503, {"message": "busy"}))
    client, delays = make_client(BitriaClient, server, max_retries=7)

    with pytest.raises(bitria_client.InternalServerError):
        client.get_order(order_id="1789200345611")

    assert len(server.attempts) == 8
    assert delays == pytest.approx(expected, abs=1e-5)


def test_backoff_jitter_varies_within_bounds() -> None:
    server = ScriptedServer(reply(500, {"message": "internal error"}))
    client, delays = make_client(BitcainClient, server, max_retries=6)

    for _ in range(10):
        with pytest.raises(bitcain_client.InternalServerError):
            client.get_order(order_id=BITCAIN_ORDER_ID)

    assert len(delays) == 60
    for index, delay in enumerate(delays):
        base = min(8.0, 0.5 * 2 ** (index % 6))
        assert base * 0.5 <= delay <= base
    assert len(set(delays)) > 6, "backoff must be jittered"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("120", 60.0),
        ("86400", 60.0),
    ],
)
def test_retry_after_seconds_is_honoured_and_capped(header: str, expected: float) -> None:
    server = ScriptedServer(
        reply(
            429, bitget_envelope(None, "429", "Too Many Requests"), headers={"Retry-After": header}
        ),
        reply(200, bitget_envelope(BITGET_ORDER_INFO)),
    )
    client, delays = make_client(BitgetClient, server)

    client.get_order(order_id="1320244799629316096")

    assert delays == [expected]


def test_retry_after_http_date_is_honoured() -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    server = ScriptedServer(
        reply(503, {"message": "maintenance"}, headers={"Retry-After": when}),
        reply(200, BTSE_TICKER),
    )
    client, delays = make_client(BtseClient, server)

    client.get_ticker(symbol="BTC-USD")

    assert len(delays) == 1
    assert 27.5 <= delays[0] <= 30.5


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(3600, 60.0), (-3600, 0.0)],
    ids=["far_future_capped", "past_is_zero"],
)
def test_retry_after_http_date_far_or_past(offset: float, expected: float) -> None:
    when = email.utils.formatdate(time.time() + offset, usegmt=True)
    server = ScriptedServer(
        reply(429, {"message": "slow down"}, headers={"Retry-After": when}), reply(200, BTSE_TICKER)
    )
    client, delays = make_client(BtseClient, server)

    client.get_ticker(symbol="BTC-USD")

    assert delays == [pytest.approx(expected, abs=1.0)]


def test_unparseable_retry_after_falls_back_to_backoff() -> None:
    server = ScriptedServer(
        reply(429, {"message": "slow down"}, headers={"Retry-After": "soon"}),
        reply(200, BTSE_TICKER),
    )
    client, delays = make_client(BtseClient, server)

    client.get_ticker(symbol="BTC-USD")

    assert len(delays) == 1
    assert 0.25 <= delays[0] <= 0.5


def test_retry_after_on_every_retry_until_exhausted_raises_rate_limit_error() -> None:
    server = ScriptedServer(reply(429, BITGET_TOO_MANY, headers={"Retry-After": "4"}))
    client, delays = make_client(BitgetClient, server, max_retries=3)

    with pytest.raises(bitget_client.RateLimitError) as caught:
        client.get_order(order_id="1320244799629316096")

    assert delays == [4.0, 4.0, 4.0]
    assert len(server.attempts) == 4
    assert caught.value.retry_after == 4.0
    assert caught.value.code == "429"
    assert caught.value.api_message == "Too Many Requests"


# -- max_retries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client_retries", "call_retries", "attempts"),
    [
        (None, None, 3),  # default: 2 retries
        (5, None, 6),
        (5, 1, 2),
        (5, 0, 1),
        (0, None, 1),
        (0, 3, 4),
    ],
)
def test_max_retries_per_client_and_per_call(
    client_retries: int | None, call_retries: int | None, attempts: int
) -> None:
    server = ScriptedServer(reply(503, {"message": "service unavailable"}))
    options = {} if client_retries is None else {"max_retries": client_retries}
    client, delays = make_client(BitriaClient, server, **options)
    kwargs = {} if call_retries is None else {"max_retries": call_retries}

    with pytest.raises(bitria_client.InternalServerError):
        client.get_positions(trade_type="FUTURES", **kwargs)

    assert len(server.attempts) == attempts
    assert len(delays) == attempts - 1


def test_max_retries_per_call_also_bounds_connect_retries_of_place_order() -> None:
    op = PLACE_ORDERS["hummingbot"]
    server = ScriptedServer(connect_reset)
    client, _ = make_client(op.cls, server, max_retries=4)

    with pytest.raises(hummingbot_client.APIConnectionError):
        op.call(client, max_retries=1)

    assert len(server.attempts) == 2


@pytest.mark.parametrize(
    ("script", "error", "check"),
    [
        (
            [
                reply(503, {"message": "a"}),
                reply(502, content=NGINX_502, headers={"Content-Type": "text/html"}),
                reply(500, {"message": "last"}),
            ],
            "InternalServerError",
            lambda e: e.status_code == 500 and e.api_message == "last",
        ),
        (
            [read_timeout, reply(500, {"message": "x"}), reply(429, {"message": "slow down"})],
            "RateLimitError",
            lambda e: e.status_code == 429,
        ),
        (
            [reply(500, {"message": "x"}), connect_reset, reset_after_send],
            "APIConnectionError",
            lambda e: e.outcome_unknown is False and "outcome is unknown" not in str(e),
        ),
        (
            [reset_after_send, reply(503, {"message": "x"}), read_timeout],
            "APITimeoutError",
            lambda e: e.outcome_unknown is False,
        ),
    ],
    ids=["last_status", "last_429", "last_reset", "last_timeout"],
)
def test_exhausted_retries_raise_the_last_error(
    script: list[Action], error: str, check: Callable[[Any], bool]
) -> None:
    server = ScriptedServer(*script)
    client, delays = make_client(BitriaClient, server, max_retries=2)

    with pytest.raises(bitria_client.APIError) as caught:
        client.get_order(order_id="1789200345611")

    assert type(caught.value) is getattr(bitria_client, error)
    assert check(caught.value)
    assert len(server.attempts) == 3
    assert len(delays) == 2

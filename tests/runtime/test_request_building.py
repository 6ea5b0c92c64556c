"""Every request is built by the httpx client's own `build_request`, after the signing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.calls import CREDENTIALS, NOW_MS, PLACE_ORDERS
from tests.support.flavors import built, is_async
from tests.support.transport import ScriptedServer, reply

BITGET = PLACE_ORDERS["bitget"]


def place(http: httpx.Client, **options: Any) -> ScriptedServer:
    """Place Bitget's sample order through a client on `http`; the server it reached."""
    server = ScriptedServer(reply(BITGET.status, BITGET.body))
    http._transport = httpx.MockTransport(server)
    client: Any = built(
        BITGET.cls, http_client=http, clock=lambda: NOW_MS, **CREDENTIALS[BITGET.cls], **options
    )
    BITGET.call(client)
    return server


def test_the_http_clients_headers_and_cookies_are_sent_under_the_signed_ones() -> None:
    http = httpx.Client(
        headers={"User-Agent": "app/1", "X-Trace": "on", "ACCESS-KEY": "not-this-one"},
        cookies={"session": "s1"},
    )
    sent = place(http).last
    assert sent.headers["user-agent"] == "app/1" and sent.headers["x-trace"] == "on"
    assert sent.headers["cookie"] == "session=s1"
    assert sent.headers["access-key"] == CREDENTIALS[BITGET.cls]["api_key"]
    assert sent.headers["content-length"] == str(len(sent.body))


def test_the_http_clients_query_parameters_are_added_as_httpx_adds_them() -> None:
    sent = place(httpx.Client(params={"lang": "en"})).last
    assert sent.query_pairs() == [("lang", "en")]


def test_a_build_request_of_its_own_is_used() -> None:
    base: type[Any] = httpx.AsyncClient if is_async() else httpx.Client

    class Tagging(base):  # type: ignore[misc]
        def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
            request: httpx.Request = super().build_request(*args, **kwargs)
            request.headers["X-Tag"] = "built"
            return request

    server = ScriptedServer(reply(BITGET.status, BITGET.body))
    client: Any = built(
        BITGET.cls,
        http_client=Tagging(transport=httpx.MockTransport(server)),
        clock=lambda: NOW_MS,
        **CREDENTIALS[BITGET.cls],
    )
    BITGET.call(client)
    assert server.last.headers["x-tag"] == "built"


def test_a_header_that_is_not_text_is_refused_as_httpx_refuses_it() -> None:
    headers: Any = {"X-Count": 1}
    server = ScriptedServer(reply(BITGET.status, BITGET.body))
    client: Any = built(
        BITGET.cls, http_client=server.http(), clock=lambda: NOW_MS, **CREDENTIALS[BITGET.cls]
    )
    with pytest.raises(TypeError, match="must be str or bytes"):
        BITGET.call(client, extra_headers=headers)
    assert server.sent == []

"""No side effects on other code: nothing printed when logging is not configured, redaction per
client of whole credentials only, and the process-wide httpx logger left as it was.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from typing import Any

import bitget_client
import pytest
from bitcain_client import BitcainClient
from bitget_client import BitgetClient

from templates.runtime._auth import ApiKeyScheme
from templates.runtime._base_client import BaseClient, Endpoint
from templates.runtime._redaction import Redactor
from tests.support.calls import PACKAGES, PLACE_ORDERS, make_client
from tests.support.flavors import built
from tests.support.paths import GENERATED
from tests.support.transport import ScriptedServer, reply, reset_after_send, scripted


def test_a_caught_connection_error_prints_nothing_when_logging_is_not_configured() -> None:
    script = textwrap.dedent(
        """
        import httpx, bitget_client

        def refuse(request):
            raise httpx.ConnectError("connection refused", request=request)

        client = bitget_client.BitgetClient(
            api_key="k", api_secret="s", passphrase="p", max_retries=0,
            http_client=httpx.Client(transport=httpx.MockTransport(refuse)),
        )
        try:
            client.get_order(order_id="1")
        except bitget_client.APIConnectionError as exc:
            print("caught", type(exc).__name__)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=GENERATED / "bitget_client",
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout == "caught APIConnectionError\n"
    assert result.stderr == ""


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_every_package_logger_has_a_null_handler(package: object) -> None:
    logger = logging.getLogger(package.__name__)  # type: ignore[attr-defined]

    assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)


def test_a_short_credential_does_not_mangle_messages() -> None:
    server = ScriptedServer(reset_after_send)
    client = built(
        BitgetClient,
        api_key="k",
        api_secret="s",
        passphrase="p",
        http_client=server.http(),
    )

    with pytest.raises(bitget_client.APIConnectionError) as caught:
        PLACE_ORDERS["bitget"].call(client)

    assert "place_order: POST https://api.bitget.com/api/v3/trade/place-order failed" in str(
        caught.value
    )
    assert "***" not in str(caught.value)


def test_a_credential_echoed_by_the_server_is_redacted_as_a_whole_token() -> None:
    server = ScriptedServer(reply(401, {"code": "40012", "msg": "passphrase p is wrong for key k"}))
    client = built(
        BitgetClient,
        api_key="k",
        api_secret="s",
        passphrase="p",
        http_client=server.http(),
    )

    with pytest.raises(bitget_client.AuthenticationError) as caught:
        client.get_order(order_id="1")

    assert caught.value.api_message == "passphrase *** is wrong for key ***"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GET /x?api_key=s3cr%2Ft&b=1", "GET /x?api_key=***&b=1"),
        ("key s3cr/t, again 's3cr/t'", "key ***, again '***'"),
        ("s3cr/tx and xs3cr/t stay", "s3cr/tx and xs3cr/t stay"),
        ("token=s3cr%2Ft", "token=***"),
    ],
)
def test_redactor_replaces_whole_tokens_and_their_url_forms(text: str, expected: str) -> None:
    assert Redactor(["s3cr/t"])(text) == expected


def test_other_requests_are_not_redacted_by_a_closed_client(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = ScriptedServer(reply(200, {"id": "x"}))
    with built(BitcainClient, token="e", http_client=server.http()) as client:
        repr(client)
    caplog.set_level(logging.INFO, logger="httpx")

    with scripted(reply(200)) as other:
        other.get("https://example.com/e?q=e")

    messages = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert messages == ['HTTP Request: GET https://example.com/e?q=e "HTTP/1.1 200 OK"']


def test_clients_that_put_no_credential_in_a_url_leave_the_httpx_logger_alone() -> None:
    httpx_logger = logging.getLogger("httpx")
    before = list(httpx_logger.filters)

    for n in range(20):
        op = PLACE_ORDERS["bitget"]
        client, _ = make_client(op.cls, ScriptedServer(reply(op.status, op.body)))
        client._redact = Redactor([f"secret-{n}"])
        op.call(client)

    assert httpx_logger.filters == before
    for package in PACKAGES:
        assert not [f for f in before if type(f).__module__.startswith(package.__name__ + ".")]


class QueryKeyClient(BaseClient):
    """A client of the runtime in place whose key travels in the query string."""

    _schemes = {"key": ApiKeyScheme(name="apikey", location="query", credentials=("api_key",))}


LIST_ITEMS: Endpoint[Any] = Endpoint(
    name="list_items", method="GET", path="/items", result=None, security=(("key",),)
)


def query_key_client(api_key: str) -> QueryKeyClient:
    return QueryKeyClient(
        "https://api.example.com",
        http_client=scripted(reply(200)),
        timeout=None,
        max_retries=0,
        clock=None,
        headers=None,
        credentials={"api_key": api_key},
    )


def test_httpx_records_of_a_query_key_client_are_redacted_and_nothing_else(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    clients = [query_key_client(f"key-{n}-4c1d") for n in range(20)]
    for client in clients:
        client._call(LIST_ITEMS)
    with scripted(reply(200)) as other:
        other.get("https://example.com/?apikey=key-0-4c1d")

    messages = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert (
        messages[:20]
        == ['HTTP Request: GET https://api.example.com/items?apikey=*** "HTTP/1.1 200 OK"'] * 20
    )
    assert (
        messages[20] == 'HTTP Request: GET https://example.com/?apikey=key-0-4c1d "HTTP/1.1 200 OK"'
    )
    ours: list[Any] = [f for f in logging.getLogger("httpx").filters if getattr(f, "package", None)]
    assert len([f for f in ours if f.package == "templates.runtime"]) == 1

"""Path, query and header arguments are checked against their schemas before anything is sent."""

from __future__ import annotations

from typing import Any

import bitget_client
import bitria_client
import pytest
from bitget_client import BitgetClient
from bitria_client import BitriaClient

from tests.support.calls import bitget_envelope, make_client
from tests.support.transport import ScriptedServer, reply


@pytest.mark.parametrize(
    ("arguments", "named", "says"),
    [
        ({"limit": 500}, "limit", "less than or equal to 100"),
        ({"limit": 0}, "limit", "greater than or equal to 1"),
        ({"page": 0}, "page", "greater than or equal to 1"),
        ({"page": "two"}, "page", "valid integer"),
    ],
)
def test_query_constraints_refuse_before_sending(
    arguments: dict[str, Any], named: str, says: str
) -> None:
    server = ScriptedServer(reply(200, {"data": [], "page": 1, "limit": 20, "total": 0}))
    client, _ = make_client(BitriaClient, server)
    with pytest.raises(bitria_client.InvalidArgumentError) as caught:
        client.list_orders(**arguments)
    assert server.attempts == []
    assert [e["argument"] for e in caught.value.errors] == [named]
    assert says in str(caught.value) and "nothing was sent" in str(caught.value)


def test_query_values_within_the_constraints_are_sent_as_given() -> None:
    server = ScriptedServer(reply(200, {"data": [], "page": 2, "limit": 100, "total": 0}))
    client, _ = make_client(BitriaClient, server)
    client.list_orders(page=2, limit=100)
    assert server.attempts[0].url.params["page"] == "2"
    assert server.attempts[0].url.params["limit"] == "100"


@pytest.mark.parametrize("value", [True, 1, "0", "true"])
def test_a_header_enum_takes_only_its_declared_text(value: Any) -> None:
    server = ScriptedServer(reply(200, bitget_envelope({"orderId": "1", "clientOid": "c"})))
    client, _ = make_client(BitgetClient, server)
    with pytest.raises(bitget_client.InvalidArgumentError) as caught:
        client.get_order(order_id="1", paptrading=value)
    assert server.attempts == []
    assert [e["argument"] for e in caught.value.errors] == ["paptrading"]


def test_the_declared_header_text_is_sent() -> None:
    server = ScriptedServer(reply(200, bitget_envelope(None)))
    client, _ = make_client(BitgetClient, server)
    try:
        client.get_order(order_id="1", paptrading="1")
    except bitget_client.APIError:
        pass  # only the request matters here
    assert server.attempts[0].headers["paptrading"] == "1"

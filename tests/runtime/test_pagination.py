"""Pagination declared in the specs: Bitria page/limit, bitcain limit/offset, Hummingbot cursor in
the JSON body. Iterators are lazy: the number of HTTP requests is checked after each slice.

Driven through the scripted transport of tests.support.transport.
"""

from __future__ import annotations

import itertools
import json
from typing import Any
from urllib.parse import parse_qs

import bitria_client
import httpx
import pytest
from bitcain_client import BitcainClient
from bitria_client import BitriaClient
from hummingbot_client import HummingbotClient

from tests.support.calls import (
    BITRIA_FILL,
    HB_CURSOR,
    HB_ORDER,
    BitcainOffsets,
    bitria_orders,
    hb_orders,
    hb_page,
    make_client,
)
from tests.support.transport import ScriptedServer, reply, reset_after_send

# ============================================================================================
# Pagination
# ============================================================================================


class BitriaPages:
    """GET /v1/orders over `orders`, page/limit style (server default limit 20)."""

    def __init__(self, orders: list[dict[str, Any]]) -> None:
        self.orders = orders
        self.queries: list[dict[str, list[str]]] = []

    def __call__(self, server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        query = parse_qs(request.url.query.decode())
        self.queries.append(query)
        page = int(query.get("page", ["1"])[0])
        limit = int(query.get("limit", ["20"])[0])
        chunk = self.orders[(page - 1) * limit : page * limit]
        return httpx.Response(
            200, json={"data": chunk, "page": page, "limit": limit, "total": len(self.orders)}
        )


def test_bitria_page_iterator_is_lazy_and_walks_every_page() -> None:
    pages = BitriaPages(bitria_orders(45))
    server = ScriptedServer(pages)
    client, _ = make_client(BitriaClient, server)

    iterator = client.iter_list_orders(symbol="BTC-USDT", status="FILLED")
    assert server.attempts == [], "creating the iterator sends nothing"

    first = list(itertools.islice(iterator, 1))
    assert len(server.attempts) == 1
    assert first[0].order_id == "1789200345611"

    list(itertools.islice(iterator, 19))  # the rest of page 1
    assert len(server.attempts) == 1

    list(itertools.islice(iterator, 1))  # first item of page 2
    assert len(server.attempts) == 2

    rest = list(iterator)
    assert len(rest) == 24
    assert len(server.attempts) == 3, "stops on the short page without asking for page 4"
    assert [q["page"] for q in pages.queries] == [["1"], ["2"], ["3"]]
    for query in pages.queries:
        assert query["symbol"] == ["BTC-USDT"]
        assert query["status"] == ["FILLED"]


def test_bitria_page_iterator_stops_at_the_declared_total() -> None:
    pages = BitriaPages(bitria_orders(6))
    client, _ = make_client(BitriaClient, ScriptedServer(pages))

    assert len(list(client.iter_list_orders(limit=3))) == 6
    assert [q["page"] for q in pages.queries] == [["1"], ["2"]]  # no empty third page


def test_bitria_page_iterator_starts_at_given_page_and_handles_no_results() -> None:
    pages = BitriaPages(bitria_orders(5))
    server = ScriptedServer(pages)
    client, _ = make_client(BitriaClient, server)

    assert [o.order_id for o in client.iter_list_orders(page=2, limit=2)] == [
        "1789200345613",
        "1789200345614",
        "1789200345615",
    ]
    assert [q["page"] for q in pages.queries] == [["2"], ["3"]]

    empty = ScriptedServer(BitriaPages([]))
    client, _ = make_client(BitriaClient, empty)
    assert list(client.iter_list_orders()) == []
    assert len(empty.attempts) == 1


def test_bitria_fill_iterator_walks_pages() -> None:
    fills = [{**BITRIA_FILL, "fillId": str(5500120001 + i)} for i in range(3)]

    def handler(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        page = int(request.url.params["page"])
        chunk = fills[(page - 1) * 2 : page * 2]
        return httpx.Response(200, json={"data": chunk, "page": page, "limit": 2, "total": 3})

    server = ScriptedServer(handler)
    client, _ = make_client(BitriaClient, server)

    assert [f.fill_id for f in client.iter_list_fills(order_id="1789200345611", limit=2)] == [
        "5500120001",
        "5500120002",
        "5500120003",
    ]
    assert len(server.attempts) == 2


def test_page_iterator_retries_a_failed_page_and_continues() -> None:
    pages = BitriaPages(bitria_orders(4))
    server = ScriptedServer(pages, reply(503, {"code": 503, "message": "busy"}), pages, pages)
    client, delays = make_client(BitriaClient, server)

    orders = list(client.iter_list_orders(limit=2))

    assert len(orders) == 4
    assert len(delays) == 1
    assert [q["page"] for q in pages.queries] == [["1"], ["2"]]  # the total is reached


def test_page_iterator_propagates_errors() -> None:
    pages = BitriaPages(bitria_orders(4))
    server = ScriptedServer(pages, reply(401, {"code": 401, "message": "invalid signature"}))
    client, _ = make_client(BitriaClient, server)
    iterator = client.iter_list_orders(limit=2)

    assert len(list(itertools.islice(iterator, 2))) == 2
    with pytest.raises(bitria_client.AuthenticationError):
        next(iterator)


def test_page_iterator_honours_per_call_max_retries() -> None:
    pages = BitriaPages(bitria_orders(4))
    server = ScriptedServer(pages, reply(503, {"code": 503, "message": "busy"}))
    client, delays = make_client(BitriaClient, server, max_retries=5)
    iterator = client.iter_list_orders(limit=2, max_retries=0)

    assert len(list(itertools.islice(iterator, 2))) == 2
    with pytest.raises(bitria_client.InternalServerError):
        next(iterator)
    assert len(server.attempts) == 2
    assert delays == []


def test_bitcain_offset_iterator_is_lazy_and_advances_by_items_received() -> None:
    pages = BitcainOffsets(5)
    server = ScriptedServer(pages)
    client, _ = make_client(BitcainClient, server)

    iterator = client.iter_list_orders(symbol="BTC/USD", limit=2)
    assert server.attempts == []
    assert len(list(itertools.islice(iterator, 3))) == 3
    assert len(server.attempts) == 2

    rest = list(iterator)
    assert [o.client_order_id for o in rest] == ["my-order-0003", "my-order-0004"]
    assert [(q["offset"], q["limit"]) for q in pages.queries] == [
        (["0"], ["2"]),
        (["2"], ["2"]),
        (["4"], ["2"]),
    ]
    assert all(q["symbol"] == ["BTC/USD"] for q in pages.queries)


def test_bitcain_offset_iterator_with_default_limit() -> None:
    pages = BitcainOffsets(120)
    server = ScriptedServer(pages)
    client, _ = make_client(BitcainClient, server)

    orders = list(client.iter_list_orders())

    assert len(orders) == 120
    assert len({str(o.id) for o in orders}) == 120
    assert [q["offset"] for q in pages.queries] == [["0"], ["50"], ["100"]]


class HummingbotCursor:
    """POST /trading/orders/search over pages chained by cursors."""

    def __init__(self, pages: list[list[dict[str, Any]]]) -> None:
        self.pages = pages
        self.cursors = [None] + [
            f"2024-06-10T06:13:{20 - i:02d}+00:00|buy-BTC-USDT-{i}" for i in range(1, len(pages))
        ]
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        body = json.loads(request.content)
        self.bodies.append(body)
        index = self.cursors.index(body.get("cursor"))
        following = self.cursors[index + 1] if index + 1 < len(self.pages) else None
        return httpx.Response(
            200, json=hb_page(self.pages[index], following, total=sum(map(len, self.pages)))
        )


def test_hummingbot_cursor_iterator_is_lazy_and_follows_next_cursor() -> None:
    pages = HummingbotCursor([hb_orders(0, 2), hb_orders(2, 2), hb_orders(4, 1)])
    server = ScriptedServer(pages)
    client, _ = make_client(HummingbotClient, server)

    iterator = client.iter_search_orders(account_names=["master_account"], status="FILLED", limit=2)
    assert server.attempts == []
    assert len(list(itertools.islice(iterator, 2))) == 2
    assert len(server.attempts) == 1
    assert len(list(itertools.islice(iterator, 1))) == 1
    assert len(server.attempts) == 2

    rest = list(iterator)
    assert [o.order_id for o in rest] == [
        "buy-BTC-USDT-1718000000000003",
        "buy-BTC-USDT-1718000000000004",
    ]
    assert len(server.attempts) == 3
    assert "cursor" not in pages.bodies[0]
    assert [b.get("cursor") for b in pages.bodies[1:]] == pages.cursors[1:]
    for body in pages.bodies:
        assert body["account_names"] == ["master_account"]
        assert body["status"] == "FILLED"
        assert body["limit"] == 2


def test_hummingbot_cursor_iterator_uses_the_spec_example_cursor() -> None:
    server = ScriptedServer(
        reply(200, hb_page([HB_ORDER], HB_CURSOR)),
        reply(200, hb_page(hb_orders(9, 1), None)),
    )
    client, _ = make_client(HummingbotClient, server)

    orders = list(client.iter_search_orders(status="FILLED"))

    assert len(orders) == 2
    assert json.loads(server.sent_bodies[1])["cursor"] == HB_CURSOR


def test_hummingbot_cursor_iterator_stops_if_the_cursor_does_not_move() -> None:
    server = ScriptedServer(reply(200, hb_page([HB_ORDER], HB_CURSOR)))
    client, _ = make_client(HummingbotClient, server)

    orders = list(itertools.islice(client.iter_search_orders(), 10))

    # The second answer repeats the first page: its items are not given twice.
    assert len(orders) == 1
    assert len(server.attempts) == 2


def test_hummingbot_cursor_iterator_retries_a_page_after_reset() -> None:
    pages = HummingbotCursor([hb_orders(0, 2), hb_orders(2, 2)])
    server = ScriptedServer(pages, reset_after_send, pages)
    client, delays = make_client(HummingbotClient, server)

    orders = list(client.iter_search_orders(limit=2))

    assert len(orders) == 4
    assert len(delays) == 1
    assert [b.get("cursor") for b in pages.bodies] == [None, pages.cursors[1]]

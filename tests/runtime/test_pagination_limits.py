"""Pagers that must end: a server ignoring the page argument, cursors that cycle, a declared total,
the page cap; and one that must not end early when the server clamps the page size.

Through the generated clients and the scripted transport of tests.support.transport, and through
the runtime's pagination module in place (templates/runtime) for what no spec declares yet.
"""

from __future__ import annotations

import itertools
import json
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from bitcain_client import BitcainClient
from bitria_client import BitriaClient
from hummingbot_client import HummingbotClient

from templates.runtime import _pagination
from templates.runtime._exceptions import PaginationError
from tests.support.calls import BitcainOffsets, bitria_orders, hb_orders, hb_page, make_client
from tests.support.transport import ScriptedServer


def test_page_iterator_stops_when_the_server_ignores_the_page_argument() -> None:
    orders = bitria_orders(20)

    def same_page(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": orders, "page": 1, "limit": 20, "total": 900})

    server = ScriptedServer(same_page)
    client, _ = make_client(BitriaClient, server)

    listed = list(itertools.islice(client.iter_list_orders(), 10_000))

    assert [o.order_id for o in listed] == [o["orderId"] for o in orders]
    assert len(server.attempts) == 2


def test_offset_iterator_stops_when_the_server_ignores_the_offset() -> None:
    pages = BitcainOffsets(10)

    def first_page(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params["limit"])
        body = {"orders": pages.orders[:limit], "total": 10, "limit": limit, "offset": 0}
        return httpx.Response(200, json=body)

    server = ScriptedServer(first_page)
    client, _ = make_client(BitcainClient, server)

    assert len(list(itertools.islice(client.iter_list_orders(limit=5), 1000))) == 5
    assert len(server.attempts) == 2


def test_cursor_iterator_stops_when_cursors_cycle() -> None:
    cursors = ["c-1", "c-2", "c-1", "c-2"]

    def cycling(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        n = len(server.attempts)
        page = hb_orders(n * 10, 1)
        return httpx.Response(200, json=hb_page(page, cursors[(n - 1) % len(cursors)]))

    server = ScriptedServer(cycling)
    client, _ = make_client(HummingbotClient, server)

    listed = list(itertools.islice(client.iter_search_orders(), 1000))

    assert len(listed) == 3
    sent = [json.loads(body).get("cursor") for body in server.sent_bodies]
    assert sent == [None, "c-1", "c-2"]


def test_page_iterator_does_not_stop_early_when_the_server_clamps_the_page_size() -> None:
    orders = bitria_orders(150)
    queries: list[dict[str, list[str]]] = []

    def clamped(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        query = parse_qs(request.url.query.decode())
        queries.append(query)
        page, limit = int(query["page"][0]), min(int(query["limit"][0]), 60)
        chunk = orders[(page - 1) * limit : page * limit]
        return httpx.Response(200, json={"data": chunk, "page": page, "limit": limit, "total": 150})

    server = ScriptedServer(clamped)
    client, _ = make_client(BitriaClient, server)

    listed = list(client.iter_list_orders(limit=100))  # the server sends 60 a page

    assert len(listed) == 150
    assert len({o.order_id for o in listed}) == 150
    assert [q["page"] for q in queries] == [["1"], ["2"], ["3"]]


def test_offset_iterator_does_not_stop_early_when_the_server_clamps_the_page_size() -> None:
    pages = BitcainOffsets(130)

    def clamped(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        limit = min(int(request.url.params["limit"]), 50)
        offset = int(request.url.params["offset"])
        body = {"orders": pages.orders[offset : offset + limit], "total": 130, "limit": limit}
        return httpx.Response(200, json={**body, "offset": offset})

    server = ScriptedServer(clamped)
    client, _ = make_client(BitcainClient, server)

    assert len(list(client.iter_list_orders(limit=200))) == 130
    assert [r.url.params["offset"] for r in server.attempts] == ["0", "50", "100"]


# --------------------------------------------------------------------------------------------
# The runtime's pager in place: a declared total and the page cap
# --------------------------------------------------------------------------------------------


class Listing:
    """A server of `count` numbered items, `size` per page whatever the limit asked for."""

    def __init__(self, count: int, size: int, *, total: bool = True) -> None:
        self.count, self.size, self.total = count, size, total
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **arguments: Any) -> dict[str, Any]:
        self.calls.append(arguments)
        start = (arguments["page"] - 1) * self.size
        items = list(range(start, min(start + self.size, self.count)))
        return {"data": items, "meta": {"total": self.count}} if self.total else {"data": items}


PAGES = _pagination.Pagination(style="page", items=("data",), page="page", limit="limit")


def test_pager_stops_at_the_declared_total_without_asking_for_an_empty_page() -> None:
    pagination = PAGES._replace(total=("meta", "total"))
    listing = Listing(40, 20)

    items = list(_pagination.paginate(listing, {"limit": 50}, pagination, "list_items"))

    assert items == list(range(40))
    assert [c["page"] for c in listing.calls] == [1, 2]


def test_pager_without_a_total_asks_once_more_after_a_short_first_page() -> None:
    listing = Listing(40, 20, total=False)

    items = list(_pagination.paginate(listing, {"limit": 50}, PAGES, "list_items"))

    assert items == list(range(40))
    assert [c["page"] for c in listing.calls] == [1, 2, 3]


def test_pager_raises_at_the_page_cap_after_yielding_every_page_it_fetched() -> None:
    pagination = PAGES._replace(max_pages=3)
    listing = Listing(1000, 10, total=False)
    iterator = _pagination.paginate(listing, {"limit": 10}, pagination, "list_items")

    assert list(itertools.islice(iterator, 30)) == list(range(30))
    with pytest.raises(PaginationError) as caught:
        next(iterator)

    assert len(listing.calls) == 3
    assert "list_items: stopped after 3 pages" in str(caught.value)
    assert "page=4" in str(caught.value)


def test_default_page_cap_bounds_a_server_that_never_ends() -> None:
    listing = Listing(10**9, 2, total=False)

    with pytest.raises(PaginationError):
        for _ in _pagination.paginate(listing, {}, PAGES, "list_items"):
            pass

    assert len(listing.calls) == _pagination.DEFAULT_MAX_PAGES

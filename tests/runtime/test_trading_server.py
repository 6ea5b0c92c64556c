"""Client order ids, refusals, the clock and the limits against a local server that deduplicates.

The server (`tests/runtime/trading/spec.yaml`'s API) listens on 127.0.0.1, answers at most a
bounded number of requests, and keeps every order it placed: a repeated client order id is
refused with the code `DUPLICATE`, so a test can count the orders really placed. Losing an
answer is the server closing the connection after it placed the order.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.flavors import built
from tests.support.generation import generate_and_import

SPEC = Path(__file__).parent / "trading" / "spec.yaml"
MAX_REQUESTS = 50


class Exchange(ThreadingHTTPServer):
    """The orders placed, by client order id, and what to do with the next requests."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.orders: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, dict[str, Any], dict[str, str]]] = []
        self.lose_answers = 0
        """How many placed orders' answers to lose (the connection closes without one)."""
        self.busy = 0
        """How many requests to refuse with 503 SYSTEM_BUSY before executing any."""
        self.clock_ms = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Exchange
    timeout = 5  # a stuck client cannot hold the server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        if self.path == "/orders" and status == 200:
            self.send_header("X-Orders-Used", "4")  # this key's other clients placed some too
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.requests.append(("GET " + self.path, {}, dict(self.headers)))
        self._answer(200, {"now": self.server.clock_ms / 1000})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        exchange = self.server
        with exchange.lock:
            exchange.requests.append(("POST " + self.path, body, dict(self.headers)))
            assert len(exchange.requests) <= MAX_REQUESTS, "the client does not stop"
            if exchange.busy:
                exchange.busy -= 1
                answer: tuple[int, Any] | None = (503, {"code": "SYSTEM_BUSY", "message": "busy"})
            elif self.path == "/orders/cancel":
                answer = (200, {"orderId": body["orderId"]})
            elif body.get("clientOrderId") in exchange.orders:
                answer = (400, {"code": "DUPLICATE", "message": "clientOrderId exists"})
            else:
                oid = body.get("clientOrderId") or f"anon-{len(exchange.orders)}"
                order = {"orderId": f"o-{len(exchange.orders) + 1}", "clientOrderId": oid}
                exchange.orders[oid] = order
                answer = None if exchange.lose_answers else (200, order)
                if exchange.lose_answers:
                    exchange.lose_answers -= 1
        if answer is None:
            self.close_connection = True  # placed, but the answer is lost
            return
        self._answer(*answer)


@pytest.fixture(scope="module")
def dedup(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return generate_and_import(SPEC, Path(tmp_path_factory.mktemp("dedup")))


@pytest.fixture
def exchange() -> Iterator[Exchange]:
    server = Exchange()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def client(dedup: ModuleType, exchange: Exchange, **options: Any) -> Any:
    made = built(dedup.DedupClient, exchange.url, key="k-1", timeout=5, **options)
    made._sleep = lambda seconds: None
    return made


def test_a_lost_answer_is_retried_with_the_same_id_and_the_duplicate_says_it_was_placed(
    dedup: ModuleType, exchange: Exchange
) -> None:
    exchange.lose_answers = 1
    with pytest.raises(dedup.DuplicateClientOrderIdError) as caught:
        client(dedup, exchange).place_order(symbol="BTC-EUR", quantity=Decimal("1"))
    sent = [body["clientOrderId"] for _, body, _ in exchange.requests]
    assert len(sent) == 2 and sent[0] == sent[1] and sent[0].startswith("dd-")
    assert len(exchange.orders) == 1  # never two orders
    error = caught.value
    assert error.client_order_id == sent[0] and error.accepted is True
    assert error.outcome_unknown is False and "do not send it again" in str(error)


def test_without_a_lost_answer_the_order_is_placed_once(
    dedup: ModuleType, exchange: Exchange
) -> None:
    made = client(dedup, exchange)
    placed = made.place_order(symbol="BTC-EUR", quantity=Decimal("1"))
    assert placed.client_order_id in exchange.orders and len(exchange.orders) == 1
    assert len(placed.client_order_id) == 24
    usage = made.rate_limit_usage()
    assert usage["orders"].used == 4  # the server's header, above the 1 counted here
    assert usage["ip"].used == 2


def test_answers_declared_not_executed_are_retried_for_any_operation(
    dedup: ModuleType, exchange: Exchange
) -> None:
    exchange.busy = 2
    cancelled = client(dedup, exchange).cancel_order(order_id="o-9")
    assert cancelled.order_id == "o-9"
    assert [path for path, _, _ in exchange.requests] == ["POST /orders/cancel"] * 3


def test_recv_window_is_sent_and_the_clock_is_synced_against_the_server(
    dedup: ModuleType, exchange: Exchange
) -> None:
    made = client(dedup, exchange, recv_window=5000, clock=lambda: 1_000_000)
    exchange.clock_ms = 1_030_000
    assert made.sync_clock() == 30_000
    made.place_order(symbol="BTC-EUR", quantity=Decimal("1"))
    headers = {k.lower(): v for k, v in exchange.requests[-1][2].items()}
    assert headers["x-recv-window"] == "5000"


def test_an_api_without_a_recv_window_refuses_the_option(dedup: ModuleType) -> None:
    from bitget_client import BitgetClient

    with pytest.raises(TypeError):
        BitgetClient(recv_window=5000)  # type: ignore[call-arg]

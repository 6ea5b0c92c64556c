"""The sample calls of the five vendor clients: credentials, clients, answers and operation tables.

The bodies are taken from the specs' examples. `PLACE_ORDERS` places one order per client,
`SAFE_READS` are retry-safe reads (GETs and POSTs marked x-idempotent), `UNSAFE_WRITES` writes
that must never be sent twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

import bitcain_client
import bitget_client
import bitria_client
import btse_client
import httpx
import hummingbot_client
from bitcain_client import BitcainClient
from bitget_client import BitgetClient
from bitria_client import BitriaClient
from btse_client import BtseClient
from hummingbot_client import HummingbotClient

from tests.support.flavors import built
from tests.support.transport import ScriptedServer

PACKAGES = [bitria_client, bitcain_client, bitget_client, hummingbot_client, btse_client]
NOW_MS = 1750496809871

# --------------------------------------------------------------------------------------------
# Clients
# --------------------------------------------------------------------------------------------

CREDENTIALS: dict[type, dict[str, Any]] = {
    BitriaClient: {"api_key": "bitria-key-9f3a51c2", "api_secret": "bitria-secret-7c1e44d0b2"},
    BitcainClient: {"token": "bitcain-token-eyJhbGciOiJIUzI1NiJ9"},
    BitgetClient: {
        "api_key": "bg_4d6f0a9c2e71b3",
        "api_secret": "bitget-secret-5e8a1c3f9b",
        "passphrase": "bitget-pass-Zq81",
    },
    HummingbotClient: {"username": "hb-admin-user", "password": "hb-password-Xy93"},
    BtseClient: {"api_key": "btse-key-0c4f2a7d", "api_secret": "btse-secret-8d2e6b19f0"},
}


def package_of(cls: type) -> Any:
    """The generated package a client class comes from (its errors, models, RawResponse)."""
    return __import__(cls.__module__.split(".")[0])


def secrets_of(cls: type) -> list[str]:
    return list(CREDENTIALS[cls].values())


def make_client(cls: type, server: ScriptedServer, **options: Any) -> tuple[Any, list[float]]:
    """A client of `cls` talking to `server`, with a fixed clock and a recording sleep."""
    options.setdefault("clock", lambda: NOW_MS)
    client: Any = built(
        cls,
        http_client=server.http(),
        **CREDENTIALS[cls],
        **options,
    )
    delays: list[float] = []
    client._sleep = delays.append
    return client, delays


# --------------------------------------------------------------------------------------------
# Bodies, taken from the specs' examples
# --------------------------------------------------------------------------------------------

BITRIA_ORDER = {
    "orderId": "1789200345611",
    "symbol": "BTC-USDT",
    "side": "BUY",
    "orderType": "LIMIT",
    "tradeType": "SPOT",
    "status": "FILLED",
    "quantity": 0.01,
    "price": 65000.5,
    "funds": None,
    "leverage": None,
    "marginMode": None,
    "filledQuantity": 0.01,
    "avgPrice": 65000.5,
    "createdAt": 1718000000000,
    "updatedAt": 1718000004210,
}
BITRIA_FILL = {
    "fillId": "5500120001",
    "orderId": "1789200345611",
    "symbol": "BTC-USDT",
    "side": "BUY",
    "tradeType": "SPOT",
    "price": 65000.5,
    "quantity": 0.01,
    "fee": 0.65,
    "feeCoin": "USDT",
    "time": 1718000004210,
}
BITRIA_ORDER_DETAIL = {**BITRIA_ORDER, "fills": [BITRIA_FILL]}
BITRIA_ACCEPTED = {
    "orderId": "1789200345611",
    "symbol": "BTC-USDT",
    "side": "BUY",
    "orderType": "LIMIT",
    "tradeType": "SPOT",
    "status": "PENDING",
    "createdAt": 1718000000000,
}

BITCAIN_ORDER_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
BITCAIN_ORDER = {
    "id": BITCAIN_ORDER_ID,
    "client_order_id": "my-order-0001",
    "portfolio_id": "6f1c2a4e-8d3b-4c57-9a0e-2b7d5e9f1a33",
    "symbol": "BTC/USD",
    "side": "buy",
    "type": "limit",
    "quantity": 0.01,
    "price": 65000.5,
    "stop_price": None,
    "time_in_force": "gtc",
    "expires_at": None,
    "reduce_only": False,
    "post_only": True,
    "status": "pending",
    "filled_quantity": 0,
    "average_fill_price": None,
    "trading_mode": "live",
    "exchange": "binanceus",
    "exchange_order_id": None,
    "source": "manual",
    "agent_id": None,
    "error_message": None,
    "created_at": "2025-01-15T10:30:00Z",
    "updated_at": "2025-01-15T10:30:00Z",
}
FASTAPI_422 = {
    "detail": [
        {
            "loc": ["query", "limit"],
            "msg": "Input should be less than or equal to 200",
            "type": "less_than_equal",
            "input": "500",
            "ctx": {"le": 200},
        }
    ]
}


def bitget_envelope(data: Any, code: str = "00000", msg: str = "success") -> dict[str, Any]:
    return {"code": code, "msg": msg, "requestTime": 1750496809890, "data": data}


BITGET_ORDER_IDS = {"orderId": "1320244799629316096", "clientOid": "spot-1750496809871"}
BITGET_ORDER_INFO = {
    "orderId": "1320244799629316096",
    "clientOid": "1320244799633510400",
    "category": "USDT-FUTURES",
    "symbol": "BTCUSDT",
    "orderType": "limit",
    "side": "buy",
    "price": "50000",
    "qty": "0.001",
    "amount": "0",
    "cumExecQty": "0",
    "cumExecValue": "0",
    "avgPrice": "0",
    "timeInForce": "gtc",
    "orderStatus": "live",
    "posSide": "long",
    "holdMode": "hedge_mode",
    "reduceOnly": "NO",
    "feeDetail": [{"feeCoin": "", "fee": ""}],
    "createdTime": "1750496809871",
    "updatedTime": "1750496809886",
    "cancelReason": "",
    "execType": "normal",
    "stpMode": "none",
    "tpTriggerBy": None,
}
BITGET_SIGN_ERROR = bitget_envelope(None, code="40009", msg="sign signature error")
BITGET_TOO_MANY = bitget_envelope(None, code="429", msg="Too Many Requests")

HB_TRADE_RESPONSE = {
    "order_id": "buy-BTC-USDT-1718000000000000",
    "account_name": "master_account",
    "connector_name": "binance",
    "trading_pair": "BTC-USDT",
    "trade_type": "BUY",
    "amount": "1",
    "order_type": "LIMIT",
    "price": "123",
    "status": "submitted",
}
HB_ORDER = {
    "order_id": "buy-BTC-USDT-1718000000000000",
    "account_name": "master_account",
    "connector_name": "binance",
    "trading_pair": "BTC-USDT",
    "trade_type": "BUY",
    "order_type": "LIMIT",
    "amount": 1,
    "price": 123,
    "status": "FILLED",
    "filled_amount": 1,
    "average_fill_price": 123,
    "fee_paid": 0.123,
    "fee_currency": "USDT",
    "created_at": "2024-06-10T06:13:20+00:00",
    "updated_at": "2024-06-10T06:14:02+00:00",
    "exchange_order_id": "28457123",
    "error_message": None,
}
HB_CURSOR = "2024-06-10T06:13:20+00:00|buy-BTC-USDT-1718000000000000"


def hb_page(
    orders: list[dict[str, Any]], next_cursor: str | None, total: int = 250
) -> dict[str, Any]:
    return {
        "data": orders,
        "pagination": {
            "limit": 100,
            "has_more": next_cursor is not None,
            "next_cursor": next_cursor,
            "total_count": total,
        },
    }


BTSE_PLACED = {"id": "6f1b5c2e-3d2a-4a8e-9f7b-0c1d2e3f4a5b"}
BTSE_FILLS = [
    {
        "amount": 0.01,
        "created_at": "2023-11-14 22:13:20",
        "fee": 0.15,
        "id": 123456789,
        "order_id": "6f1b5c2e-3d2a-4a8e-9f7b-0c1d2e3f4a5b",
        "price": 30000.5,
        "symbol": "BTC-USD",
        "side": "BUY",
        "tag": "",
        "trade_id": "89456123",
    }
]
BTSE_TICKER = {
    "ask": "31001",
    "bid": "30990",
    "price": "31000.5",
    "size": "0.012",
    "time": "2023-11-14 22:13:20",
    "volume": "1250.3341",
}


# --------------------------------------------------------------------------------------------
# Operations under test
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    cls: type
    call: Callable[..., Any]
    status: int
    body: Any
    bad_body: Any = None  # a 2xx body that violates the schema
    bad_field: str = ""  # a field the validation error must name


PLACE_ORDERS = {
    "bitria": Op(
        BitriaClient,
        lambda c, **kw: c.place_order(
            symbol="BTC-USDT",
            side="BUY",
            order_type="LIMIT",
            trade_type="SPOT",
            quantity=Decimal("0.01"),
            price=Decimal("65000.5"),
            **kw,
        ),
        202,
        BITRIA_ACCEPTED,
        bad_body={**BITRIA_ACCEPTED, "orderId": None},
        bad_field="orderId",
    ),
    "bitcain": Op(
        BitcainClient,
        lambda c, **kw: c.place_order(
            symbol="BTC/USD",
            side="buy",
            type="limit",
            quantity=Decimal("0.01"),
            price=Decimal("65000.5"),
            time_in_force="gtc",
            post_only=True,
            client_order_id="my-order-0001",
            **kw,
        ),
        200,
        BITCAIN_ORDER,
        bad_body={**BITCAIN_ORDER, "id": "not-a-uuid"},
        bad_field="id",
    ),
    "bitget": Op(
        BitgetClient,
        lambda c, **kw: c.place_order(
            category="SPOT",
            symbol="BTCUSDT",
            side="buy",
            order_type="limit",
            qty=Decimal("0.001"),
            price=Decimal("60000"),
            time_in_force="gtc",
            client_oid="spot-1750496809871",
            **kw,
        ),
        200,
        bitget_envelope(BITGET_ORDER_IDS),
        bad_body=bitget_envelope({"clientOid": "spot-1750496809871"}),
        bad_field="orderId",
    ),
    "hummingbot": Op(
        HummingbotClient,
        lambda c, **kw: c.place_order(
            account_name="master_account",
            connector_name="binance",
            trading_pair="BTC-USDT",
            trade_type="BUY",
            amount=Decimal("1"),
            order_type="LIMIT",
            price=Decimal("123"),
            position_action="OPEN",
            **kw,
        ),
        201,
        HB_TRADE_RESPONSE,
        bad_body={k: v for k, v in HB_TRADE_RESPONSE.items() if k != "order_id"},
        bad_field="order_id",
    ),
    "btse": Op(
        BtseClient,
        lambda c, **kw: c.place_order(
            symbol="BTC-USD",
            side="BUY",
            type="LIMIT",
            amount=Decimal("0.01"),
            price=Decimal("30000.5"),
            time_in_force="GTC",
            post_only=False,
            client_oid=1700000000001,
            **kw,
        ),
        200,
        BTSE_PLACED,
        bad_body={"id": ["6f1b5c2e"]},
        bad_field="id",
    ),
}

# Operations safe to repeat: GETs, and POSTs the spec marks x-idempotent.
SAFE_READS = {
    "bitria.get_order": Op(
        BitriaClient,
        lambda c, **kw: c.get_order(order_id="1789200345611", **kw),
        200,
        BITRIA_ORDER_DETAIL,
    ),
    "bitcain.get_order": Op(
        BitcainClient,
        lambda c, **kw: c.get_order(order_id=BITCAIN_ORDER_ID, **kw),
        200,
        BITCAIN_ORDER,
    ),
    "bitget.get_order": Op(
        BitgetClient,
        lambda c, **kw: c.get_order(order_id="1320244799629316096", **kw),
        200,
        bitget_envelope(BITGET_ORDER_INFO),
    ),
    "hummingbot.search_orders(POST, x-idempotent)": Op(
        HummingbotClient,
        lambda c, **kw: c.search_orders(
            account_names=["master_account"], status="FILLED", limit=100, **kw
        ),
        200,
        hb_page([HB_ORDER], None, total=1),
    ),
    "btse.list_fills(POST, x-idempotent)": Op(
        BtseClient, lambda c, **kw: c.list_fills(symbol="BTC-USD", limit=50, **kw), 200, BTSE_FILLS
    ),
    "btse.get_ticker": Op(
        BtseClient, lambda c, **kw: c.get_ticker(symbol="BTC-USD", **kw), 200, BTSE_TICKER
    ),
}

# Other operations that change state and are not marked idempotent: never retried after sending.
UNSAFE_WRITES = {
    "bitria.cancel_order(POST)": Op(
        BitriaClient,
        lambda c, **kw: c.cancel_order(order_id="1789200345611", **kw),
        200,
        {"orderId": "1789200345611", "status": "CANCELLED"},
    ),
    "bitcain.cancel_order(DELETE)": Op(
        BitcainClient,
        lambda c, **kw: c.cancel_order(order_id=BITCAIN_ORDER_ID, **kw),
        200,
        BITCAIN_ORDER,
    ),
    "bitcain.update_order(PATCH)": Op(
        BitcainClient,
        lambda c, **kw: c.update_order(
            order_id=BITCAIN_ORDER_ID, price=Decimal("64500"), quantity=Decimal("0.02"), **kw
        ),
        200,
        BITCAIN_ORDER,
    ),
    "bitcain.retry_order(POST)": Op(
        BitcainClient,
        lambda c, **kw: c.retry_order(order_id=BITCAIN_ORDER_ID, **kw),
        200,
        BITCAIN_ORDER,
    ),
    "bitget.cancel_order(POST)": Op(
        BitgetClient,
        lambda c, **kw: c.cancel_order(order_id="1234567890", **kw),
        200,
        bitget_envelope({"orderId": "1234567890", "clientOid": "my-order-001"}),
    ),
    "bitget.copy_futures_transfer(POST)": Op(
        BitgetClient,
        lambda c, **kw: c.copy_futures_transfer(
            coin="USDT", amount=Decimal("500"), type="in", **kw
        ),
        200,
        bitget_envelope({"transferId": "1320246611235696640"}),
    ),
    "hummingbot.cancel_order(POST)": Op(
        HummingbotClient,
        lambda c, **kw: c.cancel_order(
            account_name="master_account",
            connector_name="binance",
            client_order_id="buy-BTC-USDT-1718000000000000",
            **kw,
        ),
        200,
        {"message": "Order cancellation initiated for buy-BTC-USDT-1718000000000000"},
    ),
    "btse.cancel_order(POST)": Op(
        BtseClient,
        lambda c, **kw: c.cancel_order(
            order_id="6f1b5c2e-3d2a-4a8e-9f7b-0c1d2e3f4a5b", symbol="BTC-USD", **kw
        ),
        200,
        [{"code": 0, "data": {}, "msg": "", "success": True, "time": 1700000000000}],
    ),
}

# One retry-safe read per client, for tests that need any successful exchange.
READ_BY_CLIENT: dict[type, Op] = {}
for _op in SAFE_READS.values():
    READ_BY_CLIENT.setdefault(_op.cls, _op)


def assert_no_secret(text: str, cls: type) -> None:
    for secret in secrets_of(cls):
        assert secret not in text, f"credential {secret!r} leaked into {text!r}"


# ============================================================================================
# URLs
# ============================================================================================


# Paged answers


def bitria_orders(count: int) -> list[dict[str, Any]]:
    return [{**BITRIA_ORDER, "orderId": str(1789200345611 + i)} for i in range(count)]


class BitcainOffsets:
    """GET /api/v1/orders over `orders`, limit/offset style (server default limit 50)."""

    def __init__(self, count: int) -> None:
        self.orders = [
            {
                **BITCAIN_ORDER,
                "id": f"497f6eca-6276-4993-bfeb-53cbbbba{i:04d}",
                "client_order_id": f"my-order-{i:04d}",
            }
            for i in range(count)
        ]
        self.queries: list[dict[str, list[str]]] = []

    def __call__(self, server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        query = parse_qs(request.url.query.decode())
        self.queries.append(query)
        limit = int(query.get("limit", ["50"])[0])
        offset = int(query.get("offset", ["0"])[0])
        chunk = self.orders[offset : offset + limit]
        return httpx.Response(
            200,
            json={
                "orders": chunk,
                "total": len(self.orders),
                "limit": limit,
                "offset": offset,
                "next_cursor": None,
            },
        )


def hb_orders(start: int, count: int) -> list[dict[str, Any]]:
    return [
        {**HB_ORDER, "order_id": f"buy-BTC-USDT-17180000000{start + i:05d}"} for i in range(count)
    ]

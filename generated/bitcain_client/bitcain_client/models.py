"""Pydantic models of bitcain orders API, generated from bitcain.yaml."""

from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, ConfigDict, Field

from bitcain_client._types import DecimalNumber, DecimalString, Model


class GetOrderHistoryQuery(Model):
    start_date: AwareDatetime | None = None
    end_date: AwareDatetime | None = None
    order_status: str | None = None
    limit: Annotated[int, Field(ge=1, le=500)] = 100


class HttpError(Model):
    """
    FastAPI's error body for errors other than validation (`HTTPException`).
    """

    detail: str
    """
    Error message.
    """


class ListOrdersQuery(Model):
    portfolio_id: UUID | None = None
    order_status: str | None = None
    symbol: str | None = None
    start_date: AwareDatetime | None = None
    end_date: AwareDatetime | None = None
    limit: Annotated[int, Field(ge=1, le=200)] = 50
    offset: Annotated[int, Field(ge=0)] = 0
    cursor: str | None = None


class Order(Model):
    """
    An order.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    id: UUID
    """
    Order id.
    """
    client_order_id: str | None = None
    """
    Your own id for the order.
    """
    portfolio_id: UUID | None = None
    """
    Portfolio the order belongs to.
    """
    symbol: str
    """
    Trading symbol.
    """
    side: Literal["buy", "sell"]
    """
    Trade type enumeration.
    """
    type: Literal[
        "market",
        "limit",
        "stop_loss",
        "take_profit",
        "stop_limit",
        "trailing_stop",
        "iceberg",
        "oco",
    ]
    """
    Order type enumeration.
    """
    quantity: DecimalNumber
    """
    Ordered quantity.
    """
    price: DecimalNumber | None = None
    """
    Limit price.
    """
    stop_price: DecimalNumber | None = None
    """
    Stop (trigger) price.
    """
    time_in_force: Literal["gtc", "ioc", "fok", "gtt"] | None = None
    """
    Time in force enumeration.
    """
    expires_at: AwareDatetime | None = None
    """
    Expiry time.
    """
    reduce_only: bool | None = None
    """
    Only reduces an existing position.
    """
    post_only: bool | None = None
    """
    Maker only.
    """
    status: str
    """
    Order status (e.g. `pending`, `open`, `filled`, `cancelled`).
    """
    filled_quantity: DecimalNumber | None = None
    """
    Quantity filled so far.
    """
    average_fill_price: DecimalNumber | None = None
    """
    Average fill price.
    """
    trading_mode: Literal["paper", "live"] | None = None
    """
    Trading mode: paper (simulated) or live.
    """
    exchange: str | None = None
    """
    Exchange the order is routed to.
    """
    exchange_order_id: str | None = None
    """
    The exchange's id for the order, once routed.
    """
    source: Literal["manual", "agent", "strategy"] | None = None
    """
    Order source enumeration.
    """
    agent_id: UUID | None = None
    """
    AI agent UUID (if source is 'agent').
    """
    error_message: str | None = None
    """
    Why the order failed (a failed order can be retried).
    """
    created_at: AwareDatetime
    """
    Creation time.
    """
    updated_at: AwareDatetime | None = None
    """
    Last update time.
    """


class OrderCreate(Model):
    """
    Order to create.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    symbol: Annotated[str, Field(max_length=20)]
    """
    Trading symbol.
    """
    side: Literal["buy", "sell"]
    """
    Trade type enumeration.
    """
    type: Literal[
        "market",
        "limit",
        "stop_loss",
        "take_profit",
        "stop_limit",
        "trailing_stop",
        "iceberg",
        "oco",
    ]
    """
    Order type enumeration.
    """
    quantity: DecimalString
    """
    Order quantity: a JSON number or a decimal string (the string keeps every digit).
    """
    price: DecimalString | None = None
    """
    Limit price: a JSON number or a decimal string (the string keeps every digit).
    """
    portfolio_id: UUID | None = None
    """
    Portfolio the order belongs to.
    """
    stop_price: DecimalString | None = None
    """
    Stop (trigger) price: a JSON number or a decimal string (the string keeps every digit).
    """
    time_in_force: Literal["gtc", "ioc", "fok", "gtt"] = "gtc"
    """
    Time in force enumeration.
    """
    expires_at: AwareDatetime | None = None
    """
    Expiry time (for `gtt` orders).
    """
    reduce_only: bool = False
    """
    Only reduce an existing position.
    """
    post_only: bool = False
    """
    Only add liquidity (maker only).
    """
    client_order_id: str | None = None
    """
    Your own id for the order.
    """
    source: Literal["manual", "agent", "strategy"] = "manual"
    """
    Order source enumeration.
    """
    agent_id: UUID | None = None
    """
    AI agent UUID (if source is 'agent').
    """


class OrderHistory(Model):
    """
    Order history.
    """

    orders: list[Order]
    total: int | None = None
    """
    Number of orders returned.
    """


class OrderList(Model):
    """
    One page of orders.
    """

    orders: list[Order]
    total: int | None = None
    """
    Number of orders matching the filters, over all pages.
    """
    limit: int | None = None
    """
    Page size used.
    """
    offset: int | None = None
    """
    Offset used.
    """
    next_cursor: str | None = None
    """
    Cursor of the next page; null on the last page.
    """


class OrderUpdate(Model):
    """
    Fields to change; every field is optional.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    quantity: DecimalString | None = None
    """
    New quantity: a JSON number or a decimal string (the string keeps every digit).
    """
    price: DecimalString | None = None
    """
    New limit price: a JSON number or a decimal string (the string keeps every digit).
    """
    stop_price: DecimalString | None = None
    """
    New stop (trigger) price: a JSON number or a decimal string (the string keeps every digit).
    """
    time_in_force: Literal["gtc", "ioc", "fok", "gtt"] | None = None
    """
    New time in force.
    """
    expires_at: AwareDatetime | None = None
    """
    New expiry time.
    """
    status: str | None = None
    """
    New status (e.g. `cancelled`).
    """


class PlaceOrderQuery(Model):
    trading_mode: Literal["paper", "live"] = "live"
    """
    Trading mode: paper (simulated) or live.
    """
    exchange: str = "binanceus"
    source: Literal["manual", "agent", "strategy"] = "manual"
    """
    Order source enumeration.
    """
    agent_id: UUID | None = None


class ValidationError(Model):
    """
    One validation failure.
    """

    loc: list[str | int]
    """
    Where the failure is (`body`, `query`, `path`, then field names or indexes).
    """
    msg: str
    """
    Message.
    """
    type: str
    """
    Error type.
    """
    input: Any | None = None
    """
    The input that failed.
    """
    ctx: dict[str, Any] | None = None
    """
    Context of the failure (e.g. the bound that was crossed).
    """


class HttpValidationError(Model):
    """
    Validation error (FastAPI, 422).
    """

    detail: list[ValidationError] | None = None

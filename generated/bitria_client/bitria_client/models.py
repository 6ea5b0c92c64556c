"""Pydantic models of Bitria External API, generated from bitria.yaml."""

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from bitria_client._types import DecimalNumber, Model


class Balance(Model):
    """
    Balance of one coin in one account type.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    coin: str
    """
    Coin (e.g. USDT).
    """
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"], Field(alias="tradeType")]
    """
    Market type.
    """
    available: DecimalNumber
    """
    Amount available for trading or withdrawal.
    """
    frozen: DecimalNumber
    """
    Amount locked in open orders or positions.
    """
    total: DecimalNumber
    """
    available + frozen.
    """


class BalanceList(Model):
    """
    Balances of the requested account type.
    """

    data: list[Balance]


class CancelResult(Model):
    """
    Answer to a cancel.
    """

    order_id: Annotated[str, Field(alias="orderId")]
    """
    Cancelled order ID.
    """
    status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"]
    """
    Order status.
    """


class Error(Model):
    """
    Error body. `code` may be a number or a string.
    """

    code: int | str
    """
    The API's own error code (often the HTTP status).
    """
    message: str
    """
    Human-readable error message.
    """


class Fill(Model):
    """
    One fill (trade execution) of an order.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    fill_id: Annotated[str, Field(alias="fillId")]
    """
    Fill ID.
    """
    order_id: Annotated[str, Field(alias="orderId")]
    """
    Order this fill belongs to.
    """
    symbol: str
    """
    Trading pair.
    """
    side: Literal["BUY", "SELL"]
    """
    Order side.
    """
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"] | None, Field(alias="tradeType")] = (
        None
    )
    """
    Market type.
    """
    price: DecimalNumber
    """
    Execution price.
    """
    quantity: DecimalNumber
    """
    Executed quantity.
    """
    fee: DecimalNumber | None = None
    """
    Fee charged.
    """
    fee_coin: Annotated[str | None, Field(alias="feeCoin")] = None
    """
    Coin the fee is charged in.
    """
    time: int
    """
    Execution time (Unix milliseconds).
    """


class FillList(Model):
    """
    One page of fills.
    """

    data: list[Fill]
    page: int
    """
    This page's number.
    """
    limit: int
    """
    Page size.
    """
    total: int
    """
    Number of fills matching the filters, over all pages.
    """


class GetAccountsQuery(Model):
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"], Field(alias="tradeType")]
    """
    Market type.
    """
    coin: str | None = None


class GetPositionsQuery(Model):
    trade_type: Annotated[Literal["FUTURES", "MARGIN"] | None, Field(alias="tradeType")] = None
    """
    Market type of a position (positions exist on FUTURES and MARGIN only).
    """
    symbol: str | None = None


class ListFillsQuery(Model):
    symbol: str | None = None
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"] | None, Field(alias="tradeType")] = (
        None
    )
    """
    Market type.
    """
    order_id: Annotated[str | None, Field(alias="orderId")] = None
    start_time: Annotated[int | None, Field(alias="startTime")] = None
    end_time: Annotated[int | None, Field(alias="endTime")] = None
    page: Annotated[int, Field(ge=1)] = 1
    limit: Annotated[int, Field(ge=1, le=100)] = 20


class ListOrdersQuery(Model):
    symbol: str | None = None
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"] | None, Field(alias="tradeType")] = (
        None
    )
    """
    Market type.
    """
    status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"] | None = None
    """
    Order status.
    """
    page: Annotated[int, Field(ge=1)] = 1
    limit: Annotated[int, Field(ge=1, le=100)] = 20


class Order(Model):
    """
    An order.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    order_id: Annotated[str, Field(alias="orderId")]
    """
    Order ID.
    """
    symbol: str
    """
    Trading pair.
    """
    side: Literal["BUY", "SELL"]
    """
    Order side.
    """
    order_type: Annotated[Literal["MARKET", "LIMIT"], Field(alias="orderType")]
    """
    Order type.
    """
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"], Field(alias="tradeType")]
    """
    Market type.
    """
    status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"]
    """
    Order status.
    """
    quantity: DecimalNumber | None = None
    """
    Ordered quantity (MARKET SELL and LIMIT orders).
    """
    price: DecimalNumber | None = None
    """
    Limit price (LIMIT orders).
    """
    funds: DecimalNumber | None = None
    """
    Order amount in USDT (MARKET BUY orders).
    """
    leverage: Annotated[int | None, Field(ge=1, le=125)] = None
    """
    Leverage (FUTURES).
    """
    margin_mode: Annotated[Literal["CROSS", "ISOLATED"] | None, Field(alias="marginMode")] = None
    """
    Margin mode (FUTURES); null otherwise.
    """
    filled_quantity: Annotated[DecimalNumber | None, Field(alias="filledQuantity")] = None
    """
    Quantity filled so far.
    """
    avg_price: Annotated[DecimalNumber | None, Field(alias="avgPrice")] = None
    """
    Average fill price; null before the first fill.
    """
    created_at: Annotated[int | None, Field(alias="createdAt")] = None
    """
    Creation time (Unix milliseconds).
    """
    updated_at: Annotated[int | None, Field(alias="updatedAt")] = None
    """
    Last update time (Unix milliseconds).
    """


class OrderAccepted(Model):
    """
    Answer to an accepted order (202).
    """

    order_id: Annotated[str, Field(alias="orderId")]
    """
    Order ID assigned by Bitria.
    """
    symbol: str | None = None
    """
    Trading pair.
    """
    side: Literal["BUY", "SELL"] | None = None
    """
    Order side.
    """
    order_type: Annotated[Literal["MARKET", "LIMIT"] | None, Field(alias="orderType")] = None
    """
    Order type.
    """
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"] | None, Field(alias="tradeType")] = (
        None
    )
    """
    Market type.
    """
    status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"]
    """
    Order status.
    """
    created_at: Annotated[int | None, Field(alias="createdAt")] = None
    """
    Creation time (Unix milliseconds).
    """


class OrderDetail(Order):
    """
    An order with its fills.
    """

    fills: list[Fill]
    """
    Fills of this order, oldest first.
    """


class OrderList(Model):
    """
    One page of orders.
    """

    data: list[Order]
    page: int
    """
    This page's number.
    """
    limit: int
    """
    Page size.
    """
    total: int
    """
    Number of orders matching the filters, over all pages.
    """


class PlaceOrderRequest(Model):
    """
    Order to place. LIMIT orders need `quantity` and `price`; MARKET SELL orders need
    `quantity`; MARKET BUY orders need `funds` (USDT). The API checks these combinations
    (400 Invalid parameters).

    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    symbol: str
    """
    Trading pair (e.g. BTC-USDT).
    """
    side: Literal["BUY", "SELL"]
    """
    Order side.
    """
    order_type: Annotated[Literal["MARKET", "LIMIT"], Field(alias="orderType")]
    """
    Order type.
    """
    trade_type: Annotated[Literal["SPOT", "FUTURES", "MARGIN"], Field(alias="tradeType")]
    """
    Market type.
    """
    quantity: DecimalNumber | None = None
    """
    Quantity, in the base coin, for MARKET SELL or LIMIT orders.
    """
    price: DecimalNumber | None = None
    """
    Price for LIMIT orders.
    """
    funds: DecimalNumber | None = None
    """
    Order amount in USDT for MARKET BUY orders.
    """
    leverage: Annotated[int | None, Field(ge=1, le=125)] = None
    """
    Leverage for FUTURES (1-125).
    """
    margin_mode: Annotated[Literal["CROSS", "ISOLATED"] | None, Field(alias="marginMode")] = None
    """
    Margin mode (FUTURES only).
    """


class Position(Model):
    """
    An open position.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    symbol: str
    """
    Trading pair.
    """
    trade_type: Annotated[Literal["FUTURES", "MARGIN"], Field(alias="tradeType")]
    """
    Market type of a position (positions exist on FUTURES and MARGIN only).
    """
    side: Literal["LONG", "SHORT"]
    """
    Position direction.
    """
    quantity: DecimalNumber
    """
    Position size, in the base coin.
    """
    entry_price: Annotated[DecimalNumber | None, Field(alias="entryPrice")] = None
    """
    Average entry price.
    """
    mark_price: Annotated[DecimalNumber | None, Field(alias="markPrice")] = None
    """
    Current mark price.
    """
    unrealized_pnl: Annotated[DecimalNumber | None, Field(alias="unrealizedPnl")] = None
    """
    Unrealized profit and loss, in USDT.
    """
    leverage: Annotated[int | None, Field(ge=1, le=125)] = None
    """
    Leverage (FUTURES).
    """
    margin_mode: Annotated[Literal["CROSS", "ISOLATED"] | None, Field(alias="marginMode")] = None
    """
    Margin mode (FUTURES); null otherwise.
    """
    liquidation_price: Annotated[DecimalNumber | None, Field(alias="liquidationPrice")] = None
    """
    Estimated liquidation price.
    """


class PositionList(Model):
    """
    Open positions (not paged).
    """

    data: list[Position]

"""Pydantic models of Hummingbot API, generated from hummingbot.yaml."""

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, ConfigDict, Field

from hummingbot_client._types import DecimalNumber, DecimalString, Model


class ActiveOrderFilterRequest(Model):
    """
    Filters for active orders; every field is optional.
    """

    account_names: list[str] | None = None
    """
    List of account names to filter by (all accounts when null).
    """
    connector_names: list[str] | None = None
    """
    List of connector names to filter by (all connectors when null).
    """
    trading_pairs: list[str] | None = None
    """
    List of trading pairs to filter by.
    """
    limit: Annotated[int, Field(ge=1, le=1000)] = 100
    """
    Number of items per page (1-1000, default 100).
    """
    cursor: str | None = None
    """
    Cursor for the next page: the `pagination.next_cursor` of the previous answer, passed
    back unchanged. Null (or absent) for the first page.

    """


class CancelOrderResponse(Model):
    """
    Answer to a cancel.
    """

    message: str
    """
    `Order cancellation initiated for <client_order_id>`.
    """


class HttpError(Model):
    """
    FastAPI's error body for errors other than validation.
    """

    detail: str
    """
    Error message.
    """


class HummingbotOrder(Model):
    """
    An order as listed by active orders and order search.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    order_id: str
    """
    Client order id.
    """
    account_name: str
    """
    Account name.
    """
    connector_name: str
    """
    Connector name.
    """
    trading_pair: str
    """
    Trading pair.
    """
    trade_type: str
    """
    BUY or SELL.
    """
    order_type: str
    """
    LIMIT, MARKET or LIMIT_MAKER.
    """
    amount: DecimalNumber
    """
    Order amount.
    """
    price: DecimalNumber | None = None
    """
    Order price.
    """
    status: str
    """
    SUBMITTED, OPEN, PENDING_CANCEL, CANCELLED, PARTIALLY_FILLED, FILLED or FAILED.
    """
    filled_amount: DecimalNumber | None = None
    """
    Amount filled so far.
    """
    average_fill_price: DecimalNumber | None = None
    """
    Average fill price.
    """
    fee_paid: DecimalNumber | None = None
    """
    Fees paid (quote asset).
    """
    fee_currency: str | None = None
    """
    Currency of the fee.
    """
    created_at: AwareDatetime | None = None
    """
    Creation time (ISO 8601).
    """
    updated_at: AwareDatetime | None = None
    """
    Last update time (ISO 8601).
    """
    exchange_order_id: str | None = None
    """
    The exchange's id for the order.
    """
    error_message: str | None = None
    """
    Why the order failed.
    """


class HummingbotPosition(Model):
    """
    A perpetual position.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    account_name: str | None = None
    """
    Account holding the position.
    """
    connector_name: str | None = None
    """
    Perpetual connector.
    """
    trading_pair: str | None = None
    """
    Trading pair.
    """
    side: str | None = None
    """
    Position side (LONG or SHORT).
    """
    amount: DecimalNumber | None = None
    """
    Position size.
    """
    entry_price: DecimalNumber | None = None
    """
    Entry price.
    """
    unrealized_pnl: DecimalNumber | None = None
    """
    Unrealized profit and loss.
    """
    leverage: DecimalNumber | None = None
    """
    Leverage.
    """


class HummingbotTrade(Model):
    """
    A trade (fill).
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    trade_id: str | None = None
    """
    Trade id.
    """
    order_id: str | None = None
    """
    Client order id of the order filled.
    """
    account_name: str | None = None
    """
    Account name.
    """
    connector_name: str | None = None
    """
    Connector name.
    """
    trading_pair: str | None = None
    """
    Trading pair.
    """
    trade_type: str | None = None
    """
    BUY or SELL.
    """
    amount: DecimalNumber | None = None
    """
    Filled amount.
    """
    price: DecimalNumber | None = None
    """
    Fill price.
    """
    fee: DecimalNumber | None = None
    """
    Fee paid.
    """
    timestamp: int | str | None = None
    """
    Fill time (Unix milliseconds; some server versions send an ISO 8601 string).
    """


class OrderFilterRequest(Model):
    """
    Filters for the order search; every field is optional.
    """

    account_names: list[str] | None = None
    """
    List of account names to filter by (all accounts when null).
    """
    connector_names: list[str] | None = None
    """
    List of connector names to filter by.
    """
    trading_pairs: list[str] | None = None
    """
    List of trading pairs to filter by.
    """
    status: str | None = None
    """
    Order status filter (e.g. OPEN, FILLED, CANCELLED, FAILED).
    """
    start_time: int | None = None
    """
    Start time as Unix timestamp in milliseconds.
    """
    end_time: int | None = None
    """
    End time as Unix timestamp in milliseconds.
    """
    limit: Annotated[int, Field(ge=1, le=1000)] = 100
    """
    Number of items per page (1-1000, default 100).
    """
    cursor: str | None = None
    """
    Cursor for the next page: the `pagination.next_cursor` of the previous answer, passed
    back unchanged. Null (or absent) for the first page.

    """


class Pagination(Model):
    """
    Pagination metadata of a list answer.
    """

    limit: int
    """
    Page size used.
    """
    has_more: bool
    """
    Whether more items follow this page.
    """
    next_cursor: str | None
    """
    Pass back as `cursor` for the next page; null on the last page.
    """
    total_count: int
    """
    Number of items matching the filters.
    """


class PositionFilterRequest(Model):
    """
    Filters for positions; every field is optional.
    """

    account_names: list[str] | None = None
    """
    List of account names to filter by (all accounts when null).
    """
    connector_names: list[str] | None = None
    """
    List of connector names to filter by (all perpetual connectors when null).
    """
    limit: Annotated[int, Field(ge=1, le=1000)] = 100
    """
    Number of items per page (1-1000, default 100).
    """
    cursor: str | None = None
    """
    Cursor for the next page: the `pagination.next_cursor` of the previous answer, passed
    back unchanged. Null (or absent) for the first page.

    """


class PositionPage(Model):
    """
    One page of positions.
    """

    data: list[HummingbotPosition]
    pagination: Pagination


class TradeFilterRequest(Model):
    """
    Filters for the trade history; every field is optional.
    """

    account_names: list[str] | None = None
    """
    List of account names to filter by (all accounts when null).
    """
    connector_names: list[str] | None = None
    """
    List of connector names to filter by.
    """
    trading_pairs: list[str] | None = None
    """
    List of trading pairs to filter by.
    """
    trade_types: list[Literal["BUY", "SELL"]] | None = None
    """
    List of trade types to filter by (BUY/SELL).
    """
    start_time: int | None = None
    """
    Start time as Unix timestamp in milliseconds.
    """
    end_time: int | None = None
    """
    End time as Unix timestamp in milliseconds.
    """
    limit: Annotated[int, Field(ge=1, le=1000)] = 100
    """
    Number of items per page (1-1000, default 100).
    """
    cursor: str | None = None
    """
    Cursor for the next page: the `pagination.next_cursor` of the previous answer, passed
    back unchanged. Null (or absent) for the first page.

    """


class TradePage(Model):
    """
    One page of trades.
    """

    data: list[HummingbotTrade]
    pagination: Pagination


class TradeRequest(Model):
    """
    Request model for placing trades.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    account_name: str
    """
    Name of the account to trade with.
    """
    connector_name: str
    """
    Name of the connector/exchange.
    """
    trading_pair: str
    """
    Trading pair (e.g., BTC-USDT).
    """
    trade_type: Literal["BUY", "SELL"]
    """
    Whether to buy or sell.
    """
    amount: Annotated[DecimalString, Field(gt=0)]
    """
    Amount to trade (in the base asset); must be greater than 0. A JSON number or a
    decimal string; the string keeps every digit.

    """
    order_type: Literal["LIMIT", "MARKET", "LIMIT_MAKER"] = "LIMIT"
    """
    Type of order.
    """
    price: DecimalString | None = None
    """
    Price for limit orders (LIMIT and LIMIT_MAKER); null for MARKET orders. A JSON number
    or a decimal string; the string keeps every digit.

    """
    position_action: Literal["OPEN", "CLOSE"] = "OPEN"
    """
    Position action for perpetual contracts (OPEN/CLOSE).
    """


class TradeResponse(Model):
    """
    Response model for trade execution.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    order_id: str
    """
    Client order ID assigned by the connector.
    """
    account_name: str
    """
    Account used for the trade.
    """
    connector_name: str
    """
    Connector used for the trade.
    """
    trading_pair: str
    """
    Trading pair.
    """
    trade_type: str
    """
    Trade type (BUY or SELL, as sent).
    """
    amount: DecimalString
    """
    Trade amount (decimal string).
    """
    order_type: str
    """
    Order type (LIMIT, MARKET or LIMIT_MAKER, as sent).
    """
    price: DecimalString | None
    """
    Order price (decimal string); null for MARKET orders sent without a price.
    """
    status: str = "submitted"
    """
    Order status ("submitted" when the order has been handed to the connector).
    """


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


class OrderPage(Model):
    """
    One page of orders.
    """

    data: list[HummingbotOrder]
    pagination: Pagination

"""Pydantic models of BTSE Spot API, generated from btse.yaml."""

from typing import Annotated, Any

from pydantic import ConfigDict, Field

from btse_client._types import DecimalNumber, DecimalString, Model


class ApiAccountModel(Model):
    """
    Balance of one currency.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    available: DecimalString | None = None
    """
    Available balance.
    """
    currency: str | None = None
    """
    Currency, e.g. `BTC`.
    """
    total: DecimalString | None = None
    """
    Total balance (available plus in use).
    """


class ApiOrderModel(Model):
    """
    An order to place. `id`, `status` and `created_at` are set by BTSE and normally left
    out.

    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    amount: DecimalNumber | None = None
    """
    Order amount (size), a JSON number kept exact.
    """
    client_oid: int | None = None
    """
    Client order id, an integer.
    """
    created_at: int | None = None
    """
    Creation time; set by BTSE, normally left out.
    """
    funds: DecimalNumber | None = None
    """
    Funds to use, in quote currency.
    """
    id: str | None = None
    """
    Order id; set by BTSE, normally left out.
    """
    post_only: bool | None = None
    """
    Maker only; the order is rejected if it would take liquidity.
    """
    price: DecimalNumber | None = None
    """
    Limit price, a JSON number kept exact.
    """
    symbol: str | None = None
    """
    Market symbol, e.g. `BTC-USD`.
    """
    side: str | None = None
    """
    Order side, e.g. `BUY` or `SELL`.
    """
    status: str | None = None
    """
    Order status; set by BTSE, normally left out.
    """
    stop: str | None = None
    """
    Stop order type.
    """
    stop_price: DecimalNumber | None = None
    """
    Stop trigger price, a JSON number kept exact.
    """
    stp: str | None = None
    """
    Self-trade prevention mode.
    """
    tag: str | None = None
    """
    Free-form tag attached to the order.
    """
    time_in_force: str | None = None
    """
    Time in force, e.g. `GTC`.
    """
    type: str | None = None
    """
    Order type, e.g. `LIMIT`.
    """


class CancelOrderModel(Model):
    """
    The order to cancel.
    """

    coin_name: str | None = None
    """
    Coin name.
    """
    order_id: str | None = None
    """
    Id of the order to cancel.
    """
    symbol: str | None = None
    """
    Market symbol of the order, e.g. `BTC-USD`.
    """


class ErrorResponse(Model):
    """
    Error body of every 400, 401, 403, 500 and 503 answer.
    """

    code: int | None = None
    """
    HTTP-level code.
    """
    error_code: Annotated[int | None, Field(alias="errorCode")] = None
    """
    BTSE's own error code.
    """
    message: str | None = None
    """
    Error message.
    """


class FillModel(Model):
    """
    One fill (execution) of one of your orders.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    amount: DecimalNumber | None = None
    """
    Filled amount.
    """
    created_at: str | None = None
    """
    Fill time, `yyyy-MM-dd HH:mm:ss`.
    """
    fee: DecimalNumber | None = None
    """
    Fee charged.
    """
    id: int | None = None
    """
    Fill id.
    """
    order_id: str | None = None
    """
    Id of the order that filled.
    """
    price: DecimalNumber | None = None
    """
    Fill price.
    """
    symbol: str | None = None
    """
    Market symbol.
    """
    side: str | None = None
    """
    Side of the fill.
    """
    tag: str | None = None
    """
    Tag of the order.
    """
    trade_id: str | None = None
    """
    Trade id.
    """


class FillQueryModel(Model):
    """
    Filters for the fills to return; all optional.
    """

    after: int | None = None
    """
    Lower bound of the fills to return (an int64).
    """
    before: int | None = None
    """
    Upper bound of the fills to return (an int64).
    """
    limit: int | None = None
    """
    Maximum number of fills to return.
    """
    order_id: str | None = None
    """
    Only fills of this order.
    """
    symbol: str | None = None
    """
    Only fills of this market, e.g. `BTC-USD`.
    """
    username: str | None = None
    """
    Account username.
    """


class Hour24Stats(Model):
    """
    Statistics over the past 24 hours.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    close: DecimalString | None = None
    """
    Close (latest) price.
    """
    high: DecimalString | None = None
    """
    Highest price.
    """
    low: DecimalString | None = None
    """
    Lowest price.
    """
    open: DecimalString | None = None
    """
    Open price 24 hours ago.
    """
    time: str | None = None
    """
    Time of the statistics, as a string.
    """
    volume: DecimalString | None = None
    """
    Volume.
    """


class MarketModel(Model):
    """
    One market and its size and price limits.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    base_currency: str | None = None
    """
    Base currency, e.g. `BTC`.
    """
    base_increment_size: DecimalNumber | None = None
    """
    Order size step, in base currency.
    """
    base_max_size: DecimalNumber | None = None
    """
    Maximum order size, in base currency.
    """
    base_min_size: DecimalNumber | None = None
    """
    Minimum order size, in base currency.
    """
    id: str | None = None
    """
    Market symbol, e.g. `BTC-USD`.
    """
    quote_currency: str | None = None
    """
    Quote currency, e.g. `USD`.
    """
    quote_increment: DecimalNumber | None = None
    """
    Price step (tick size), in quote currency.
    """
    quote_min_price: DecimalNumber | None = None
    """
    Minimum price, in quote currency.
    """
    status: str | None = None
    """
    Market status, e.g. `active`.
    """


class MarketSummary(Model):
    """
    Best bid/ask, 24-hour price movement and volume of one market.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    high24hr: DecimalString | None = None
    """
    Highest price over the last 24 hours.
    """
    highest_bid: DecimalString | None = None
    """
    Best (highest) bid.
    """
    last: DecimalString | None = None
    """
    Last traded price.
    """
    low24hr: DecimalString | None = None
    """
    Lowest price over the last 24 hours.
    """
    lowest_ask: DecimalString | None = None
    """
    Best (lowest) ask.
    """
    percent_change: DecimalString | None = None
    """
    Price change over the last 24 hours, in percent.
    """
    volume: DecimalString | None = None
    """
    Volume over the last 24 hours.
    """


class PendingOrderModel(Model):
    """
    One pending (open) order.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    amount: DecimalNumber | None = None
    """
    Order amount.
    """
    created_at: str | None = None
    """
    Creation time.
    """
    id: str | None = None
    """
    Order id.
    """
    price: DecimalNumber | None = None
    """
    Order price.
    """
    symbol: str | None = None
    """
    Market symbol.
    """
    side: int | None = None
    """
    Order side as a numeric code.
    """
    status: str | None = None
    """
    Order status.
    """
    tag: str | None = None
    """
    Tag attached to the order.
    """
    type: int | None = None
    """
    Order type as a numeric code.
    """


class PlaceOrderResponse(Model):
    id: str | None = None
    """
    Id of the new order.
    """


class Quote(Model):
    """
    One order-book level.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    price: DecimalString | None = None
    """
    Price of the level.
    """
    size: DecimalString | None = None
    """
    Size at the level.
    """


class ReturnResult(Model):
    """
    Result of one cancel.
    """

    code: int | None = None
    """
    Result code.
    """
    data: dict[str, Any] | None = None
    """
    Result payload, an object (or `null`).
    """
    msg: str | None = None
    """
    Result message.
    """
    success: bool | None = None
    """
    Whether the cancel succeeded.
    """
    time: int | None = None
    """
    Time of the result (epoch).
    """


class ServerTime(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    iso: str | None = None
    """
    Date timestamp (ISO 8601).
    """
    epoch: DecimalNumber | None = None
    """
    Long timestamp (epoch).
    """


class TickerModel(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    ask: DecimalString | None = None
    """
    Best ask.
    """
    bid: DecimalString | None = None
    """
    Best bid.
    """
    price: DecimalString | None = None
    """
    Last traded price.
    """
    size: DecimalString | None = None
    """
    Size of the last trade.
    """
    time: str | None = None
    """
    Time of the last trade, as a string.
    """
    volume: DecimalString | None = None
    """
    24-hour volume.
    """


class TradeModel(Model):
    """
    One public trade.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    amount: DecimalNumber | None = None
    """
    Traded amount.
    """
    price: DecimalNumber | None = None
    """
    Trade price.
    """
    serial_id: str | None = None
    """
    Trade serial id.
    """
    symbol: str | None = None
    """
    Market symbol.
    """
    time: str | None = None
    """
    Trade time, as a string.
    """
    type: str | None = None
    """
    Trade type / taker side, e.g. `BUY` or `SELL`.
    """


class OrderBookResponse(Model):
    buy_quote: Annotated[list[Quote] | None, Field(alias="buyQuote")] = None
    """
    Bid levels.
    """
    sell_quote: Annotated[list[Quote] | None, Field(alias="sellQuote")] = None
    """
    Ask levels.
    """
    symbol: str | None = None
    """
    Market symbol.
    """
    timestamp: int | None = None
    """
    Time of the snapshot (epoch).
    """

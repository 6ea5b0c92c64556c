"""Pydantic models of Bitget V3 / UTA trading API, generated from bitget.yaml."""

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from bitget_client._types import DecimalString, Model


class BatchModifyOrderItem(Model):
    """
    One order to modify, targeted by `orderId` or `clientOid`.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    order_id: Annotated[str | None, Field(alias="orderId")] = None
    """
    Bitget order ID to modify.
    """
    client_oid: Annotated[str | None, Field(alias="clientOid")] = None
    """
    Client order ID to modify.
    """
    qty: DecimalString | None = None
    """
    New quantity for the order.
    """
    price: DecimalString | None = None
    """
    New limit price for the order.
    """
    auto_cancel: Annotated[Literal["yes", "no"] | None, Field(alias="autoCancel")] = None
    """
    Whether to auto-cancel the order (if the modification fails).
    """


class BatchModifyOrdersHeaders(Model):
    paptrading: Literal["1"] | None = None


class CancelAllOrdersHeaders(Model):
    paptrading: Literal["1"] | None = None


class CancelAllOrdersRequest(Model):
    category: Literal["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"]
    """
    Market category.
    """
    symbol: str | None = None
    """
    Optional symbol filter. Cancels all open orders in the category if omitted.
    """


class CancelBatchOrderItem(Model):
    """
    One order to cancel. Requires `category` and `symbol` plus either `orderId` or `clientOid`.
    """

    category: Literal["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"]
    """
    Market category.
    """
    symbol: Annotated[str, Field(min_length=1)]
    """
    Trading symbol of the order.
    """
    order_id: Annotated[str | None, Field(alias="orderId")] = None
    """
    Bitget order ID.
    """
    client_oid: Annotated[str | None, Field(alias="clientOid")] = None
    """
    Client order ID.
    """


class CancelBatchOrdersHeaders(Model):
    paptrading: Literal["1"] | None = None


class CancelBatchResult(Model):
    """
    Result for one entry of a batch cancel; `code` and `msg` say why an entry failed.
    """

    order_id: Annotated[str, Field(alias="orderId")]
    """
    Bitget-assigned order ID.
    """
    client_oid: Annotated[str, Field(alias="clientOid")]
    """
    Client-assigned order ID.
    """
    code: str | None = None
    """
    Bitget code for this entry (present when the entry failed).
    """
    msg: str | None = None
    """
    Message for this entry (present when the entry failed).
    """


class CancelOrderHeaders(Model):
    paptrading: Literal["1"] | None = None


class CancelOrderRequest(Model):
    """
    Identifies the order to cancel. Provide either `orderId` or `clientOid`.
    """

    order_id: Annotated[str | None, Field(alias="orderId")] = None
    """
    Bitget-assigned order ID. Provide either `orderId` or `clientOid`.
    """
    client_oid: Annotated[str | None, Field(alias="clientOid")] = None
    """
    Client-assigned order ID. Provide either `orderId` or `clientOid`.
    """


class CancelStrategyOrderHeaders(Model):
    paptrading: Literal["1"] | None = None


class CancelStrategyOrderRequest(Model):
    """
    Identifies the strategy order to cancel. Provide either `orderId` or `clientOid`.
    """

    order_id: Annotated[str | None, Field(alias="orderId")] = None
    """
    Strategy order ID assigned by Bitget.
    """
    client_oid: Annotated[str | None, Field(alias="clientOid")] = None
    """
    Client-assigned strategy order ID.
    """


class CancelStrategyOrderResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: Annotated[None, Field(None)] = None
    """
    Always `null`.
    """


class ClosePositionsHeaders(Model):
    paptrading: Literal["1"] | None = None


class ClosePositionsRequest(Model):
    category: Literal["USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"]
    """
    Futures market category.
    """
    symbol: str | None = None
    """
    Optional symbol to close. Omit to close all positions in the category.
    """
    pos_side: Annotated[Literal["long", "short"] | None, Field(alias="posSide")] = None
    """
    Optional position side to close.
    """


class CopyFuturesMaxTransferable(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    max_transferable: Annotated[DecimalString, Field(alias="maxTransferable")]
    """
    Maximum amount that can be transferred out of the lead account.
    """
    available: DecimalString
    """
    Available balance.
    """


class CopyFuturesMaxTransferableResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: CopyFuturesMaxTransferable


class CopyFuturesTransferHeaders(Model):
    paptrading: Literal["1"] | None = None


class CopyFuturesTransferRequest(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    coin: Annotated[str, Field(min_length=1)]
    """
    Coin to transfer, e.g. `USDT`.
    """
    amount: DecimalString
    """
    Transfer amount as a decimal string.
    """
    type: Literal["in", "out"]
    """
    Direction of the transfer, `in` (to the lead account) or `out` (from the lead account).
    """


class CopyFuturesTransferResult(Model):
    transfer_id: Annotated[str, Field(alias="transferId")]
    """
    ID of the transfer.
    """


class CountdownCancelAllHeaders(Model):
    paptrading: Literal["1"] | None = None


class CountdownCancelAllRequest(Model):
    countdown: Annotated[str, Field(pattern="^(0|[5-9]|[1-5][0-9]|60)$")]
    """
    Seconds until auto-cancel, as a string: "5" to "60", or "0" to disable an active
    countdown.

    """


class CountdownCancelAllResponse(Model):
    """
    Answer to a countdown request.
    """

    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: str | None = None
    """
    A string (or `null`), e.g. `success`.
    """


class ErrorResponse(Model):
    """
    An error envelope; `code` is Bitget's error code and `data` is `null`.
    """

    code: str
    """
    Bitget error code, e.g. `"40009"`.
    """
    msg: str
    """
    Error message.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: Annotated[None, Field(None)] = None
    """
    Always `null` on errors.
    """


class FeeDetail(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    fee_coin: Annotated[str | None, Field(alias="feeCoin")] = None
    """
    Coin the fee is charged in (empty before any fee is charged).
    """
    fee: DecimalString | Literal[""] | None = None
    """
    Fee charged, a decimal string; the empty string `""` before any fee is charged.
    """


class GetCopyFuturesMaxTransferableHeaders(Model):
    paptrading: Literal["1"] | None = None


class GetCopyFuturesMaxTransferableQuery(Model):
    coin: Annotated[str, Field(min_length=1)]


class GetOrderHeaders(Model):
    paptrading: Literal["1"] | None = None


class ListCopyFuturesTradingPairsHeaders(Model):
    paptrading: Literal["1"] | None = None


class MarginDetail(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    margin_coin: Annotated[str | None, Field(alias="marginCoin")] = None
    """
    Margin coin, e.g. `USDT`.
    """
    max_long_count: Annotated[DecimalString | None, Field(alias="maxLongCount")] = None
    """
    Maximum long position size.
    """
    remaining_long_count: Annotated[DecimalString | None, Field(alias="remainingLongCount")] = None
    """
    Remaining long position size.
    """
    max_short_count: Annotated[DecimalString | None, Field(alias="maxShortCount")] = None
    """
    Maximum short position size.
    """
    remaining_short_count: Annotated[DecimalString | None, Field(alias="remainingShortCount")] = (
        None
    )
    """
    Remaining short position size.
    """


class OrderIds(Model):
    """
    The ids of the order a request acted on.
    """

    order_id: Annotated[str, Field(alias="orderId")]
    """
    Bitget-assigned order ID.
    """
    client_oid: Annotated[str, Field(alias="clientOid")]
    """
    Client-assigned order ID (generated by Bitget when none was sent).
    """


class OrderInfo(Model):
    """
    One order.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    order_id: Annotated[str, Field(alias="orderId")]
    """
    Bitget-assigned order ID.
    """
    client_oid: Annotated[str, Field(alias="clientOid")]
    """
    Client-assigned order ID.
    """
    category: str
    """
    Market category (`SPOT`, `MARGIN`, `USDT-FUTURES`, `COIN-FUTURES`, `USDC-FUTURES`).
    """
    symbol: str
    """
    Trading pair symbol, e.g. `BTCUSDT`.
    """
    order_type: Annotated[str, Field(alias="orderType")]
    """
    `limit` or `market`.
    """
    side: str
    """
    `buy` or `sell`.
    """
    price: DecimalString | None = None
    """
    Limit price.
    """
    qty: DecimalString
    """
    Order quantity.
    """
    amount: DecimalString | None = None
    """
    Order amount in quote currency (`"0"` when the order is sized by `qty`).
    """
    cum_exec_qty: Annotated[DecimalString | None, Field(alias="cumExecQty")] = None
    """
    Quantity filled so far.
    """
    cum_exec_value: Annotated[DecimalString | None, Field(alias="cumExecValue")] = None
    """
    Value filled so far, in quote currency.
    """
    avg_price: Annotated[DecimalString | None, Field(alias="avgPrice")] = None
    """
    Average fill price (`"0"` before any fill).
    """
    time_in_force: Annotated[str | None, Field(alias="timeInForce")] = None
    """
    `gtc`, `ioc`, `fok` or `post_only`.
    """
    order_status: Annotated[str, Field(alias="orderStatus")]
    """
    Order state, e.g. `live`.
    """
    pos_side: Annotated[str | None, Field(alias="posSide")] = None
    """
    Position side, `long` or `short`.
    """
    hold_mode: Annotated[str | None, Field(alias="holdMode")] = None
    """
    Position mode, e.g. `hedge_mode`.
    """
    reduce_only: Annotated[str | None, Field(alias="reduceOnly")] = None
    """
    Reduce-only flag as answered, e.g. `NO` (upper case in answers).
    """
    fee_detail: Annotated[list[FeeDetail] | None, Field(alias="feeDetail")] = None
    """
    Fees charged, one entry per fee coin.
    """
    created_time: Annotated[str | None, Field(alias="createdTime")] = None
    """
    Creation time, Unix milliseconds as a string.
    """
    updated_time: Annotated[str | None, Field(alias="updatedTime")] = None
    """
    Last update time, Unix milliseconds as a string.
    """
    cancel_reason: Annotated[str | None, Field(alias="cancelReason")] = None
    """
    Why the order was cancelled (empty when it was not).
    """
    exec_type: Annotated[str | None, Field(alias="execType")] = None
    """
    Execution type, e.g. `normal`.
    """
    stp_mode: Annotated[str | None, Field(alias="stpMode")] = None
    """
    Self-trade prevention mode, e.g. `none`.
    """
    tp_trigger_by: Annotated[str | None, Field(alias="tpTriggerBy")] = None
    """
    Take-profit trigger type, `null` when no take-profit is attached.
    """


class OrderInfoResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: OrderInfo


class OrderResult(Model):
    """
    Result for one order of a cancel-all or close-positions request.
    """

    order_id: Annotated[str, Field(alias="orderId")]
    """
    Bitget-assigned order ID.
    """
    client_oid: Annotated[str, Field(alias="clientOid")]
    """
    Client-assigned order ID.
    """
    code: str | None = None
    """
    Bitget code for this order (`"00000"` on success).
    """
    msg: str | None = None
    """
    Message for this order.
    """


class OrderResultList(Model):
    list_: Annotated[list[OrderResult], Field(alias="list")]
    """
    One result per order acted on.
    """


class PlaceOrderHeaders(Model):
    paptrading: Literal["1"] | None = None


class PlaceOrderRequest(Model):
    """
    PlaceOrderRequestV3, one schema for spot, margin and futures orders.
    """

    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    category: Literal["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"]
    """
    Market category.
    """
    symbol: Annotated[str, Field(min_length=1)]
    """
    Trading pair symbol, e.g. `BTCUSDT`.
    """
    side: Literal["buy", "sell"]
    """
    Order direction.
    """
    order_type: Annotated[Literal["limit", "market"], Field(alias="orderType")]
    """
    Order type.
    """
    qty: DecimalString
    """
    Order quantity as a decimal string, e.g. `"0.01"`.
    """
    price: DecimalString | None = None
    """
    Limit price as a decimal string. Required when `orderType` is `limit`.
    """
    time_in_force: Annotated[
        Literal["gtc", "ioc", "fok", "post_only"], Field(alias="timeInForce")
    ] = "gtc"
    """
    Time-in-force policy. `gtc` Good Till Cancelled (default): stays active until
    filled or cancelled. `ioc` Immediate or Cancel: fills what is available at once and
    cancels the rest. `fok` Fill or Kill: fills the entire quantity at once or nothing.
    `post_only` maker only: rejected if it would match immediately as a taker.

    """
    pos_side: Annotated[Literal["long", "short"] | None, Field(alias="posSide")] = None
    """
    Position side for hedge mode. Required in hedge mode.
    """
    margin_mode: Annotated[Literal["crossed", "isolated"], Field(alias="marginMode")] = "crossed"
    """
    Futures only. Margin mode.
    """
    reduce_only: Annotated[Literal["yes", "no"] | None, Field(alias="reduceOnly")] = None
    """
    Whether this is a reduce-only order.
    """
    client_oid: Annotated[str | None, Field(alias="clientOid")] = None
    """
    Client-assigned order ID for idempotency and tracking.
    """
    stp_mode: Annotated[
        Literal["none", "cancel_taker", "cancel_maker", "cancel_both"] | None,
        Field(alias="stpMode"),
    ] = None
    """
    Self-trade prevention mode.
    """
    take_profit: Annotated[DecimalString | None, Field(alias="takeProfit")] = None
    """
    Take-profit trigger price attached at order placement.
    """
    stop_loss: Annotated[DecimalString | None, Field(alias="stopLoss")] = None
    """
    Stop-loss trigger price attached at order placement.
    """
    tp_trigger_by: Annotated[Literal["market", "mark"] | None, Field(alias="tpTriggerBy")] = None
    """
    Price that triggers the take-profit: `market` (last traded price) or `mark` (mark
    price).

    """
    sl_trigger_by: Annotated[Literal["market", "mark"] | None, Field(alias="slTriggerBy")] = None
    """
    Price that triggers the stop-loss: `market` (last traded price) or `mark` (mark
    price).

    """
    tp_order_type: Annotated[Literal["limit", "market"] | None, Field(alias="tpOrderType")] = None
    """
    Order type sent when the take-profit triggers; `limit` needs `tpLimitPrice`.
    """
    sl_order_type: Annotated[Literal["limit", "market"] | None, Field(alias="slOrderType")] = None
    """
    Order type sent when the stop-loss triggers; `limit` needs `slLimitPrice`.
    """
    tp_limit_price: Annotated[DecimalString | None, Field(alias="tpLimitPrice")] = None
    """
    Limit price of the take-profit order when `tpOrderType` is `limit`.
    """
    sl_limit_price: Annotated[DecimalString | None, Field(alias="slLimitPrice")] = None
    """
    Limit price of the stop-loss order when `slOrderType` is `limit`.
    """


class PlaceOrderResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: OrderIds


class ServerTimeResponseData(Model):
    server_time: Annotated[str, Field(alias="serverTime")]
    """
    Unix milliseconds, as a string.
    """


class BatchModifyOrdersResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: list[OrderIds]
    """
    One entry per modified order.
    """


class CancelAllOrdersResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: OrderResultList


class CancelBatchOrdersResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: list[CancelBatchResult]
    """
    One entry per order of the request.
    """


class CancelOrderResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: OrderIds


class ClosePositionsResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: OrderResultList


class CopyFuturesTradingPair(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    symbol: str
    """
    Futures symbol, e.g. `BTCUSDT`.
    """
    leverage: DecimalString | None = None
    """
    Leverage.
    """
    margin_details: Annotated[list[MarginDetail] | None, Field(alias="marginDetails")] = None
    """
    Limits per margin coin.
    """


class CopyFuturesTradingPairsResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: list[CopyFuturesTradingPair]
    """
    The eligible pairs.
    """


class CopyFuturesTransferResponse(Model):
    code: str
    """
    `"00000"` on success.
    """
    msg: str
    """
    `"success"` on success.
    """
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    """
    Server time of the request, Unix milliseconds.
    """
    data: CopyFuturesTransferResult


class ServerTimeResponse(Model):
    """
    The envelope around the server's time.
    """

    code: str
    msg: str
    request_time: Annotated[int | None, Field(alias="requestTime")] = None
    data: ServerTimeResponseData

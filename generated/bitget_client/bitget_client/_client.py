"""BitgetClient and AsyncBitgetClient: one method per operation of bitget.yaml."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cached_property
from typing import Literal

import httpx

from . import _hook_bitget_signing, models
from ._async_client import AsyncBaseClient, raw_response_async
from ._auth import SigningScheme
from ._base_client import (
    DEFAULT_MAX_RETRIES,
    ApiDefinition,
    BaseClient,
    Endpoint,
    Envelope,
    ErrorBodyKeys,
    raw_response,
)
from ._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncBitgetClient", "BitgetClient"]


class _Api(ApiDefinition):
    """What BitgetClient and AsyncBitgetClient know of the API: its server, schemes and operations."""

    _default_base_url = "https://api.bitget.com"
    _env_prefix = "BITGET"
    _schemes = {
        "BitgetSignature": SigningScheme(
            headers=(
                ("ACCESS-KEY", "{api_key}"),
                ("ACCESS-SIGN", "{signature}"),
                ("ACCESS-TIMESTAMP", "{timestamp}"),
                ("ACCESS-PASSPHRASE", "{passphrase}"),
                ("locale", "en-US"),
            ),
            message=("{timestamp}{method}{target}{body}",),
            credentials=("api_key", "api_secret", "passphrase"),
            encoding="base64",
            query_order="sorted",
            hook=_hook_bitget_signing.sign,
        ),
    }
    _envelope = Envelope(data="data", message="msg", success=("00000",))
    _error_fields = ErrorBodyKeys(code=("code",), message=("msg",))

    _PLACE_ORDER: Endpoint[models.OrderIds] = Endpoint(
        name="place_order",
        method="POST",
        path="/api/v3/trade/place-order",
        result=models.OrderIds,
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=models.PlaceOrderRequest,
        body_media_type="application/json",
        arguments={
            ("body", "category"): "category",
            ("body", "symbol"): "symbol",
            ("body", "side"): "side",
            ("body", "orderType"): "order_type",
            ("body", "qty"): "qty",
            ("header", "paptrading"): "paptrading",
            ("body", "price"): "price",
            ("body", "timeInForce"): "time_in_force",
            ("body", "posSide"): "pos_side",
            ("body", "marginMode"): "margin_mode",
            ("body", "reduceOnly"): "reduce_only",
            ("body", "clientOid"): "client_oid",
            ("body", "stpMode"): "stp_mode",
            ("body", "takeProfit"): "take_profit",
            ("body", "stopLoss"): "stop_loss",
            ("body", "tpTriggerBy"): "tp_trigger_by",
            ("body", "slTriggerBy"): "sl_trigger_by",
            ("body", "tpOrderType"): "tp_order_type",
            ("body", "slOrderType"): "sl_order_type",
            ("body", "tpLimitPrice"): "tp_limit_price",
            ("body", "slLimitPrice"): "sl_limit_price",
        },
        parameters={
            "header": models.PlaceOrderHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _CANCEL_ORDER: Endpoint[models.OrderIds] = Endpoint(
        name="cancel_order",
        method="POST",
        path="/api/v3/trade/cancel-order",
        result=models.OrderIds,
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=models.CancelOrderRequest,
        body_media_type="application/json",
        arguments={
            ("header", "paptrading"): "paptrading",
            ("body", "orderId"): "order_id",
            ("body", "clientOid"): "client_oid",
        },
        parameters={
            "header": models.CancelOrderHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _CANCEL_ALL_ORDERS: Endpoint[models.OrderResultList] = Endpoint(
        name="cancel_all_orders",
        method="POST",
        path="/api/v3/trade/cancel-symbol-order",
        result=models.OrderResultList,
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=models.CancelAllOrdersRequest,
        body_media_type="application/json",
        arguments={
            ("body", "category"): "category",
            ("header", "paptrading"): "paptrading",
            ("body", "symbol"): "symbol",
        },
        parameters={
            "header": models.CancelAllOrdersHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _BATCH_MODIFY_ORDERS: Endpoint[list[models.OrderIds]] = Endpoint(
        name="batch_modify_orders",
        method="POST",
        path="/api/v3/trade/batch-modify-order",
        result=list[models.OrderIds],
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=list[models.BatchModifyOrderItem],
        body_media_type="application/json",
        arguments={
            ("body", ""): "body",
            ("header", "paptrading"): "paptrading",
        },
        parameters={
            "header": models.BatchModifyOrdersHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _CANCEL_BATCH_ORDERS: Endpoint[list[models.CancelBatchResult]] = Endpoint(
        name="cancel_batch_orders",
        method="POST",
        path="/api/v3/trade/cancel-batch",
        result=list[models.CancelBatchResult],
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=list[models.CancelBatchOrderItem],
        body_media_type="application/json",
        arguments={
            ("body", ""): "body",
            ("header", "paptrading"): "paptrading",
        },
        parameters={
            "header": models.CancelBatchOrdersHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _COUNTDOWN_CANCEL_ALL: Endpoint[str | None] = Endpoint(
        name="countdown_cancel_all",
        method="POST",
        path="/api/v3/trade/countdown-cancel-all",
        result=str | None,
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=models.CountdownCancelAllRequest,
        body_media_type="application/json",
        arguments={
            ("body", "countdown"): "countdown",
            ("header", "paptrading"): "paptrading",
        },
        parameters={
            "header": models.CountdownCancelAllHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _CLOSE_POSITIONS: Endpoint[models.OrderResultList] = Endpoint(
        name="close_positions",
        method="POST",
        path="/api/v3/trade/close-positions",
        result=models.OrderResultList,
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=models.ClosePositionsRequest,
        body_media_type="application/json",
        arguments={
            ("body", "category"): "category",
            ("header", "paptrading"): "paptrading",
            ("body", "symbol"): "symbol",
            ("body", "posSide"): "pos_side",
        },
        parameters={
            "header": models.ClosePositionsHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _CANCEL_STRATEGY_ORDER: Endpoint[None] = Endpoint(
        name="cancel_strategy_order",
        method="POST",
        path="/api/v3/trade/cancel-strategy-order",
        result=None,
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=models.CancelStrategyOrderRequest,
        body_media_type="application/json",
        arguments={
            ("header", "paptrading"): "paptrading",
            ("body", "orderId"): "order_id",
            ("body", "clientOid"): "client_oid",
        },
        parameters={
            "header": models.CancelStrategyOrderHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _GET_ORDER: Endpoint[models.OrderInfo] = Endpoint(
        name="get_order",
        method="GET",
        path="/api/v3/trade/order-info",
        result=models.OrderInfo,
        security=(("BitgetSignature",),),
        envelope=True,
        arguments={
            ("query", "orderId"): "order_id",
            ("query", "clientOid"): "client_oid",
            ("header", "paptrading"): "paptrading",
        },
        parameters={
            "header": models.GetOrderHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _LIST_COPY_FUTURES_TRADING_PAIRS: Endpoint[list[models.CopyFuturesTradingPair]] = Endpoint(
        name="list_copy_futures_trading_pairs",
        method="GET",
        path="/api/v3/copy/futures/trading-pairs",
        result=list[models.CopyFuturesTradingPair],
        security=(("BitgetSignature",),),
        envelope=True,
        arguments={
            ("header", "paptrading"): "paptrading",
        },
        parameters={
            "header": models.ListCopyFuturesTradingPairsHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _GET_COPY_FUTURES_MAX_TRANSFERABLE: Endpoint[models.CopyFuturesMaxTransferable] = Endpoint(
        name="get_copy_futures_max_transferable",
        method="GET",
        path="/api/v3/copy/futures/max-transferable",
        result=models.CopyFuturesMaxTransferable,
        security=(("BitgetSignature",),),
        envelope=True,
        arguments={
            ("query", "coin"): "coin",
            ("header", "paptrading"): "paptrading",
        },
        parameters={
            "query": models.GetCopyFuturesMaxTransferableQuery,
            "header": models.GetCopyFuturesMaxTransferableHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )

    _COPY_FUTURES_TRANSFER: Endpoint[models.CopyFuturesTransferResult] = Endpoint(
        name="copy_futures_transfer",
        method="POST",
        path="/api/v3/copy/futures/transfer",
        result=models.CopyFuturesTransferResult,
        security=(("BitgetSignature",),),
        envelope=True,
        body_type=models.CopyFuturesTransferRequest,
        body_media_type="application/json",
        arguments={
            ("body", "coin"): "coin",
            ("body", "amount"): "amount",
            ("body", "type"): "type",
            ("header", "paptrading"): "paptrading",
        },
        parameters={
            "header": models.CopyFuturesTransferHeaders,
        },
        errors={
            "400": models.ErrorResponse,
            "429": models.ErrorResponse,
        },
    )


class BitgetClient(_Api, BaseClient):
    """Client for Bitget V3 / UTA trading API (default server https://api.bitget.com)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        api_secret: str | None = None,
        passphrase: str | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (BITGET_API_KEY, BITGET_API_SECRET, BITGET_PASSPHRASE).

        `clock` returns Unix milliseconds and supplies every timestamp; `nonce` returns a fresh
        value for each request that signs one (fix both to reproduce a signed request).
        """
        super().__init__(
            base_url,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            clock=clock,
            nonce=nonce,
            headers=headers,
            credentials={
                "api_key": api_key if api_key is not None else os.environ.get("BITGET_API_KEY"),
                "api_secret": api_secret
                if api_secret is not None
                else os.environ.get("BITGET_API_SECRET"),
                "passphrase": passphrase
                if passphrase is not None
                else os.environ.get("BITGET_PASSPHRASE"),
            },
        )

    @cached_property
    def with_raw_response(self) -> BitgetClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return BitgetClientWithRawResponse(self)

    def place_order(
        self,
        *,
        category: Literal["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
        symbol: str,
        side: Literal["buy", "sell"],
        order_type: Literal["limit", "market"],
        qty: Decimal,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        price: Decimal | NotGiven = NOT_GIVEN,
        time_in_force: Literal["gtc", "ioc", "fok", "post_only"] | NotGiven = NOT_GIVEN,
        pos_side: Literal["long", "short"] | NotGiven = NOT_GIVEN,
        margin_mode: Literal["crossed", "isolated"] | NotGiven = NOT_GIVEN,
        reduce_only: Literal["yes", "no"] | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        stp_mode: Literal["none", "cancel_taker", "cancel_maker", "cancel_both"]
        | NotGiven = NOT_GIVEN,
        take_profit: Decimal | NotGiven = NOT_GIVEN,
        stop_loss: Decimal | NotGiven = NOT_GIVEN,
        tp_trigger_by: Literal["market", "mark"] | NotGiven = NOT_GIVEN,
        sl_trigger_by: Literal["market", "mark"] | NotGiven = NOT_GIVEN,
        tp_order_type: Literal["limit", "market"] | NotGiven = NOT_GIVEN,
        sl_order_type: Literal["limit", "market"] | NotGiven = NOT_GIVEN,
        tp_limit_price: Decimal | NotGiven = NOT_GIVEN,
        sl_limit_price: Decimal | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderIds:
        """Place an order (spot, margin or futures)

        POST /api/v3/trade/place-order

        Places a new order for spot, margin, or futures markets. One request schema covers
        every order variation; `category` selects the market. `price` is required when
        `orderType` is `limit`; `posSide` is required in hedge mode; `marginMode` applies to
        futures only.

        Take-profit / stop-loss are attached with their wire names (`takeProfit`, `stopLoss`,
        `tpTriggerBy`, `slTriggerBy`, `tpOrderType`, `slOrderType`, `tpLimitPrice`,
        `slLimitPrice`). A futures limit order with TP/SL:

        ```json
        {"category": "USDT-FUTURES", "symbol": "ETHUSDT", "side": "buy", "orderType": "limit",
         "qty": "0.1", "price": "3000", "timeInForce": "gtc", "posSide": "long",
         "marginMode": "crossed", "takeProfit": "3300", "stopLoss": "2800",
         "tpTriggerBy": "mark", "slTriggerBy": "mark"}
        ```

        Not safe to repeat blindly: set `clientOid` to recognise a duplicate.

        Args:
            category: Market category.
            symbol: Trading pair symbol, e.g. `BTCUSDT`.
            side: Order direction.
            order_type: Order type.
            qty: Order quantity as a decimal string, e.g. `"0.01"`.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            price: Limit price as a decimal string. Required when `orderType` is `limit`.
            time_in_force: Time-in-force policy. `gtc` Good Till Cancelled (default): stays
                active until filled or cancelled. `ioc` Immediate or Cancel: fills what is
                available at once and cancels the rest. `fok` Fill or Kill: fills the entire
                quantity at once or nothing. `post_only` maker only: rejected if it would match
                immediately as a taker.
            pos_side: Position side for hedge mode. Required in hedge mode.
            margin_mode: Futures only. Margin mode.
            reduce_only: Whether this is a reduce-only order.
            client_oid: Client-assigned order ID for idempotency and tracking.
            stp_mode: Self-trade prevention mode.
            take_profit: Take-profit trigger price attached at order placement.
            stop_loss: Stop-loss trigger price attached at order placement.
            tp_trigger_by: Price that triggers the take-profit: `market` (last traded price) or
                `mark` (mark price).
            sl_trigger_by: Price that triggers the stop-loss: `market` (last traded price) or
                `mark` (mark price).
            tp_order_type: Order type sent when the take-profit triggers; `limit` needs
                `tpLimitPrice`.
            sl_order_type: Order type sent when the stop-loss triggers; `limit` needs
                `slLimitPrice`.
            tp_limit_price: Limit price of the take-profit order when `tpOrderType` is `limit`.
            sl_limit_price: Limit price of the stop-loss order when `slOrderType` is `limit`.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._PLACE_ORDER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "category": category,
                "symbol": symbol,
                "side": side,
                "orderType": order_type,
                "qty": qty,
                "price": price,
                "timeInForce": time_in_force,
                "posSide": pos_side,
                "marginMode": margin_mode,
                "reduceOnly": reduce_only,
                "clientOid": client_oid,
                "stpMode": stp_mode,
                "takeProfit": take_profit,
                "stopLoss": stop_loss,
                "tpTriggerBy": tp_trigger_by,
                "slTriggerBy": sl_trigger_by,
                "tpOrderType": tp_order_type,
                "slOrderType": sl_order_type,
                "tpLimitPrice": tp_limit_price,
                "slLimitPrice": sl_limit_price,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_order(
        self,
        *,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderIds:
        """Cancel one order

        POST /api/v3/trade/cancel-order

        Cancels a single active order identified by `orderId` or `clientOid` (provide one of
        them). Error 22001 or 25204 / 43001 when there is no such open order.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            order_id: Bitget-assigned order ID. Provide either `orderId` or `clientOid`.
            client_oid: Client-assigned order ID. Provide either `orderId` or `clientOid`.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_ORDER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "orderId": order_id,
                "clientOid": client_oid,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_all_orders(
        self,
        *,
        category: Literal["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderResultList:
        """Cancel all open orders of a category (optionally one symbol)

        POST /api/v3/trade/cancel-symbol-order

        Cancels all open orders for a given category, optionally scoped to a single symbol.
        `data.list` holds one result per order, each with its own `code` and `msg`.

        Args:
            category: Market category.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            symbol: Optional symbol filter. Cancels all open orders in the category if omitted.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_ALL_ORDERS,
            headers={
                "paptrading": paptrading,
            },
            body={
                "category": category,
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def batch_modify_orders(
        self,
        *,
        body: list[models.BatchModifyOrderItem],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.OrderIds]:
        """Modify several open orders

        POST /api/v3/trade/batch-modify-order

        Modifies multiple open orders in a single request. The body is a JSON **array**; each
        item targets one order by `orderId` or `clientOid` and carries the new `qty` and/or
        `price`. `data` is an array with one `{orderId, clientOid}` per item.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._BATCH_MODIFY_ORDERS,
            headers={
                "paptrading": paptrading,
            },
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_batch_orders(
        self,
        *,
        body: list[models.CancelBatchOrderItem],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.CancelBatchResult]:
        """Cancel several orders

        POST /api/v3/trade/cancel-batch

        Cancels multiple orders in a single request. The body is a JSON **array**; each entry
        requires `category` and `symbol` plus either `orderId` or `clientOid`. `data` holds one
        result per entry; an entry that failed carries its own `code` and `msg`.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_BATCH_ORDERS,
            headers={
                "paptrading": paptrading,
            },
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def countdown_cancel_all(
        self,
        *,
        countdown: str,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        """Arm, refresh or disarm the dead man's switch

        POST /api/v3/trade/countdown-cancel-all

        Sets or refreshes a dead man's switch that automatically cancels all open orders if
        the countdown expires without being reset. `countdown` is the number of seconds as a
        string, "5" to "60"; "0" disarms an active countdown. Keep it alive by calling again
        before it expires, e.g. every 20 s for a 30 s countdown.

        Args:
            countdown: Seconds until auto-cancel, as a string: "5" to "60", or "0" to disable an
                active countdown.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._COUNTDOWN_CANCEL_ALL,
            headers={
                "paptrading": paptrading,
            },
            body={
                "countdown": countdown,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def close_positions(
        self,
        *,
        category: Literal["USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        pos_side: Literal["long", "short"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderResultList:
        """Close all futures positions of a category (optionally one symbol / side)

        POST /api/v3/trade/close-positions

        Closes all open futures positions for a category, optionally filtered by symbol or
        position side, at market. `data.list` holds one result per closing order. Error 25227
        when there is no position to close.

        Args:
            category: Futures market category.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            symbol: Optional symbol to close. Omit to close all positions in the category.
            pos_side: Optional position side to close.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CLOSE_POSITIONS,
            headers={
                "paptrading": paptrading,
            },
            body={
                "category": category,
                "symbol": symbol,
                "posSide": pos_side,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_strategy_order(
        self,
        *,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Cancel a strategy (plan / TP-SL) order

        POST /api/v3/trade/cancel-strategy-order

        Cancels an active strategy (plan / TP-SL) order identified by `orderId` or `clientOid`
        (provide one of them). On success `data` is `null`.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            order_id: Strategy order ID assigned by Bitget.
            client_oid: Client-assigned strategy order ID.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_STRATEGY_ORDER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "orderId": order_id,
                "clientOid": client_oid,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_order(
        self,
        *,
        order_id: str | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderInfo:
        """Get one order's details

        GET /api/v3/trade/order-info

        Returns one order, identified by `orderId` or `clientOid` (provide one of them). The
        order's state is in `orderStatus` (e.g. `live`). Error 43001 / 25204 when the order
        does not exist.

        Args:
            order_id: Bitget-assigned order ID. Provide either `orderId` or `clientOid`.
            client_oid: Client-assigned order ID. Provide either `orderId` or `clientOid`.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ORDER,
            query={
                "orderId": order_id,
                "clientOid": client_oid,
            },
            headers={
                "paptrading": paptrading,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_copy_futures_trading_pairs(
        self,
        *,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.CopyFuturesTradingPair]:
        """List the futures pairs eligible for copy trading

        GET /api/v3/copy/futures/trading-pairs

        Returns the futures pairs that are eligible for copy trading on your lead account,
        with the leverage and, per margin coin, the maximum and remaining long / short counts.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_COPY_FUTURES_TRADING_PAIRS,
            headers={
                "paptrading": paptrading,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_copy_futures_max_transferable(
        self,
        *,
        coin: str,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CopyFuturesMaxTransferable:
        """Get the maximum transferable balance of the lead account

        GET /api/v3/copy/futures/max-transferable

        Returns the maximum transferable balance and the available balance of one coin in the
        copy-trading lead account.

        Args:
            coin: Coin to query, e.g. `USDT`.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_COPY_FUTURES_MAX_TRANSFERABLE,
            query={
                "coin": coin,
            },
            headers={
                "paptrading": paptrading,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def copy_futures_transfer(
        self,
        *,
        coin: str,
        amount: Decimal,
        type: Literal["in", "out"],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CopyFuturesTransferResult:
        """Transfer funds into or out of the copy-trading lead account

        POST /api/v3/copy/futures/transfer

        Transfers funds between spot/funding and the copy-trading lead account: `type: in`
        moves them to the lead account, `type: out` from it. Moves money: not safe to repeat
        blindly after a timeout; check the balance first.

        Args:
            coin: Coin to transfer, e.g. `USDT`.
            amount: Transfer amount as a decimal string.
            type: Direction of the transfer, `in` (to the lead account) or `out` (from the lead
                account).
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._COPY_FUTURES_TRANSFER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "coin": coin,
                "amount": amount,
                "type": type,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BitgetClientWithRawResponse:
    """BitgetClient's methods, each returning RawResponse instead of the parsed body."""

    def __init__(self, client: BitgetClient) -> None:
        self.place_order = raw_response(client.place_order)
        self.cancel_order = raw_response(client.cancel_order)
        self.cancel_all_orders = raw_response(client.cancel_all_orders)
        self.batch_modify_orders = raw_response(client.batch_modify_orders)
        self.cancel_batch_orders = raw_response(client.cancel_batch_orders)
        self.countdown_cancel_all = raw_response(client.countdown_cancel_all)
        self.close_positions = raw_response(client.close_positions)
        self.cancel_strategy_order = raw_response(client.cancel_strategy_order)
        self.get_order = raw_response(client.get_order)
        self.list_copy_futures_trading_pairs = raw_response(client.list_copy_futures_trading_pairs)
        self.get_copy_futures_max_transferable = raw_response(
            client.get_copy_futures_max_transferable
        )
        self.copy_futures_transfer = raw_response(client.copy_futures_transfer)


class AsyncBitgetClient(_Api, AsyncBaseClient):
    """Asynchronous client for Bitget V3 / UTA trading API (default server https://api.bitget.com)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        api_secret: str | None = None,
        passphrase: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (BITGET_API_KEY, BITGET_API_SECRET, BITGET_PASSPHRASE).

        `clock` returns Unix milliseconds and supplies every timestamp; `nonce` returns a fresh
        value for each request that signs one (fix both to reproduce a signed request).
        """
        super().__init__(
            base_url,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            clock=clock,
            nonce=nonce,
            headers=headers,
            credentials={
                "api_key": api_key if api_key is not None else os.environ.get("BITGET_API_KEY"),
                "api_secret": api_secret
                if api_secret is not None
                else os.environ.get("BITGET_API_SECRET"),
                "passphrase": passphrase
                if passphrase is not None
                else os.environ.get("BITGET_PASSPHRASE"),
            },
        )

    @cached_property
    def with_raw_response(self) -> AsyncBitgetClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return AsyncBitgetClientWithRawResponse(self)

    async def place_order(
        self,
        *,
        category: Literal["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
        symbol: str,
        side: Literal["buy", "sell"],
        order_type: Literal["limit", "market"],
        qty: Decimal,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        price: Decimal | NotGiven = NOT_GIVEN,
        time_in_force: Literal["gtc", "ioc", "fok", "post_only"] | NotGiven = NOT_GIVEN,
        pos_side: Literal["long", "short"] | NotGiven = NOT_GIVEN,
        margin_mode: Literal["crossed", "isolated"] | NotGiven = NOT_GIVEN,
        reduce_only: Literal["yes", "no"] | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        stp_mode: Literal["none", "cancel_taker", "cancel_maker", "cancel_both"]
        | NotGiven = NOT_GIVEN,
        take_profit: Decimal | NotGiven = NOT_GIVEN,
        stop_loss: Decimal | NotGiven = NOT_GIVEN,
        tp_trigger_by: Literal["market", "mark"] | NotGiven = NOT_GIVEN,
        sl_trigger_by: Literal["market", "mark"] | NotGiven = NOT_GIVEN,
        tp_order_type: Literal["limit", "market"] | NotGiven = NOT_GIVEN,
        sl_order_type: Literal["limit", "market"] | NotGiven = NOT_GIVEN,
        tp_limit_price: Decimal | NotGiven = NOT_GIVEN,
        sl_limit_price: Decimal | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderIds:
        """Place an order (spot, margin or futures)

        POST /api/v3/trade/place-order

        Places a new order for spot, margin, or futures markets. One request schema covers
        every order variation; `category` selects the market. `price` is required when
        `orderType` is `limit`; `posSide` is required in hedge mode; `marginMode` applies to
        futures only.

        Take-profit / stop-loss are attached with their wire names (`takeProfit`, `stopLoss`,
        `tpTriggerBy`, `slTriggerBy`, `tpOrderType`, `slOrderType`, `tpLimitPrice`,
        `slLimitPrice`). A futures limit order with TP/SL:

        ```json
        {"category": "USDT-FUTURES", "symbol": "ETHUSDT", "side": "buy", "orderType": "limit",
         "qty": "0.1", "price": "3000", "timeInForce": "gtc", "posSide": "long",
         "marginMode": "crossed", "takeProfit": "3300", "stopLoss": "2800",
         "tpTriggerBy": "mark", "slTriggerBy": "mark"}
        ```

        Not safe to repeat blindly: set `clientOid` to recognise a duplicate.

        Args:
            category: Market category.
            symbol: Trading pair symbol, e.g. `BTCUSDT`.
            side: Order direction.
            order_type: Order type.
            qty: Order quantity as a decimal string, e.g. `"0.01"`.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            price: Limit price as a decimal string. Required when `orderType` is `limit`.
            time_in_force: Time-in-force policy. `gtc` Good Till Cancelled (default): stays
                active until filled or cancelled. `ioc` Immediate or Cancel: fills what is
                available at once and cancels the rest. `fok` Fill or Kill: fills the entire
                quantity at once or nothing. `post_only` maker only: rejected if it would match
                immediately as a taker.
            pos_side: Position side for hedge mode. Required in hedge mode.
            margin_mode: Futures only. Margin mode.
            reduce_only: Whether this is a reduce-only order.
            client_oid: Client-assigned order ID for idempotency and tracking.
            stp_mode: Self-trade prevention mode.
            take_profit: Take-profit trigger price attached at order placement.
            stop_loss: Stop-loss trigger price attached at order placement.
            tp_trigger_by: Price that triggers the take-profit: `market` (last traded price) or
                `mark` (mark price).
            sl_trigger_by: Price that triggers the stop-loss: `market` (last traded price) or
                `mark` (mark price).
            tp_order_type: Order type sent when the take-profit triggers; `limit` needs
                `tpLimitPrice`.
            sl_order_type: Order type sent when the stop-loss triggers; `limit` needs
                `slLimitPrice`.
            tp_limit_price: Limit price of the take-profit order when `tpOrderType` is `limit`.
            sl_limit_price: Limit price of the stop-loss order when `slOrderType` is `limit`.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._PLACE_ORDER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "category": category,
                "symbol": symbol,
                "side": side,
                "orderType": order_type,
                "qty": qty,
                "price": price,
                "timeInForce": time_in_force,
                "posSide": pos_side,
                "marginMode": margin_mode,
                "reduceOnly": reduce_only,
                "clientOid": client_oid,
                "stpMode": stp_mode,
                "takeProfit": take_profit,
                "stopLoss": stop_loss,
                "tpTriggerBy": tp_trigger_by,
                "slTriggerBy": sl_trigger_by,
                "tpOrderType": tp_order_type,
                "slOrderType": sl_order_type,
                "tpLimitPrice": tp_limit_price,
                "slLimitPrice": sl_limit_price,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_order(
        self,
        *,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderIds:
        """Cancel one order

        POST /api/v3/trade/cancel-order

        Cancels a single active order identified by `orderId` or `clientOid` (provide one of
        them). Error 22001 or 25204 / 43001 when there is no such open order.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            order_id: Bitget-assigned order ID. Provide either `orderId` or `clientOid`.
            client_oid: Client-assigned order ID. Provide either `orderId` or `clientOid`.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_ORDER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "orderId": order_id,
                "clientOid": client_oid,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_all_orders(
        self,
        *,
        category: Literal["SPOT", "MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderResultList:
        """Cancel all open orders of a category (optionally one symbol)

        POST /api/v3/trade/cancel-symbol-order

        Cancels all open orders for a given category, optionally scoped to a single symbol.
        `data.list` holds one result per order, each with its own `code` and `msg`.

        Args:
            category: Market category.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            symbol: Optional symbol filter. Cancels all open orders in the category if omitted.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_ALL_ORDERS,
            headers={
                "paptrading": paptrading,
            },
            body={
                "category": category,
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def batch_modify_orders(
        self,
        *,
        body: list[models.BatchModifyOrderItem],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.OrderIds]:
        """Modify several open orders

        POST /api/v3/trade/batch-modify-order

        Modifies multiple open orders in a single request. The body is a JSON **array**; each
        item targets one order by `orderId` or `clientOid` and carries the new `qty` and/or
        `price`. `data` is an array with one `{orderId, clientOid}` per item.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._BATCH_MODIFY_ORDERS,
            headers={
                "paptrading": paptrading,
            },
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_batch_orders(
        self,
        *,
        body: list[models.CancelBatchOrderItem],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.CancelBatchResult]:
        """Cancel several orders

        POST /api/v3/trade/cancel-batch

        Cancels multiple orders in a single request. The body is a JSON **array**; each entry
        requires `category` and `symbol` plus either `orderId` or `clientOid`. `data` holds one
        result per entry; an entry that failed carries its own `code` and `msg`.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_BATCH_ORDERS,
            headers={
                "paptrading": paptrading,
            },
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def countdown_cancel_all(
        self,
        *,
        countdown: str,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> str | None:
        """Arm, refresh or disarm the dead man's switch

        POST /api/v3/trade/countdown-cancel-all

        Sets or refreshes a dead man's switch that automatically cancels all open orders if
        the countdown expires without being reset. `countdown` is the number of seconds as a
        string, "5" to "60"; "0" disarms an active countdown. Keep it alive by calling again
        before it expires, e.g. every 20 s for a 30 s countdown.

        Args:
            countdown: Seconds until auto-cancel, as a string: "5" to "60", or "0" to disable an
                active countdown.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._COUNTDOWN_CANCEL_ALL,
            headers={
                "paptrading": paptrading,
            },
            body={
                "countdown": countdown,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def close_positions(
        self,
        *,
        category: Literal["USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        pos_side: Literal["long", "short"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderResultList:
        """Close all futures positions of a category (optionally one symbol / side)

        POST /api/v3/trade/close-positions

        Closes all open futures positions for a category, optionally filtered by symbol or
        position side, at market. `data.list` holds one result per closing order. Error 25227
        when there is no position to close.

        Args:
            category: Futures market category.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            symbol: Optional symbol to close. Omit to close all positions in the category.
            pos_side: Optional position side to close.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CLOSE_POSITIONS,
            headers={
                "paptrading": paptrading,
            },
            body={
                "category": category,
                "symbol": symbol,
                "posSide": pos_side,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_strategy_order(
        self,
        *,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Cancel a strategy (plan / TP-SL) order

        POST /api/v3/trade/cancel-strategy-order

        Cancels an active strategy (plan / TP-SL) order identified by `orderId` or `clientOid`
        (provide one of them). On success `data` is `null`.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.
            order_id: Strategy order ID assigned by Bitget.
            client_oid: Client-assigned strategy order ID.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_STRATEGY_ORDER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "orderId": order_id,
                "clientOid": client_oid,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_order(
        self,
        *,
        order_id: str | NotGiven = NOT_GIVEN,
        client_oid: str | NotGiven = NOT_GIVEN,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderInfo:
        """Get one order's details

        GET /api/v3/trade/order-info

        Returns one order, identified by `orderId` or `clientOid` (provide one of them). The
        order's state is in `orderStatus` (e.g. `live`). Error 43001 / 25204 when the order
        does not exist.

        Args:
            order_id: Bitget-assigned order ID. Provide either `orderId` or `clientOid`.
            client_oid: Client-assigned order ID. Provide either `orderId` or `clientOid`.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ORDER,
            query={
                "orderId": order_id,
                "clientOid": client_oid,
            },
            headers={
                "paptrading": paptrading,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_copy_futures_trading_pairs(
        self,
        *,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.CopyFuturesTradingPair]:
        """List the futures pairs eligible for copy trading

        GET /api/v3/copy/futures/trading-pairs

        Returns the futures pairs that are eligible for copy trading on your lead account,
        with the leverage and, per margin coin, the maximum and remaining long / short counts.

        Args:
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_COPY_FUTURES_TRADING_PAIRS,
            headers={
                "paptrading": paptrading,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_copy_futures_max_transferable(
        self,
        *,
        coin: str,
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CopyFuturesMaxTransferable:
        """Get the maximum transferable balance of the lead account

        GET /api/v3/copy/futures/max-transferable

        Returns the maximum transferable balance and the available balance of one coin in the
        copy-trading lead account.

        Args:
            coin: Coin to query, e.g. `USDT`.
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_COPY_FUTURES_MAX_TRANSFERABLE,
            query={
                "coin": coin,
            },
            headers={
                "paptrading": paptrading,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def copy_futures_transfer(
        self,
        *,
        coin: str,
        amount: Decimal,
        type: Literal["in", "out"],
        paptrading: Literal["1"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CopyFuturesTransferResult:
        """Transfer funds into or out of the copy-trading lead account

        POST /api/v3/copy/futures/transfer

        Transfers funds between spot/funding and the copy-trading lead account: `type: in`
        moves them to the lead account, `type: out` from it. Moves money: not safe to repeat
        blindly after a timeout; check the balance first.

        Args:
            coin: Coin to transfer, e.g. `USDT`.
            amount: Transfer amount as a decimal string.
            type: Direction of the transfer, `in` (to the lead account) or `out` (from the lead
                account).
            paptrading: Demo (paper) trading: send `1` to route the request to Bitget's demo
                trading environment (needs a demo API key). Omit it for live trading.

        Raises:
            BadRequestError: 400
            RateLimitError: 429, Rate limit exceeded (HTTP 429); slow down before retrying
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._COPY_FUTURES_TRANSFER,
            headers={
                "paptrading": paptrading,
            },
            body={
                "coin": coin,
                "amount": amount,
                "type": type,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBitgetClientWithRawResponse:
    """AsyncBitgetClient's methods, each returning an awaitable RawResponse instead of the parsed body."""

    def __init__(self, client: AsyncBitgetClient) -> None:
        self.place_order = raw_response_async(client.place_order)
        self.cancel_order = raw_response_async(client.cancel_order)
        self.cancel_all_orders = raw_response_async(client.cancel_all_orders)
        self.batch_modify_orders = raw_response_async(client.batch_modify_orders)
        self.cancel_batch_orders = raw_response_async(client.cancel_batch_orders)
        self.countdown_cancel_all = raw_response_async(client.countdown_cancel_all)
        self.close_positions = raw_response_async(client.close_positions)
        self.cancel_strategy_order = raw_response_async(client.cancel_strategy_order)
        self.get_order = raw_response_async(client.get_order)
        self.list_copy_futures_trading_pairs = raw_response_async(
            client.list_copy_futures_trading_pairs
        )
        self.get_copy_futures_max_transferable = raw_response_async(
            client.get_copy_futures_max_transferable
        )
        self.copy_futures_transfer = raw_response_async(client.copy_futures_transfer)

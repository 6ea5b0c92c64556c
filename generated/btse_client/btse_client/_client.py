"""BtseClient and AsyncBtseClient: one method per operation of btse.yaml."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cached_property

import httpx

from . import models
from ._async_client import AsyncBaseClient, raw_response_async
from ._auth import SigningScheme
from ._base_client import (
    DEFAULT_MAX_RETRIES,
    ApiDefinition,
    BaseClient,
    Endpoint,
    ErrorBodyKeys,
    raw_response,
)
from ._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncBtseClient", "BtseClient"]


class _Api(ApiDefinition):
    """What BtseClient and AsyncBtseClient know of the API: its server, schemes and operations."""

    _default_base_url = "https://api.btse.com/spot"
    _env_prefix = "BTSE"
    _schemes = {
        "BtseSignature": SigningScheme(
            headers=(
                ("btse-api", "{api_key}"),
                ("btse-nonce", "{timestamp}"),
                ("btse-sign", "{signature}"),
            ),
            message=("{path}{timestamp}{body}",),
            credentials=("api_key", "api_secret"),
            algorithm="sha384",
            path="relative",
        ),
    }
    _error_fields = ErrorBodyKeys(code=("errorCode", "code"), message=("message",))

    _GET_MARKET_SUMMARY: Endpoint[dict[str, models.MarketSummary]] = Endpoint(
        name="get_market_summary",
        method="GET",
        path="/v2/market_summary",
        result=dict[str, models.MarketSummary],
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _LIST_MARKETS: Endpoint[list[models.MarketModel]] = Endpoint(
        name="list_markets",
        method="GET",
        path="/v2/markets",
        result=list[models.MarketModel],
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _GET_ORDER_BOOK: Endpoint[models.OrderBookResponse] = Endpoint(
        name="get_order_book",
        method="GET",
        path="/v2/orderbook/{symbol}",
        result=models.OrderBookResponse,
        arguments={
            ("path", "symbol"): "symbol",
            ("query", "group"): "group",
            ("query", "limit_asks"): "limit_asks",
            ("query", "limit_bids"): "limit_bids",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _GET_TICKER: Endpoint[models.TickerModel] = Endpoint(
        name="get_ticker",
        method="GET",
        path="/v2/ticker/{symbol}",
        result=models.TickerModel,
        arguments={
            ("path", "symbol"): "symbol",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _GET_MARKET_STATS: Endpoint[models.Hour24Stats] = Endpoint(
        name="get_market_stats",
        method="GET",
        path="/v2/stats/{symbol}",
        result=models.Hour24Stats,
        arguments={
            ("path", "symbol"): "symbol",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _LIST_TRADES: Endpoint[list[models.TradeModel]] = Endpoint(
        name="list_trades",
        method="GET",
        path="/v2/trades/{symbol}",
        result=list[models.TradeModel],
        arguments={
            ("path", "symbol"): "symbol",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _GET_SERVER_TIME: Endpoint[models.ServerTime] = Endpoint(
        name="get_server_time",
        method="GET",
        path="/v2/time",
        result=models.ServerTime,
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _GET_ACCOUNT: Endpoint[list[models.ApiAccountModel]] = Endpoint(
        name="get_account",
        method="GET",
        path="/v2/account",
        result=list[models.ApiAccountModel],
        security=(("BtseSignature",),),
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _PLACE_ORDER: Endpoint[models.PlaceOrderResponse] = Endpoint(
        name="place_order",
        method="POST",
        path="/v2/order",
        result=models.PlaceOrderResponse,
        security=(("BtseSignature",),),
        body_type=models.ApiOrderModel,
        body_media_type="application/json",
        arguments={
            ("body", "amount"): "amount",
            ("body", "client_oid"): "client_oid",
            ("body", "created_at"): "created_at",
            ("body", "funds"): "funds",
            ("body", "id"): "id",
            ("body", "post_only"): "post_only",
            ("body", "price"): "price",
            ("body", "symbol"): "symbol",
            ("body", "side"): "side",
            ("body", "status"): "status",
            ("body", "stop"): "stop",
            ("body", "stop_price"): "stop_price",
            ("body", "stp"): "stp",
            ("body", "tag"): "tag",
            ("body", "time_in_force"): "time_in_force",
            ("body", "type"): "type",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _LIST_OPEN_ORDERS: Endpoint[list[models.PendingOrderModel]] = Endpoint(
        name="list_open_orders",
        method="GET",
        path="/v2/pending",
        result=list[models.PendingOrderModel],
        security=(("BtseSignature",),),
        arguments={
            ("query", "symbol"): "symbol",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _LIST_FILLS: Endpoint[list[models.FillModel]] = Endpoint(
        name="list_fills",
        method="POST",
        path="/v2/fills",
        result=list[models.FillModel],
        security=(("BtseSignature",),),
        idempotent=True,
        body_type=models.FillQueryModel,
        body_media_type="application/json",
        arguments={
            ("body", "after"): "after",
            ("body", "before"): "before",
            ("body", "limit"): "limit",
            ("body", "order_id"): "order_id",
            ("body", "symbol"): "symbol",
            ("body", "username"): "username",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )

    _CANCEL_ORDER: Endpoint[list[models.ReturnResult]] = Endpoint(
        name="cancel_order",
        method="POST",
        path="/v2/deleteOrder",
        result=list[models.ReturnResult],
        security=(("BtseSignature",),),
        body_type=models.CancelOrderModel,
        body_media_type="application/json",
        arguments={
            ("body", "coin_name"): "coin_name",
            ("body", "order_id"): "order_id",
            ("body", "symbol"): "symbol",
        },
        errors={
            "400": models.ErrorResponse,
            "401": models.ErrorResponse,
            "403": models.ErrorResponse,
            "500": models.ErrorResponse,
            "503": models.ErrorResponse,
        },
    )


class BtseClient(_Api, BaseClient):
    """Client for BTSE Spot API (default server https://api.btse.com/spot)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        api_secret: str | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (BTSE_API_KEY, BTSE_API_SECRET).

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
                "api_key": api_key if api_key is not None else os.environ.get("BTSE_API_KEY"),
                "api_secret": api_secret
                if api_secret is not None
                else os.environ.get("BTSE_API_SECRET"),
            },
        )

    @cached_property
    def with_raw_response(self) -> BtseClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return BtseClientWithRawResponse(self)

    def get_market_summary(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> dict[str, models.MarketSummary]:
        """High level market overview

        GET /v2/market_summary

        This API provides a high level overview of the market. Provides you with information
        such as the best bid/ask, price movements over the last day and volume information.
        The answer is an object keyed by market symbol (e.g. `BTC-USD`).

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_MARKET_SUMMARY,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_markets(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.MarketModel]:
        """Market information

        GET /v2/markets

        Gets information on the available markets.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_MARKETS,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_order_book(
        self,
        *,
        symbol: str,
        group: int | NotGiven = NOT_GIVEN,
        limit_asks: int | NotGiven = NOT_GIVEN,
        limit_bids: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderBookResponse:
        """Gets Orderbook

        GET /v2/orderbook/{symbol}

        Gets Orderbook for a given symbol.

        Args:
            symbol: Symbol representing the market, e.g. `BTC-USD`.
            group: Decimal grouping (price aggregation level).
            limit_asks: Restricts the depth of orderbook to return (asks side).
            limit_bids: Restricts the depth of orderbook to return (bids side).

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ORDER_BOOK,
            path_params={
                "symbol": symbol,
            },
            query={
                "group": group,
                "limit_asks": limit_asks,
                "limit_bids": limit_bids,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_ticker(
        self,
        *,
        symbol: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.TickerModel:
        """Ticker Information

        GET /v2/ticker/{symbol}

        Retrieves bid, asks, and other information of the ticker.

        Args:
            symbol: Market symbol, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_TICKER,
            path_params={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_market_stats(
        self,
        *,
        symbol: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Hour24Stats:
        """Gets market statistics

        GET /v2/stats/{symbol}

        Gets market statistics over the past 24 hours (open, high, low, close, volume).

        Args:
            symbol: Market symbol, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_MARKET_STATS,
            path_params={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_trades(
        self,
        *,
        symbol: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.TradeModel]:
        """Gets list of recent trades

        GET /v2/trades/{symbol}

        Gets list of most recent trades for a given symbol.

        Args:
            symbol: Symbol representing the market, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_TRADES,
            path_params={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_server_time(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ServerTime:
        """Get Server time

        GET /v2/time

        Get Server time, as an ISO date and as an epoch timestamp.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_SERVER_TIME,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_account(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.ApiAccountModel]:
        """Get Account Information

        GET /v2/account

        Get account information and balances, one entry per currency.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ACCOUNT,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def place_order(
        self,
        *,
        amount: Decimal | NotGiven = NOT_GIVEN,
        client_oid: int | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        funds: Decimal | NotGiven = NOT_GIVEN,
        id: str | NotGiven = NOT_GIVEN,
        post_only: bool | NotGiven = NOT_GIVEN,
        price: Decimal | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        side: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        stop: str | NotGiven = NOT_GIVEN,
        stop_price: Decimal | NotGiven = NOT_GIVEN,
        stp: str | NotGiven = NOT_GIVEN,
        tag: str | NotGiven = NOT_GIVEN,
        time_in_force: str | NotGiven = NOT_GIVEN,
        type: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.PlaceOrderResponse:
        """Order Placement

        POST /v2/order

        Sends Limit orders to BTSE. Give at least `symbol`, `side`, `type`, `amount` and, for a
        limit order, `price`. Amounts and prices are JSON numbers, sent with the exact digits
        given.
        Not safe to repeat blindly: a retry may place a second order.

        Args:
            amount: Order amount (size), a JSON number kept exact.
            client_oid: Client order id, an integer.
            created_at: Creation time; set by BTSE, normally left out.
            funds: Funds to use, in quote currency.
            id: Order id; set by BTSE, normally left out.
            post_only: Maker only; the order is rejected if it would take liquidity.
            price: Limit price, a JSON number kept exact.
            symbol: Market symbol, e.g. `BTC-USD`.
            side: Order side, e.g. `BUY` or `SELL`.
            status: Order status; set by BTSE, normally left out.
            stop: Stop order type.
            stop_price: Stop trigger price, a JSON number kept exact.
            stp: Self-trade prevention mode.
            tag: Free-form tag attached to the order.
            time_in_force: Time in force, e.g. `GTC`.
            type: Order type, e.g. `LIMIT`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._PLACE_ORDER,
            body={
                "amount": amount,
                "client_oid": client_oid,
                "created_at": created_at,
                "funds": funds,
                "id": id,
                "post_only": post_only,
                "price": price,
                "symbol": symbol,
                "side": side,
                "status": status,
                "stop": stop,
                "stop_price": stop_price,
                "stp": stp,
                "tag": tag,
                "time_in_force": time_in_force,
                "type": type,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_open_orders(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.PendingOrderModel]:
        """Gets pending orders

        GET /v2/pending

        Gets all pending (open) orders for the market, or for every market when `symbol` is omitted.

        Args:
            symbol: Market symbol, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_OPEN_ORDERS,
            query={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_fills(
        self,
        *,
        after: int | NotGiven = NOT_GIVEN,
        before: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        username: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.FillModel]:
        """Get order fills

        POST /v2/fills

        Get order fills. A read, although it is a POST: the query travels as a JSON body, so it
        is safe to repeat.

        Args:
            after: Lower bound of the fills to return (an int64).
            before: Upper bound of the fills to return (an int64).
            limit: Maximum number of fills to return.
            order_id: Only fills of this order.
            symbol: Only fills of this market, e.g. `BTC-USD`.
            username: Account username.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_FILLS,
            body={
                "after": after,
                "before": before,
                "limit": limit,
                "order_id": order_id,
                "symbol": symbol,
                "username": username,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_order(
        self,
        *,
        coin_name: str | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.ReturnResult]:
        """Cancel order

        POST /v2/deleteOrder

        Cancel order: give the order's `order_id` and `symbol` in the JSON body. The answer is
        an array of ReturnResult, one per cancelled order.

        Args:
            coin_name: Coin name.
            order_id: Id of the order to cancel.
            symbol: Market symbol of the order, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_ORDER,
            body={
                "coin_name": coin_name,
                "order_id": order_id,
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BtseClientWithRawResponse:
    """BtseClient's methods, each returning RawResponse instead of the parsed body."""

    def __init__(self, client: BtseClient) -> None:
        self.get_market_summary = raw_response(client.get_market_summary)
        self.list_markets = raw_response(client.list_markets)
        self.get_order_book = raw_response(client.get_order_book)
        self.get_ticker = raw_response(client.get_ticker)
        self.get_market_stats = raw_response(client.get_market_stats)
        self.list_trades = raw_response(client.list_trades)
        self.get_server_time = raw_response(client.get_server_time)
        self.get_account = raw_response(client.get_account)
        self.place_order = raw_response(client.place_order)
        self.list_open_orders = raw_response(client.list_open_orders)
        self.list_fills = raw_response(client.list_fills)
        self.cancel_order = raw_response(client.cancel_order)


class AsyncBtseClient(_Api, AsyncBaseClient):
    """Asynchronous client for BTSE Spot API (default server https://api.btse.com/spot)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        api_secret: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (BTSE_API_KEY, BTSE_API_SECRET).

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
                "api_key": api_key if api_key is not None else os.environ.get("BTSE_API_KEY"),
                "api_secret": api_secret
                if api_secret is not None
                else os.environ.get("BTSE_API_SECRET"),
            },
        )

    @cached_property
    def with_raw_response(self) -> AsyncBtseClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return AsyncBtseClientWithRawResponse(self)

    async def get_market_summary(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> dict[str, models.MarketSummary]:
        """High level market overview

        GET /v2/market_summary

        This API provides a high level overview of the market. Provides you with information
        such as the best bid/ask, price movements over the last day and volume information.
        The answer is an object keyed by market symbol (e.g. `BTC-USD`).

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_MARKET_SUMMARY,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_markets(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.MarketModel]:
        """Market information

        GET /v2/markets

        Gets information on the available markets.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_MARKETS,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_order_book(
        self,
        *,
        symbol: str,
        group: int | NotGiven = NOT_GIVEN,
        limit_asks: int | NotGiven = NOT_GIVEN,
        limit_bids: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderBookResponse:
        """Gets Orderbook

        GET /v2/orderbook/{symbol}

        Gets Orderbook for a given symbol.

        Args:
            symbol: Symbol representing the market, e.g. `BTC-USD`.
            group: Decimal grouping (price aggregation level).
            limit_asks: Restricts the depth of orderbook to return (asks side).
            limit_bids: Restricts the depth of orderbook to return (bids side).

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ORDER_BOOK,
            path_params={
                "symbol": symbol,
            },
            query={
                "group": group,
                "limit_asks": limit_asks,
                "limit_bids": limit_bids,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_ticker(
        self,
        *,
        symbol: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.TickerModel:
        """Ticker Information

        GET /v2/ticker/{symbol}

        Retrieves bid, asks, and other information of the ticker.

        Args:
            symbol: Market symbol, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_TICKER,
            path_params={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_market_stats(
        self,
        *,
        symbol: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Hour24Stats:
        """Gets market statistics

        GET /v2/stats/{symbol}

        Gets market statistics over the past 24 hours (open, high, low, close, volume).

        Args:
            symbol: Market symbol, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_MARKET_STATS,
            path_params={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_trades(
        self,
        *,
        symbol: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.TradeModel]:
        """Gets list of recent trades

        GET /v2/trades/{symbol}

        Gets list of most recent trades for a given symbol.

        Args:
            symbol: Symbol representing the market, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_TRADES,
            path_params={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_server_time(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ServerTime:
        """Get Server time

        GET /v2/time

        Get Server time, as an ISO date and as an epoch timestamp.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized
            PermissionDeniedError: 403, Forbidden
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_SERVER_TIME,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_account(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.ApiAccountModel]:
        """Get Account Information

        GET /v2/account

        Get account information and balances, one entry per currency.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ACCOUNT,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def place_order(
        self,
        *,
        amount: Decimal | NotGiven = NOT_GIVEN,
        client_oid: int | NotGiven = NOT_GIVEN,
        created_at: int | NotGiven = NOT_GIVEN,
        funds: Decimal | NotGiven = NOT_GIVEN,
        id: str | NotGiven = NOT_GIVEN,
        post_only: bool | NotGiven = NOT_GIVEN,
        price: Decimal | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        side: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        stop: str | NotGiven = NOT_GIVEN,
        stop_price: Decimal | NotGiven = NOT_GIVEN,
        stp: str | NotGiven = NOT_GIVEN,
        tag: str | NotGiven = NOT_GIVEN,
        time_in_force: str | NotGiven = NOT_GIVEN,
        type: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.PlaceOrderResponse:
        """Order Placement

        POST /v2/order

        Sends Limit orders to BTSE. Give at least `symbol`, `side`, `type`, `amount` and, for a
        limit order, `price`. Amounts and prices are JSON numbers, sent with the exact digits
        given.
        Not safe to repeat blindly: a retry may place a second order.

        Args:
            amount: Order amount (size), a JSON number kept exact.
            client_oid: Client order id, an integer.
            created_at: Creation time; set by BTSE, normally left out.
            funds: Funds to use, in quote currency.
            id: Order id; set by BTSE, normally left out.
            post_only: Maker only; the order is rejected if it would take liquidity.
            price: Limit price, a JSON number kept exact.
            symbol: Market symbol, e.g. `BTC-USD`.
            side: Order side, e.g. `BUY` or `SELL`.
            status: Order status; set by BTSE, normally left out.
            stop: Stop order type.
            stop_price: Stop trigger price, a JSON number kept exact.
            stp: Self-trade prevention mode.
            tag: Free-form tag attached to the order.
            time_in_force: Time in force, e.g. `GTC`.
            type: Order type, e.g. `LIMIT`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._PLACE_ORDER,
            body={
                "amount": amount,
                "client_oid": client_oid,
                "created_at": created_at,
                "funds": funds,
                "id": id,
                "post_only": post_only,
                "price": price,
                "symbol": symbol,
                "side": side,
                "status": status,
                "stop": stop,
                "stop_price": stop_price,
                "stp": stp,
                "tag": tag,
                "time_in_force": time_in_force,
                "type": type,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_open_orders(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.PendingOrderModel]:
        """Gets pending orders

        GET /v2/pending

        Gets all pending (open) orders for the market, or for every market when `symbol` is omitted.

        Args:
            symbol: Market symbol, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_OPEN_ORDERS,
            query={
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_fills(
        self,
        *,
        after: int | NotGiven = NOT_GIVEN,
        before: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        username: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.FillModel]:
        """Get order fills

        POST /v2/fills

        Get order fills. A read, although it is a POST: the query travels as a JSON body, so it
        is safe to repeat.

        Args:
            after: Lower bound of the fills to return (an int64).
            before: Upper bound of the fills to return (an int64).
            limit: Maximum number of fills to return.
            order_id: Only fills of this order.
            symbol: Only fills of this market, e.g. `BTC-USD`.
            username: Account username.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_FILLS,
            body={
                "after": after,
                "before": before,
                "limit": limit,
                "order_id": order_id,
                "symbol": symbol,
                "username": username,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_order(
        self,
        *,
        coin_name: str | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.ReturnResult]:
        """Cancel order

        POST /v2/deleteOrder

        Cancel order: give the order's `order_id` and `symbol` in the JSON body. The answer is
        an array of ReturnResult, one per cancelled order.

        Args:
            coin_name: Coin name.
            order_id: Id of the order to cancel.
            symbol: Market symbol of the order, e.g. `BTC-USD`.

        Raises:
            BadRequestError: 400, Bad Request
            AuthenticationError: 401, Unauthorized (missing or wrong key, nonce or signature)
            PermissionDeniedError: 403, Forbidden (the key lacks the permission)
            InternalServerError: 500, Internal Server Error
            InternalServerError: 503, Service Unavailable
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_ORDER,
            body={
                "coin_name": coin_name,
                "order_id": order_id,
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBtseClientWithRawResponse:
    """AsyncBtseClient's methods, each returning an awaitable RawResponse instead of the parsed body."""

    def __init__(self, client: AsyncBtseClient) -> None:
        self.get_market_summary = raw_response_async(client.get_market_summary)
        self.list_markets = raw_response_async(client.list_markets)
        self.get_order_book = raw_response_async(client.get_order_book)
        self.get_ticker = raw_response_async(client.get_ticker)
        self.get_market_stats = raw_response_async(client.get_market_stats)
        self.list_trades = raw_response_async(client.list_trades)
        self.get_server_time = raw_response_async(client.get_server_time)
        self.get_account = raw_response_async(client.get_account)
        self.place_order = raw_response_async(client.place_order)
        self.list_open_orders = raw_response_async(client.list_open_orders)
        self.list_fills = raw_response_async(client.list_fills)
        self.cancel_order = raw_response_async(client.cancel_order)

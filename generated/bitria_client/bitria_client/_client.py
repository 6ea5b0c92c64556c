"""BitriaClient and AsyncBitriaClient: one method per operation of bitria.yaml."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import Literal

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
    Pagination,
    raw_response,
)
from ._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncBitriaClient", "BitriaClient"]


class _Api(ApiDefinition):
    """What BitriaClient and AsyncBitriaClient know of the API: its server, schemes and operations."""

    _default_base_url = "https://api.bitria.io/api"
    _env_prefix = "BITRIA"
    _schemes = {
        "BitriaSignature": SigningScheme(
            headers=(
                ("X-API-KEY", "{api_key}"),
                ("X-API-TIMESTAMP", "{timestamp}"),
                ("X-API-SIGNATURE", "{signature}"),
            ),
            message=("{timestamp}{method}{target}{body}",),
            credentials=("api_key", "api_secret"),
        ),
    }
    _error_fields = ErrorBodyKeys(code=("code",), message=("message",))

    _GET_ACCOUNTS: Endpoint[models.BalanceList] = Endpoint(
        name="get_accounts",
        method="GET",
        path="/v1/accounts",
        result=models.BalanceList,
        security=(("BitriaSignature",),),
        arguments={
            ("query", "tradeType"): "trade_type",
            ("query", "coin"): "coin",
        },
        parameters={
            "query": models.GetAccountsQuery,
        },
        errors={
            "400": models.Error,
            "default": models.Error,
        },
    )

    _PLACE_ORDER: Endpoint[models.OrderAccepted] = Endpoint(
        name="place_order",
        method="POST",
        path="/v1/orders",
        result=models.OrderAccepted,
        security=(("BitriaSignature",),),
        body_type=models.PlaceOrderRequest,
        body_media_type="application/json",
        arguments={
            ("body", "symbol"): "symbol",
            ("body", "side"): "side",
            ("body", "orderType"): "order_type",
            ("body", "tradeType"): "trade_type",
            ("body", "quantity"): "quantity",
            ("body", "price"): "price",
            ("body", "funds"): "funds",
            ("body", "leverage"): "leverage",
            ("body", "marginMode"): "margin_mode",
        },
        errors={
            "400": models.Error,
            "401": models.Error,
            "429": models.Error,
            "default": models.Error,
        },
    )

    _LIST_ORDERS: Endpoint[models.OrderList] = Endpoint(
        name="list_orders",
        method="GET",
        path="/v1/orders",
        result=models.OrderList,
        security=(("BitriaSignature",),),
        arguments={
            ("query", "symbol"): "symbol",
            ("query", "tradeType"): "trade_type",
            ("query", "status"): "status",
            ("query", "page"): "page",
            ("query", "limit"): "limit",
        },
        parameters={
            "query": models.ListOrdersQuery,
        },
        errors={
            "default": models.Error,
        },
    )
    _LIST_ORDERS__PAGES = Pagination(
        style="page",
        items=("data",),
        page="page",
        limit="limit",
        total=("total",),
        default_limit=20,
    )

    _GET_ORDER: Endpoint[models.OrderDetail] = Endpoint(
        name="get_order",
        method="GET",
        path="/v1/orders/{orderId}",
        result=models.OrderDetail,
        security=(("BitriaSignature",),),
        arguments={
            ("path", "orderId"): "order_id",
        },
        errors={
            "404": models.Error,
            "default": models.Error,
        },
    )

    _CANCEL_ORDER: Endpoint[models.CancelResult] = Endpoint(
        name="cancel_order",
        method="POST",
        path="/v1/orders/{orderId}/cancel",
        result=models.CancelResult,
        security=(("BitriaSignature",),),
        arguments={
            ("path", "orderId"): "order_id",
        },
        errors={
            "404": models.Error,
            "409": models.Error,
            "default": models.Error,
        },
    )

    _LIST_FILLS: Endpoint[models.FillList] = Endpoint(
        name="list_fills",
        method="GET",
        path="/v1/fills",
        result=models.FillList,
        security=(("BitriaSignature",),),
        arguments={
            ("query", "symbol"): "symbol",
            ("query", "tradeType"): "trade_type",
            ("query", "orderId"): "order_id",
            ("query", "startTime"): "start_time",
            ("query", "endTime"): "end_time",
            ("query", "page"): "page",
            ("query", "limit"): "limit",
        },
        parameters={
            "query": models.ListFillsQuery,
        },
        errors={
            "default": models.Error,
        },
    )
    _LIST_FILLS__PAGES = Pagination(
        style="page",
        items=("data",),
        page="page",
        limit="limit",
        total=("total",),
        default_limit=20,
    )

    _GET_POSITIONS: Endpoint[models.PositionList] = Endpoint(
        name="get_positions",
        method="GET",
        path="/v1/positions",
        result=models.PositionList,
        security=(("BitriaSignature",),),
        arguments={
            ("query", "tradeType"): "trade_type",
            ("query", "symbol"): "symbol",
        },
        parameters={
            "query": models.GetPositionsQuery,
        },
        errors={
            "default": models.Error,
        },
    )


class BitriaClient(_Api, BaseClient):
    """Client for Bitria External API (default server https://api.bitria.io/api)."""

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
        """Create a client; a credential left out is read from the environment (BITRIA_API_KEY, BITRIA_API_SECRET).

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
                "api_key": api_key if api_key is not None else os.environ.get("BITRIA_API_KEY"),
                "api_secret": api_secret
                if api_secret is not None
                else os.environ.get("BITRIA_API_SECRET"),
            },
        )

    @cached_property
    def with_raw_response(self) -> BitriaClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return BitriaClientWithRawResponse(self)

    def get_accounts(
        self,
        *,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"],
        coin: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BalanceList:
        """Query account balances

        GET /v1/accounts

        Query the balances of one account type (`tradeType`: SPOT, FUTURES or MARGIN),
        optionally for a single coin. Answers 400 when `tradeType` is missing.

        Args:
            trade_type: Account type to query. SPOT | FUTURES | MARGIN.
            coin: Filter by specific coin.

        Raises:
            BadRequestError: 400, Missing tradeType
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ACCOUNTS,
            query={
                "tradeType": trade_type,
                "coin": coin,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def place_order(
        self,
        *,
        symbol: str,
        side: Literal["BUY", "SELL"],
        order_type: Literal["MARKET", "LIMIT"],
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"],
        quantity: Decimal | NotGiven = NOT_GIVEN,
        price: Decimal | NotGiven = NOT_GIVEN,
        funds: Decimal | NotGiven = NOT_GIVEN,
        leverage: int | NotGiven = NOT_GIVEN,
        margin_mode: Literal["CROSS", "ISOLATED"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderAccepted:
        """Place an order

        POST /v1/orders

        Place a MARKET or LIMIT order on the SPOT, FUTURES or MARGIN market.

        - LIMIT orders need `quantity` and `price`.
        - MARKET SELL orders need `quantity`; MARKET BUY orders need `funds` (the order amount in
          USDT).
        - FUTURES orders may set `leverage` (1-125) and `marginMode` (CROSS | ISOLATED).

        The order is accepted asynchronously: the API answers **202** (accepted, not yet
        filled). Poll `get_order` for its fills. Placing an order is not idempotent: a retried
        request may place a second order.

        Args:
            symbol: Trading pair (e.g. BTC-USDT).
            side: Order side.
            order_type: Order type.
            trade_type: Market type.
            quantity: Quantity, in the base coin, for MARKET SELL or LIMIT orders.
            price: Price for LIMIT orders.
            funds: Order amount in USDT for MARKET BUY orders.
            leverage: Leverage for FUTURES (1-125).
            margin_mode: Margin mode (FUTURES only).

        Raises:
            BadRequestError: 400, Invalid parameters
            AuthenticationError: 401, Authentication failed
            RateLimitError: 429, Rate limit exceeded
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._PLACE_ORDER,
            body={
                "symbol": symbol,
                "side": side,
                "orderType": order_type,
                "tradeType": trade_type,
                "quantity": quantity,
                "price": price,
                "funds": funds,
                "leverage": leverage,
                "marginMode": margin_mode,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_orders(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"] | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderList:
        """List orders

        GET /v1/orders

        List orders, filtered by trading pair, market type and status, one page at a time
        (`page` from 1, `limit` 1-100, default 20). The client's `iter_list_orders` walks every
        page.

        Args:
            symbol: Filter by trading pair (e.g. BTC-USDT).
            trade_type: Filter by market type. SPOT | FUTURES | MARGIN.
            status: Filter by order status. PENDING | SUBMITTED | FILLED | CANCELLED.
            page: Page number, from 1 (default 1).
            limit: Items per page (default 20, max 100).

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_ORDERS,
            query={
                "symbol": symbol,
                "tradeType": trade_type,
                "status": status,
                "page": page,
                "limit": limit,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_orders(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"] | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Order]:
        """Every item list_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_orders,
            {
                "symbol": symbol,
                "trade_type": trade_type,
                "status": status,
                "page": page,
                "limit": limit,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_ORDERS__PAGES,
        )

    def get_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderDetail:
        """Get order details

        GET /v1/orders/{orderId}

        Get one order, with the fills it has received so far (`fills`).

        Args:
            order_id: Order ID.

        Raises:
            NotFoundError: 404, Order not found
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ORDER,
            path_params={
                "orderId": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CancelResult:
        """Cancel an order

        POST /v1/orders/{orderId}/cancel

        Cancel an open order. Answers 200 when cancelled, 404 when the order does not exist,
        and 409 when it cannot be cancelled because it is already filled.

        Args:
            order_id: Order ID.

        Raises:
            NotFoundError: 404, Order not found
            ConflictError: 409, Cannot cancel (already filled)
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_ORDER,
            path_params={
                "orderId": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_fills(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        start_time: int | NotGiven = NOT_GIVEN,
        end_time: int | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.FillList:
        """Query fill history

        GET /v1/fills

        Query the fill (trade execution) history, filtered by trading pair, market type, order
        and time range (Unix milliseconds), one page at a time (`page` from 1, `limit` 1-100,
        default 20). The client's `iter_list_fills` walks every page.

        Args:
            symbol: Filter by trading pair (e.g. BTC-USDT).
            trade_type: Filter by market type. SPOT | FUTURES | MARGIN.
            order_id: Filter by specific order.
            start_time: Start time (Unix milliseconds).
            end_time: End time (Unix milliseconds).
            page: Page number, from 1 (default 1).
            limit: Items per page (default 20, max 100).

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_FILLS,
            query={
                "symbol": symbol,
                "tradeType": trade_type,
                "orderId": order_id,
                "startTime": start_time,
                "endTime": end_time,
                "page": page,
                "limit": limit,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_fills(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        start_time: int | NotGiven = NOT_GIVEN,
        end_time: int | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Fill]:
        """Every item list_fills() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_fills,
            {
                "symbol": symbol,
                "trade_type": trade_type,
                "order_id": order_id,
                "start_time": start_time,
                "end_time": end_time,
                "page": page,
                "limit": limit,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_FILLS__PAGES,
        )

    def get_positions(
        self,
        *,
        trade_type: Literal["FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.PositionList:
        """Query open positions

        GET /v1/positions

        Query the open FUTURES or MARGIN positions, optionally for one trading pair.

        Args:
            trade_type: Filter by market type. FUTURES | MARGIN.
            symbol: Filter by trading pair (e.g. BTC-USDT).

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_POSITIONS,
            query={
                "tradeType": trade_type,
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BitriaClientWithRawResponse:
    """BitriaClient's methods, each returning RawResponse instead of the parsed body."""

    def __init__(self, client: BitriaClient) -> None:
        self.get_accounts = raw_response(client.get_accounts)
        self.place_order = raw_response(client.place_order)
        self.list_orders = raw_response(client.list_orders)
        self.get_order = raw_response(client.get_order)
        self.cancel_order = raw_response(client.cancel_order)
        self.list_fills = raw_response(client.list_fills)
        self.get_positions = raw_response(client.get_positions)


class AsyncBitriaClient(_Api, AsyncBaseClient):
    """Asynchronous client for Bitria External API (default server https://api.bitria.io/api)."""

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
        """Create a client; a credential left out is read from the environment (BITRIA_API_KEY, BITRIA_API_SECRET).

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
                "api_key": api_key if api_key is not None else os.environ.get("BITRIA_API_KEY"),
                "api_secret": api_secret
                if api_secret is not None
                else os.environ.get("BITRIA_API_SECRET"),
            },
        )

    @cached_property
    def with_raw_response(self) -> AsyncBitriaClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return AsyncBitriaClientWithRawResponse(self)

    async def get_accounts(
        self,
        *,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"],
        coin: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.BalanceList:
        """Query account balances

        GET /v1/accounts

        Query the balances of one account type (`tradeType`: SPOT, FUTURES or MARGIN),
        optionally for a single coin. Answers 400 when `tradeType` is missing.

        Args:
            trade_type: Account type to query. SPOT | FUTURES | MARGIN.
            coin: Filter by specific coin.

        Raises:
            BadRequestError: 400, Missing tradeType
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ACCOUNTS,
            query={
                "tradeType": trade_type,
                "coin": coin,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def place_order(
        self,
        *,
        symbol: str,
        side: Literal["BUY", "SELL"],
        order_type: Literal["MARKET", "LIMIT"],
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"],
        quantity: Decimal | NotGiven = NOT_GIVEN,
        price: Decimal | NotGiven = NOT_GIVEN,
        funds: Decimal | NotGiven = NOT_GIVEN,
        leverage: int | NotGiven = NOT_GIVEN,
        margin_mode: Literal["CROSS", "ISOLATED"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderAccepted:
        """Place an order

        POST /v1/orders

        Place a MARKET or LIMIT order on the SPOT, FUTURES or MARGIN market.

        - LIMIT orders need `quantity` and `price`.
        - MARKET SELL orders need `quantity`; MARKET BUY orders need `funds` (the order amount in
          USDT).
        - FUTURES orders may set `leverage` (1-125) and `marginMode` (CROSS | ISOLATED).

        The order is accepted asynchronously: the API answers **202** (accepted, not yet
        filled). Poll `get_order` for its fills. Placing an order is not idempotent: a retried
        request may place a second order.

        Args:
            symbol: Trading pair (e.g. BTC-USDT).
            side: Order side.
            order_type: Order type.
            trade_type: Market type.
            quantity: Quantity, in the base coin, for MARKET SELL or LIMIT orders.
            price: Price for LIMIT orders.
            funds: Order amount in USDT for MARKET BUY orders.
            leverage: Leverage for FUTURES (1-125).
            margin_mode: Margin mode (FUTURES only).

        Raises:
            BadRequestError: 400, Invalid parameters
            AuthenticationError: 401, Authentication failed
            RateLimitError: 429, Rate limit exceeded
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._PLACE_ORDER,
            body={
                "symbol": symbol,
                "side": side,
                "orderType": order_type,
                "tradeType": trade_type,
                "quantity": quantity,
                "price": price,
                "funds": funds,
                "leverage": leverage,
                "marginMode": margin_mode,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_orders(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"] | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderList:
        """List orders

        GET /v1/orders

        List orders, filtered by trading pair, market type and status, one page at a time
        (`page` from 1, `limit` 1-100, default 20). The client's `iter_list_orders` walks every
        page.

        Args:
            symbol: Filter by trading pair (e.g. BTC-USDT).
            trade_type: Filter by market type. SPOT | FUTURES | MARGIN.
            status: Filter by order status. PENDING | SUBMITTED | FILLED | CANCELLED.
            page: Page number, from 1 (default 1).
            limit: Items per page (default 20, max 100).

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_ORDERS,
            query={
                "symbol": symbol,
                "tradeType": trade_type,
                "status": status,
                "page": page,
                "limit": limit,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_orders(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        status: Literal["PENDING", "SUBMITTED", "FILLED", "CANCELLED"] | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Order]:
        """Every item list_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_orders,
            {
                "symbol": symbol,
                "trade_type": trade_type,
                "status": status,
                "page": page,
                "limit": limit,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_ORDERS__PAGES,
        )

    async def get_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderDetail:
        """Get order details

        GET /v1/orders/{orderId}

        Get one order, with the fills it has received so far (`fills`).

        Args:
            order_id: Order ID.

        Raises:
            NotFoundError: 404, Order not found
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ORDER,
            path_params={
                "orderId": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CancelResult:
        """Cancel an order

        POST /v1/orders/{orderId}/cancel

        Cancel an open order. Answers 200 when cancelled, 404 when the order does not exist,
        and 409 when it cannot be cancelled because it is already filled.

        Args:
            order_id: Order ID.

        Raises:
            NotFoundError: 404, Order not found
            ConflictError: 409, Cannot cancel (already filled)
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_ORDER,
            path_params={
                "orderId": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_fills(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        start_time: int | NotGiven = NOT_GIVEN,
        end_time: int | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.FillList:
        """Query fill history

        GET /v1/fills

        Query the fill (trade execution) history, filtered by trading pair, market type, order
        and time range (Unix milliseconds), one page at a time (`page` from 1, `limit` 1-100,
        default 20). The client's `iter_list_fills` walks every page.

        Args:
            symbol: Filter by trading pair (e.g. BTC-USDT).
            trade_type: Filter by market type. SPOT | FUTURES | MARGIN.
            order_id: Filter by specific order.
            start_time: Start time (Unix milliseconds).
            end_time: End time (Unix milliseconds).
            page: Page number, from 1 (default 1).
            limit: Items per page (default 20, max 100).

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_FILLS,
            query={
                "symbol": symbol,
                "tradeType": trade_type,
                "orderId": order_id,
                "startTime": start_time,
                "endTime": end_time,
                "page": page,
                "limit": limit,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_fills(
        self,
        *,
        symbol: str | NotGiven = NOT_GIVEN,
        trade_type: Literal["SPOT", "FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        order_id: str | NotGiven = NOT_GIVEN,
        start_time: int | NotGiven = NOT_GIVEN,
        end_time: int | NotGiven = NOT_GIVEN,
        page: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Fill]:
        """Every item list_fills() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_fills,
            {
                "symbol": symbol,
                "trade_type": trade_type,
                "order_id": order_id,
                "start_time": start_time,
                "end_time": end_time,
                "page": page,
                "limit": limit,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_FILLS__PAGES,
        )

    async def get_positions(
        self,
        *,
        trade_type: Literal["FUTURES", "MARGIN"] | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.PositionList:
        """Query open positions

        GET /v1/positions

        Query the open FUTURES or MARGIN positions, optionally for one trading pair.

        Args:
            trade_type: Filter by market type. FUTURES | MARGIN.
            symbol: Filter by trading pair (e.g. BTC-USDT).

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_POSITIONS,
            query={
                "tradeType": trade_type,
                "symbol": symbol,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBitriaClientWithRawResponse:
    """AsyncBitriaClient's methods, each returning an awaitable RawResponse instead of the parsed body."""

    def __init__(self, client: AsyncBitriaClient) -> None:
        self.get_accounts = raw_response_async(client.get_accounts)
        self.place_order = raw_response_async(client.place_order)
        self.list_orders = raw_response_async(client.list_orders)
        self.get_order = raw_response_async(client.get_order)
        self.cancel_order = raw_response_async(client.cancel_order)
        self.list_fills = raw_response_async(client.list_fills)
        self.get_positions = raw_response_async(client.get_positions)

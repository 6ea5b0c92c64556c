"""BitcainClient and AsyncBitcainClient: one method per operation of bitcain.yaml."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from datetime import datetime
from decimal import Decimal
from functools import cached_property
from typing import Literal

import httpx

from . import models
from ._async_client import AsyncBaseClient, raw_response_async
from ._auth import BearerScheme
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

__all__ = ["AsyncBitcainClient", "BitcainClient"]


class _Api(ApiDefinition):
    """What BitcainClient and AsyncBitcainClient know of the API: its server, schemes and operations."""

    _default_base_url = "https://api.bitcain.net"
    _env_prefix = "BITCAIN"
    _schemes = {
        "HTTPBearer": BearerScheme(credentials=("token",)),
    }
    _error_fields = ErrorBodyKeys(message=("detail",))

    _LIST_ORDERS: Endpoint[models.OrderList] = Endpoint(
        name="list_orders",
        method="GET",
        path="/api/v1/orders",
        result=models.OrderList,
        security=(("HTTPBearer",),),
        arguments={
            ("query", "portfolio_id"): "portfolio_id",
            ("query", "order_status"): "order_status",
            ("query", "symbol"): "symbol",
            ("query", "start_date"): "start_date",
            ("query", "end_date"): "end_date",
            ("query", "limit"): "limit",
            ("query", "offset"): "offset",
            ("query", "cursor"): "cursor",
        },
        parameters={
            "query": models.ListOrdersQuery,
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
        },
    )
    _LIST_ORDERS__PAGES = Pagination(
        style="offset", items=("orders",), limit="limit", offset="offset", default_limit=50
    )

    _PLACE_ORDER: Endpoint[models.Order] = Endpoint(
        name="place_order",
        method="POST",
        path="/api/v1/orders",
        result=models.Order,
        security=(("HTTPBearer",),),
        body_type=models.OrderCreate,
        body_media_type="application/json",
        arguments={
            ("body", "symbol"): "symbol",
            ("body", "side"): "side",
            ("body", "type"): "type",
            ("body", "quantity"): "quantity",
            ("query", "trading_mode"): "trading_mode",
            ("query", "exchange"): "exchange",
            ("query", "source"): "source",
            ("query", "agent_id"): "agent_id",
            ("body", "price"): "price",
            ("body", "portfolio_id"): "portfolio_id",
            ("body", "stop_price"): "stop_price",
            ("body", "time_in_force"): "time_in_force",
            ("body", "expires_at"): "expires_at",
            ("body", "reduce_only"): "reduce_only",
            ("body", "post_only"): "post_only",
            ("body", "client_order_id"): "client_order_id",
            ("body", "source"): "source_body",
            ("body", "agent_id"): "agent_id_body",
        },
        parameters={
            "query": models.PlaceOrderQuery,
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
        },
    )

    _GET_ORDER_HISTORY: Endpoint[models.OrderHistory] = Endpoint(
        name="get_order_history",
        method="GET",
        path="/api/v1/orders/history",
        result=models.OrderHistory,
        security=(("HTTPBearer",),),
        arguments={
            ("query", "start_date"): "start_date",
            ("query", "end_date"): "end_date",
            ("query", "order_status"): "order_status",
            ("query", "limit"): "limit",
        },
        parameters={
            "query": models.GetOrderHistoryQuery,
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
        },
    )

    _GET_ORDER: Endpoint[models.Order] = Endpoint(
        name="get_order",
        method="GET",
        path="/api/v1/orders/{order_id}",
        result=models.Order,
        security=(("HTTPBearer",),),
        arguments={
            ("path", "order_id"): "order_id",
        },
        errors={
            "401": models.HttpError,
            "404": models.HttpError,
            "422": models.HttpValidationError,
        },
    )

    _UPDATE_ORDER: Endpoint[models.Order] = Endpoint(
        name="update_order",
        method="PATCH",
        path="/api/v1/orders/{order_id}",
        result=models.Order,
        security=(("HTTPBearer",),),
        body_type=models.OrderUpdate,
        body_media_type="application/json",
        arguments={
            ("path", "order_id"): "order_id",
            ("body", "quantity"): "quantity",
            ("body", "price"): "price",
            ("body", "stop_price"): "stop_price",
            ("body", "time_in_force"): "time_in_force",
            ("body", "expires_at"): "expires_at",
            ("body", "status"): "status",
        },
        errors={
            "401": models.HttpError,
            "404": models.HttpError,
            "422": models.HttpValidationError,
        },
    )

    _CANCEL_ORDER: Endpoint[models.Order] = Endpoint(
        name="cancel_order",
        method="DELETE",
        path="/api/v1/orders/{order_id}",
        result=models.Order,
        security=(("HTTPBearer",),),
        arguments={
            ("path", "order_id"): "order_id",
        },
        errors={
            "401": models.HttpError,
            "404": models.HttpError,
            "422": models.HttpValidationError,
        },
    )

    _RETRY_ORDER: Endpoint[models.Order] = Endpoint(
        name="retry_order",
        method="POST",
        path="/api/v1/orders/{order_id}/retry",
        result=models.Order,
        security=(("HTTPBearer",),),
        arguments={
            ("path", "order_id"): "order_id",
        },
        errors={
            "401": models.HttpError,
            "404": models.HttpError,
            "422": models.HttpValidationError,
        },
    )


class BitcainClient(_Api, BaseClient):
    """Client for bitcain orders API (default server https://api.bitcain.net)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        token: str | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (BITCAIN_TOKEN).

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
                "token": token if token is not None else os.environ.get("BITCAIN_TOKEN"),
            },
        )

    @cached_property
    def with_raw_response(self) -> BitcainClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return BitcainClientWithRawResponse(self)

    def list_orders(
        self,
        *,
        portfolio_id: str | None | NotGiven = NOT_GIVEN,
        order_status: str | None | NotGiven = NOT_GIVEN,
        symbol: str | None | NotGiven = NOT_GIVEN,
        start_date: datetime | None | NotGiven = NOT_GIVEN,
        end_date: datetime | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderList:
        """List user orders

        GET /api/v1/orders

        List the user's orders, filtered by portfolio, status, symbol (exact match) and
        creation date. Pages with `limit` (1-200, default 50) and `offset` (default 0), or with
        `cursor` as an alternative to `offset`. The client's `iter_list_orders` walks every page
        by offset.

        Args:
            portfolio_id: Filter by portfolio ID.
            order_status: Filter by order status (e.g. `filled`).
            symbol: Filter by trading symbol (exact match).
            start_date: Filter orders created after this date.
            end_date: Filter orders created before this date.
            limit: Maximum number of orders to return.
            offset: Number of orders to skip for pagination.
            cursor: Cursor for pagination (alternative to offset). Pass the `next_cursor` of the
                previous page.

        Raises:
            AuthenticationError: 401
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_ORDERS,
            query={
                "portfolio_id": portfolio_id,
                "order_status": order_status,
                "symbol": symbol,
                "start_date": start_date,
                "end_date": end_date,
                "limit": limit,
                "offset": offset,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_orders(
        self,
        *,
        portfolio_id: str | None | NotGiven = NOT_GIVEN,
        order_status: str | None | NotGiven = NOT_GIVEN,
        symbol: str | None | NotGiven = NOT_GIVEN,
        start_date: datetime | None | NotGiven = NOT_GIVEN,
        end_date: datetime | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Order]:
        """Every item list_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_orders,
            {
                "portfolio_id": portfolio_id,
                "order_status": order_status,
                "symbol": symbol,
                "start_date": start_date,
                "end_date": end_date,
                "limit": limit,
                "offset": offset,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_ORDERS__PAGES,
        )

    def place_order(
        self,
        *,
        symbol: str,
        side: Literal["buy", "sell"],
        type: Literal[
            "market",
            "limit",
            "stop_loss",
            "take_profit",
            "stop_limit",
            "trailing_stop",
            "iceberg",
            "oco",
        ],
        quantity: Decimal,
        trading_mode: Literal["paper", "live"] | NotGiven = NOT_GIVEN,
        exchange: str | NotGiven = NOT_GIVEN,
        source: Literal["manual", "agent", "strategy"] | NotGiven = NOT_GIVEN,
        agent_id: str | None | NotGiven = NOT_GIVEN,
        price: Decimal | None | NotGiven = NOT_GIVEN,
        portfolio_id: str | None | NotGiven = NOT_GIVEN,
        stop_price: Decimal | None | NotGiven = NOT_GIVEN,
        time_in_force: Literal["gtc", "ioc", "fok", "gtt"] | NotGiven = NOT_GIVEN,
        expires_at: datetime | None | NotGiven = NOT_GIVEN,
        reduce_only: bool | NotGiven = NOT_GIVEN,
        post_only: bool | NotGiven = NOT_GIVEN,
        client_order_id: str | None | NotGiven = NOT_GIVEN,
        source_body: Literal["manual", "agent", "strategy"] | NotGiven = NOT_GIVEN,
        agent_id_body: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Create trading order

        POST /api/v1/orders

        Create a trading order, routed to an exchange (`exchange`, default `binanceus`) in paper
        or live mode (`trading_mode`, default `live`). The order passes the service's risk
        management before it is routed.

        `source` and `agent_id` exist both as query parameters and as body fields; `agent_id`
        is the AI agent's UUID when `source` is `agent`.

        Creating an order is not idempotent: a retried request may create a second order. Set
        `client_order_id` to recognise your own orders.

        Args:
            symbol: Trading symbol.
            side: Trade type enumeration.
            type: Order type enumeration.
            quantity: Order quantity: a JSON number or a decimal string (the string keeps every
                digit).
            trading_mode: Trading mode: 'paper' or 'live'.
            exchange: Exchange to route order to (e.g., 'binanceus', 'coinbase').
            source: Order source: 'manual', 'agent', 'strategy'.
            agent_id: AI agent UUID (if source is 'agent').
            price: Limit price: a JSON number or a decimal string (the string keeps every
                digit).
            portfolio_id: Portfolio the order belongs to.
            stop_price: Stop (trigger) price: a JSON number or a decimal string (the string
                keeps every digit).
            time_in_force: Time in force enumeration.
            expires_at: Expiry time (for `gtt` orders).
            reduce_only: Only reduce an existing position.
            post_only: Only add liquidity (maker only).
            client_order_id: Your own id for the order.
            source_body: Order source enumeration.
            agent_id_body: AI agent UUID (if source is 'agent').

        Raises:
            AuthenticationError: 401
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._PLACE_ORDER,
            query={
                "trading_mode": trading_mode,
                "exchange": exchange,
                "source": source,
                "agent_id": agent_id,
            },
            body={
                "symbol": symbol,
                "side": side,
                "type": type,
                "quantity": quantity,
                "price": price,
                "portfolio_id": portfolio_id,
                "stop_price": stop_price,
                "time_in_force": time_in_force,
                "expires_at": expires_at,
                "reduce_only": reduce_only,
                "post_only": post_only,
                "client_order_id": client_order_id,
                "source": source_body,
                "agent_id": agent_id_body,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_order_history(
        self,
        *,
        start_date: datetime | None | NotGiven = NOT_GIVEN,
        end_date: datetime | None | NotGiven = NOT_GIVEN,
        order_status: str | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderHistory:
        """Get order history

        GET /api/v1/orders/history

        Get the order history between two dates, optionally for one status, newest orders up to
        `limit` (1-500, default 100). This endpoint takes no offset or cursor, so it returns a
        single page.

        Args:
            start_date: Filter orders from this date.
            end_date: Filter orders until this date.
            order_status: Filter by order status (e.g. `filled`).
            limit: Maximum number of orders to return.

        Raises:
            AuthenticationError: 401
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ORDER_HISTORY,
            query={
                "start_date": start_date,
                "end_date": end_date,
                "order_status": order_status,
                "limit": limit,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Get order details

        GET /api/v1/orders/{order_id}

        Get one order by its id.

        Args:
            order_id: Order id (UUID).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ORDER,
            path_params={
                "order_id": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def update_order(
        self,
        *,
        order_id: str,
        quantity: Decimal | None | NotGiven = NOT_GIVEN,
        price: Decimal | None | NotGiven = NOT_GIVEN,
        stop_price: Decimal | None | NotGiven = NOT_GIVEN,
        time_in_force: Literal["gtc", "ioc", "fok", "gtt"] | None | NotGiven = NOT_GIVEN,
        expires_at: datetime | None | NotGiven = NOT_GIVEN,
        status: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Update order

        PATCH /api/v1/orders/{order_id}

        Update an order's quantity, prices, time in force, expiry or status. Send only the
        fields to change. Not idempotent: never retried automatically.

        Args:
            order_id: Order id (UUID).
            quantity: New quantity: a JSON number or a decimal string (the string keeps every
                digit).
            price: New limit price: a JSON number or a decimal string (the string keeps every
                digit).
            stop_price: New stop (trigger) price: a JSON number or a decimal string (the string
                keeps every digit).
            time_in_force: New time in force.
            expires_at: New expiry time.
            status: New status (e.g. `cancelled`).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._UPDATE_ORDER,
            path_params={
                "order_id": order_id,
            },
            body={
                "quantity": quantity,
                "price": price,
                "stop_price": stop_price,
                "time_in_force": time_in_force,
                "expires_at": expires_at,
                "status": status,
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
    ) -> models.Order:
        """Cancel order

        DELETE /api/v1/orders/{order_id}

        Cancel an order. Not retried automatically.

        Args:
            order_id: Order id (UUID).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_ORDER,
            path_params={
                "order_id": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def retry_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Retry failed order

        POST /api/v1/orders/{order_id}/retry

        Submit a failed order again. Not idempotent: a retried request may submit the order
        twice.

        Args:
            order_id: Order id (UUID).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._RETRY_ORDER,
            path_params={
                "order_id": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BitcainClientWithRawResponse:
    """BitcainClient's methods, each returning RawResponse instead of the parsed body."""

    def __init__(self, client: BitcainClient) -> None:
        self.list_orders = raw_response(client.list_orders)
        self.place_order = raw_response(client.place_order)
        self.get_order_history = raw_response(client.get_order_history)
        self.get_order = raw_response(client.get_order)
        self.update_order = raw_response(client.update_order)
        self.cancel_order = raw_response(client.cancel_order)
        self.retry_order = raw_response(client.retry_order)


class AsyncBitcainClient(_Api, AsyncBaseClient):
    """Asynchronous client for bitcain orders API (default server https://api.bitcain.net)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        token: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (BITCAIN_TOKEN).

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
                "token": token if token is not None else os.environ.get("BITCAIN_TOKEN"),
            },
        )

    @cached_property
    def with_raw_response(self) -> AsyncBitcainClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return AsyncBitcainClientWithRawResponse(self)

    async def list_orders(
        self,
        *,
        portfolio_id: str | None | NotGiven = NOT_GIVEN,
        order_status: str | None | NotGiven = NOT_GIVEN,
        symbol: str | None | NotGiven = NOT_GIVEN,
        start_date: datetime | None | NotGiven = NOT_GIVEN,
        end_date: datetime | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderList:
        """List user orders

        GET /api/v1/orders

        List the user's orders, filtered by portfolio, status, symbol (exact match) and
        creation date. Pages with `limit` (1-200, default 50) and `offset` (default 0), or with
        `cursor` as an alternative to `offset`. The client's `iter_list_orders` walks every page
        by offset.

        Args:
            portfolio_id: Filter by portfolio ID.
            order_status: Filter by order status (e.g. `filled`).
            symbol: Filter by trading symbol (exact match).
            start_date: Filter orders created after this date.
            end_date: Filter orders created before this date.
            limit: Maximum number of orders to return.
            offset: Number of orders to skip for pagination.
            cursor: Cursor for pagination (alternative to offset). Pass the `next_cursor` of the
                previous page.

        Raises:
            AuthenticationError: 401
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_ORDERS,
            query={
                "portfolio_id": portfolio_id,
                "order_status": order_status,
                "symbol": symbol,
                "start_date": start_date,
                "end_date": end_date,
                "limit": limit,
                "offset": offset,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_orders(
        self,
        *,
        portfolio_id: str | None | NotGiven = NOT_GIVEN,
        order_status: str | None | NotGiven = NOT_GIVEN,
        symbol: str | None | NotGiven = NOT_GIVEN,
        start_date: datetime | None | NotGiven = NOT_GIVEN,
        end_date: datetime | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Order]:
        """Every item list_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_orders,
            {
                "portfolio_id": portfolio_id,
                "order_status": order_status,
                "symbol": symbol,
                "start_date": start_date,
                "end_date": end_date,
                "limit": limit,
                "offset": offset,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_ORDERS__PAGES,
        )

    async def place_order(
        self,
        *,
        symbol: str,
        side: Literal["buy", "sell"],
        type: Literal[
            "market",
            "limit",
            "stop_loss",
            "take_profit",
            "stop_limit",
            "trailing_stop",
            "iceberg",
            "oco",
        ],
        quantity: Decimal,
        trading_mode: Literal["paper", "live"] | NotGiven = NOT_GIVEN,
        exchange: str | NotGiven = NOT_GIVEN,
        source: Literal["manual", "agent", "strategy"] | NotGiven = NOT_GIVEN,
        agent_id: str | None | NotGiven = NOT_GIVEN,
        price: Decimal | None | NotGiven = NOT_GIVEN,
        portfolio_id: str | None | NotGiven = NOT_GIVEN,
        stop_price: Decimal | None | NotGiven = NOT_GIVEN,
        time_in_force: Literal["gtc", "ioc", "fok", "gtt"] | NotGiven = NOT_GIVEN,
        expires_at: datetime | None | NotGiven = NOT_GIVEN,
        reduce_only: bool | NotGiven = NOT_GIVEN,
        post_only: bool | NotGiven = NOT_GIVEN,
        client_order_id: str | None | NotGiven = NOT_GIVEN,
        source_body: Literal["manual", "agent", "strategy"] | NotGiven = NOT_GIVEN,
        agent_id_body: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Create trading order

        POST /api/v1/orders

        Create a trading order, routed to an exchange (`exchange`, default `binanceus`) in paper
        or live mode (`trading_mode`, default `live`). The order passes the service's risk
        management before it is routed.

        `source` and `agent_id` exist both as query parameters and as body fields; `agent_id`
        is the AI agent's UUID when `source` is `agent`.

        Creating an order is not idempotent: a retried request may create a second order. Set
        `client_order_id` to recognise your own orders.

        Args:
            symbol: Trading symbol.
            side: Trade type enumeration.
            type: Order type enumeration.
            quantity: Order quantity: a JSON number or a decimal string (the string keeps every
                digit).
            trading_mode: Trading mode: 'paper' or 'live'.
            exchange: Exchange to route order to (e.g., 'binanceus', 'coinbase').
            source: Order source: 'manual', 'agent', 'strategy'.
            agent_id: AI agent UUID (if source is 'agent').
            price: Limit price: a JSON number or a decimal string (the string keeps every
                digit).
            portfolio_id: Portfolio the order belongs to.
            stop_price: Stop (trigger) price: a JSON number or a decimal string (the string
                keeps every digit).
            time_in_force: Time in force enumeration.
            expires_at: Expiry time (for `gtt` orders).
            reduce_only: Only reduce an existing position.
            post_only: Only add liquidity (maker only).
            client_order_id: Your own id for the order.
            source_body: Order source enumeration.
            agent_id_body: AI agent UUID (if source is 'agent').

        Raises:
            AuthenticationError: 401
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._PLACE_ORDER,
            query={
                "trading_mode": trading_mode,
                "exchange": exchange,
                "source": source,
                "agent_id": agent_id,
            },
            body={
                "symbol": symbol,
                "side": side,
                "type": type,
                "quantity": quantity,
                "price": price,
                "portfolio_id": portfolio_id,
                "stop_price": stop_price,
                "time_in_force": time_in_force,
                "expires_at": expires_at,
                "reduce_only": reduce_only,
                "post_only": post_only,
                "client_order_id": client_order_id,
                "source": source_body,
                "agent_id": agent_id_body,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_order_history(
        self,
        *,
        start_date: datetime | None | NotGiven = NOT_GIVEN,
        end_date: datetime | None | NotGiven = NOT_GIVEN,
        order_status: str | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderHistory:
        """Get order history

        GET /api/v1/orders/history

        Get the order history between two dates, optionally for one status, newest orders up to
        `limit` (1-500, default 100). This endpoint takes no offset or cursor, so it returns a
        single page.

        Args:
            start_date: Filter orders from this date.
            end_date: Filter orders until this date.
            order_status: Filter by order status (e.g. `filled`).
            limit: Maximum number of orders to return.

        Raises:
            AuthenticationError: 401
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ORDER_HISTORY,
            query={
                "start_date": start_date,
                "end_date": end_date,
                "order_status": order_status,
                "limit": limit,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Get order details

        GET /api/v1/orders/{order_id}

        Get one order by its id.

        Args:
            order_id: Order id (UUID).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ORDER,
            path_params={
                "order_id": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def update_order(
        self,
        *,
        order_id: str,
        quantity: Decimal | None | NotGiven = NOT_GIVEN,
        price: Decimal | None | NotGiven = NOT_GIVEN,
        stop_price: Decimal | None | NotGiven = NOT_GIVEN,
        time_in_force: Literal["gtc", "ioc", "fok", "gtt"] | None | NotGiven = NOT_GIVEN,
        expires_at: datetime | None | NotGiven = NOT_GIVEN,
        status: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Update order

        PATCH /api/v1/orders/{order_id}

        Update an order's quantity, prices, time in force, expiry or status. Send only the
        fields to change. Not idempotent: never retried automatically.

        Args:
            order_id: Order id (UUID).
            quantity: New quantity: a JSON number or a decimal string (the string keeps every
                digit).
            price: New limit price: a JSON number or a decimal string (the string keeps every
                digit).
            stop_price: New stop (trigger) price: a JSON number or a decimal string (the string
                keeps every digit).
            time_in_force: New time in force.
            expires_at: New expiry time.
            status: New status (e.g. `cancelled`).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._UPDATE_ORDER,
            path_params={
                "order_id": order_id,
            },
            body={
                "quantity": quantity,
                "price": price,
                "stop_price": stop_price,
                "time_in_force": time_in_force,
                "expires_at": expires_at,
                "status": status,
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
    ) -> models.Order:
        """Cancel order

        DELETE /api/v1/orders/{order_id}

        Cancel an order. Not retried automatically.

        Args:
            order_id: Order id (UUID).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_ORDER,
            path_params={
                "order_id": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def retry_order(
        self,
        *,
        order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Order:
        """Retry failed order

        POST /api/v1/orders/{order_id}/retry

        Submit a failed order again. Not idempotent: a retried request may submit the order
        twice.

        Args:
            order_id: Order id (UUID).

        Raises:
            AuthenticationError: 401
            NotFoundError: 404, Order not found
            UnprocessableEntityError: 422, Validation Error
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._RETRY_ORDER,
            path_params={
                "order_id": order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBitcainClientWithRawResponse:
    """AsyncBitcainClient's methods, each returning an awaitable RawResponse instead of the parsed body."""

    def __init__(self, client: AsyncBitcainClient) -> None:
        self.list_orders = raw_response_async(client.list_orders)
        self.place_order = raw_response_async(client.place_order)
        self.get_order_history = raw_response_async(client.get_order_history)
        self.get_order = raw_response_async(client.get_order)
        self.update_order = raw_response_async(client.update_order)
        self.cancel_order = raw_response_async(client.cancel_order)
        self.retry_order = raw_response_async(client.retry_order)

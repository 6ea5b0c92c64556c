"""HummingbotClient and AsyncHummingbotClient: one method per operation of hummingbot.yaml."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import Literal

import httpx

from . import models
from ._async_client import AsyncBaseClient, raw_response_async
from ._auth import BasicScheme
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

__all__ = ["AsyncHummingbotClient", "HummingbotClient"]


class _Api(ApiDefinition):
    """What HummingbotClient and AsyncHummingbotClient know of the API: its server, schemes and operations."""

    _default_base_url = "http://localhost:8000"
    _env_prefix = "HUMMINGBOT"
    _schemes = {
        "HTTPBasic": BasicScheme(),
    }
    _error_fields = ErrorBodyKeys(message=("detail",))

    _PLACE_ORDER: Endpoint[models.TradeResponse] = Endpoint(
        name="place_order",
        method="POST",
        path="/trading/orders",
        result=models.TradeResponse,
        security=(("HTTPBasic",),),
        body_type=models.TradeRequest,
        body_media_type="application/json",
        arguments={
            ("body", "account_name"): "account_name",
            ("body", "connector_name"): "connector_name",
            ("body", "trading_pair"): "trading_pair",
            ("body", "trade_type"): "trade_type",
            ("body", "amount"): "amount",
            ("body", "order_type"): "order_type",
            ("body", "price"): "price",
            ("body", "position_action"): "position_action",
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
            "500": models.HttpError,
        },
    )

    _CANCEL_ORDER: Endpoint[models.CancelOrderResponse] = Endpoint(
        name="cancel_order",
        method="POST",
        path="/trading/{account_name}/{connector_name}/orders/{client_order_id}/cancel",
        result=models.CancelOrderResponse,
        security=(("HTTPBasic",),),
        arguments={
            ("path", "account_name"): "account_name",
            ("path", "connector_name"): "connector_name",
            ("path", "client_order_id"): "client_order_id",
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
            "500": models.HttpError,
        },
    )

    _GET_POSITIONS: Endpoint[models.PositionPage] = Endpoint(
        name="get_positions",
        method="POST",
        path="/trading/positions",
        result=models.PositionPage,
        security=(("HTTPBasic",),),
        idempotent=True,
        body_type=models.PositionFilterRequest,
        body_media_type="application/json",
        arguments={
            ("body", "account_names"): "account_names",
            ("body", "connector_names"): "connector_names",
            ("body", "limit"): "limit",
            ("body", "cursor"): "cursor",
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
            "500": models.HttpError,
        },
    )
    _GET_POSITIONS__PAGES = Pagination(
        style="cursor", items=("data",), cursor="cursor", next_cursor=("pagination", "next_cursor")
    )

    _GET_ACTIVE_ORDERS: Endpoint[models.OrderPage] = Endpoint(
        name="get_active_orders",
        method="POST",
        path="/trading/orders/active",
        result=models.OrderPage,
        security=(("HTTPBasic",),),
        idempotent=True,
        body_type=models.ActiveOrderFilterRequest,
        body_media_type="application/json",
        arguments={
            ("body", "account_names"): "account_names",
            ("body", "connector_names"): "connector_names",
            ("body", "trading_pairs"): "trading_pairs",
            ("body", "limit"): "limit",
            ("body", "cursor"): "cursor",
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
            "500": models.HttpError,
        },
    )
    _GET_ACTIVE_ORDERS__PAGES = Pagination(
        style="cursor", items=("data",), cursor="cursor", next_cursor=("pagination", "next_cursor")
    )

    _SEARCH_ORDERS: Endpoint[models.OrderPage] = Endpoint(
        name="search_orders",
        method="POST",
        path="/trading/orders/search",
        result=models.OrderPage,
        security=(("HTTPBasic",),),
        idempotent=True,
        body_type=models.OrderFilterRequest,
        body_media_type="application/json",
        arguments={
            ("body", "account_names"): "account_names",
            ("body", "connector_names"): "connector_names",
            ("body", "trading_pairs"): "trading_pairs",
            ("body", "status"): "status",
            ("body", "start_time"): "start_time",
            ("body", "end_time"): "end_time",
            ("body", "limit"): "limit",
            ("body", "cursor"): "cursor",
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
            "500": models.HttpError,
        },
    )
    _SEARCH_ORDERS__PAGES = Pagination(
        style="cursor", items=("data",), cursor="cursor", next_cursor=("pagination", "next_cursor")
    )

    _GET_TRADES: Endpoint[models.TradePage] = Endpoint(
        name="get_trades",
        method="POST",
        path="/trading/trades",
        result=models.TradePage,
        security=(("HTTPBasic",),),
        idempotent=True,
        body_type=models.TradeFilterRequest,
        body_media_type="application/json",
        arguments={
            ("body", "account_names"): "account_names",
            ("body", "connector_names"): "connector_names",
            ("body", "trading_pairs"): "trading_pairs",
            ("body", "trade_types"): "trade_types",
            ("body", "start_time"): "start_time",
            ("body", "end_time"): "end_time",
            ("body", "limit"): "limit",
            ("body", "cursor"): "cursor",
        },
        errors={
            "401": models.HttpError,
            "422": models.HttpValidationError,
            "500": models.HttpError,
        },
    )
    _GET_TRADES__PAGES = Pagination(
        style="cursor", items=("data",), cursor="cursor", next_cursor=("pagination", "next_cursor")
    )


class HummingbotClient(_Api, BaseClient):
    """Client for Hummingbot API (default server http://localhost:8000)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (HUMMINGBOT_USERNAME, HUMMINGBOT_PASSWORD).

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
                "username": username
                if username is not None
                else os.environ.get("HUMMINGBOT_USERNAME"),
                "password": password
                if password is not None
                else os.environ.get("HUMMINGBOT_PASSWORD"),
            },
        )

    @cached_property
    def with_raw_response(self) -> HummingbotClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return HummingbotClientWithRawResponse(self)

    def place_order(
        self,
        *,
        account_name: str,
        connector_name: str,
        trading_pair: str,
        trade_type: Literal["BUY", "SELL"],
        amount: Decimal,
        order_type: Literal["LIMIT", "MARKET", "LIMIT_MAKER"] | NotGiven = NOT_GIVEN,
        price: Decimal | None | NotGiven = NOT_GIVEN,
        position_action: Literal["OPEN", "CLOSE"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.TradeResponse:
        """Place trade

        POST /trading/orders

        Place a buy or sell order using a specific account and connector.

        `price` is the price for LIMIT and LIMIT_MAKER orders (null for MARKET orders).
        `position_action` (OPEN | CLOSE, default OPEN) applies to perpetual connectors. The
        answer (201) carries `order_id`, the client order id assigned by the connector, and
        `status` "submitted": the order is submitted, not yet filled. Placing an order is not
        idempotent: a retried request may place a second order.

        Args:
            account_name: Name of the account to trade with.
            connector_name: Name of the connector/exchange.
            trading_pair: Trading pair (e.g., BTC-USDT).
            trade_type: Whether to buy or sell.
            amount: Amount to trade (in the base asset); must be greater than 0. A JSON number
                or a decimal string; the string keeps every digit.
            order_type: Type of order.
            price: Price for limit orders (LIMIT and LIMIT_MAKER); null for MARKET orders. A
                JSON number or a decimal string; the string keeps every digit.
            position_action: Position action for perpetual contracts.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure placing the trade
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._PLACE_ORDER,
            body={
                "account_name": account_name,
                "connector_name": connector_name,
                "trading_pair": trading_pair,
                "trade_type": trade_type,
                "amount": amount,
                "order_type": order_type,
                "price": price,
                "position_action": position_action,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_order(
        self,
        *,
        account_name: str,
        connector_name: str,
        client_order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CancelOrderResponse:
        """Cancel order

        POST /trading/{account_name}/{connector_name}/orders/{client_order_id}/cancel

        Cancel a specific order by its client order id (the `order_id` returned by
        `place_order`). The answer only says the cancellation was initiated; follow the order
        with `get_active_orders` or `search_orders`. Failures answer 500 `{"detail": "Error
        cancelling order: ..."}`. Not retried automatically.

        Args:
            account_name: Name of the account.
            connector_name: Name of the connector/exchange.
            client_order_id: Client order id of the order to cancel.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CANCEL_ORDER,
            path_params={
                "account_name": account_name,
                "connector_name": connector_name,
                "client_order_id": client_order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get_positions(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.PositionPage:
        """Get positions

        POST /trading/positions

        Get current positions across all or filtered perpetual connectors, fetched live from
        the connectors (unrealized PnL, leverage, margin). Read-only: safe to retry. Pages with
        the `cursor` body field; `iter_get_positions` walks every page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by (all perpetual connectors when
                null).
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_POSITIONS,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_get_positions(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.HummingbotPosition]:
        """Every item get_positions() lists, fetching the next page only when needed."""
        return self._paginate(
            self.get_positions,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._GET_POSITIONS__PAGES,
        )

    def get_active_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderPage:
        """Get active orders

        POST /trading/orders/active

        Get active (in-flight) orders across all or filtered accounts and connectors, live from
        the connectors: current status, filled amount and other live order data. Read-only:
        safe to retry. Pages with the `cursor` body field; `iter_get_active_orders` walks every
        page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by (all connectors when null).
            trading_pairs: List of trading pairs to filter by.
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_ACTIVE_ORDERS,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_get_active_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.HummingbotOrder]:
        """Every item get_active_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.get_active_orders,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._GET_ACTIVE_ORDERS__PAGES,
        )

    def search_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        status: str | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderPage:
        """Search orders

        POST /trading/orders/search

        Get historical orders across all or filtered accounts from the server's database, newest
        first, filtered by account, connector, trading pair, status and time range (`start_time`,
        `end_time`: Unix milliseconds). `limit` 1-1000 (default 100). Pass
        `pagination.next_cursor` back as `cursor` for the next page; it is null on the last
        page. Read-only: safe to retry. `iter_search_orders` walks every page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by.
            trading_pairs: List of trading pairs to filter by.
            status: Order status filter (e.g. OPEN, FILLED, CANCELLED, FAILED).
            start_time: Start time as Unix timestamp in milliseconds.
            end_time: End time as Unix timestamp in milliseconds.
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._SEARCH_ORDERS,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "status": status,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_search_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        status: str | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.HummingbotOrder]:
        """Every item search_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.search_orders,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "status": status,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._SEARCH_ORDERS__PAGES,
        )

    def get_trades(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        trade_types: list[Literal["BUY", "SELL"]] | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.TradePage:
        """Get trades

        POST /trading/trades

        Get trade (fill) history across all or filtered accounts, most recent first, filtered by
        account, connector, trading pair, trade type (BUY/SELL) and time range (`start_time`,
        `end_time`: Unix milliseconds). Read-only: safe to retry. Pages with the `cursor` body
        field; `iter_get_trades` walks every page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by.
            trading_pairs: List of trading pairs to filter by.
            trade_types: List of trade types to filter by (BUY/SELL).
            start_time: Start time as Unix timestamp in milliseconds.
            end_time: End time as Unix timestamp in milliseconds.
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_TRADES,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "trade_types": trade_types,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_get_trades(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        trade_types: list[Literal["BUY", "SELL"]] | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.HummingbotTrade]:
        """Every item get_trades() lists, fetching the next page only when needed."""
        return self._paginate(
            self.get_trades,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "trade_types": trade_types,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._GET_TRADES__PAGES,
        )


class HummingbotClientWithRawResponse:
    """HummingbotClient's methods, each returning RawResponse instead of the parsed body."""

    def __init__(self, client: HummingbotClient) -> None:
        self.place_order = raw_response(client.place_order)
        self.cancel_order = raw_response(client.cancel_order)
        self.get_positions = raw_response(client.get_positions)
        self.get_active_orders = raw_response(client.get_active_orders)
        self.search_orders = raw_response(client.search_orders)
        self.get_trades = raw_response(client.get_trades)


class AsyncHummingbotClient(_Api, AsyncBaseClient):
    """Asynchronous client for Hummingbot API (default server http://localhost:8000)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (HUMMINGBOT_USERNAME, HUMMINGBOT_PASSWORD).

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
                "username": username
                if username is not None
                else os.environ.get("HUMMINGBOT_USERNAME"),
                "password": password
                if password is not None
                else os.environ.get("HUMMINGBOT_PASSWORD"),
            },
        )

    @cached_property
    def with_raw_response(self) -> AsyncHummingbotClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return AsyncHummingbotClientWithRawResponse(self)

    async def place_order(
        self,
        *,
        account_name: str,
        connector_name: str,
        trading_pair: str,
        trade_type: Literal["BUY", "SELL"],
        amount: Decimal,
        order_type: Literal["LIMIT", "MARKET", "LIMIT_MAKER"] | NotGiven = NOT_GIVEN,
        price: Decimal | None | NotGiven = NOT_GIVEN,
        position_action: Literal["OPEN", "CLOSE"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.TradeResponse:
        """Place trade

        POST /trading/orders

        Place a buy or sell order using a specific account and connector.

        `price` is the price for LIMIT and LIMIT_MAKER orders (null for MARKET orders).
        `position_action` (OPEN | CLOSE, default OPEN) applies to perpetual connectors. The
        answer (201) carries `order_id`, the client order id assigned by the connector, and
        `status` "submitted": the order is submitted, not yet filled. Placing an order is not
        idempotent: a retried request may place a second order.

        Args:
            account_name: Name of the account to trade with.
            connector_name: Name of the connector/exchange.
            trading_pair: Trading pair (e.g., BTC-USDT).
            trade_type: Whether to buy or sell.
            amount: Amount to trade (in the base asset); must be greater than 0. A JSON number
                or a decimal string; the string keeps every digit.
            order_type: Type of order.
            price: Price for limit orders (LIMIT and LIMIT_MAKER); null for MARKET orders. A
                JSON number or a decimal string; the string keeps every digit.
            position_action: Position action for perpetual contracts.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure placing the trade
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._PLACE_ORDER,
            body={
                "account_name": account_name,
                "connector_name": connector_name,
                "trading_pair": trading_pair,
                "trade_type": trade_type,
                "amount": amount,
                "order_type": order_type,
                "price": price,
                "position_action": position_action,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_order(
        self,
        *,
        account_name: str,
        connector_name: str,
        client_order_id: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.CancelOrderResponse:
        """Cancel order

        POST /trading/{account_name}/{connector_name}/orders/{client_order_id}/cancel

        Cancel a specific order by its client order id (the `order_id` returned by
        `place_order`). The answer only says the cancellation was initiated; follow the order
        with `get_active_orders` or `search_orders`. Failures answer 500 `{"detail": "Error
        cancelling order: ..."}`. Not retried automatically.

        Args:
            account_name: Name of the account.
            connector_name: Name of the connector/exchange.
            client_order_id: Client order id of the order to cancel.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CANCEL_ORDER,
            path_params={
                "account_name": account_name,
                "connector_name": connector_name,
                "client_order_id": client_order_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get_positions(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.PositionPage:
        """Get positions

        POST /trading/positions

        Get current positions across all or filtered perpetual connectors, fetched live from
        the connectors (unrealized PnL, leverage, margin). Read-only: safe to retry. Pages with
        the `cursor` body field; `iter_get_positions` walks every page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by (all perpetual connectors when
                null).
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_POSITIONS,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_get_positions(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.HummingbotPosition]:
        """Every item get_positions() lists, fetching the next page only when needed."""
        return self._paginate(
            self.get_positions,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._GET_POSITIONS__PAGES,
        )

    async def get_active_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderPage:
        """Get active orders

        POST /trading/orders/active

        Get active (in-flight) orders across all or filtered accounts and connectors, live from
        the connectors: current status, filled amount and other live order data. Read-only:
        safe to retry. Pages with the `cursor` body field; `iter_get_active_orders` walks every
        page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by (all connectors when null).
            trading_pairs: List of trading pairs to filter by.
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_ACTIVE_ORDERS,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_get_active_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.HummingbotOrder]:
        """Every item get_active_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.get_active_orders,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._GET_ACTIVE_ORDERS__PAGES,
        )

    async def search_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        status: str | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.OrderPage:
        """Search orders

        POST /trading/orders/search

        Get historical orders across all or filtered accounts from the server's database, newest
        first, filtered by account, connector, trading pair, status and time range (`start_time`,
        `end_time`: Unix milliseconds). `limit` 1-1000 (default 100). Pass
        `pagination.next_cursor` back as `cursor` for the next page; it is null on the last
        page. Read-only: safe to retry. `iter_search_orders` walks every page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by.
            trading_pairs: List of trading pairs to filter by.
            status: Order status filter (e.g. OPEN, FILLED, CANCELLED, FAILED).
            start_time: Start time as Unix timestamp in milliseconds.
            end_time: End time as Unix timestamp in milliseconds.
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._SEARCH_ORDERS,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "status": status,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_search_orders(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        status: str | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.HummingbotOrder]:
        """Every item search_orders() lists, fetching the next page only when needed."""
        return self._paginate(
            self.search_orders,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "status": status,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._SEARCH_ORDERS__PAGES,
        )

    async def get_trades(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        trade_types: list[Literal["BUY", "SELL"]] | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.TradePage:
        """Get trades

        POST /trading/trades

        Get trade (fill) history across all or filtered accounts, most recent first, filtered by
        account, connector, trading pair, trade type (BUY/SELL) and time range (`start_time`,
        `end_time`: Unix milliseconds). Read-only: safe to retry. Pages with the `cursor` body
        field; `iter_get_trades` walks every page.

        Args:
            account_names: List of account names to filter by (all accounts when null).
            connector_names: List of connector names to filter by.
            trading_pairs: List of trading pairs to filter by.
            trade_types: List of trade types to filter by (BUY/SELL).
            start_time: Start time as Unix timestamp in milliseconds.
            end_time: End time as Unix timestamp in milliseconds.
            limit: Number of items per page (1-1000, default 100).
            cursor: Cursor for the next page: the `pagination.next_cursor` of the previous
                answer, passed back unchanged. Null (or absent) for the first page.

        Raises:
            AuthenticationError: 401, Incorrect username or password
            UnprocessableEntityError: 422, Validation Error
            InternalServerError: 500, Any other failure: `{"detail": "Error ...: ..."}`
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_TRADES,
            body={
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "trade_types": trade_types,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_get_trades(
        self,
        *,
        account_names: list[str] | None | NotGiven = NOT_GIVEN,
        connector_names: list[str] | None | NotGiven = NOT_GIVEN,
        trading_pairs: list[str] | None | NotGiven = NOT_GIVEN,
        trade_types: list[Literal["BUY", "SELL"]] | None | NotGiven = NOT_GIVEN,
        start_time: int | None | NotGiven = NOT_GIVEN,
        end_time: int | None | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        cursor: str | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.HummingbotTrade]:
        """Every item get_trades() lists, fetching the next page only when needed."""
        return self._paginate(
            self.get_trades,
            {
                "account_names": account_names,
                "connector_names": connector_names,
                "trading_pairs": trading_pairs,
                "trade_types": trade_types,
                "start_time": start_time,
                "end_time": end_time,
                "limit": limit,
                "cursor": cursor,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._GET_TRADES__PAGES,
        )


class AsyncHummingbotClientWithRawResponse:
    """AsyncHummingbotClient's methods, each returning an awaitable RawResponse instead of the parsed body."""

    def __init__(self, client: AsyncHummingbotClient) -> None:
        self.place_order = raw_response_async(client.place_order)
        self.cancel_order = raw_response_async(client.cancel_order)
        self.get_positions = raw_response_async(client.get_positions)
        self.get_active_orders = raw_response_async(client.get_active_orders)
        self.search_orders = raw_response_async(client.search_orders)
        self.get_trades = raw_response_async(client.get_trades)

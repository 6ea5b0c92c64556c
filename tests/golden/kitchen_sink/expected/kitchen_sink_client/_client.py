"""KitchenSinkClient and AsyncKitchenSinkClient: one method per operation of spec.yaml."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import Literal

import httpx

from . import models
from ._async_client import AsyncBaseClient, raw_response_async
from ._auth import ApiKeyScheme
from ._base_client import (
    DEFAULT_MAX_RETRIES,
    ApiDefinition,
    BaseClient,
    Endpoint,
    Pagination,
    raw_response,
)
from ._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncKitchenSinkClient", "KitchenSinkClient"]


class _Api(ApiDefinition):
    """What KitchenSinkClient and AsyncKitchenSinkClient know of the API: its server, schemes and operations."""

    _default_base_url = "https://eu.example.test/api"
    _env_prefix = "SPEC"
    _schemes = {
        "ApiKey": ApiKeyScheme(name="X-Api-Key", location="header", credentials=("api_key",)),
    }

    _GET_PET: Endpoint[models.Cat | models.Dog] = Endpoint(
        name="get_pet",
        method="GET",
        path="/pets/{petId}",
        result=models.Cat | models.Dog,
        security=(("ApiKey",),),
        explode=frozenset({"include"}),
        arguments={
            ("path", "petId"): "pet_id",
            ("query", "include"): "include",
            ("header", "X-Trace"): "x_trace",
        },
        parameters={
            "query": models.GetPetQuery,
        },
        errors={
            "404": models.Problem,
        },
    )

    _DELETE_PET: Endpoint[None] = Endpoint(
        name="delete_pet",
        method="DELETE",
        path="/pets/{petId}",
        result=None,
        arguments={
            ("path", "petId"): "pet_id",
        },
        errors={
            "default": models.Problem,
        },
    )

    _CREATE_PET: Endpoint[models.Cat | models.Dog] = Endpoint(
        name="create_pet",
        method="POST",
        path="/pets",
        result=models.Cat | models.Dog,
        security=(("ApiKey",),),
        idempotent=True,
        body_type=models.CreatePetRequest,
        body_media_type="application/json",
        arguments={
            ("body", "name"): "name",
            ("body", "price"): "price",
            ("body", "weight"): "weight",
            ("body", "tags"): "tags",
            ("body", "owner"): "owner",
            ("body", "attributes"): "attributes",
        },
    )

    _LIST_PETS: Endpoint[models.ListPetsResponse] = Endpoint(
        name="list_pets",
        method="GET",
        path="/pets",
        result=models.ListPetsResponse,
        security=(("ApiKey",),),
        arguments={
            ("query", "limit"): "limit",
            ("query", "offset"): "offset",
            ("query", "status"): "status",
        },
        parameters={
            "query": models.ListPetsQuery,
        },
    )
    _LIST_PETS__PAGES = Pagination(
        style="offset", items=("items",), limit="limit", offset="offset", default_limit=10
    )

    _REPLACE_PETS: Endpoint[list[models.Cat | models.Dog]] = Endpoint(
        name="replace_pets",
        method="PUT",
        path="/pets/batch",
        result=list[models.Cat | models.Dog],
        security=(("ApiKey",),),
        body_type=list[models.Cat | models.Dog],
        body_media_type="application/json",
        arguments={
            ("body", ""): "body",
        },
    )

    _LOGIN: Endpoint[models.LoginResponse] = Endpoint(
        name="login",
        method="POST",
        path="/login",
        result=models.LoginResponse,
        body_type=models.LoginRequest,
        body_media_type="application/x-www-form-urlencoded",
        body_kind="form",
        arguments={
            ("body", "username"): "username",
            ("body", "password"): "password",
        },
    )


class KitchenSinkClient(_Api, BaseClient):
    """Client for Kitchen Sink (default server https://eu.example.test/api)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        http_client: httpx.Client | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (SPEC_API_KEY).

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
                "api_key": api_key if api_key is not None else os.environ.get("SPEC_API_KEY"),
            },
        )

    @cached_property
    def with_raw_response(self) -> KitchenSinkClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return KitchenSinkClientWithRawResponse(self)

    def get_pet(
        self,
        *,
        pet_id: int,
        include: list[Literal["owner", "tags"]] | NotGiven = NOT_GIVEN,
        x_trace: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Cat | models.Dog:
        """Get one pet.

        GET /pets/{petId}

        Returns the pet, which is a cat or a dog.
        Second line of the description, with a "quote" and a backslash \\.

        Raises:
            NotFoundError: 404, No such pet
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._GET_PET,
            path_params={
                "petId": pet_id,
            },
            query={
                "include": include,
            },
            headers={
                "X-Trace": x_trace,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def delete_pet(
        self,
        *,
        pet_id: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """DELETE /pets/{petId}

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._DELETE_PET,
            path_params={
                "petId": pet_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def create_pet(
        self,
        *,
        name: str,
        price: Decimal,
        weight: Decimal | None | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        owner: models.CreatePetRequestOwner | NotGiven = NOT_GIVEN,
        attributes: dict[str, int] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Cat | models.Dog:
        """POST /pets

        Args:
            price: Price as a decimal string.
            weight: Weight in kg, a JSON number.

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._CREATE_PET,
            body={
                "name": name,
                "price": price,
                "weight": weight,
                "tags": tags,
                "owner": owner,
                "attributes": attributes,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        status: Literal["available", "sold"] | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListPetsResponse:
        """GET /pets

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LIST_PETS,
            query={
                "limit": limit,
                "offset": offset,
                "status": status,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        status: Literal["available", "sold"] | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[models.Cat | models.Dog]:
        """Every item list_pets() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_pets,
            {
                "limit": limit,
                "offset": offset,
                "status": status,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_PETS__PAGES,
        )

    def replace_pets(
        self,
        *,
        body: list[models.Cat | models.Dog] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.Cat | models.Dog]:
        """PUT /pets/batch

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._REPLACE_PETS,
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def login(
        self,
        *,
        username: str,
        password: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.LoginResponse:
        """POST /login

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return self._call(
            self._LOGIN,
            body={
                "username": username,
                "password": password,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class KitchenSinkClientWithRawResponse:
    """KitchenSinkClient's methods, each returning RawResponse instead of the parsed body."""

    def __init__(self, client: KitchenSinkClient) -> None:
        self.get_pet = raw_response(client.get_pet)
        self.delete_pet = raw_response(client.delete_pet)
        self.create_pet = raw_response(client.create_pet)
        self.list_pets = raw_response(client.list_pets)
        self.replace_pets = raw_response(client.replace_pets)
        self.login = raw_response(client.login)


class AsyncKitchenSinkClient(_Api, AsyncBaseClient):
    """Asynchronous client for Kitchen Sink (default server https://eu.example.test/api)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        api_key: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        clock: Callable[[], int] | None = None,
        nonce: Callable[[], str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Create a client; a credential left out is read from the environment (SPEC_API_KEY).

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
                "api_key": api_key if api_key is not None else os.environ.get("SPEC_API_KEY"),
            },
        )

    @cached_property
    def with_raw_response(self) -> AsyncKitchenSinkClientWithRawResponse:
        """The same methods, returning a RawResponse with status, headers and the parsed body."""
        return AsyncKitchenSinkClientWithRawResponse(self)

    async def get_pet(
        self,
        *,
        pet_id: int,
        include: list[Literal["owner", "tags"]] | NotGiven = NOT_GIVEN,
        x_trace: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Cat | models.Dog:
        """Get one pet.

        GET /pets/{petId}

        Returns the pet, which is a cat or a dog.
        Second line of the description, with a "quote" and a backslash \\.

        Raises:
            NotFoundError: 404, No such pet
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._GET_PET,
            path_params={
                "petId": pet_id,
            },
            query={
                "include": include,
            },
            headers={
                "X-Trace": x_trace,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def delete_pet(
        self,
        *,
        pet_id: int,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """DELETE /pets/{petId}

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._DELETE_PET,
            path_params={
                "petId": pet_id,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def create_pet(
        self,
        *,
        name: str,
        price: Decimal,
        weight: Decimal | None | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        owner: models.CreatePetRequestOwner | NotGiven = NOT_GIVEN,
        attributes: dict[str, int] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.Cat | models.Dog:
        """POST /pets

        Args:
            price: Price as a decimal string.
            weight: Weight in kg, a JSON number.

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._CREATE_PET,
            body={
                "name": name,
                "price": price,
                "weight": weight,
                "tags": tags,
                "owner": owner,
                "attributes": attributes,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        status: Literal["available", "sold"] | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.ListPetsResponse:
        """GET /pets

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LIST_PETS,
            query={
                "limit": limit,
                "offset": offset,
                "status": status,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def iter_list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        offset: int | NotGiven = NOT_GIVEN,
        status: Literal["available", "sold"] | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[models.Cat | models.Dog]:
        """Every item list_pets() lists, fetching the next page only when needed."""
        return self._paginate(
            self.list_pets,
            {
                "limit": limit,
                "offset": offset,
                "status": status,
                "timeout": timeout,
                "max_retries": max_retries,
                "extra_headers": extra_headers,
            },
            self._LIST_PETS__PAGES,
        )

    async def replace_pets(
        self,
        *,
        body: list[models.Cat | models.Dog] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> list[models.Cat | models.Dog]:
        """PUT /pets/batch

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._REPLACE_PETS,
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def login(
        self,
        *,
        username: str,
        password: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> models.LoginResponse:
        """POST /login

        Raises:
            APIStatusError: any other error status
            APIConnectionError: the request or its answer did not get through
        """
        return await self._call(
            self._LOGIN,
            body={
                "username": username,
                "password": password,
            },
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncKitchenSinkClientWithRawResponse:
    """AsyncKitchenSinkClient's methods, each returning an awaitable RawResponse instead of the parsed body."""

    def __init__(self, client: AsyncKitchenSinkClient) -> None:
        self.get_pet = raw_response_async(client.get_pet)
        self.delete_pet = raw_response_async(client.delete_pet)
        self.create_pet = raw_response_async(client.create_pet)
        self.list_pets = raw_response_async(client.list_pets)
        self.replace_pets = raw_response_async(client.replace_pets)
        self.login = raw_response_async(client.login)

"""Pydantic models of Kitchen Sink, generated from spec.yaml."""

from typing import Annotated, Literal

from pydantic import AwareDatetime, ConfigDict, Field

from kitchen_sink_client._types import DecimalNumber, DecimalString, Model


class Cat(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    id: int
    price: DecimalString | None = None
    kind: Literal["cat"]
    lives: int | None = None


class CreatePetRequestOwner(Model):
    name: str
    since: AwareDatetime | None = None


class Dog(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    id: int
    price: DecimalString | None = None
    kind: Literal["dog"]
    bark: str | None = None


class GetPetQuery(Model):
    include: list[Literal["owner", "tags"]] | None = None


class ListPetsQuery(Model):
    limit: Annotated[int, Field(ge=1, le=100)] = 10
    offset: Annotated[int | None, Field(ge=0)] = None
    status: Literal["available", "sold"] | None = None


class ListPetsResponse(Model):
    items: list[Cat | Dog] | None = None
    total: int | None = None


class LoginRequest(Model):
    username: str
    password: str


class LoginResponse(Model):
    token: str | None = None
    expires: int | None = None


class PetBase(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    id: int
    kind: str
    price: DecimalString | None = None


class Problem(Model):
    code: int | None = None
    message: str | None = None


class CreatePetRequest(Model):
    model_config = ConfigDict(
        arbitrary_types_allowed=True,
    )
    name: Annotated[str, Field(max_length=40)]
    price: DecimalString
    """
    Price as a decimal string.
    """
    weight: DecimalNumber | None = None
    """
    Weight in kg, a JSON number.
    """
    tags: list[str] | None = None
    owner: CreatePetRequestOwner | None = None
    attributes: dict[str, int] | None = None

"""The golden kitchen-sink client: every general construct, exercised through the scripted transport."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import Any, get_type_hints

import httpx
import kitchen_sink_client as ks
import pytest
from kitchen_sink_client import models

from tests.support.transport import ScriptedServer, in_turn

CAT = {"id": 1, "kind": "cat", "price": "12.50", "lives": 9}
DOG = {"id": 2, "kind": "dog", "bark": None, "price": "0.00000001"}


def client(handler: ScriptedServer, **kwargs: Any) -> ks.KitchenSinkClient:
    return ks.KitchenSinkClient(http_client=handler.http(), **kwargs)


def recorder(*answers: httpx.Response) -> tuple[list[httpx.Request], ScriptedServer]:
    """The requests sent, and a server giving `answers` in turn."""
    server = in_turn(*answers)
    return server.attempts, server


def test_server_variables_give_the_default_base_url() -> None:
    assert ks.KitchenSinkClient(api_key="k").base_url == "https://eu.example.test/api"


def test_path_level_parameter_array_query_and_header() -> None:
    sent, handler = recorder(httpx.Response(200, json=CAT))
    pet = client(handler, api_key="key-1").get_pet(
        pet_id=7, include=["owner", "tags"], x_trace="t-1"
    )
    request = sent[0]
    assert str(request.url) == "https://eu.example.test/api/pets/7?include=owner&include=tags"
    assert request.headers["X-Trace"] == "t-1" and request.headers["X-Api-Key"] == "key-1"
    assert isinstance(pet, models.Cat) and pet.lives == 9 and pet.price == Decimal("12.50")


def test_one_of_picks_the_matching_variant() -> None:
    _, handler = recorder(httpx.Response(200, json=DOG))
    pet = client(handler, api_key="k").get_pet(pet_id=2)
    assert isinstance(pet, models.Dog) and pet.bark is None and pet.price == Decimal("1E-8")


def test_operation_without_security_sends_no_key_and_empty_response_is_none() -> None:
    sent, handler = recorder(httpx.Response(204))
    assert client(handler, api_key="k").delete_pet(pet_id=3) is None  # type: ignore[func-returns-value]
    assert "X-Api-Key" not in sent[0].headers and sent[0].method == "DELETE"


def test_default_response_is_the_error_body() -> None:
    _, handler = recorder(httpx.Response(418, json={"code": 7, "message": "teapot"}))
    with pytest.raises(ks.APIStatusError) as caught:
        client(handler, api_key="k").delete_pet(pet_id=3)
    assert caught.value.code == "7" and caught.value.api_message == "teapot"
    assert isinstance(caught.value.parsed, models.Problem)


def test_flattened_json_body_with_decimal_string_number_nested_model_and_map() -> None:
    sent, handler = recorder(httpx.Response(201, json=CAT))
    owner = models.CreatePetRequestOwner(name="Ann")
    client(handler, api_key="k").create_pet(
        name="Rex",
        price=Decimal("12.50"),
        weight=Decimal("0.1"),
        owner=owner,
        attributes={"legs": 4},
    )
    assert (
        sent[0].content
        == b'{"name":"Rex","price":"12.50","weight":0.1,"owner":{"name":"Ann"},"attributes":{"legs":4}}'
    )


def test_left_out_arguments_are_not_sent_but_explicit_null_is() -> None:
    sent, handler = recorder(httpx.Response(201, json=CAT), httpx.Response(201, json=CAT))
    api = client(handler, api_key="k")
    api.create_pet(name="Rex", price=Decimal("1"))
    api.create_pet(name="Rex", price=Decimal("1"), weight=None)
    assert json.loads(sent[0].content) == {"name": "Rex", "price": "1"}
    assert json.loads(sent[1].content) == {"name": "Rex", "price": "1", "weight": None}


def test_required_arguments_have_no_default_and_types_come_from_the_spec() -> None:
    hints = get_type_hints(
        ks.KitchenSinkClient.create_pet, vars(sys.modules["kitchen_sink_client._client"])
    )
    assert hints["price"] is Decimal
    assert "NotGiven" in str(hints["weight"]) and "None" in str(hints["weight"])
    defaults = ks.KitchenSinkClient.create_pet.__kwdefaults__
    assert defaults is not None
    assert "name" not in defaults and "price" not in defaults and defaults["tags"] is ks.NOT_GIVEN


def test_body_constraints_are_checked_before_sending() -> None:
    sent, handler = recorder()
    with pytest.raises(Exception, match="at most 40 characters"):
        client(handler, api_key="k").create_pet(name="x" * 41, price=Decimal("1"))
    assert sent == []


def test_array_body_is_one_argument() -> None:
    sent, handler = recorder(httpx.Response(200, json=[CAT, DOG]))
    pets = client(handler, api_key="k").replace_pets(
        body=[models.Cat(id=1, kind="cat"), models.Dog(id=2, kind="dog")]
    )
    assert json.loads(sent[0].content) == [{"id": 1, "kind": "cat"}, {"id": 2, "kind": "dog"}]
    assert [type(p).__name__ for p in pets] == ["Cat", "Dog"]


def test_form_body() -> None:
    sent, handler = recorder(httpx.Response(200, json={"token": "t", "expires": None}))
    session = client(handler).login(username="ann", password="p&ss word")
    assert sent[0].headers["content-type"] == "application/x-www-form-urlencoded"
    assert sent[0].content == b"username=ann&password=p%26ss+word"
    assert session.token == "t" and session.expires is None


def test_offset_pagination_with_the_spec_default_limit() -> None:
    pages = [{"items": [CAT] * 10, "total": 13}, {"items": [DOG] * 3, "total": 13}]
    sent, handler = recorder(*(httpx.Response(200, json=p) for p in pages))
    pets = list(client(handler, api_key="k").iter_list_pets(status="available"))
    assert len(pets) == 13
    assert [r.url.params.get("offset") for r in sent] == ["0", "10"]
    assert all(r.url.params["status"] == "available" for r in sent)


def test_idempotent_post_is_retried() -> None:
    sent, handler = recorder(httpx.Response(503), httpx.Response(201, json=CAT))
    api = client(handler, api_key="k")
    api._sleep = lambda seconds: None
    assert isinstance(api.create_pet(name="Rex", price=Decimal("1")), models.Cat)
    assert len(sent) == 2 and sent[0].content == sent[1].content

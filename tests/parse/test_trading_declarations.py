"""Trading declarations that cannot work are refused at generation, each at its pointer: a client
order id format the generator cannot honour, a rate limit without an interval, a server-time
operation that answers no time."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import generate
from generator.errors import SpecError

ORDER = "/paths/~1orders/post"
BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Trading", "version": "1"},
    "servers": [{"url": "https://trading.example.test"}],
    "x-server-time": {"operation": "get_time", "time": "now"},
    "x-rate-limits": {"limits": {"orders": {"limit": 10, "interval": 1}}},
    "paths": {
        "/time": {
            "get": {
                "operationId": "get_time",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"now": {"type": "integer"}},
                                }
                            }
                        },
                    }
                },
            }
        },
        "/orders": {
            "post": {
                "operationId": "place_order",
                "x-client-order-id": {"field": "clientId", "max-length": 32},
                "x-rate-limit": {"buckets": "orders"},
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "symbol": {"type": "string"},
                                    "clientId": {"type": "string"},
                                },
                            }
                        }
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
}


def generated(tmp_path: Path, document: dict[str, Any]) -> list[tuple[str, str]]:
    """The problems generating `document` reports (none when it generates)."""
    path = tmp_path / "trading.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    try:
        generate([path], tmp_path / "out", use_cache=False)
    except SpecError as error:
        return [(p.pointer, p.message) for p in error.problems]
    return []


def test_the_base_declarations_generate(tmp_path: Path) -> None:
    assert generated(tmp_path, BASE) == []


def order_id(value: dict[str, Any]) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    document["paths"]["/orders"]["post"]["x-client-order-id"] = value
    return document


@pytest.mark.parametrize(
    ("declared", "pointer", "message"),
    [
        ({"field": "clientId", "max-length": 8}, "", "has 48 bits"),
        ({"field": "clientId", "characters": "0"}, "", "has 0 bits"),
        ({"field": "clientId", "prefix": "a_b"}, "", "`prefix` 'a_b' has characters outside"),
        ({"field": "clientId", "length": 40}, "", "`length` 40 is not between"),
        ({"field": "clientId", "characters": "a-z\t"}, "", "unprintable or blank"),
        ({"field": "nope"}, "/field", "'nope' is not a property"),
        ({"max-length": 32}, "", "needs `field`"),
    ],
)
def test_a_client_order_id_the_generator_cannot_honour_is_refused(
    tmp_path: Path, declared: dict[str, Any], pointer: str, message: str
) -> None:
    problems = generated(tmp_path, order_id(declared))
    assert len(problems) == 1, problems
    ((at, text),) = problems
    assert at == ORDER + "/x-client-order-id" + pointer
    assert message in text


def test_a_schema_max_length_shorter_than_the_ids_is_refused(tmp_path: Path) -> None:
    document = copy.deepcopy(BASE)
    schema = document["paths"]["/orders"]["post"]["requestBody"]["content"]["application/json"]
    schema["schema"]["properties"]["clientId"]["maxLength"] = 20
    ((at, text),) = generated(tmp_path, document)
    assert at == ORDER + "/x-client-order-id" and "at most 20 characters" in text


@pytest.mark.parametrize(
    ("limits", "pointer", "message"),
    [
        ({"orders": {"limit": 10}}, "/x-rate-limits/limits/orders", "needs `interval`"),
        (
            {"orders": {"limit": 10, "interval": 0}},
            "/x-rate-limits/limits/orders/interval",
            "above 0",
        ),
        ({"orders": {"interval": 1}}, "/x-rate-limits/limits/orders/limit", "needs `limit`"),
        (
            {"orders": {"limit": 1, "interval": 1, "per": "user"}},
            "/x-rate-limits/limits/orders/per",
            "not one of",
        ),
    ],
)
def test_a_limit_that_cannot_be_kept_is_refused(
    tmp_path: Path, limits: dict[str, Any], pointer: str, message: str
) -> None:
    document = copy.deepcopy(BASE)
    document["x-rate-limits"]["limits"] = limits
    problems = generated(tmp_path, document)
    assert any(at == pointer and message in text for at, text in problems), problems


def test_an_operation_counting_against_an_undeclared_limit_is_refused(tmp_path: Path) -> None:
    document = copy.deepcopy(BASE)
    document["paths"]["/orders"]["post"]["x-rate-limit"] = {"buckets": ["orders", "weights"]}
    ((at, text),) = generated(tmp_path, document)
    assert at == ORDER + "/x-rate-limit/buckets" and "'weights' is not a limit" in text


@pytest.mark.parametrize(
    ("server_time", "pointer", "message"),
    [
        ({"operation": "get_time", "time": "then"}, "/x-server-time/time", "has no time at 'then'"),
        (
            {"operation": "get_time", "time": "now", "unit": "iso"},
            "/x-server-time/time",
            "wanted a string",
        ),
        ({"operation": "get_clock"}, "/x-server-time/operation", "no operation has"),
        ({"operation": "place_order"}, "/x-server-time/operation", "must be a GET"),
        ({"time": "now"}, "/x-server-time", "needs `operation`"),
    ],
)
def test_a_server_time_operation_that_answers_no_time_is_refused(
    tmp_path: Path, server_time: dict[str, Any], pointer: str, message: str
) -> None:
    document = copy.deepcopy(BASE)
    document["x-server-time"] = server_time
    ((at, text),) = generated(tmp_path, document)
    assert at == pointer and message in text

"""The hand-written specs: valid, complete to the coverage table, examples true to their schemas, money exact."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from generator import default_specs, generate
from generator._loader import resolve_pointer
from tests.generation import SPECS

API_SPECS = {p.stem: p for p in default_specs(SPECS)}
METHODS = ("get", "put", "post", "delete", "patch")
# Field names that carry money or quantities: they must be exact decimals.
MONEY = re.compile(
    r"^(qty|quantity|price|amount|funds|fee|size|available|frozen|locked|balance|avgPrice|"
    r"(cum|filled|orig|exec)\w*(Qty|Value|Amount|Size|Price)|\w*_(price|amount|quantity)|"
    r"(stop|limit|trigger|entry|mark|avg|average|last|open|high|low|close|best)_?[Pp]rice\w*|"
    r"maxTransferable|volume|unrealized_pnl)$"
)


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    return data


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (m, path, op)
        for path, item in spec["paths"].items()
        for m, op in item.items()
        if m in METHODS
    ]


def test_all_five_apis_have_a_spec() -> None:
    assert sorted(API_SPECS) == ["bitcain", "bitget", "bitria", "btse", "hummingbot"]


@pytest.mark.parametrize("name", sorted(API_SPECS))
def test_spec_validates_and_generates_without_warnings(name: str, tmp_path: Path) -> None:
    spec = load(API_SPECS[name])
    assert spec["openapi"] == "3.1.0"
    validate(spec)
    result = generate([API_SPECS[name]], tmp_path, use_cache=False)
    assert result.warnings == []


def coverage_rows() -> list[dict[str, str]]:
    rows = []
    for line in (SPECS / "README.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 5 and cells[0] not in ("API", "---"):
            rows.append(
                dict(zip(("api", "endpoint", "operation_id", "auth", "source"), cells, strict=True))
            )
    return rows


def test_coverage_table_and_specs_agree() -> None:
    from_table = {
        (r["endpoint"], r["operation_id"], r["auth"], r["source"]) for r in coverage_rows()
    }
    from_specs = set()
    for spec_path in API_SPECS.values():
        spec = load(spec_path)
        for method, path, op in operations(spec):
            security = op.get("security", spec.get("security", []))
            auth = ", ".join(name for requirement in security for name in requirement) or "none"
            from_specs.add((f"{method.upper()} {path}", op["operationId"], auth, op["x-source"]))
    assert len(coverage_rows()) == len(from_table), "a row is repeated in the coverage table"
    assert from_table == from_specs


def check(spec: dict[str, Any], schema: dict[str, Any], instance: Any, where: str) -> None:
    wrapper = {**schema, "components": spec.get("components", {})}
    validator = OAS31Validator(wrapper)
    errors = [
        f"{where}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(instance)
    ]
    assert errors == []


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = resolve_pointer(spec, node["$ref"][1:])
    return node


@pytest.mark.parametrize("name", sorted(API_SPECS))
def test_every_operation_has_examples_that_match_its_schemas(name: str) -> None:
    spec = load(API_SPECS[name])
    for method, path, op in operations(spec):
        where = f"{name} {method.upper()} {path}"
        has_input = bool(op.get("parameters")) or "requestBody" in op
        if "requestBody" in op:
            media = resolve(spec, op["requestBody"])["content"]["application/json"]
            assert "example" in media, f"{where}: no request example"
            check(spec, media["schema"], media["example"], where + " request")
        for param in op.get("parameters", []):
            param = resolve(spec, param)
            if "example" in param:
                check(spec, param["schema"], param["example"], f"{where} parameter {param['name']}")
        if has_input and "requestBody" not in op:
            assert any("example" in resolve(spec, p) for p in op["parameters"]) or not any(
                resolve(spec, p).get("required") for p in op["parameters"]
            ), f"{where}: no parameter example"
        successes = [s for s in op["responses"] if str(s).startswith("2")]
        assert successes, f"{where}: no success response"
        for status, response in op["responses"].items():
            response = resolve(spec, response)
            for media in (response.get("content") or {}).values():
                if str(status).startswith("2"):
                    assert "example" in media, f"{where} {status}: no response example"
                if "example" in media:
                    check(spec, media["schema"], media["example"], f"{where} {status} response")


def money_fields(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []

    def walk(node: Any, at: str) -> None:
        if isinstance(node, dict):
            for key, value in (node.get("properties") or {}).items():
                if MONEY.match(key) and isinstance(value, dict):
                    found.append((f"{at}/properties/{key}", value))
            for key, value in node.items():
                walk(value, f"{at}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{at}/{i}")

    walk(spec, "")
    return found


def is_exact(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    schema = resolve(spec, schema)
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if "number" in types:
        return True
    if "string" in types and schema.get("format") == "decimal":
        return True
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        return all(
            is_exact(spec, b)
            or resolve(spec, b).get("type") == "null"
            or resolve(spec, b).get("const") == ""
            for b in branches
        )
    return False


@pytest.mark.parametrize("name", sorted(API_SPECS))
def test_money_is_exact_decimal(name: str) -> None:
    spec = load(API_SPECS[name])
    fields = money_fields(spec)
    assert fields, "no money fields found: the pattern is wrong"
    inexact = [
        at
        for at, schema in fields
        if not is_exact(spec, schema) and resolve(spec, schema).get("type") != "array"
    ]
    assert inexact == []


@pytest.mark.parametrize("name", sorted(API_SPECS))
def test_operations_name_their_source_and_servers_come_first(name: str) -> None:
    spec = load(API_SPECS[name])
    assert all(op.get("x-source") for _, _, op in operations(spec))
    assert spec["servers"][0]["url"].startswith(("https://", "http://localhost"))
    ids = [op["operationId"] for _, _, op in operations(spec)]
    assert all(re.fullmatch(r"[a-z]+(_[a-z0-9]+)*", i) for i in ids), ids


def test_facts_interpretations_are_visible() -> None:
    bitria, btse, bitcain = (
        load(API_SPECS["bitria"]),
        load(API_SPECS["btse"]),
        load(API_SPECS["bitcain"]),
    )
    assert bitria["servers"][0]["url"] == "https://api.bitria.io/api"
    assert all(p.startswith("/v1/") for p in bitria["paths"])
    assert [s["url"] for s in btse["servers"]] == [
        "https://api.btse.com/spot",
        "https://testapi.btse.io/spot",
    ]
    assert bitcain["servers"][0].get("x-unverified") is True
    signing = btse["components"]["securitySchemes"]["BtseSignature"]["x-signing"]
    assert signing["path"] == "relative" and signing["prehash"] == ["path", "timestamp", "body"]


def test_btse_public_endpoints_need_no_auth() -> None:
    spec = load(API_SPECS["btse"])
    public = {op["operationId"] for _, _, op in operations(spec) if op.get("security") == []}
    signed = {op["operationId"] for _, _, op in operations(spec) if op.get("security") != []}
    assert len(public) == 7 and {"get_ticker", "get_order_book", "get_server_time"} <= public
    assert signed == {
        "get_account",
        "place_order",
        "list_open_orders",
        "list_fills",
        "cancel_order",
    }


@pytest.mark.parametrize("name", ["bitria", "bitcain"])
def test_undocumented_response_bodies_are_marked_assumed(name: str) -> None:
    spec = load(API_SPECS[name])
    for method, path, op in operations(spec):
        for status, response in op["responses"].items():
            response = resolve(spec, response)
            for media in (response.get("content") or {}).values():
                schema = media["schema"]
                target = resolve(
                    spec, schema.get("items", schema) if schema.get("type") == "array" else schema
                )
                if status != "422":
                    assert target.get("x-assumed") is True, f"{method.upper()} {path} {status}"

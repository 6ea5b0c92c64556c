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
from generator.load import resolve_pointer
from tests.support.paths import SPECS

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
    in_table = False
    for line in (SPECS / "README.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        in_table = (in_table or cells[0] == "API") and line.startswith("|")
        if in_table and len(cells) == 5 and cells[0] not in ("API", "---"):
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
    assert signing["path"] == "relative" and signing["message"] == "{path}{timestamp}{body}"


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


# Words that point a package user at sources they cannot see (the documents the specs were written
# from) or at the spec's own bookkeeping. Provenance and interpretations live in `x-source` and
# `x-note`, which the generator does not render.
FORBIDDEN_IN_USER_TEXT = re.compile(
    r"FACTS|\.txt\b|\.md\b|\bSDK\b|\bdocument(s|ed|ation)?\b|\bundocumented\b|\bdocs?\b|"
    r"\bthe page\b(?!\s+(size|number))|\bpage's\b(?<!this page's)|\bon the page\b|"
    r"\bthis spec\b|\bthe spec\b|\binterpretation\b|\bassum(e|ed|es|ption|ptions)\b|\bcurl\b|"
    r"\bsample\b|\bplaceholder\b|\bRestClientV3\b",
    re.IGNORECASE,
)
USER_TEXT_KEYS = ("description", "summary", "title")


def user_texts(node: Any, at: str = "") -> list[tuple[str, str]]:
    """Every text a generated package shows its user: descriptions, summaries, titles outside x- keys."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if str(key).startswith("x-") or key in ("example", "examples", "enum", "const"):
                continue
            if key in USER_TEXT_KEYS and isinstance(value, str):
                found.append((f"{at}/{key}", value))
            else:
                found.extend(user_texts(value, f"{at}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(user_texts(value, f"{at}/{i}"))
    return found


def test_forbidden_pattern_catches_sources_and_spares_pagination() -> None:
    cited = [
        "see FACTS.md",
        "The page documents none",
        "the SDK sends",
        "(not on the page)",
        "assumed shape",
        "as the docs say",
        "written from `bitria-v1.txt`",
    ]
    plain = [
        "One page of orders.",
        "Cursor of the next page; null on the last page.",
        "Items per page (default 20).",
        "This page's number.",
        "The page size used.",
    ]
    assert [t for t in cited if not FORBIDDEN_IN_USER_TEXT.search(t)] == []
    assert [t for t in plain if FORBIDDEN_IN_USER_TEXT.search(t)] == []


@pytest.mark.parametrize("name", sorted(API_SPECS))
def test_user_facing_text_cites_no_source_the_user_cannot_see(name: str) -> None:
    spec = load(API_SPECS[name])
    cited = [
        f"{at}: {match.group(0)!r}"
        for at, text in user_texts(spec)
        if (match := FORBIDDEN_IN_USER_TEXT.search(text))
    ]
    assert cited == []


def body_properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The properties of a request body schema (through $ref, array items and allOf)."""
    schema = resolve(spec, schema)
    if schema.get("type") == "array":
        return body_properties(spec, schema["items"])
    found = dict(schema.get("properties") or {})
    for member in schema.get("allOf") or []:
        found.update(body_properties(spec, member))
    return found


# Body properties without an example, and why: the API gives no value for them.
NO_EXAMPLE = {
    ("btse", "place_order", "status"): "set by BTSE; its values are not given",
    ("btse", "place_order", "stop"): "stop order types are not given",
    ("btse", "place_order", "stp"): "self-trade prevention modes are not given",
}


@pytest.mark.parametrize("name", sorted(API_SPECS))
def test_every_argument_has_an_example_true_to_its_schema(name: str) -> None:
    spec = load(API_SPECS[name])
    missing = []
    for method, path, op in operations(spec):
        where = f"{method.upper()} {path}"
        for param in op.get("parameters", []):
            param = resolve(spec, param)
            if "example" not in param:
                missing.append(f"{where} parameter {param['name']}")
            else:
                check(spec, param["schema"], param["example"], f"{where} parameter {param['name']}")
        if "requestBody" in op:
            media = resolve(spec, op["requestBody"])["content"]["application/json"]
            for prop, schema in body_properties(spec, media["schema"]).items():
                examples = schema.get("examples")
                if not examples and (name, op["operationId"], prop) not in NO_EXAMPLE:
                    missing.append(f"{where} body property {prop}")
                for example in examples or []:
                    check(spec, schema, example, f"{where} body property {prop}")
    assert missing == []


def test_arguments_left_without_an_example_exist_and_have_none() -> None:
    for (name, operation_id, prop), _reason in NO_EXAMPLE.items():
        spec = load(API_SPECS[name])
        op = next(op for _, _, op in operations(spec) if op["operationId"] == operation_id)
        media = resolve(spec, op["requestBody"])["content"]["application/json"]
        assert "examples" not in body_properties(spec, media["schema"])[prop], (name, prop)


def arguments(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Wire name -> schema of every argument an operation takes (parameters and body properties)."""
    found = {resolve(spec, p)["name"]: resolve(spec, p) for p in op.get("parameters", [])}
    if "requestBody" in op:
        media = resolve(spec, op["requestBody"])["content"]["application/json"]
        schema = resolve(spec, media["schema"])
        if schema.get("type") != "array":
            required = set(schema.get("required", []))
            for prop, prop_schema in body_properties(spec, schema).items():
                found[prop] = {"schema": prop_schema, "required": prop in required}
    return found


@pytest.mark.parametrize("name", sorted(API_SPECS))
def test_operation_examples_name_real_arguments_and_cover_the_required_ones(name: str) -> None:
    spec = load(API_SPECS[name])
    for method, path, op in operations(spec):
        if "x-example" not in op:
            continue
        where = f"{name} {method.upper()} {path} x-example"
        example, taken = op["x-example"], arguments(spec, op)
        assert isinstance(example, dict) and example, where
        assert set(example) <= set(taken), f"{where}: unknown {sorted(set(example) - set(taken))}"
        required = {n for n, a in taken.items() if a.get("required")}
        assert required <= set(example), f"{where}: missing {sorted(required - set(example))}"
        for argument, value in example.items():
            check(spec, taken[argument]["schema"], value, f"{where} {argument}")


def test_operations_that_need_one_of_several_ids_carry_a_working_example() -> None:
    bitget = load(API_SPECS["bitget"])
    get_order = next(op for _, _, op in operations(bitget) if op["operationId"] == "get_order")
    assert get_order["x-example"] == {"orderId": "1320244799629316096"}


def request_money_fields(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(operation and property, schema) of every money field of every request body."""
    found = []
    for method, path, op in operations(spec):
        if "requestBody" in op:
            media = resolve(spec, op["requestBody"])["content"]["application/json"]
            for prop, schema in body_properties(spec, media["schema"]).items():
                if MONEY.match(prop):
                    found.append((f"{method.upper()} {path} {prop}", schema))
    return found


def accepts(spec: dict[str, Any], schema: dict[str, Any], instance: Any) -> bool:
    validator = OAS31Validator({**schema, "components": spec.get("components", {})})
    return bool(validator.is_valid(instance))


@pytest.mark.parametrize("name", ["bitcain", "hummingbot"])
def test_fastapi_decimal_inputs_take_a_number_or_an_exact_decimal_string(name: str) -> None:
    # FastAPI declares a pydantic Decimal input as anyOf number | string; the string keeps every digit.
    spec = load(API_SPECS[name])
    fields = request_money_fields(spec)
    assert fields
    for at, schema in fields:
        assert accepts(spec, schema, 1.5), at
        assert accepts(spec, schema, "0.000000012345678901234567"), at
        string_branches = [b for b in schema.get("anyOf", []) if b.get("type") == "string"]
        assert [b.get("format") for b in string_branches] == ["decimal"], at


@pytest.mark.parametrize("name", ["bitria", "btse"])
def test_apis_that_expect_numbers_declare_numbers_only(name: str) -> None:
    spec = load(API_SPECS[name])
    fields = request_money_fields(spec)
    assert fields
    for at, schema in fields:
        assert accepts(spec, schema, 1.5), at
        assert not accepts(spec, schema, "1.5"), at


def test_hummingbot_amount_must_be_positive_and_keeps_fastapis_decimal_pattern() -> None:
    spec = load(API_SPECS["hummingbot"])
    amount = spec["components"]["schemas"]["TradeRequest"]["properties"]["amount"]
    assert not accepts(spec, amount, 0) and accepts(spec, amount, "0.001")
    assert not accepts(spec, amount, "0.00.1")
    assert amount["anyOf"][1]["pattern"] == r"^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$"

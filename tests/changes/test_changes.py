"""The change report: pairs of specs for each kind of change, classified for code calling the client."""

from __future__ import annotations

import ast
import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.__main__ import main
from generator.boundary import Identifier
from generator.ir.pytypes import (
    DATETIME,
    DECIMAL,
    INT,
    NONE,
    STR,
    DictType,
    ListType,
    LiteralType,
    ModelType,
    union,
)
from generator.pipeline import surface_at
from generator.release.changes import compare
from generator.release.record import FORMAT, _indented, dump, load
from generator.release.report import Report
from generator.release.surface import Surface
from tests.support.paths import CORPUS, GENERATED

Spec = dict[str, Any]

BASE: Spec = {
    "openapi": "3.1.0",
    "info": {"title": "Pairs", "version": "1.0", "x-package-name": "pairs_client"},
    "servers": [{"url": "https://api.example.com"}, {"url": "https://testnet.example.com"}],
    "components": {
        "securitySchemes": {
            "key": {"type": "apiKey", "in": "header", "name": "X-KEY", "x-credential": "api_key"},
            "signed": {
                "type": "apiKey",
                "in": "header",
                "name": "X-SIGN",
                "x-signing": {
                    "algorithm": "hmac-sha256",
                    "message": "{timestamp}{method}{path}{body}",
                    "secret": "api_secret",
                    "headers": {"X-SIGN": "{signature}", "X-TS": "{timestamp}"},
                },
            },
        },
        "schemas": {
            "Order": {
                "type": "object",
                "required": ["orderId", "side"],
                "properties": {
                    "orderId": {"type": "string"},
                    "side": {"type": "string", "enum": ["buy", "sell"]},
                    "price": {"type": "string", "format": "decimal"},
                    "status": {"type": "string", "enum": ["open", "filled"]},
                },
            },
            "OrderRequest": {
                "type": "object",
                "required": ["symbol", "side"],
                "properties": {
                    "symbol": {"type": "string"},
                    "side": {"type": "string", "enum": ["buy", "sell"]},
                    "quantity": {"type": "string", "format": "decimal"},
                },
            },
        },
    },
    "paths": {
        "/orders": {
            "post": {
                "operationId": "placeOrder",
                "summary": "Place an order",
                "security": [{"signed": []}],
                "parameters": [{"name": "X-Client", "in": "header", "schema": {"type": "string"}}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/OrderRequest"}
                        }
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/orders/batch": {
            "post": {
                "operationId": "placeOrders",
                "security": [{"signed": []}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/OrderRequest"},
                            }
                        }
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/orders/{orderId}": {
            "get": {
                "operationId": "getOrder",
                "parameters": [
                    {
                        "name": "orderId",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
                    {
                        "name": "include",
                        "in": "query",
                        "schema": {"type": "array", "items": {"enum": ["fills", "fees"]}},
                    },
                ],
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
}
_ORDER = {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}
for _path in ("/orders", "/orders/{orderId}"):
    _operation = next(iter(BASE["paths"][_path].values()))
    _operation["responses"]["200"]["content"] = _ORDER
BASE["paths"]["/orders/batch"]["post"]["responses"]["200"]["content"] = {
    "application/json": {
        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}
    }
}


def surface(tmp_path: Path, spec: Spec, folder: str = "spec") -> Surface:
    """The surface of `spec`, written to `folder`/pairs.json and read by the generator's loader."""
    path = tmp_path / folder / "pairs.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(spec), encoding="utf-8")
    return surface_at(path)


def changed(tmp_path: Path, edit: Callable[[Spec], object]) -> Report:
    new = copy.deepcopy(BASE)
    edit(new)
    return compare(surface(tmp_path, BASE, "old"), surface(tmp_path, new, "new"))


def _schema(spec: Spec, name: str) -> Spec:
    schema: Spec = spec["components"]["schemas"][name]
    return schema


def _get_order(spec: Spec) -> Spec:
    operation: Spec = spec["paths"]["/orders/{orderId}"]["get"]
    return operation


def _place_order(spec: Spec) -> Spec:
    operation: Spec = spec["paths"]["/orders"]["post"]
    return operation


def _add_query(spec: Spec, name: str, required: bool) -> None:
    _get_order(spec)["parameters"].append(
        {"name": name, "in": "query", "required": required, "schema": {"type": "integer"}}
    )


CASES: dict[str, tuple[Callable[[Spec], object], set[tuple[str, str, str]]]] = {
    "method added": (
        lambda s: s["paths"].__setitem__(
            "/time",
            {"get": {"operationId": "getTime", "responses": {"200": {"description": "ok"}}}},
        ),
        {("addition", "method-added", "get_time()")},
    ),
    "method removed": (
        lambda s: s["paths"].pop("/orders/{orderId}"),
        {("breaking", "method-removed", "get_order()")},
    ),
    "method renamed (same HTTP method and path)": (
        lambda s: _get_order(s).__setitem__("operationId", "fetchOrder"),
        {("breaking", "method-renamed", "get_order()")},
    ),
    "required argument added": (
        lambda s: _add_query(s, "account", True),
        {("breaking", "argument-added-required", "get_order(account=)")},
    ),
    "optional argument added": (
        lambda s: _add_query(s, "limit", False),
        {("addition", "argument-added", "get_order(limit=)")},
    ),
    "argument removed": (
        lambda s: _get_order(s)["parameters"].pop(1),
        {("breaking", "argument-removed", "get_order(verbose=)")},
    ),
    "argument renamed (same position and type)": (
        lambda s: _place_order(s)["parameters"][0].__setitem__("name", "X-Client-Id"),
        {
            ("breaking", "argument-renamed", "place_order(x_client=)"),
            ("other", "argument-wire-renamed", "place_order(x_client_id=)"),
        },
    ),
    "argument retyped": (
        lambda s: _get_order(s)["parameters"][1].__setitem__("schema", {"type": "integer"}),
        {("breaking", "argument-type", "get_order(verbose=)")},
    ),
    "argument widened (accepts more)": (
        lambda s: _get_order(s)["parameters"][1].__setitem__(
            "schema", {"type": ["boolean", "string"]}
        ),
        {("addition", "argument-type", "get_order(verbose=)")},
    ),
    "optional argument became required": (
        lambda s: _get_order(s)["parameters"][1].__setitem__("required", True),
        {("breaking", "argument-now-required", "get_order(verbose=)")},
    ),
    "request enum value removed (breaks senders)": (
        lambda s: _schema(s, "OrderRequest")["properties"]["side"].__setitem__("enum", ["buy"]),
        {
            ("breaking", "enum-values-removed", "place_order(side=)"),
            ("breaking", "enum-values-removed", "models.OrderRequest.side"),
        },
    ),
    "request enum value added": (
        lambda s: _schema(s, "OrderRequest")["properties"]["side"]["enum"].append("short"),
        {
            ("addition", "enum-values-added", "place_order(side=)"),
            ("addition", "enum-values-added", "models.OrderRequest.side"),
        },
    ),
    "response enum value added (can break exhaustive matches)": (
        lambda s: _schema(s, "Order")["properties"]["status"]["enum"].append("cancelled"),
        {("addition", "enum-values-added", "models.Order.status")},
    ),
    "response enum value removed": (
        lambda s: _schema(s, "Order")["properties"]["status"].__setitem__("enum", ["open"]),
        {("other", "enum-values-removed", "models.Order.status")},
    ),
    "response field added": (
        lambda s: _schema(s, "Order")["properties"].__setitem__("fee", {"type": "number"}),
        {("addition", "field-added", "models.Order.fee")},
    ),
    "required field added to a model sent in requests": (
        lambda s: (
            _schema(s, "OrderRequest")["properties"].__setitem__("tag", {"type": "string"}),
            _schema(s, "OrderRequest")["required"].append("tag"),
        ),
        {
            ("breaking", "field-added-required", "models.OrderRequest.tag"),
            ("breaking", "argument-added-required", "place_order(tag=)"),
        },
    ),
    "field removed": (
        lambda s: _schema(s, "Order")["properties"].pop("price"),
        {("breaking", "field-removed", "models.Order.price")},
    ),
    "field retyped": (
        lambda s: _schema(s, "Order")["properties"].__setitem__("price", {"type": "integer"}),
        {("breaking", "field-type", "models.Order.price")},
    ),
    "response field became optional (may be None)": (
        lambda s: _schema(s, "Order").__setitem__("required", ["orderId"]),
        {("breaking", "field-now-optional", "models.Order.side")},
    ),
    "response field became nullable": (
        lambda s: _schema(s, "Order")["properties"]["orderId"].__setitem__(
            "type", ["string", "null"]
        ),
        {("breaking", "field-type", "models.Order.order_id")},
    ),
    "enum value added inside a list argument": (
        lambda s: _get_order(s)["parameters"][2]["schema"]["items"]["enum"].append("trades"),
        {("addition", "enum-values-added", "get_order(include=)")},
    ),
    "enum value removed inside a list argument": (
        lambda s: _get_order(s)["parameters"][2]["schema"]["items"].__setitem__("enum", ["fees"]),
        {("breaking", "enum-values-removed", "get_order(include=)")},
    ),
    "model added": (
        lambda s: s["components"]["schemas"].__setitem__(
            "Fill", {"type": "object", "properties": {"qty": {"type": "number"}}}
        ),
        {("addition", "model-added", "models.Fill")},
    ),
    "response type changed": (
        lambda s: _get_order(s)["responses"]["200"].__setitem__(
            "content",
            {
                "application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}
                }
            },
        ),
        {("breaking", "return-type", "get_order() returns")},
    ),
    "credential renamed": (
        lambda s: s["components"]["securitySchemes"]["key"].__setitem__("x-credential", "key"),
        {
            ("breaking", "credential-removed", "PairsClient(api_key=)"),
            ("addition", "credential-added", "PairsClient(key=)"),
        },
    ),
    "method now needs credentials": (
        lambda s: _get_order(s).__setitem__("security", [{"key": []}]),
        {("breaking", "security-changed", "get_order()")},
    ),
    "signing changed": (
        lambda s: s["components"]["securitySchemes"]["signed"]["x-signing"].__setitem__(
            "algorithm", "hmac-sha512"
        ),
        {("other", "signing-changed", "auth signed")},
    ),
    "default server changed": (
        lambda s: s["servers"].reverse(),
        {("breaking", "default-server-changed", "base_url")},
    ),
    "server added": (
        lambda s: s["servers"].append({"url": "https://eu.example.com"}),
        {("addition", "server-added", "servers")},
    ),
    "method deprecated": (
        lambda s: _get_order(s).__setitem__("deprecated", True),
        {("other", "method-deprecated", "get_order()")},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_change_is_found_and_classified(case: str, tmp_path: Path) -> None:
    edit, expected = CASES[case]
    report = changed(tmp_path, edit)
    found = {(c.level, c.kind, c.subject) for c in report.changes}
    assert found == expected, report.text()
    assert report.bump == (
        "major"
        if any(level == "breaking" for level, _, _ in expected)
        else "minor"
        if any(level == "addition" for level, _, _ in expected)
        else "patch"
    )


def test_a_removed_model_breaks_and_text_alone_changes_no_surface(tmp_path: Path) -> None:
    def edit(spec: Spec) -> None:
        _place_order(spec)["summary"] = "Place one order, with a longer description"
        _schema(spec, "Order")["description"] = "An order as the exchange holds it."
        spec["components"]["schemas"]["Unused"] = {
            "type": "object",
            "properties": {"x": {"type": "string"}},
        }

    added = changed(tmp_path, edit)
    assert [(c.kind, c.subject) for c in added.changes] == [("model-added", "models.Unused")]
    removed = compare(surface(tmp_path, _with(edit), "a"), surface(tmp_path, BASE, "b"))
    assert [(c.level, c.kind) for c in removed.changes] == [("breaking", "model-removed")]


def _with(edit: Callable[[Spec], None]) -> Spec:
    spec = copy.deepcopy(BASE)
    edit(spec)
    return spec


def test_the_enum_reasons_say_whom_a_change_affects(tmp_path: Path) -> None:
    response = changed(
        tmp_path, lambda s: _schema(s, "Order")["properties"]["status"]["enum"].append("expired")
    )
    request = changed(
        tmp_path,
        lambda s: _schema(s, "OrderRequest")["properties"]["side"].__setitem__("enum", ["buy"]),
    )
    (added,) = response.changes
    assert "'expired'" in added.change and "matches exhaustively" in added.reason
    assert all("senders" in c.reason for c in request.changes)


def test_the_surface_record_round_trips_and_is_deterministic(tmp_path: Path) -> None:
    first = surface(tmp_path, BASE)
    text = dump(first)
    assert load(text) == first
    assert dump(surface(tmp_path, copy.deepcopy(BASE), "again")) == text
    assert json.loads(text)["methods"][0]["name"] == "get_order"  # sorted by name
    with pytest.raises(ValueError, match="format 99; this generator reads format"):
        load(text.replace(f'"format": {FORMAT}', '"format": 99'))


def test_diff_command_prints_text_json_and_gates_on_breaking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old, new = tmp_path / "old" / "pairs.json", tmp_path / "new" / "pairs.json"
    old.write_text(json.dumps(BASE))
    new.write_text(json.dumps(_with(lambda s: s["paths"].pop("/orders/{orderId}"))))
    assert main(["diff", str(old), str(new)]) == 0
    text = capsys.readouterr().out
    assert "Breaking\n- get_order(): method removed (GET /orders/{orderId})" in text
    assert main(["diff", str(old), str(new), "--json", "--fail-on-breaking"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["breaking"] is True and data["bump"] == "major"
    assert data["counts"] == {"breaking": 1, "addition": 0, "other": 0}
    assert data["changes"][0]["kind"] == "method-removed"
    assert main(["diff", str(old), str(old), "--fail-on-breaking"]) == 0
    assert ": 0 breaking, 0 added, 0 other" in capsys.readouterr().out


def test_diff_command_reads_a_generated_package_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "pairs.json"
    spec.write_text(json.dumps(BASE))
    assert main(["generate", str(spec), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    package = tmp_path / "out" / "pairs_client"
    assert main(["diff", str(package), str(spec), "--fail-on-breaking"]) == 0
    assert main(["diff", str(tmp_path), str(spec)]) == 2
    assert "surface.json" in capsys.readouterr().err


def test_diff_command_reports_a_bad_spec_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.yaml"
    good.write_text(json.dumps(BASE))
    bad.write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n")
    assert main(["diff", str(good), str(bad)]) == 2
    assert f"error: {bad}" in capsys.readouterr().err


def test_report_of_a_real_upgrade_binance_spot_1_21_to_1_22(tmp_path: Path) -> None:
    """Binance's spot API spec at release 1.21.0 and 1.22.0 (tests/corpus/releases and tests/corpus), compared under one
    file name as a user dropping the new spec into specs/ would; the expectations come from the
    publisher's own CHANGELOG for 1.22.0."""
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir()
    new_dir.mkdir()
    shutil.copy(CORPUS / "releases" / "binance-spot-api-1.21.0.yaml", old_dir / "binance.yaml")
    shutil.copy(CORPUS / "binance-spot-api.yaml", new_dir / "binance.yaml")
    report = compare(
        surface_at(old_dir / "binance.yaml", lenient=True),
        surface_at(new_dir / "binance.yaml", lenient=True),
    )
    by_kind: dict[str, set[str]] = {}
    for change in report.changes:
        by_kind.setdefault(change.kind, set()).add(change.subject)
    # "Added": every new endpoint the changelog lists.
    assert {
        "post_api_v3_order_list_oto()",
        "post_api_v3_order_list_otoco()",
        "post_sapi_v1_margin_order_oto()",
        "post_sapi_v1_margin_order_otoco()",
        "get_sapi_v1_copy_trading_futures_user_status()",
        "get_sapi_v1_copy_trading_futures_lead_symbol()",
        "get_sapi_v2_portfolio_collateral_rate()",
    } <= by_kind["method-added"]
    # "POST /api/v3/order/oco is deprecated; update to POST /api/v3/orderList/oco": the spec
    # drops the old path, which breaks callers of the old method.
    assert "post_api_v3_order_oco()" in by_kind["method-removed"]
    assert "post_api_v3_order_list_oco()" in by_kind["method-added"]
    # "POST /sapi/v1/simple-earn/locked/subscribe new parameter: redeemTo", optional.
    assert "post_sapi_v1_simple_earn_locked_subscribe(redeem_to=)" in by_kind["argument-added"]
    # "GET /sapi/v1/margin/account: new parameters ... to replace transferEnabled".
    account = "models.GetSapiV1MarginAccountResponse"
    assert {
        f"{account}.collateral_margin_level",
        f"{account}.transfer_in_enabled",
        f"{account}.transfer_out_enabled",
        f"{account}.account_type",
    } <= by_kind["field-added"]
    assert f"{account}.transfer_enabled" in by_kind["field-removed"]
    assert report.breaking and report.bump == "major"
    assert not {"package-renamed", "client-renamed", "default-server-changed"} & by_kind.keys()


@pytest.mark.parametrize(
    "package",
    sorted(p.name for p in GENERATED.iterdir() if (p / "surface.json").is_file()),
)
def test_surface_fields_are_the_attributes_of_the_models_module(package: str) -> None:
    """Field names and required-ness in the surface are what the generated models define,
    inherited fields included."""
    folder = GENERATED / package
    recorded = load((folder / "surface.json").read_text())
    tree = ast.parse((folder / package / "models.py").read_text())
    own: dict[str, list[tuple[str, bool]]] = {}
    bases: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            bases[node.name] = [ast.unparse(b) for b in node.bases]
            own[node.name] = [
                (item.target.id, item.value is None)
                for item in node.body
                if isinstance(item, ast.AnnAssign)
                and isinstance(item.target, ast.Name)
                and item.target.id != "model_config"
            ]

    def defined(name: str) -> list[tuple[str, bool]]:
        return [f for base in bases.get(name, []) for f in defined(base)] + own.get(name, [])

    assert recorded.models
    for model in recorded.models:
        assert sorted((f.name, f.required) for f in model.fields) == sorted(
            set(defined(model.name))
        ), model.name


def test_types_are_recorded_as_trees_and_read_back(tmp_path: Path) -> None:
    spec = _with(
        lambda s: _schema(s, "Order")["properties"].update(
            {
                "fills": {"type": "array", "items": {"$ref": "#/components/schemas/OrderRequest"}},
                "tags": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}},
                "at": {"type": "string", "format": "date-time"},
                "kind": {"enum": ["a]b", "it's", 'say "x"', 1, True]},
            }
        )
    )
    recorded = surface(tmp_path, spec)
    loaded = load(dump(recorded))
    assert loaded == recorded
    order = loaded.model("Order")
    assert order is not None
    types = {f.wire_name: f.type for f in order.fields}
    assert types["fills"].tree == ListType(ModelType(Identifier("OrderRequest")))
    assert types["tags"].tree == DictType(union([INT, NONE]))
    assert types["at"].tree == DATETIME
    assert types["kind"].tree == LiteralType(("a]b", "it's", 'say "x"', 1, True))
    assert [str(types[n]) for n in ("fills", "tags")] == [
        "list[models.OrderRequest]",
        "dict[str, int | None]",
    ]
    text = dump(recorded)
    with pytest.raises(ValueError, match="malformed surface record"):
        load(text.replace('"model": "OrderRequest"', '"model": "not a name"'))
    with pytest.raises(ValueError, match="malformed surface record"):
        load(text.replace('"literal": [', '"literal": [1.5, '))


def test_literal_values_are_compared_as_values_not_as_text(tmp_path: Path) -> None:
    """Values holding brackets, quotes or a model's name are values: `'OrderRequest'` in a
    response enum does not make the request model one that is received."""
    tricky = ["a]b", "it's", 'say "x"', "x | y"]

    def old(spec: Spec) -> None:
        _schema(spec, "Order")["properties"]["status"]["enum"] = list(tricky)

    def new(spec: Spec) -> None:
        _schema(spec, "Order")["properties"]["status"]["enum"] = tricky[1:] + ["OrderRequest"]
        _schema(spec, "OrderRequest")["required"] = ["symbol"]

    report = compare(surface(tmp_path, _with(old), "old"), surface(tmp_path, _with(new), "new"))
    found = {(c.level, c.kind, c.subject, c.change) for c in report.changes}
    assert found == {
        ("other", "enum-values-removed", "models.Order.status", "values removed: 'a]b'"),
        ("addition", "enum-values-added", "models.Order.status", "values added: 'OrderRequest'"),
        ("other", "field-now-optional", "models.OrderRequest.side", "now optional (was required)"),
        ("other", "argument-now-optional", "place_order(side=)", "now optional (was required)"),
    }, report.text()


def test_model_fields_merge_all_of_members_and_keep_nullable_beside_a_reference(
    tmp_path: Path,
) -> None:
    spec = copy.deepcopy(BASE)
    schemas = spec["components"]["schemas"]
    schemas["Leg"] = {"oneOf": [{"enum": ["near", "far"]}, {"type": "integer"}]}
    schemas["StopOrder"] = {
        "allOf": [
            {"$ref": "#/components/schemas/OrderRequest"},
            {
                "type": "object",
                "required": ["trigger"],
                "properties": {
                    "trigger": {"type": "string", "format": "decimal"},
                    "leg": {"$ref": "#/components/schemas/Leg", "nullable": True},
                },
            },
        ]
    }
    model = surface(tmp_path, spec).model("StopOrder")
    assert model is not None
    fields = {f.wire_name: (f.name, f.required, f.type.tree) for f in model.fields}
    assert fields == {
        "symbol": ("symbol", True, STR),
        "side": ("side", True, LiteralType(("buy", "sell"))),
        "quantity": ("quantity", False, DECIMAL),
        "trigger": ("trigger", True, DECIMAL),
        "leg": ("leg", False, union([LiteralType(("near", "far")), INT, NONE])),
    }


def test_the_surface_record_is_laid_out_as_json_dumps_indents_it(tmp_path: Path) -> None:
    for package in ("bitget_client", "btse_client"):
        committed = (GENERATED / package / "surface.json").read_text()
        assert dump(load(committed), content=json.loads(committed)["content"]) == committed
    text = dump(surface(tmp_path, BASE))
    assert text == json.dumps(json.loads(text), indent=1, sort_keys=True) + "\n"
    odd = {'é\u2028"\\\x01': [[], {}, [{}], 1.5, -0.0, 10**20, None, True, False, "ü"], "a": {}}
    values: list[Any] = [odd, [], {}, "", 0, [[[]]]]
    for value in values:
        out: list[str] = []
        _indented(value, 0, out)
        assert "".join(out) == json.dumps(value, indent=1, sort_keys=True)


def test_the_async_client_arriving_is_an_addition_and_a_changed_method_is_reported_once(
    tmp_path: Path,
) -> None:
    """A record from before the asynchronous client (no `async_client_class`) reads back, and
    comparing it with today's surface adds the class; a method change is one change, not one
    per client class."""
    new = copy.deepcopy(BASE)
    _add_query(new, "depth", required=True)
    old_record = json.loads(dump(surface(tmp_path, BASE, "old")))
    del old_record["async_client_class"]
    old = load(json.dumps(old_record))
    assert old.async_client_class == ""

    report = compare(old, surface(tmp_path, new, "new"))

    arrival = [c for c in report.changes if c.kind == "async-client-added"]
    assert len(arrival) == 1 and arrival[0].level == "addition"
    assert "AsyncPairsClient added" in arrival[0].change
    depth = [c for c in report.changes if "depth" in c.subject]
    assert len(depth) == 1 and depth[0].subject == "get_order(depth=)"
    assert report.bump == "major"
    same = compare(surface(tmp_path, BASE, "again"), surface(tmp_path, BASE, "twice"))
    assert not same.changes

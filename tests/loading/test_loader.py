"""Loading: YAML, JSON, local-file $refs and line numbers."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from generator import SpecError
from generator.errors import Diagnostics, Problem
from generator.load import line_map, load_spec
from generator.load.yaml_document import build_yaml
from tests.support.generation import generate_and_import
from tests.support.transport import serving

MAIN = """\
openapi: 3.1.0
info: {title: Split, version: "1.0"}
servers: [{url: "https://split.example.test"}]
paths:
  /orders:
    $ref: "paths/orders.yaml"
components:
  schemas:
    Local:
      type: object
      properties:
        order: {$ref: "schemas.yaml#/components/schemas/Order"}
"""
ORDERS = """\
post:
  operationId: placeOrder
  requestBody:
    required: true
    content:
      application/json:
        schema: {$ref: "../schemas.yaml#/components/schemas/Order"}
  responses:
    "200":
      description: ok
      content:
        application/json:
          schema: {$ref: "../schemas.yaml#/components/schemas/Order"}
"""
SCHEMAS = """\
components:
  schemas:
    Order:
      type: object
      required: [qty]
      properties:
        qty: {type: string, format: decimal}
        side: {$ref: "#/components/schemas/Side"}
    Side:
      type: string
      enum: [buy, sell]
"""


def write_split(tmp_path: Path) -> Path:
    (tmp_path / "paths").mkdir()
    (tmp_path / "paths" / "orders.yaml").write_text(ORDERS)
    (tmp_path / "schemas.yaml").write_text(SCHEMAS)
    main = tmp_path / "split.yaml"
    main.write_text(MAIN)
    return main


def test_local_file_refs_are_bundled_into_one_document(tmp_path: Path) -> None:
    spec = load_spec(write_split(tmp_path), Diagnostics(tmp_path / "split.yaml"))
    schemas = spec.document["components"]["schemas"]
    assert schemas["Local"]["properties"]["order"] == {"$ref": "#/components/schemas/Order"}
    assert schemas["Order"]["properties"]["side"] == {"$ref": "#/components/schemas/Side"}
    assert schemas["Side"]["enum"] == ["buy", "sell"]
    operation = spec.document["paths"]["/orders"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Order"
    }
    assert sorted(p.name for p in spec.extra_files) == ["orders.yaml", "schemas.yaml"]


def test_a_client_generates_from_split_files(tmp_path: Path) -> None:
    from decimal import Decimal

    import httpx

    module = generate_and_import(write_split(tmp_path), tmp_path / "out")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=request.content)

    client = module.SplitClient(http_client=serving(handler))
    order = client.place_order(qty=Decimal("0.10"), side="sell")
    assert order.qty == Decimal("0.10") and order.side == "sell"


def test_a_dangling_ref_in_another_file_names_that_ref(tmp_path: Path) -> None:
    main = write_split(tmp_path)
    (tmp_path / "schemas.yaml").write_text(
        SCHEMAS.replace("#/components/schemas/Side", "#/components/schemas/Gone")
    )
    with pytest.raises(SpecError) as caught:
        load_spec(main, Diagnostics(main))
    assert (
        "$ref '#/components/schemas/Gone' does not resolve: no '/components/schemas/Gone' in schemas.yaml"
        in str(caught.value)
    )


def test_a_missing_referenced_file_is_an_error(tmp_path: Path) -> None:
    main = write_split(tmp_path)
    (tmp_path / "schemas.yaml").unlink()
    with pytest.raises(SpecError) as caught:
        load_spec(main, Diagnostics(main))
    where = sorted((str(p.file.relative_to(tmp_path)), p.line) for p in caught.value.problems)
    assert where == [("paths/orders.yaml", 7), ("paths/orders.yaml", 13), ("split.yaml", 12)]
    assert caught.value.problems[0].message.endswith(
        "cannot use '../schemas.yaml': only regular files inside the spec's folder, up to 64 MB,"
        " can be read"
    )


def test_json_specs_load_and_report_their_line(tmp_path: Path) -> None:
    good = tmp_path / "api.json"
    good.write_text(
        json.dumps(
            {"openapi": "3.1.0", "info": {"title": "J", "version": "1"}, "paths": {}}, indent=2
        )
    )
    assert load_spec(good, Diagnostics(good)).document["info"]["title"] == "J"
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "openapi": "3.1.0",\n  "info": {\n}')
    with pytest.raises(SpecError) as caught:
        load_spec(bad, Diagnostics(bad))
    assert f"{bad}:4: invalid JSON" in str(caught.value)


def test_line_map_points_at_keys_and_list_items() -> None:
    lines = line_map(
        textwrap.dedent(
            """\
            paths:
              /a:
                get:
                  parameters:
                    - name: x
                    - name: y
            """
        ).encode()
    )
    assert lines["/paths/~1a/get"] == 3
    assert lines["/paths/~1a/get/parameters/1"] == 6


def test_lines_of_some_pointers_are_those_of_the_whole_line_map() -> None:
    source = textwrap.dedent(
        """\
        base: &base
          type: object
          properties: {a: {type: string}, b: [1, {c: 2}]}
        copy: *base
        merged:
          <<: *base
          extra: |
            two
            lines
        dup: {x: 1}
        dup:
          y: 2
        ? [complex, key]
        : value
        list:
          - - nested
            - {deep: {deeper: true}}
          - "quoted: text"
        "a/b~c": 3
        """
    ).encode()
    whole = line_map(source)
    asked = [*whole, "/copy/properties/a", "/list/0/1/deep/none", "/missing", "/dup/x"]
    for at in asked:
        some = line_map(source, wanted=[at])
        assert some.items() <= whole.items()
        assert Problem(Path("s.yaml"), at, "x").located(some) == Problem(
            Path("s.yaml"), at, "x"
        ).located(whole), at
    assert line_map(source, wanted=asked) == whole
    assert line_map(source, wanted=[]) == {}


@pytest.mark.parametrize(
    "text",
    [
        """\
        base: &base
          type: object
          properties: {a: {type: string}, "x/y~z": [1, {c: 2}], 7: seven, true: yes}
        copy: *base
        list:
          - - nested
            - {deep: {deeper: true}, empty: {}, none: []}
          - *base
          - "quoted: text"
          - >
            folded
            text
        "": empty key
        """,
        "just a scalar\n",
        "[1, [2, {a: 3}]]\n",
    ],
)
def test_lines_recorded_while_reading_are_those_of_the_line_map(text: str) -> None:
    source = textwrap.dedent(text).encode()
    _, tree = build_yaml(source, report=lambda *_: None)
    assert tree is not None
    whole = line_map(source)
    for at in [*whole, "/base/properties/a/type/more", "/list/5", "/list/01", "/base/x~1y~0z/1/c"]:
        assert tree.lines_of([at]) == line_map(source, wanted=[at]), at
    assert tree.lines_of(whole) == whole


def test_no_lines_are_recorded_where_the_keys_are_not_those_of_the_file() -> None:
    for text in ("a: 1\na: 2\n", "b: &k key\n*k : 1\n", "m: &m {x: 1}\nn:\n  <<: *m\n"):
        _, tree = build_yaml(text.encode(), report=lambda *_: None)
        assert tree is None, text

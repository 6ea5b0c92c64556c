"""Schemas the model generator names or splits otherwise: per item, not the whole spec."""

from __future__ import annotations

import textwrap
from pathlib import Path

import httpx
import pytest

from generator import SpecError, generate
from tests.support.generation import generate_and_import

ODD = """\
openapi: 3.0.3
info: {title: Odd, version: "1"}
servers: [{url: "https://api.example.test"}]
paths:
  /one:
    get:
      operationId: '001'
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: integer}
  /choice:
    post:
      operationId: choose
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                tool_choice:
                  allOf:
                    - $ref: '#/components/schemas/ToolChoice'
                  nullable: true
                ref:
                  $ref: '#/components/schemas/ImageRef'
                file:
                  $ref: '#/components/schemas/FileRef'
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ImageRef'}
  /file:
    get:
      operationId: getFile
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/FileRef'}
components:
  schemas:
    ToolChoice:
      oneOf:
        - type: string
          enum: [none, auto]
        - type: object
          properties:
            name: {type: string}
    ImageRef:
      type: object
      properties:
        image_url: {type: string}
        file_id: {type: string}
      anyOf:
        - required: [image_url]
        - required: [file_id]
    FileRef:
      type: object
      properties:
        path: {type: string}
        id: {type: string}
      anyOf:
        - required: [path]
        - required: [id]
"""


def write(tmp_path: Path, text: str, name: str = "odd.yaml") -> Path:
    spec = tmp_path / name
    spec.write_text(textwrap.dedent(text), encoding="utf-8")
    return spec


def test_strict_mode_lists_every_schema_without_its_class_at_once(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        generate([write(tmp_path, ODD)], tmp_path / "out", use_cache=False)
    where = {(p.pointer, p.line) for p in caught.value.problems}
    assert {p for p, _ in where} == {"/components/schemas/ImageRef", "/components/schemas/FileRef"}
    assert all(line for _, line in where)
    message = str(caught.value)
    assert "made no single model class 'ImageRef'" in message
    assert "ImageRef1, ImageRef2" in message and "typed dict[str, Any]" in message
    assert not (tmp_path / "out").exists()


def test_lenient_mode_types_them_as_generics_and_keeps_the_rest(tmp_path: Path) -> None:
    result = generate([write(tmp_path, ODD)], tmp_path / "out", lenient=True, use_cache=False)
    assert sorted(w.pointer for w in result.warnings) == [
        "/components/schemas/FileRef",
        "/components/schemas/ImageRef",
    ]
    module = generate_and_import(write(tmp_path, ODD), tmp_path / "again", lenient=True)
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path == "/one":
            return httpx.Response(200, json={"id": 7})
        return httpx.Response(200, json={"file_id": "f-1"})

    client = module.OddClient(http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    # A numeric operationId is named after its HTTP method; its model has the name datamodel-code-generator gave it.
    one = client.get_001()
    assert type(one).__name__ == "Field001Response" and one.id == 7
    # allOf of a $ref to a oneOf, plus nullable: the string branch and None both validate.
    assert client.choose(tool_choice="auto", ref={"image_url": "u"}) == {"file_id": "f-1"}
    assert sent[-1].content == b'{"tool_choice":"auto","ref":{"image_url":"u"}}'
    client.choose(tool_choice=None)
    assert sent[-1].content == b'{"tool_choice":null}'
    assert client.get_file() == {"file_id": "f-1"}


def test_an_allof_of_one_ref_with_nullable_is_that_type_or_none(tmp_path: Path) -> None:
    module = generate_and_import(write(tmp_path, ODD), tmp_path / "out", lenient=True)
    request = module.models.ChooseRequest
    assert request.model_validate({"tool_choice": "none"}).tool_choice == "none"
    assert request.model_validate({"tool_choice": None}).tool_choice is None
    assert request.model_validate({"tool_choice": {"name": "f"}}).tool_choice.name == "f"
    with pytest.raises(ValueError):
        request.model_validate({"tool_choice": "sometimes"})


def test_lenient_mode_refuses_a_spec_of_which_no_operation_can_be_generated(
    tmp_path: Path,
) -> None:
    spec = write(
        tmp_path,
        """\
        openapi: 3.0.3
        info: {title: Nothing, version: "1"}
        paths:
          /a:
            post:
              parameters:
                - {name: session, in: cookie, schema: {type: string}}
              responses: {"204": {description: done}}
          /b:
            get:
              parameters:
                - {name: f, in: query, style: spaceDelimited, schema: {type: array, items: {type: string}}}
              responses: {"204": {description: done}}
        """,
        "nothing.yaml",
    )
    with pytest.raises(SpecError, match="none of the 2 operations can be generated"):
        generate([spec], tmp_path / "out", lenient=True, use_cache=False)

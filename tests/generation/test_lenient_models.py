"""Schemas the model generator names or splits otherwise: per item, not the whole spec."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

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
          /a/{id}:
            post:
              responses: {"204": {description: done}}
          /b:
            get:
              parameters:
                - {name: f, in: query, style: matrix, schema: {type: array, items: {type: string}}}
              responses: {"204": {description: done}}
        """,
        "nothing.yaml",
    )
    with pytest.raises(SpecError, match="none of the 2 operations can be generated"):
        generate([spec], tmp_path / "out", lenient=True, use_cache=False)


DEFAULTS = """\
swagger: "2.0"
info: {title: Defaults, version: "1"}
host: api.example.test
paths:
  /holder:
    get:
      operationId: getHolder
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Holder"}}
definitions:
  Inner:
    type: object
    properties:
      a: {type: string}
  Player:
    type: object
    properties:
      name: {type: string}
      enemy: {$ref: "#/definitions/Player"}
  Holder:
    type: object
    properties:
      inner: {$ref: "#/definitions/Inner", default: {}}
      side: {type: string, enum: ["buy ", "sell "], default: buy}
      when: {type: string, format: date-time, default: "2010-02-01T10:20:10Z"}
      count: {type: integer, default: 3}
      tags: {type: array, items: {type: string}, default: ["a"]}
      player: {$ref: "#/definitions/Player"}
"""


def test_a_default_the_field_cannot_hold_is_left_out(tmp_path: Path) -> None:
    spec = write(tmp_path, DEFAULTS, "defaults.yaml")
    module = generate_and_import(spec, tmp_path / "out", lenient=True)
    holder = module.models.Holder.model_validate({})
    # `{}` for a model, a value the enum lacks, a date as text: unset, not handed out unchecked
    assert (holder.inner, holder.side, holder.when) == (None, None, None)
    # defaults the type holds stay
    assert (holder.count, holder.tags) == (3, ["a"])
    folder = tmp_path / "out" / "defaults_client"
    source = (folder / "defaults_client" / "models.py").read_text()
    # the packages' own ruff settings select UP045 (a forward reference stays Optional["..."])
    assert "name: str | None = None" in source and "Optional[str]" not in source
    checked = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(folder)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout


def test_a_models_module_the_audit_refuses_is_never_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.models import module as _models_module
    from generator.models.module import ModelsModule

    def hostile(document: dict[str, Any], *, package: str, header: str) -> ModelsModule:
        return ModelsModule(header + "\nfrom os import system\n", {})

    monkeypatch.setattr(_models_module, "_run", hostile)
    spec = write(tmp_path, DEFAULTS.replace(", default: buy", ""), "defaults.yaml")
    with pytest.raises(SpecError, match="models module imports from 'os'"):
        generate([spec], tmp_path / "strict", use_cache=False)
    result = generate([spec], tmp_path / "out", lenient=True, use_cache=False)
    assert any("imports from 'os'" in w.message for w in result.warnings)
    models = (tmp_path / "out" / "defaults_client" / "defaults_client" / "models.py").read_text()
    assert "system" not in models
    client = (tmp_path / "out" / "defaults_client" / "defaults_client" / "_client.py").read_text()
    assert "def get_holder(" in client and "-> dict[str, Any]:" in client


def test_typing_extensions_is_a_module_models_may_import() -> None:
    import ast

    from generator.models.module import ModelAuditError, audit_models

    audit_models(ast.parse("from typing_extensions import TypeAliasType\n"), package="p")
    with pytest.raises(ModelAuditError):
        audit_models(ast.parse("from typing_extensions_evil import x\n"), package="p")

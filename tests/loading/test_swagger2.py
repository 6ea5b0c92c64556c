"""Swagger 2.0 specs are converted to OpenAPI 3.0 on load, and messages point into the original."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator

from generator import SpecError, generate
from generator.errors import Diagnostics
from generator.load import load_spec
from generator.swagger2 import OriginalPointers, convert, convert_spec
from generator.validate import validate_spec
from tests.support.generation import generate_and_import
from tests.support.paths import CORPUS
from tests.support.transport import serving

UBER = CORPUS / "real-world" / "swagger2-uber.yaml"
PETSTORE = CORPUS / "real-world" / "swagger2-petstore-separate" / "spec" / "swagger.yaml"
# Its spec/ folder refers to ../common/Error.yaml: the whole example is the tree it may read.
ROOTS = {PETSTORE: PETSTORE.parent.parent}


def swagger(**fields: Any) -> dict[str, Any]:
    document: dict[str, Any] = {"swagger": "2.0", "info": {"title": "T", "version": "1"}}
    document.setdefault("paths", {})
    document.update(fields)
    return document


def op(**fields: Any) -> dict[str, Any]:
    return {"responses": {"200": {"description": "ok"}}, **fields}


def converted(document: dict[str, Any]) -> dict[str, Any]:
    result, _ = convert(document)
    diagnostics = Diagnostics(Path("spec.yaml"))
    validate_spec(result, diagnostics)
    assert diagnostics.errors == diagnostics.warnings == []
    return result


# -- servers ----------------------------------------------------------------------------------


def test_host_base_path_and_schemes_become_servers_https_first() -> None:
    result = converted(swagger(host="api.test:8443", basePath="/v1", schemes=["http", "https"]))
    assert result["openapi"] == "3.0.3" and "swagger" not in result
    assert result["servers"] == [
        {"url": "https://api.test:8443/v1"},
        {"url": "http://api.test:8443/v1"},
    ]


def test_a_host_without_schemes_is_https_and_no_host_keeps_base_path_relative() -> None:
    assert converted(swagger(host="api.test"))["servers"] == [{"url": "https://api.test"}]
    assert converted(swagger(basePath="/api"))["servers"] == [{"url": "/api"}]
    assert "servers" not in converted(swagger())


def test_a_host_that_is_not_a_string_is_reported_where_it_is() -> None:
    result, _ = convert(swagger(host=["a.test"], basePath="/v1"))
    diagnostics = Diagnostics(Path("spec.yaml"))
    validate_spec(result, diagnostics)
    assert [p.pointer for p in diagnostics.errors] == [""]
    assert "'host'" in diagnostics.errors[0].message


def test_operation_schemes_become_operation_servers() -> None:
    paths = {"/a": {"get": op(schemes=["http"])}}
    result = converted(swagger(host="h.test", basePath="/b", schemes=["https"], paths=paths))
    assert result["paths"]["/a"]["get"]["servers"] == [{"url": "http://h.test/b"}]


# -- definitions, shared parameters and responses ----------------------------------------------


def test_definitions_become_component_schemas_and_every_ref_follows() -> None:
    definitions = {
        "Pet": {"type": "object", "properties": {"owner": {"$ref": "#/definitions/Person"}}},
        "Person": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Pets": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
        "Dog": {"allOf": [{"$ref": "#/definitions/Pet"}, {"properties": {"bark": {}}}]},
        "Name": {"$ref": "#/definitions/Person/properties/name"},
    }
    paths = {
        "/p": {
            "get": op(
                responses={"200": {"description": "x", "schema": {"$ref": "#/definitions/Pets"}}}
            )
        }
    }
    result = converted(swagger(definitions=definitions, paths=paths))
    schemas = result["components"]["schemas"]
    assert "definitions" not in result and set(schemas) == set(definitions)
    assert schemas["Pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Person"}
    assert schemas["Pets"]["items"] == {"$ref": "#/components/schemas/Pet"}
    assert schemas["Dog"]["allOf"][0] == {"$ref": "#/components/schemas/Pet"}
    assert schemas["Name"] == {"$ref": "#/components/schemas/Person/properties/name"}
    media = result["paths"]["/p"]["get"]["responses"]["200"]["content"]["application/json"]
    assert media == {"schema": {"$ref": "#/components/schemas/Pets"}}


def test_example_data_that_looks_like_a_ref_is_left_alone() -> None:
    definitions = {
        "A": {
            "type": "object",
            "example": {"$ref": "#/definitions/A"},
            "properties": {"example": {"$ref": "#/definitions/B"}},
        },
        "B": {"type": "string"},
    }
    schema = converted(swagger(definitions=definitions))["components"]["schemas"]["A"]
    assert schema["example"] == {"$ref": "#/definitions/A"}
    assert schema["properties"]["example"] == {"$ref": "#/components/schemas/B"}


def test_shared_parameters_and_responses_become_components() -> None:
    parameters = {
        "limit": {"name": "limit", "in": "query", "type": "integer", "format": "int32"},
        "pet": {"name": "pet", "in": "body", "required": True, "schema": {"type": "object"}},
    }
    responses = {"NotFound": {"description": "gone", "schema": {"$ref": "#/definitions/Error"}}}
    operation = op(
        parameters=[{"$ref": "#/parameters/limit"}, {"$ref": "#/parameters/pet"}],
        responses={
            "404": {"$ref": "#/responses/NotFound"},
            "default": {"$ref": "#/responses/NotFound"},
        },
    )
    result = converted(
        swagger(
            parameters=parameters,
            responses=responses,
            definitions={"Error": {"type": "object"}},
            paths={"/p": {"post": operation}},
        )
    )
    components = result["components"]
    assert components["parameters"] == {
        "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32"}}
    }
    assert components["requestBodies"]["pet"] == {
        "required": True,
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    assert components["responses"]["NotFound"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    post = result["paths"]["/p"]["post"]
    assert post["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    assert post["requestBody"] == {"$ref": "#/components/requestBodies/pet"}
    assert (
        post["responses"]["404"]
        == post["responses"]["default"]
        == {"$ref": "#/components/responses/NotFound"}
    )


def test_a_shared_body_is_inlined_where_the_operation_consumes_other_types() -> None:
    parameters = {"order": {"name": "order", "in": "body", "schema": {"$ref": "#/definitions/O"}}}
    paths = {
        "/x": {"post": op(consumes=["text/plain"], parameters=[{"$ref": "#/parameters/order"}])}
    }
    result = converted(swagger(parameters=parameters, definitions={"O": {}}, paths=paths))
    assert result["paths"]["/x"]["post"]["requestBody"] == {
        "content": {"text/plain": {"schema": {"$ref": "#/components/schemas/O"}}}
    }


def test_converted_problems_are_recorded_in_the_diagnostics_they_came_from(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(
        'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths: {}\ndefinitions: {X: {}}\n'
    )
    diagnostics = Diagnostics(spec, lenient=True)
    loaded = load_spec(spec, diagnostics)
    translated = convert_spec(loaded, diagnostics)
    translated.skippable("/components/schemas/X", "m")
    translated.error("/openapi", "n")
    assert [(p.pointer, p.message) for p in diagnostics.warnings] == [("/definitions/X", "m")]
    assert [(p.pointer, p.message) for p in diagnostics.errors] == [("/swagger", "n")]
    assert translated.lenient and loaded.document["openapi"] == "3.0.3"


# -- request bodies ---------------------------------------------------------------------------


def test_a_body_parameter_becomes_a_request_body_of_each_consumed_type() -> None:
    body = {
        "name": "b",
        "in": "body",
        "description": "the order",
        "required": True,
        "x-pos": 1,
        "schema": {"$ref": "#/definitions/Order"},
    }
    paths = {
        "/a": {"post": op(parameters=[{"name": "q", "in": "query", "type": "string"}, body])},
        "/b": {"put": op(consumes=["application/xml"], parameters=[body])},
    }
    result = converted(
        swagger(consumes=["application/json", "text/json"], definitions={"Order": {}}, paths=paths)
    )
    post = result["paths"]["/a"]["post"]
    assert [p["name"] for p in post["parameters"]] == ["q"]
    assert post["requestBody"] == {
        "description": "the order",
        "required": True,
        "x-pos": 1,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Order"}},
            "text/json": {"schema": {"$ref": "#/components/schemas/Order"}},
        },
    }
    assert list(result["paths"]["/b"]["put"]["requestBody"]["content"]) == ["application/xml"]


def test_form_parameters_become_a_url_encoded_body() -> None:
    parameters = [
        {
            "name": "symbol",
            "in": "formData",
            "type": "string",
            "required": True,
            "description": "s",
        },
        {
            "name": "ids",
            "in": "formData",
            "type": "array",
            "items": {"type": "integer"},
            "collectionFormat": "multi",
        },
    ]
    result = converted(swagger(paths={"/o": {"post": op(parameters=parameters)}}))
    body = result["paths"]["/o"]["post"]["requestBody"]
    assert body["required"] is True and list(body["content"]) == [
        "application/x-www-form-urlencoded"
    ]
    media = body["content"]["application/x-www-form-urlencoded"]
    assert media["schema"] == {
        "type": "object",
        "properties": {
            "symbol": {"type": "string", "description": "s"},
            "ids": {"type": "array", "items": {"type": "integer"}},
        },
        "required": ["symbol"],
    }
    assert media["encoding"] == {"ids": {"style": "form", "explode": True}}
    assert "parameters" in result["paths"]["/o"]["post"]
    assert result["paths"]["/o"]["post"]["parameters"] == []


def test_a_file_parameter_makes_the_form_multipart_with_a_binary_field() -> None:
    parameters = [
        {"name": "file", "in": "formData", "type": "file", "required": True},
        {"name": "note", "in": "formData", "type": "string"},
    ]
    result = converted(swagger(paths={"/u": {"post": op(parameters=parameters)}}))
    content = result["paths"]["/u"]["post"]["requestBody"]["content"]
    assert list(content) == ["multipart/form-data"]
    assert content["multipart/form-data"]["schema"]["properties"]["file"] == {
        "type": "string",
        "format": "binary",
    }


def test_a_form_consumed_both_ways_offers_both_media_types() -> None:
    operation = op(
        consumes=["multipart/form-data", "application/x-www-form-urlencoded"],
        parameters=[{"name": "n", "in": "formData", "type": "string"}],
    )
    result = converted(swagger(paths={"/f": {"post": operation}}))
    content = result["paths"]["/f"]["post"]["requestBody"]["content"]
    assert list(content) == ["multipart/form-data", "application/x-www-form-urlencoded"]


def test_a_body_on_the_path_item_applies_to_each_operation() -> None:
    item = {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "type": "string"},
            {"name": "b", "in": "body", "schema": {"type": "object"}},
        ],
        "put": op(consumes=["application/merge-patch+json"]),
        "post": op(),
    }
    result = converted(swagger(paths={"/x/{id}": item}))
    converted_item = result["paths"]["/x/{id}"]
    assert [p["name"] for p in converted_item["parameters"]] == ["id"]
    assert list(converted_item["put"]["requestBody"]["content"]) == ["application/merge-patch+json"]
    assert list(converted_item["post"]["requestBody"]["content"]) == ["application/json"]


# -- responses --------------------------------------------------------------------------------


def test_responses_take_the_produced_types_headers_and_examples() -> None:
    response = {
        "description": "ok",
        "schema": {"type": "object", "x-nullable": True},
        "headers": {"X-Rate-Limit": {"type": "integer", "format": "int32", "description": "left"}},
        "examples": {"application/json": {"a": 1}},
        "x-note": "n",
    }
    paths = {
        "/r": {
            "get": op(responses={"200": response}),
            "post": op(produces=["text/plain"], responses={"200": response}),
        }
    }
    result = converted(swagger(produces=["application/json", "application/xml"], paths=paths))
    get = result["paths"]["/r"]["get"]["responses"]["200"]
    assert list(get["content"]) == ["application/json", "application/xml"]
    assert get["content"]["application/json"] == {
        "schema": {"type": "object", "nullable": True},
        "example": {"a": 1},
    }
    assert get["headers"] == {
        "X-Rate-Limit": {"description": "left", "schema": {"type": "integer", "format": "int32"}}
    }
    assert get["x-note"] == "n"
    post = result["paths"]["/r"]["post"]["responses"]["200"]
    assert list(post["content"]) == ["text/plain", "application/json"]  # example's own type kept


def test_a_file_response_is_binary() -> None:
    paths = {
        "/d": {"get": op(responses={"200": {"description": "pdf", "schema": {"type": "file"}}})}
    }
    response = converted(swagger(paths=paths))["paths"]["/d"]["get"]["responses"]["200"]
    assert response["content"] == {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
    }


def test_integer_status_codes_become_strings() -> None:
    paths = {"/s": {"get": {"responses": {200: {"description": "ok"}}}}}
    assert list(converted(swagger(paths=paths))["paths"]["/s"]["get"]["responses"]) == ["200"]


# -- parameters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "collection", "expected"),
    [
        ("query", None, {"style": "form", "explode": False}),
        ("query", "csv", {"style": "form", "explode": False}),
        ("query", "multi", {"style": "form", "explode": True}),
        ("query", "ssv", {"style": "spaceDelimited", "explode": False}),
        ("query", "pipes", {"style": "pipeDelimited", "explode": False}),
        ("query", "tsv", {"x-collectionFormat": "tsv"}),
        ("header", "csv", {}),
        ("path", None, {}),
    ],
)
def test_collection_format_becomes_style_and_explode(
    location: str, collection: str | None, expected: dict[str, Any]
) -> None:
    parameter: dict[str, Any] = {
        "name": "ids",
        "in": location,
        "required": True,
        "type": "array",
        "items": {"type": "string"},
    }
    if collection:
        parameter["collectionFormat"] = collection
    path = "/{ids}" if location == "path" else "/items"
    result = converted(swagger(paths={path: {"get": op(parameters=[parameter])}}))
    (converted_parameter,) = result["paths"][path]["get"]["parameters"]
    style = {
        k: v
        for k, v in converted_parameter.items()
        if k in ("style", "explode", "x-collectionFormat")
    }
    assert style == expected
    assert converted_parameter["schema"] == {"type": "array", "items": {"type": "string"}}


def test_parameter_keywords_move_into_the_schema() -> None:
    parameter = {
        "name": "n",
        "in": "query",
        "type": "integer",
        "minimum": 1,
        "maximum": 5,
        "default": 2,
        "enum": [1, 2, 5],
        "description": "d",
        "allowEmptyValue": True,
        "x-extra": True,
    }
    result = converted(swagger(paths={"/n": {"get": op(parameters=[parameter])}}))
    assert result["paths"]["/n"]["get"]["parameters"] == [
        {
            "name": "n",
            "in": "query",
            "description": "d",
            "allowEmptyValue": True,
            "x-extra": True,
            "schema": {
                "type": "integer",
                "default": 2,
                "maximum": 5,
                "minimum": 1,
                "enum": [1, 2, 5],
            },
        }
    ]


# -- security and extensions ------------------------------------------------------------------


def test_security_definitions_become_security_schemes() -> None:
    definitions = {
        "basic": {"type": "basic", "description": "user and password"},
        "key": {"type": "apiKey", "name": "X-KEY", "in": "header", "x-credential": "api_key"},
        "implicit": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": "https://a.test/auth",
            "scopes": {"read": "r"},
        },
        "password": {
            "type": "oauth2",
            "flow": "password",
            "tokenUrl": "https://a.test/token",
            "scopes": {},
        },
        "app": {
            "type": "oauth2",
            "flow": "application",
            "tokenUrl": "https://a.test/token",
            "scopes": {},
        },
        "code": {
            "type": "oauth2",
            "flow": "accessCode",
            "authorizationUrl": "https://a.test/auth",
            "tokenUrl": "https://a.test/token",
            "scopes": {"w": "w"},
        },
    }
    schemes = converted(swagger(securityDefinitions=definitions))["components"]["securitySchemes"]
    assert schemes["basic"] == {
        "type": "http",
        "scheme": "basic",
        "description": "user and password",
    }
    assert schemes["key"] == {
        "type": "apiKey",
        "name": "X-KEY",
        "in": "header",
        "x-credential": "api_key",
    }
    assert schemes["implicit"]["flows"] == {
        "implicit": {"authorizationUrl": "https://a.test/auth", "scopes": {"read": "r"}}
    }
    assert schemes["password"]["flows"] == {
        "password": {"tokenUrl": "https://a.test/token", "scopes": {}}
    }
    assert schemes["app"]["flows"] == {
        "clientCredentials": {"tokenUrl": "https://a.test/token", "scopes": {}}
    }
    assert schemes["code"]["flows"]["authorizationCode"]["tokenUrl"] == "https://a.test/token"


def test_extensions_discriminators_and_metadata_are_kept() -> None:
    document = swagger(
        tags=[{"name": "t"}],
        externalDocs={"url": "https://docs.test"},
        security=[{"key": []}],
        securityDefinitions={"key": {"type": "apiKey", "name": "k", "in": "query"}},
        definitions={
            "Pet": {
                "type": "object",
                "discriminator": "kind",
                "required": ["kind"],
                "properties": {"kind": {"type": "string"}},
                "x-model": "M",
            }
        },
        paths={
            "/a": {"x-item": 1, "get": op(**{"x-op": 2, "deprecated": True, "tags": ["t"]})},
            "x-paths": {"get": {"schema": 1}},
        },
        **{"x-root": {"a": "#/definitions/Pet"}},
    )
    result = converted(document)
    assert result["x-root"] == {"a": "#/definitions/Pet"}
    assert result["tags"] == [{"name": "t"}] and result["security"] == [{"key": []}]
    assert result["externalDocs"] == {"url": "https://docs.test"}
    assert (
        result["paths"]["x-paths"] == {"get": {"schema": 1}}
        and result["paths"]["/a"]["x-item"] == 1
    )
    assert result["paths"]["/a"]["get"]["x-op"] == 2 and result["paths"]["/a"]["get"]["deprecated"]
    pet = result["components"]["schemas"]["Pet"]
    assert pet["discriminator"] == {"propertyName": "kind"} and pet["x-model"] == "M"


def test_schemas_a_bundler_put_under_components_are_converted_too() -> None:
    document = swagger(
        components={"schemas": {"Doc": {"type": "file"}, "Ref": {"$ref": "#/definitions/Old"}}},
        definitions={"Old": {"type": "object", "x-nullable": True}},
    )
    schemas = converted(document)["components"]["schemas"]
    assert schemas == {
        "Doc": {"type": "string", "format": "binary"},
        "Ref": {"$ref": "#/components/schemas/Old"},
        "Old": {"type": "object", "nullable": True},
    }


def test_form_and_response_content_point_back_at_what_declared_them() -> None:
    paths = {
        "/f": {
            "post": op(
                parameters=[{"name": "n", "in": "formData", "type": "string"}],
                responses={"200": {"description": "ok", "schema": {"type": "object"}}},
            )
        }
    }
    _, origins = convert(swagger(paths=paths))
    original = OriginalPointers(Path("s.yaml"), origins=origins).original
    body = "/paths/~1f/post/requestBody/content/application~1x-www-form-urlencoded/schema"
    assert original(body + "/properties/n/type") == "/paths/~1f/post/parameters/0/type"
    assert original("/paths/~1f/post/requestBody/content") == "/paths/~1f/post/parameters/0"
    assert (
        original("/paths/~1f/post/responses/200/content") == "/paths/~1f/post/responses/200/schema"
    )


def test_the_original_document_is_not_changed() -> None:
    document = swagger(definitions={"A": {"type": "file"}}, paths={"/a": {"get": op()}})
    before = json.dumps(document, sort_keys=True)
    convert(document)
    assert json.dumps(document, sort_keys=True) == before


# -- pointers back into the original -----------------------------------------------------------


def test_moved_pointers_map_back_to_where_the_author_wrote_them() -> None:
    document = swagger(
        definitions={"Pet": {"type": "object"}},
        paths={
            "/p": {
                "post": op(
                    parameters=[
                        {"name": "b", "in": "body", "schema": {"$ref": "#/definitions/Pet"}},
                        {"name": "q", "in": "query", "type": "string"},
                    ]
                )
            }
        },
    )
    _, origins = convert(document)
    diagnostics = OriginalPointers(Path("s.yaml"), origins=origins)
    original = diagnostics.original
    assert original("/components/schemas/Pet/type") == "/definitions/Pet/type"
    assert (
        original("/paths/~1p/post/parameters/0/schema/type") == "/paths/~1p/post/parameters/1/type"
    )
    assert original("/paths/~1p/post/parameters/0/name") == "/paths/~1p/post/parameters/1/name"
    assert (
        original("/paths/~1p/post/requestBody/content/application~1json/schema/x")
        == "/paths/~1p/post/parameters/0/schema/x"
    )
    assert original("/paths/~1p/post/responses/200") == "/paths/~1p/post/responses/200"
    assert original("/paths/~1p/post/requestBody/content") == "/paths/~1p/post/parameters/0"
    assert original("/openapi") == "/swagger"


SPEC_WITH_PROBLEMS = """\
swagger: "2.0"
info: {title: T, version: "1"}
host: api.test
definitions:
  Order:
    type: object
    properties:
      price:
        type: decimal
paths:
  /orders:
    post:
      parameters:
        - name: order
          in: body
          schema:
            type: object
            properties:
              side:
                type: sting
        - name: symbol
          in: query
          type: string
      security:
        - missing: []
      responses:
        "200":
          description: ok
"""


def test_problems_in_a_converted_spec_name_the_original_pointer_and_line(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text(SPEC_WITH_PROBLEMS)
    with pytest.raises(SpecError) as caught:
        generate([spec], tmp_path / "out", use_cache=False)
    found = {(p.pointer, p.line) for p in caught.value.problems}
    text = str(caught.value)
    assert ("/definitions/Order/properties/price/type", 9) in found, text
    assert ("/paths/~1orders/post/parameters/0/schema/properties/side/type", 20) in found, text
    assert ("/paths/~1orders/post/security/0", 25) in found, text
    assert all(p.file == spec for p in caught.value.problems)
    assert all(p.pointer.startswith(("/definitions/", "/paths/")) for p in caught.value.problems)
    assert "/components/" not in text and "requestBody" not in text
    assert not (tmp_path / "out").exists()


TYPOS = """\
swagger: "2.0"
info: {title: T, version: "1"}
hots: api.test
paths:
  /orders:
    post:
      parameters:
        - name: symbol
          in: query
          type: string
          requird: true
        - name: order
          in: body
          descripton: the order
          schema: {type: object}
      responses:
        "200":
          description: ok
          shema: {type: object}
"""


def test_misspelt_fields_are_reported_where_they_are(tmp_path: Path) -> None:
    spec = tmp_path / "typos.yaml"
    spec.write_text(TYPOS)
    with pytest.raises(SpecError) as caught:
        generate([spec], tmp_path / "out", use_cache=False)
    found = {(p.pointer, p.line): p.message for p in caught.value.problems}
    assert "'hots'" in found[("", 1)], found
    assert "'requird'" in found[("/paths/~1orders/post/parameters/0", 8)], found
    assert "'descripton'" in found[("/paths/~1orders/post/parameters/1", 12)], found
    assert "'shema'" in found[("/paths/~1orders/post/responses/200", 17)], found


def test_an_unknown_swagger_version_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "v3.yaml"
    spec.write_text('swagger: "3.0"\ninfo: {title: T, version: "1"}\npaths: {}\n')
    with pytest.raises(SpecError, match=r"at /swagger: unsupported Swagger version '3.0'"):
        generate([spec], tmp_path / "out", use_cache=False)


# -- the corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", [UBER, PETSTORE], ids=["uber", "petstore-separate"])
def test_corpus_swagger_specs_convert_to_valid_openapi(spec: Path) -> None:
    loaded = load_spec(spec, Diagnostics(spec), root=ROOTS.get(spec))
    assert loaded.document["swagger"] == "2.0"
    result, _ = convert(loaded.document)
    assert [e.message for e in OpenAPIV30SpecValidator(result).iter_errors()] == []


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[Path, ModuleType]]:
    out = tmp_path_factory.mktemp("swagger2")
    return out, {
        spec: generate_and_import(spec, out, root=ROOTS.get(spec)) for spec in (UBER, PETSTORE)
    }


def test_generated_swagger_packages_pass_mypy_strict(
    packages: tuple[Path, dict[Path, ModuleType]],
) -> None:
    out, modules = packages
    targets = [str(out / m.__name__ / m.__name__) for m in modules.values()]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *targets],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_uber_generates_in_strict_mode_and_sends_its_query_key(
    packages: tuple[Path, dict[Path, ModuleType]],
) -> None:
    module = packages[1][UBER]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=[{"product_id": "p1", "capacity": 4}])

    client = module.Swagger2UberClient(apikey="tok", http_client=serving(handler))
    (product,) = client.get_products(latitude=Decimal("37.77"), longitude=Decimal("-122.41"))
    assert product.product_id == "p1" and product.capacity == 4
    assert str(sent[0].url).startswith("https://api.uber.com/v1/products?")
    assert sent[0].url.params["server_token"] == "tok"
    assert sent[0].url.params["latitude"] == "37.77"


def test_four_file_petstore_generates_and_calls(
    packages: tuple[Path, dict[Path, ModuleType]],
) -> None:
    module = packages[1][PETSTORE]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.method == "POST":
            return httpx.Response(200, json=json.loads(request.content))
        return httpx.Response(200, json=[{"id": 1, "name": "Rex", "tag": "dog"}])

    client = module.SwaggerClient(http_client=serving(handler))
    (pet,) = client.find_pets(tags=["dog", "cat"], limit=2)
    assert pet.name == "Rex"
    assert sent[0].url.params["tags"] == "dog,cat"  # collectionFormat: csv
    assert str(sent[0].url).startswith("http://petstore.swagger.io/api/pets?")
    created = client.add_pet(body=module.models.NewPet(id=7, name="Tom", description=3))
    assert created.id == 7 and json.loads(sent[1].content) == {
        "id": 7,
        "name": "Tom",
        "description": 3,
    }
    assert sent[1].headers["content-type"] == "application/json"

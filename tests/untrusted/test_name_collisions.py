"""Names from a spec never shadow what the generated package needs: they are renamed with a
warning (methods, arguments, credentials) or refused with their pointer (packages, classes)."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator import generate
from generator.ir.naming import CLIENT_ATTRIBUTES
from templates.runtime import _base_client
from tests.support.generation import import_package


def _spec(
    *, operation_ids: list[str], credential: str = "api_key", schema: str = "Order"
) -> dict[str, Any]:
    paths = {
        f"/p{i}": {
            "post": {
                "operationId": operation_id,
                "security": [{"Key": []}],
                "parameters": [
                    {"name": "timeout", "in": "query", "schema": {"type": "integer"}},
                    {"name": "self", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{schema}"}
                            }
                        },
                    }
                },
            }
        }
        for i, operation_id in enumerate(operation_ids)
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Clash", "version": "1"},
        "servers": [{"url": "https://clash.example.test"}],
        "paths": paths,
        "components": {
            "schemas": {schema: {"type": "object", "properties": {"id": {"type": "string"}}}},
            "securitySchemes": {
                "Key": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "X-Key",
                    "x-credential": credential,
                }
            },
        },
    }


def _generate(tmp_path: Path, document: dict[str, Any], name: str) -> tuple[Any, list[str]]:
    spec = tmp_path / f"{name}.json"
    spec.write_text(json.dumps(document))
    result = generate([spec], tmp_path / "out", use_cache=False)
    (package,) = result.packages
    module = import_package(tmp_path / "out", package)
    return module, [w.message for w in result.warnings]


def test_operations_named_like_client_attributes_become_other_methods(tmp_path: Path) -> None:
    ids = ["close", "timeout", "base_url", "withRawResponse", "headers"]
    module, warnings = _generate(tmp_path, _spec(operation_ids=ids), "clash_methods")
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "1"})

    with module.ClashMethodsClient(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))
    ) as client:
        assert (
            callable(client.close_)
            and callable(client.timeout_)
            and callable(client.with_raw_response_)
        )
        assert client.close_().id == "1"
    # Leaving the block closed the client; it did not call the API's `close` operation.
    assert len(sent) == 1 and sent[0].url.path == "/p0"
    assert sum("is the client's own" in w for w in warnings) == len(ids)


def test_parameters_named_like_per_call_options_keep_the_options(tmp_path: Path) -> None:
    module, warnings = _generate(tmp_path, _spec(operation_ids=["go"]), "clash_arguments")
    method = module.ClashArgumentsClient.go
    parameters = inspect.signature(method).parameters
    assert {"timeout", "timeout_", "self", "self_"} <= set(parameters)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "1"})

    client = module.ClashArgumentsClient(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    client.go(timeout_=5, self_="me", timeout=3.0)
    assert seen[0].url.params["timeout"] == "5" and seen[0].headers["self"] == "me"
    assert any("'timeout' is the argument 'timeout_'" in w for w in warnings)


@pytest.mark.parametrize("credential", ["timeout", "http_client", "self", "os", "super"])
def test_credentials_named_like_constructor_arguments_are_renamed(
    tmp_path: Path, credential: str
) -> None:
    module, warnings = _generate(
        tmp_path, _spec(operation_ids=["go"], credential=credential), f"clash_{credential}"
    )
    cls = next(
        getattr(module, n)
        for n in module.__all__
        if n.endswith("Client") and not n.startswith("Async")
    )
    renamed = f"{credential}_"
    assert renamed in inspect.signature(cls).parameters
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": "1"})

    client = cls(
        **{renamed: "secret-value"}, http_client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    client.go()
    assert seen[0].headers["x-key"] == "secret-value"
    assert any(f"credential {credential!r} is named {renamed!r}" in w for w in warnings)


@pytest.mark.parametrize(
    "schema", ["Envelope", "Endpoint", "BaseClient", "NotGiven", "httpx", "Field"]
)
def test_a_model_named_like_a_runtime_name_shadows_nothing(tmp_path: Path, schema: str) -> None:
    module, _ = _generate(
        tmp_path, _spec(operation_ids=["go"], schema=schema), f"clash_{schema.lower()}"
    )

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"id": "7"})

    client = (
        module.ClashClient
        if hasattr(module, "ClashClient")
        else next(
            getattr(module, n)
            for n in module.__all__
            if n.endswith("Client") and not n.startswith("Async")
        )
    )
    result = client(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))
    ).go()
    assert result.id == "7"
    assert type(result).__module__.endswith(".models")


def test_a_hook_named_like_a_runtime_module_replaces_nothing(tmp_path: Path) -> None:
    (tmp_path / "auth.py").write_text(
        "def sign(message: bytes, secret: str) -> str:\n    return 'signed'\n"
    )
    document = _spec(operation_ids=["go"])
    document["components"]["securitySchemes"]["Key"]["x-signing"] = {
        "message": "{body}",
        "hook": "auth.py",
        "headers": {"X-Key": "{api_key}", "X-Sign": "{signature}"},
    }
    spec = tmp_path / "hooked.json"
    spec.write_text(json.dumps(document))
    generate([spec], tmp_path / "out", use_cache=False)
    package = tmp_path / "out" / "hooked_client" / "hooked_client"
    assert (package / "_hook_auth.py").read_text().startswith("def sign(")
    assert "class SigningScheme" in (package / "_auth.py").read_text()


def test_the_reserved_client_attributes_cover_the_runtime_client() -> None:
    public = {
        name for name, _ in inspect.getmembers(_base_client.BaseClient) if not name.startswith("_")
    }
    assert public <= CLIENT_ATTRIBUTES


def test_a_pager_and_an_operation_named_like_it_keep_apart(tmp_path: Path) -> None:
    document = _spec(operation_ids=["list", "listPages"])
    listing = document["paths"]["/p0"].pop("post")
    listing["x-pagination"] = {"style": "page", "page": "page", "items": "data"}
    listing["parameters"] = [{"name": "page", "in": "query", "schema": {"type": "integer"}}]
    listing["responses"]["200"]["content"]["application/json"]["schema"] = {
        "type": "object",
        "properties": {"data": {"type": "array", "items": {"type": "string"}}},
    }
    document["paths"]["/p0"]["get"] = listing
    module, _ = _generate(tmp_path, document, "clash_pages")
    pages = {1: ["a", "b"], 2: ["c"], 3: []}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/p1":
            return httpx.Response(200, json={"id": "1"})
        return httpx.Response(200, json={"data": pages[int(request.url.params["page"])]})

    client = module.ClashPagesClient(
        api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    assert list(client.iter_list()) == ["a", "b", "c"]
    assert client.list_pages().id == "1"

"""Credentials from the spec: one argument per scheme, every scheme of a requirement sent."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.support.flavors import built
from tests.support.generation import generate_and_import

SPEC = """\
openapi: 3.0.3
info: {title: Keys, version: "1"}
servers: [{url: "https://api.example.test"}]
security:
  - AccessKey: []
    Passphrase: []
    Sign: []
  - Token: []
paths:
  /orders:
    get:
      operationId: listOrders
      responses: {"204": {description: none}}
  /public:
    get:
      operationId: getPublic
      security: []
      responses: {"204": {description: none}}
  /query:
    get:
      operationId: getByQueryKey
      security:
        - QueryKey: []
      responses: {"204": {description: none}}
components:
  securitySchemes:
    AccessKey: {type: apiKey, in: header, name: X-ACCESS-KEY}
    Passphrase: {type: apiKey, in: header, name: X-ACCESS-PASSPHRASE, x-credential: api_passphrase}
    Sign: {type: apiKey, in: header, name: X-ACCESS-SIGN}
    QueryKey: {type: apiKey, in: query, name: key}
    Token: {type: http, scheme: bearer}
"""


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path]:
    out = tmp_path_factory.mktemp("keys")
    spec = out / "keys.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return generate_and_import(spec, out / "generated"), out / "generated"


def calling(module: ModuleType, **credentials: str) -> tuple[Any, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    transport = httpx.MockTransport(handler)
    client = built(module.KeysClient, http_client=httpx.Client(transport=transport), **credentials)
    return client, sent


def test_each_scheme_has_its_own_argument(keys: tuple[ModuleType, Path]) -> None:
    module, _ = keys
    names = module.KeysClient.__init__.__code__.co_varnames
    assert {"access_key", "api_passphrase", "sign", "query_key", "token"} <= set(names)


def test_a_requirement_of_several_schemes_sends_each_its_own_value(
    keys: tuple[ModuleType, Path],
) -> None:
    client, sent = calling(keys[0], access_key="k-1", api_passphrase="p-2", sign="s-3")
    client.list_orders()
    headers = sent[0].headers
    assert (
        headers["X-ACCESS-KEY"],
        headers["X-ACCESS-PASSPHRASE"],
        headers["X-ACCESS-SIGN"],
    ) == ("k-1", "p-2", "s-3")
    assert "authorization" not in headers
    client.get_public()
    assert not {"x-access-key", "x-access-passphrase"} & set(sent[1].headers)


def test_alternatives_pick_the_first_complete_one(keys: tuple[ModuleType, Path]) -> None:
    # The key and passphrase without the third scheme are no complete alternative.
    client, sent = calling(keys[0], access_key="k-1", api_passphrase="p-2", token="t-4")
    client.list_orders()
    assert sent[0].headers["authorization"] == "Bearer t-4"
    assert "x-access-key" not in sent[0].headers
    complete, sent = calling(
        keys[0], access_key="k-1", api_passphrase="p-2", sign="s-3", token="t-4"
    )
    complete.list_orders()
    assert sent[0].headers["X-ACCESS-KEY"] == "k-1" and "authorization" not in sent[0].headers


def test_missing_credentials_name_the_first_alternative(keys: tuple[ModuleType, Path]) -> None:
    module = keys[0]
    client, sent = calling(module, access_key="k-1")
    with pytest.raises(module.MissingCredentialsError) as caught:
        client.list_orders()
    message = str(caught.value)
    assert "missing: api_passphrase, sign" in message
    assert "KEYS_API_PASSPHRASE, KEYS_SIGN" in message and not sent


def test_credentials_come_from_the_environment(
    keys: tuple[ModuleType, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEYS_QUERY_KEY", "q-5")
    client, sent = calling(keys[0])
    client.get_by_query_key()
    assert sent[0].url.params["key"] == "q-5"


def test_the_readme_lists_every_credential(keys: tuple[ModuleType, Path]) -> None:
    readme = (keys[1] / "keys_client" / "README.md").read_text(encoding="utf-8")
    for env in ("KEYS_ACCESS_KEY", "KEYS_API_PASSPHRASE", "KEYS_SIGN", "KEYS_QUERY_KEY"):
        assert f"`{env}`" in readme
    assert "**Passphrase** (apiKey, header X-ACCESS-PASSPHRASE: api_passphrase)" in readme
    for argument in ("access_key", "api_passphrase", "sign", "query_key", "token"):
        assert f'{argument}="..."' in readme

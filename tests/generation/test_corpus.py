"""Public specs nobody here wrote generate, import, type-check, and parse a response."""

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

from generator import SpecError, generate
from tests.support.generation import generate_and_import
from tests.support.paths import CORPUS
from tests.support.transport import serving

LENIENT = {"binance-spot-api.yaml"}
CASES = sorted(p.name for p in CORPUS.glob("*.yaml"))


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[ModuleType, Path]]:
    out = tmp_path_factory.mktemp("corpus")
    return {
        name: (generate_and_import(CORPUS / name, out, lenient=name in LENIENT), out)
        for name in CASES
    }


def test_the_corpus_is_all_there() -> None:
    assert {
        "binance-spot-api.yaml",
        "oai-petstore-expanded.yaml",
        "oai-uspto.yaml",
        "oai-link-example.yaml",
    } <= set(CASES)


def test_binance_needs_lenient_mode(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        generate([CORPUS / "binance-spot-api.yaml"], tmp_path, use_cache=False)
    assert "/description: invalid spec: None is not of type 'string'" in str(caught.value)
    assert not any(tmp_path.iterdir())


def test_binance_generates_every_operation(packages: dict[str, tuple[ModuleType, Path]]) -> None:
    module, _ = packages["binance-spot-api.yaml"]
    import yaml

    spec = yaml.load((CORPUS / "binance-spot-api.yaml").read_bytes(), Loader=yaml.CSafeLoader)
    operations = [
        m
        for item in spec["paths"].values()
        for m in item
        if m in ("get", "put", "post", "delete", "patch")
    ]
    methods = [
        m
        for m in vars(module.BinanceSpotApiClient)
        if not m.startswith("_") and m != "with_raw_response"
    ]
    assert len(methods) == len(operations) == 340


def test_corpus_packages_pass_mypy_strict(packages: dict[str, tuple[ModuleType, Path]]) -> None:
    targets = [str(out / m.__name__ / m.__name__) for m, out in packages.values()]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *targets],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def client_for(module: ModuleType, handler: Any, base_url: str | None = None) -> Any:
    (name,) = [n for n in module.__all__ if n.endswith("Client")]
    cls = getattr(module, name)
    credentials = {"api_key": "k"} if "api_key" in cls.__init__.__code__.co_varnames else {}
    return cls(base_url, http_client=serving(handler), **credentials)


def test_petstore_find_pets(packages: dict[str, tuple[ModuleType, Path]]) -> None:
    module, _ = packages["oai-petstore-expanded.yaml"]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(
            200, json=[{"id": 1, "name": "Rex", "tag": "dog"}, {"id": 2, "name": "Tom"}]
        )

    pets = client_for(module, handler).find_pets(tags=["dog", "cat"], limit=2)
    assert [p.name for p in pets] == ["Rex", "Tom"] and pets[0].id == 1
    assert str(sent[0].url).startswith("https://petstore.swagger.io/v2/pets?")
    assert (
        sent[0].url.params.get_list("tags") == ["dog", "cat"] and sent[0].url.params["limit"] == "2"
    )


def test_link_example_get_user(packages: dict[str, tuple[ModuleType, Path]]) -> None:
    module, _ = packages["oai-link-example.yaml"]

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.raw_path == b"/2.0/users/ada%20lovelace"
        return httpx.Response(200, json={"username": "ada lovelace", "uuid": "u-1"})

    with pytest.raises(ValueError, match="declares no absolute server URL: pass base_url="):
        client_for(module, handler)
    user = client_for(module, handler, "https://api.example.test").get_user_by_name(
        username="ada lovelace"
    )
    assert user.username == "ada lovelace"


def test_uspto_form_body_search(packages: dict[str, tuple[ModuleType, Path]]) -> None:
    module, _ = packages["oai-uspto.yaml"]

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["content-type"] == "application/x-www-form-urlencoded"
        assert request.content == b"criteria=%2A%3A%2A&start=0&rows=10"
        return httpx.Response(200, json=[{"patentNumber": {"value": "1"}}])

    hits = client_for(module, handler).perform_search(
        version="v1", dataset="oa_citations", criteria="*:*", start=0, rows=10
    )
    assert hits == [{"patentNumber": {"value": "1"}}]


def test_binance_ticker_price_parses_both_shapes(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    module, _ = packages["binance-spot-api.yaml"]
    answers = iter(
        [{"symbol": "BNBBTC", "price": "0.00001000"}, [{"symbol": "BNBBTC", "price": "0.00001000"}]]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=json.dumps(next(answers)))

    client = client_for(module, handler)
    one = client.get_api_v3_ticker_price(symbol="BNBBTC")
    many = client.get_api_v3_ticker_price()
    assert one.price == "0.00001000" and isinstance(many, list) and many[0].symbol == "BNBBTC"


def test_binance_numbers_parse_exactly(packages: dict[str, tuple[ModuleType, Path]]) -> None:
    module, _ = packages["binance-spot-api.yaml"]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b'{"serverTime": 1499827319559}')

    time = client_for(module, handler).get_api_v3_time()
    assert time.model_dump(by_alias=True) == {"serverTime": 1499827319559}
    assert not isinstance(time.model_dump()["server_time"], (float, Decimal))

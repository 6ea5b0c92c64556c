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
from generator.errors import Problem
from tests.support.generation import import_package
from tests.support.paths import CORPUS
from tests.support.transport import serving

REAL_WORLD = [
    "real-world/okx-rest.yaml",
    "real-world/openai.yaml",
    "real-world/swagger2-uber.yaml",
    "real-world/swagger2-petstore-separate/spec/swagger.yaml",
]
# Other generators' own test specs (tests/corpus/README.md).
PEERS = [
    "peers/dcg-allof.yaml",
    "peers/dcg-discriminator-external-mapping/openapi.yaml",
    "peers/dcg-nullable.yaml",
    "peers/dcg-openapi_discriminated_oneof_allof_cycle.json",
    "peers/ojsg-3_1_0_unit_test_spec.yaml",
    "peers/ojsg-petstore_customized.yaml",
    "peers/opc-3.1_specific.openapi.yaml",
    "peers/opc-baseline_openapi_3.0.json",
    "peers/opc-baseline_openapi_3.1.yaml",
    "peers/opc-openapi_3.1_enums.yaml",
]
CASES = sorted(p.name for p in CORPUS.glob("*.yaml")) + REAL_WORLD + PEERS
# Specs that do not fully validate (or hold a NUL, a numeric parameter name, a cycle that
# defines nothing): lenient mode carries them.
LENIENT = {
    "binance-spot-api.yaml",
    "real-world/openai.yaml",
    "peers/dcg-nullable.yaml",
    "peers/dcg-openapi_discriminated_oneof_allof_cycle.json",
    "peers/ojsg-3_1_0_unit_test_spec.yaml",
    "peers/ojsg-petstore_customized.yaml",
    "peers/opc-baseline_openapi_3.0.json",
    "peers/opc-baseline_openapi_3.1.yaml",
}
# Files outside the spec's folder that its references reach.
ROOTS = {"real-world/swagger2-petstore-separate/spec/swagger.yaml": 2}
# What lenient mode leaves out of OpenAI's spec, and why (the pointer of each warning).
OPENAI_DROPPED: dict[str, str] = {}


WARNINGS: dict[str, list[Problem]] = {}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[ModuleType, Path]]:
    out = tmp_path_factory.mktemp("corpus")
    found = {}
    for name in CASES:
        spec = CORPUS / name
        root = spec.parents[ROOTS[name] - 1] if name in ROOTS else None
        result = generate([spec], out, lenient=name in LENIENT, use_cache=False, root=root)
        WARNINGS[name] = result.warnings
        (package,) = result.packages
        found[name] = (import_package(out, package), out)
    return found


def methods_of(module: ModuleType) -> list[str]:
    (name,) = [n for n in module.__all__ if n.endswith("Client") and not n.startswith("Async")]
    return [
        m
        for m, value in vars(getattr(module, name)).items()
        if callable(value) and not m.startswith("_") and not m.startswith("iter_")
    ]


def spec_operations(name: str) -> list[tuple[str, str]]:
    import yaml

    spec = yaml.load((CORPUS / name).read_bytes(), Loader=yaml.CSafeLoader)
    return [
        (path, method)
        for path, item in (spec.get("paths") or {}).items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch", "head", "options", "trace")
    ]


def test_the_corpus_is_all_there() -> None:
    assert {
        "binance-spot-api.yaml",
        "oai-petstore-expanded.yaml",
        "oai-uspto.yaml",
        "oai-link-example.yaml",
    } <= set(CASES)
    assert all((CORPUS / name).is_file() for name in REAL_WORLD + PEERS)
    # every spec of the peers' folder is a case (the others are files its references reach)
    assert {
        str(p.relative_to(CORPUS))
        for p in (CORPUS / "peers").rglob("*")
        if p.is_file() and "schemas" not in p.parts
    } == set(PEERS)


@pytest.mark.parametrize("name", CASES)
def test_every_operation_is_generated(
    packages: dict[str, tuple[ModuleType, Path]], name: str
) -> None:
    module, _ = packages[name]
    dropped = [w for w in WARNINGS[name] if "skips the operation" in w.message]
    assert dropped == [] and len(methods_of(module)) == len(spec_operations(name))


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
    # one process over every package: a run per package would import mypy's cache each time
    targets = [str(out / m.__name__ / m.__name__) for m, out in packages.values()]
    assert len(targets) == len(CASES)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *targets],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_corpus_packages_pass_their_own_ruff_settings(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    # each package folder holds its pyproject.toml, whose [tool.ruff] settings ruff applies
    folders = [out / m.__name__ for m, out in packages.values()]
    assert all("[tool.ruff.lint]" in (f / "pyproject.toml").read_text() for f in folders)
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *map(str, folders)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def client_for(module: ModuleType, handler: Any, base_url: str | None = None) -> Any:
    (name,) = [n for n in module.__all__ if n.endswith("Client") and not n.startswith("Async")]
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


def test_okx_generates_every_operation(packages: dict[str, tuple[ModuleType, Path]]) -> None:
    module, _ = packages["real-world/okx-rest.yaml"]
    assert len(methods_of(module)) == len(spec_operations("real-world/okx-rest.yaml")) == 313


def test_okx_sends_each_key_header_its_own_value(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    module, _ = packages["real-world/okx-rest.yaml"]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        body = {"code": "0", "msg": "", "data": [{"totalEq": "41624.32", "details": []}]}
        return httpx.Response(200, json=body)

    client = module.OkxRestClient(
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        api_key="key-1",
        passphrase="pass-2",
    )
    balance = client.get_account_balance_v5(ccy="BTC")
    assert balance.data[0].total_eq == "41624.32"
    headers = sent[0].headers
    assert (headers["OK-ACCESS-KEY"], headers["OK-ACCESS-PASSPHRASE"]) == ("key-1", "pass-2")
    assert str(sent[0].url) == "https://www.okx.com/api/v5/account/balance?ccy=BTC"


def test_openai_generates_every_operation_it_can(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    module, _ = packages["real-world/openai.yaml"]
    skipped = {
        w.pointer: w.message.split(" (lenient mode")[0]
        for w in WARNINGS["real-world/openai.yaml"]
        if "lenient mode skips the operation" in w.message
    }
    assert skipped == OPENAI_DROPPED
    operations = spec_operations("real-world/openai.yaml")
    assert len(methods_of(module)) == len(operations) - len(OPENAI_DROPPED) == 288


def test_openai_calls_parse_through_a_mock_transport(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    module, _ = packages["real-world/openai.yaml"]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        request.read()
        if request.url.path == "/v1/models":
            return httpx.Response(
                200,
                json={
                    "object": "list",
                    "data": [
                        {"id": "gpt-x", "object": "model", "created": 1, "owned_by": "openai"}
                    ],
                },
            )
        if request.url.path == "/v1/files":
            return httpx.Response(
                200,
                json={
                    "id": "file-1",
                    "object": "file",
                    "bytes": 6,
                    "created_at": 1,
                    "filename": "data.jsonl",
                    "purpose": "batch",
                    "status": "processed",
                },
            )
        if request.url.path == "/v1/fine_tuning/jobs":
            return httpx.Response(200, json={"object": "list", "data": [], "has_more": False})
        if request.url.path == "/v1/audio/speech":
            return httpx.Response(
                200, content=b"ID3\x00mp3", headers={"content-type": "application/octet-stream"}
            )
        return httpx.Response(
            200,
            content=b'data: {"id": "c-1"}\n\ndata: [DONE]\n\n',
            headers={"content-type": "text/event-stream"},
        )

    client = module.OpenaiClient(
        http_client=httpx.Client(transport=httpx.MockTransport(handler)), token="sk-1"
    )
    listed = client.list_models()
    assert [m.id for m in listed.data] == ["gpt-x"]
    assert sent[0].headers["authorization"] == "Bearer sk-1"
    stored = client.create_file(file=("data.jsonl", b"{}\n", None), purpose="batch")
    assert stored.id == "file-1"
    assert sent[1].headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'filename="data.jsonl"' in sent[1].content
    assert client.create_speech(model="tts-1", input="hi", voice="alloy") == b"ID3\x00mp3"
    chunks = client.create_chat_completion(
        body=module.models.CreateChatCompletionRequest.model_validate(
            {"model": "gpt-x", "messages": [{"role": "user", "content": "hi"}], "stream": True}
        )
    )
    assert [e.data for e in chunks] == ['{"id": "c-1"}', "[DONE]"]
    jobs = client.list_paginated_fine_tuning_jobs(limit=2, metadata={"team": "a b"})
    assert jobs.data == [] and sent[-1].url.query == b"limit=2&metadata%5Bteam%5D=a+b"


def test_cookie_parameters_travel_in_one_cookie_header(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    module, _ = packages["peers/opc-baseline_openapi_3.0.json"]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    client = client_for(module, handler, "https://api.example.test")
    client.token_with_cookie_auth_token_with_cookie_get(my_token="t 1;x")
    assert sent[0].headers["cookie"] == "MyToken=t%201%3Bx"
    # the same name in path, query, header and cookie: each travels in its own place
    client.get_same_name_multiple_locations_by_param(
        param_path="p", param="q", param_header="h", param_cookie="c"
    )
    request = sent[1]
    assert request.url.path.endswith("/p") and request.url.params["param"] == "q"
    assert request.headers["param"] == "h" and request.headers["cookie"] == "param=c"


def test_delimited_query_arrays_and_numeric_parameter_names(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    module, _ = packages["peers/ojsg-petstore_customized.yaml"]
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    client = client_for(module, handler, "https://api.example.test")
    client.query_parameter_collection_format(
        pipe=["a", "b"],
        ioutil=["c", "d"],
        http=["e", "f"],
        url=["g", "h"],
        context=["i", "j"],
        ref_param="ref-val",
    )
    params = sent[0].url.params
    assert params.get_list("pipe") == ["a", "b"] and params["ioutil"] == "c,d"
    assert params["http"] == "e f" and params.get_list("context") == ["i", "j"]
    # `name: 1` (a YAML integer) is the path template {1}
    client.parameter_collisions(_1_path="one", a_b_path="x", ab_path="y", self_3="s", a_b_2="z")
    assert sent[1].url.path == "/fake/parameterCollisions/one/x/y/s/z/"


def test_a_const_holding_a_nul_is_typed_and_sent_exactly(
    packages: dict[str, tuple[ModuleType, Path]],
) -> None:
    module, _ = packages["peers/ojsg-3_1_0_unit_test_spec.yaml"]
    assert any(
        w.pointer == "/components/schemas/ConstNulCharactersInStrings/const" and "NUL" in w.message
        for w in WARNINGS["peers/ojsg-3_1_0_unit_test_spec.yaml"]
    )
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json="hello\x00there")

    client = client_for(module, handler, "https://api.example.test")
    client.post_const_nul_characters_in_strings_request_body(body="hello\x00there")
    assert json.loads(sent[0].content) == "hello\x00there"
    with pytest.raises(ValueError):
        client.post_const_nul_characters_in_strings_request_body(body="hello there")

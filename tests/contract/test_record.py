"""Record mode against the scripted transport standing in for the live server (no network).

The fake server answers with the documentation cassettes' bodies and, for one operation, with an
error that echoes the API key and the signature it received, so the tests can check that no
secret survives anywhere in a recorded file.
"""

from __future__ import annotations

import base64
import datetime as dt
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

from tests.support import apis, record
from tests.support import cassette as cz
from tests.support.contract import request_errors, response_errors
from tests.support.replay import replay
from tests.support.transport import ScriptedServer, answering, reply

TODAY = dt.date(2026, 1, 2)
# Bitget's public operations: sent, and recorded, without credentials.
PUBLIC_PATHS = {"/api/v2/public/time"}
# Live-looking credentials, with characters that URL-encode (to catch encoded leaks too).
LIVE = {
    "api_key": "live-key-Zq81xJ",
    "api_secret": "live/secret+Hw93=",
    "passphrase": "live pass Mk27",
    "token": "live-token-Vb55.x",
    "username": "live-user-Rt42",
    "password": "live:password/Pq66",
}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection beyond the loopback fails the test (record mode must use the transport)."""
    connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to reach the network: {address!r}")
        connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


class FakeServer(ScriptedServer):
    """Answers each request with the body of the API's documentation cassette for that route."""

    def __init__(self, api_name: str, base_url: str) -> None:
        super().__init__(answering(self.answer))
        self.api = apis.get(api_name)
        self.base_path = httpx.URL(base_url).path.rstrip("/")
        self.routes: dict[tuple[str, str], cz.Cassette] = {}
        for path in cz.all_cassettes(api_name):
            doc = cz.load(path)
            if path.name.endswith(".success.yaml"):
                doc_base = httpx.URL(doc.base_url).path.rstrip("/")
                route = httpx.URL(doc.request.url).path[len(doc_base) :]
                self.routes[(doc.request.method, route)] = doc
        self.errors: dict[str, Callable[[httpx.Request], httpx.Response]] = {}

    def answer(self, request: httpx.Request, attempt: int) -> httpx.Response:
        """The documented answer for the request's route, or an error scripted for its operation."""
        route = request.url.path[len(self.base_path) :]
        doc = self.routes.get((request.method, route))
        if doc is None:
            return httpx.Response(404, json={"detail": "no route"})
        if doc.operation in self.errors:
            return self.errors[doc.operation](request)
        headers = dict(doc.response.headers)
        headers["Set-Cookie"] = f"session={LIVE['api_key']}"  # a header that must not be kept
        return httpx.Response(doc.response.status, headers=headers, content=doc.response.content)


def _secrets_in(text: str, values: list[str]) -> list[str]:
    forms = {f for v in values for f in (v, quote(v, safe=""), quote_plus(v))}
    return sorted(f for f in forms if f in text)


def _sent_secrets(api: apis.Api, seen: list[httpx.Request]) -> list[str]:
    """Signatures and other secret header values the server actually received."""
    names = api.secrets({}).headers
    out = []
    for request in seen:
        for name, value in request.headers.items():
            if name.lower() in names:
                out.append(value)
                out.extend(value.split(" ", 1)[1:])
    return out


@pytest.fixture
def bitget(tmp_path: Path) -> Iterator[tuple[FakeServer, list[record.Outcome], Path]]:
    base_url = "https://bitget.live.test"
    server = FakeServer("bitget", base_url)

    def sign_error(request: httpx.Request) -> httpx.Response:
        echoed = f"sign signature error: key={request.headers['ACCESS-KEY']} "
        echoed += f"sign={request.headers['ACCESS-SIGN']}"
        body = {"code": "40009", "msg": echoed, "requestTime": 1, "data": None}
        return httpx.Response(400, json=body)

    server.errors["get_order"] = sign_error
    credentials = {k: LIVE[k] for k in ("api_key", "api_secret", "passphrase")}
    outcomes = record.record(
        "bitget",
        base_url=base_url,
        credentials=credentials,
        transport=httpx.MockTransport(server),
        out_dir=tmp_path,
        today=TODAY,
    )
    yield server, outcomes, tmp_path


def test_record_calls_only_read_only_operations(bitget) -> None:  # type: ignore[no-untyped-def]
    server, outcomes, out = bitget
    assert sorted(p.name for p in out.iterdir()) == [
        "get_copy_futures_max_transferable.live.yaml",
        "get_order.live.400.yaml",
        "get_server_time.live.yaml",
        "list_copy_futures_trading_pairs.live.yaml",
    ]
    assert [r.method for r in server.attempts] == ["GET", "GET", "GET", "GET"]
    assert all(o.path is not None for o in outcomes)


def test_record_sends_the_real_credentials(bitget) -> None:  # type: ignore[no-untyped-def]
    server, _, _ = bitget
    api = apis.get("bitget")
    for request in server.attempts:
        op = next(o for o in api.operations.values() if request.url.path == o.path)
        if request.url.path in PUBLIC_PATHS:
            assert "ACCESS-KEY" not in request.headers  # the server's time needs no key
            continue
        clock = int(request.headers["ACCESS-TIMESTAMP"])
        assert request.headers["ACCESS-KEY"] == LIVE["api_key"]
        assert not apis.auth_problems(op, request, LIVE, clock, "https://bitget.live.test")


def test_recorded_cassettes_hold_no_secret(bitget) -> None:  # type: ignore[no-untyped-def]
    server, _, out = bitget
    signatures = _sent_secrets(apis.get("bitget"), server.attempts)
    assert len(signatures) >= 6  # ACCESS-KEY, ACCESS-SIGN, ACCESS-PASSPHRASE per request
    for path in out.iterdir():
        text = path.read_text()
        leaked = _secrets_in(text, [*LIVE.values(), *signatures])
        assert not leaked, f"{path.name} leaks {leaked}"
        recorded = cz.load(path, "bitget")
        if httpx.URL(recorded.request.url).path in PUBLIC_PATHS:
            continue
        for name in ("ACCESS-KEY", "ACCESS-SIGN", "ACCESS-PASSPHRASE"):
            assert recorded.request.headers[name] == cz.REDACTED
        assert recorded.request.headers["locale"] == "en-US"
        assert recorded.request.headers["ACCESS-TIMESTAMP"].isdigit()
        assert "Set-Cookie" not in recorded.response.headers
        assert "set-cookie" not in {h.lower() for h in recorded.response.headers}


def test_recorded_error_is_scrubbed_and_expected(bitget) -> None:  # type: ignore[no-untyped-def]
    _, _, out = bitget
    recorded = cz.load(out / "get_order.live.400.yaml", "bitget")
    assert recorded.source == "live recording 2026-01-02"
    assert recorded.expect == cz.Expect(
        "BadRequestError", 400, "40009", "sign signature error: key=<redacted> sign=<redacted>"
    )
    assert recorded.response.body["msg"] == recorded.expect.message


def test_recorded_cassettes_validate_and_replay(bitget) -> None:  # type: ignore[no-untyped-def]
    _, _, out = bitget
    for path in sorted(out.iterdir()):
        recorded = cz.load(path, "bitget")
        assert recorded.base_url == "https://bitget.live.test"
        assert (
            recorded.call
            == cz.load(cz.CASSETTES / "bitget" / f"{recorded.operation}.success.yaml").call
        )
        assert not request_errors(recorded), request_errors(recorded)
        assert not response_errors(recorded), response_errors(recorded)
        replay(recorded)


def test_record_hummingbot_basic_auth(tmp_path: Path) -> None:
    base_url = "http://hummingbot.live.test:8000"
    server = FakeServer("hummingbot", base_url)
    credentials = {k: LIVE[k] for k in ("username", "password")}
    outcomes = record.record(
        "hummingbot",
        base_url=base_url,
        credentials=credentials,
        transport=httpx.MockTransport(server),
        out_dir=tmp_path,
        today=TODAY,
    )
    # x-idempotent POSTs are read-only; placing and cancelling orders are never called.
    assert sorted(o.operation for o in outcomes) == [
        "get_active_orders",
        "get_positions",
        "get_trades",
        "search_orders",
    ]
    assert {r.url.path for r in server.attempts} == {
        "/trading/positions",
        "/trading/orders/active",
        "/trading/orders/search",
        "/trading/trades",
    }
    token = base64.b64encode(f"{LIVE['username']}:{LIVE['password']}".encode()).decode()
    for path in tmp_path.iterdir():
        text = path.read_text()
        assert not _secrets_in(text, [*LIVE.values(), token])
        recorded = cz.load(path, "hummingbot")
        assert recorded.request.headers["Authorization"] == "Basic <redacted>"
        assert not request_errors(recorded), request_errors(recorded)
        assert not response_errors(recorded), response_errors(recorded)
        replay(recorded)


def test_record_without_credentials_sends_nothing_signed(tmp_path: Path) -> None:
    server = FakeServer("btse", "https://btse.live.test/spot")
    outcomes = record.record(
        "btse",
        base_url="https://btse.live.test/spot",
        credentials={},
        transport=httpx.MockTransport(server),
        out_dir=tmp_path,
        today=TODAY,
    )
    recorded = {o.operation for o in outcomes if o.path}
    skipped = {o.operation: o.note for o in outcomes if not o.path}
    assert recorded == {
        "get_market_summary",
        "list_markets",
        "get_order_book",
        "get_ticker",
        "get_market_stats",
        "list_trades",
        "get_server_time",
    }
    # get_account and list_open_orders are GETs that need a key; list_fills is x-idempotent.
    assert set(skipped) == {"get_account", "list_open_orders", "list_fills"}
    assert all("MissingCredentialsError" in note for note in skipped.values())
    assert not [r for r in server.attempts if "btse-api" in r.headers]
    for path in tmp_path.iterdir():
        replay(cz.load(path, "btse"))


def test_record_refuses_an_operation_that_writes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not read-only"):
        record.record(
            "bitget",
            base_url="https://bitget.live.test",
            credentials=LIVE,
            transport=httpx.MockTransport(ScriptedServer(reply(500))),
            out_dir=tmp_path,
            operations=["place_order"],
        )
    assert not list(tmp_path.iterdir())


def test_cli_needs_a_base_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert record.main(["bitget"], environ={}) == 2
    err = capsys.readouterr().err
    assert "BITGET_BASE_URL" in err and "BITGET_API_KEY" in err


def test_cli_reads_base_url_and_credentials_from_env(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base_url = "https://bitria.live.test/api"
    server = FakeServer("bitria", base_url)
    environ = {
        "BITRIA_BASE_URL": base_url,
        "BITRIA_API_KEY": LIVE["api_key"],
        "BITRIA_API_SECRET": LIVE["api_secret"],
    }
    status = record.main(
        ["bitria", "--out", str(tmp_path)], environ=environ, transport=httpx.MockTransport(server)
    )
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "get_accounts.live.yaml",
        "get_order.live.yaml",
        "get_positions.live.yaml",
        "list_fills.live.yaml",
        "list_orders.live.yaml",
    ]
    assert all(r.headers["X-API-KEY"] == LIVE["api_key"] for r in server.attempts)
    assert "get_accounts: HTTP 200, ok" in capsys.readouterr().out
    signatures = _sent_secrets(apis.get("bitria"), server.attempts)
    for path in tmp_path.iterdir():
        assert not _secrets_in(path.read_text(), [*LIVE.values(), *signatures])
        replay(cz.load(path, "bitria"))


def test_redact_scrubs_every_place_a_secret_can_hide() -> None:
    api = apis.get("bitget")
    secret = LIVE["api_secret"]
    raw = cz.Cassette(
        api="bitget",
        operation="get_order",
        source="live recording 2026-01-02",
        base_url="https://bitget.live.test",
        call={"order_id": secret},
        request=cz.RecordedRequest(
            "GET",
            f"https://bitget.live.test/api/v3/trade/order-info?orderId={quote(secret, safe='')}",
            {"ACCESS-KEY": LIVE["api_key"], "ACCESS-SIGN": "c2lnbmF0dXJl", "locale": "en-US"},
        ),
        response=cz.RecordedResponse(
            400,
            {"Content-Type": "application/json", "Authorization": f"Bearer {LIVE['token']}"},
            body={"code": "40009", "msg": f"bad {quote_plus(secret)} / {LIVE['passphrase']}"},
        ),
    )
    secrets = api.secrets(LIVE, extra=("c2lnbmF0dXJl",))
    clean = cz.redact(raw, secrets)
    text = cz.yaml_dump(clean.to_data())
    assert not _secrets_in(text, [*LIVE.values(), "c2lnbmF0dXJl"])
    assert clean.request.headers == {
        "ACCESS-KEY": "<redacted>",
        "ACCESS-SIGN": "<redacted>",
        "locale": "en-US",
    }
    assert clean.response.headers["Authorization"] == "Bearer <redacted>"
    assert clean.response.body == {"code": "40009", "msg": "bad <redacted> / <redacted>"}
    assert clean.call == {"order_id": "<redacted>"}

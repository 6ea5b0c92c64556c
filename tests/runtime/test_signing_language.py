"""The x-signing language, one feature at a time, through a generated client: each request the
client sends is checked against the message and signature recomputed here with hmac, hashlib and
base64 from the rules the spec (tests/runtime/signing/spec.yaml) declares."""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import logging
import threading
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.support.flavors import built
from tests.support.generation import generate_and_import
from tests.support.transport import ScriptedServer, reply

SPEC = Path(__file__).parent / "signing" / "spec.yaml"
NOW = 1700000000123  # 2023-11-14T22:13:20.123Z
NONCE = "n0nce-7f3a"
KEY = "KEY-9d2e"
SECRET = "SECRET-41c7"
B64_SECRET = base64.b64encode(b"raw secret \x00\xff bytes").decode()
PASSPHRASE = "PASS-5b81"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return generate_and_import(SPEC, tmp_path_factory.mktemp("signing"))


def client(package: ModuleType, server: ScriptedServer, **credentials: str) -> Any:
    given = {"api_key": KEY, "api_secret": SECRET, "passphrase": PASSPHRASE} | credentials
    return built(
        package.SpecClient,
        http_client=server.http(),
        clock=lambda: NOW,
        nonce=lambda: NONCE,
        **given,
    )


def ok() -> ScriptedServer:
    return ScriptedServer(reply(200, {}))


def mac(secret: bytes, message: bytes, algorithm: str) -> bytes:
    return hmac.new(secret, message, getattr(hashlib, algorithm)).digest()


def test_a_template_of_literals_and_request_parts(package: ModuleType) -> None:
    server = ok()
    client(package, server).list_orders(limit="5", symbol="BTC USDT")
    sent = server.last
    timestamp = "2023-11-14T22:13:20.123Z"
    # Declared order although `symbol` is optional and `limit` required.
    assert sent.query == b"symbol=BTC+USDT&limit=5"
    message = (
        f"{timestamp}\nGET\napi.signing.example.test\n/base/orders?symbol=BTC+USDT&limit=5\n{NONCE}"
    )
    signature = mac(SECRET.encode(), message.encode(), "sha512").hex().upper()
    assert sent.headers["x-sign"] == signature
    assert sent.headers["x-ts"] == timestamp
    assert sent.headers["x-nonce"] == NONCE
    assert sent.headers["x-auth"] == f"id={KEY},sig={signature}"


def test_parameters_go_to_the_query_or_the_form_body_and_the_signature_last(
    package: ModuleType,
) -> None:
    server = ok()
    signer = client(package, server)
    assert "timestamp" not in signer.get_with_params.__code__.co_varnames  # filled by the signer
    signer.get_with_params(symbol="ETHBTC")
    sent = server.last
    signed = f"timestamp={NOW}&symbol=ETHBTC&recvWindow=5000"
    signature = mac(SECRET.encode(), signed.encode(), "sha256").hex()
    assert sent.query == f"{signed}&signature={signature}".encode()
    assert sent.body == b"" and sent.headers["x-key"] == KEY

    signer.place_form_order(symbol="LTCBTC", price="0.1")
    sent = server.last
    signed = f"timestamp={NOW}&symbol=LTCBTC&price=0.1&recvWindow=5000"
    signature = mac(SECRET.encode(), signed.encode(), "sha256").hex()
    assert sent.query == b""
    assert sent.body == f"{signed}&signature={signature}".encode()
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"


def test_a_raw_digest_inside_the_message_under_a_base64_secret(package: ModuleType) -> None:
    server = ok()
    client(package, server, api_secret=B64_SECRET).digest_order(pair="XBTUSD")
    sent = server.last
    body = f"nonce={NOW}&pair=XBTUSD".encode()
    assert sent.body == body
    message = b"/digest" + hashlib.sha256(str(NOW).encode() + body).digest()
    expected = base64.b64encode(mac(base64.b64decode(B64_SECRET), message, "sha512")).decode()
    assert sent.headers["api-sign"] == expected


def test_a_secret_that_is_not_base64_is_refused_by_name_before_sending(
    package: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    server = ok()
    bad = "not*base64!"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(package.InvalidCredentialsError) as caught:
        client(package, server, api_secret=bad).digest_order(pair="XBTUSD")
    assert "'api_secret'" in str(caught.value) and bad not in str(caught.value)
    assert server.attempts == [] and bad not in caplog.text


def test_sorted_query_with_injected_parameters_and_an_encoded_signature(
    package: ModuleType,
) -> None:
    server = ok()
    client(package, server).sorted_query(zeta="z", alpha="a b")
    sent = server.last
    expires = "2023-11-14T22:14:20"  # the clock plus 60 s, UTC without a zone
    query = f"AccessKeyId={KEY}&Timestamp={quote(expires, safe='')}&alpha=a+b&zeta=z"
    message = (
        f"GET\n/base/sorted\n{query}\n".encode() + hashlib.sha512(b"").hexdigest().encode() + b"\n"
    )
    signature = base64.b64encode(mac(SECRET.encode(), message, "sha256")).decode()
    assert sent.query == f"{query}&Signature={quote(signature, safe='')}".encode()


def test_derived_values_are_sent_and_redacted(
    package: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    server = ScriptedServer(reply(400, {"code": "x", "message": "rejected"}))
    signer = client(package, server)
    derived = mac(SECRET.encode(), PASSPHRASE.encode(), "sha384").hex()
    caplog.set_level(logging.DEBUG)
    with pytest.raises(package.APIStatusError) as caught:
        signer.derived_order(size="1")
    sent = server.last
    assert sent.headers["x-passphrase"] == derived
    message = f"{NOW // 1000}POST/base/derivedapplication/json".encode() + sent.body
    assert (
        sent.headers["x-sign"] == base64.b64encode(mac(SECRET.encode(), message, "sha256")).decode()
    )
    redacted = signer._redact(f"echo {derived} back")
    assert derived not in redacted and "***" in redacted
    assert derived not in str(caught.value) and derived not in caplog.text


def test_the_request_hook_reads_every_credential_the_clock_and_the_nonce(
    package: ModuleType,
) -> None:
    server = ok()
    client(package, server, key_name="org/key-1", private_key="PRIVATE-8812").hooked()
    sent = server.last
    material = f"org/key-1:{NOW}:{NONCE}:PRIVATE-8812"
    assert sent.headers["authorization"] == "Token " + hashlib.sha256(material.encode()).hexdigest()
    assert sent.query == b"signed=1"


def test_every_attempt_is_signed_afresh(package: ModuleType) -> None:
    times = iter([NOW, NOW + 1000])
    nonces = iter(["first", "second"])
    server = ScriptedServer(reply(503, {}), reply(200, {}))
    signer = built(
        package.SpecClient,
        http_client=server.http(),
        clock=lambda: next(times),
        nonce=lambda: next(nonces),
        api_key=KEY,
        api_secret=SECRET,
    )
    signer._sleep = lambda seconds: None
    signer.list_orders(limit="1")
    first, second = server.sent
    assert [first.headers["x-nonce"], second.headers["x-nonce"]] == ["first", "second"]
    assert first.headers["x-ts"] != second.headers["x-ts"]
    assert first.query == second.query == b"limit=1"


def test_the_default_nonce_is_fresh_per_request(package: ModuleType) -> None:
    server = ok()
    signer = built(package.SpecClient, http_client=server.http(), api_key=KEY, api_secret=SECRET)
    signer.list_orders(limit="1")
    signer.list_orders(limit="1")
    nonces = [sent.headers["x-nonce"] for sent in server.sent]
    assert len(set(nonces)) == 2 and all(len(n) == 36 for n in nonces)


def test_the_client_repr_shows_no_credential(package: ModuleType) -> None:
    signer = client(package, ok())
    assert SECRET not in repr(signer) and PASSPHRASE not in repr(signer)


def test_the_form_parameter_makes_a_body_when_there_is_none(package: ModuleType) -> None:
    auth = importlib.import_module(package.__name__ + "._auth")
    request = auth.PreparedRequest("POST", httpx.URL("https://x.test/p"), {}, b"")
    request.add_form_field("nonce", "1 2")
    request.add_form_field("first", "yes", first=True)
    assert request.content == b"first=yes&nonce=1+2"
    assert request.headers == {"Content-Type": "application/x-www-form-urlencoded"}


def test_an_increasing_nonce_never_repeats_across_threads(package: ModuleType) -> None:
    auth = importlib.import_module(package.__name__ + "._auth")
    nonce = auth.IncreasingNonce(lambda: NOW)  # a clock that never moves
    seen: list[list[int]] = [[] for _ in range(8)]

    def draw(mine: list[int]) -> None:
        mine.extend(int(nonce()) for _ in range(200))

    threads = [threading.Thread(target=draw, args=(mine,)) for mine in seen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = [n for mine in seen for n in mine]
    assert len(set(everything)) == 1600 and min(everything) == NOW
    assert all(mine == sorted(mine) for mine in seen)

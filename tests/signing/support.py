"""What the signing conformance tests share: the specs, the fixed clock and nonces, the test
credentials, and the request one call of a generated client sends."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.support.generation import generate_and_import
from tests.support.transport import ScriptedServer, Sent, reply

HERE = Path(__file__).resolve().parent

EXCHANGES = (
    "binance",
    "okx",
    "bybit",
    "kucoin",
    "gate",
    "kraken",
    "bitmex",
    "bitfinex",
    "htx",
    "mexc",
    "bitstamp",
    "bingx",
    "deribit",
    "cryptocom",
    "coinbase",
)
# The exchanges whose spec signs by declaration alone (no request hook).
DECLARED = tuple(e for e in EXCHANGES if e not in ("cryptocom", "coinbase"))

# 2023-11-14T22:13:20.123Z: every call of the reference comparison happens at this instant.
NOW_MS = 1_700_000_000_123
UUID_NONCE = "3b241101-e2bb-4255-8caf-4136c566a962"
HEX_NONCE = "9f86d081884c7d659a2feaa0c55ad015"

# A P-256 key made for these tests only; it signs nothing anywhere else.
TEST_EC_KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIL/sGqp+y8zfI50jfbQNzod1t1gO2/0gDAVZh07xEou2oAoGCCqGSM49
AwEHoUQDQgAECmhLesCdebSq1Uak7Udw4YS6N8Ubti9P9Ath5X8arFvtoswRWX8H
ZZUVmA2Qipn24vRCtxtv8r6DLrNfnbslxw==
-----END EC PRIVATE KEY-----
"""

_HMAC = {"api_key": "conformance-key-01", "api_secret": "conformance-secret-42"}

# The constructor credentials of each generated client in the reference comparison.
CREDENTIALS: dict[str, dict[str, str]] = {
    "binance": _HMAC,
    "okx": {**_HMAC, "passphrase": "conformance-pass"},
    "bybit": _HMAC,
    "kucoin": {**_HMAC, "passphrase": "conformance-pass"},
    "gate": _HMAC,
    # Kraken secrets are base64: this one is the bytes 7..70.
    "kraken": {
        "api_key": "conformance-key-01",
        "api_secret": "BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRg==",
    },
    "bitmex": _HMAC,
    "bitfinex": _HMAC,
    "htx": _HMAC,
    "mexc": _HMAC,
    "bitstamp": _HMAC,
    "bingx": _HMAC,
    "deribit": _HMAC,
    "cryptocom": _HMAC,
    "coinbase": {
        "key_name": "organizations/conformance-org/apiKeys/conformance-key-01",
        "private_key": TEST_EC_KEY,
    },
}


def spec_path(exchange: str) -> Path:
    return HERE / exchange / "spec.yaml"


def client_class(package: ModuleType, exchange: str) -> Any:
    """The client class of a conformance package: `<Exchange>Client`."""
    return getattr(package, exchange.capitalize() + "Client")


class Packages:
    """Each spec generated and imported at most once, on first use."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._made: dict[Path, ModuleType] = {}

    def __call__(self, spec: Path) -> ModuleType:
        if spec not in self._made:
            target = self.out / f"{spec.parent.name}-{spec.stem}"
            self._made[spec] = generate_and_import(spec, target)
        return self._made[spec]


def send(
    package: ModuleType,
    exchange: str,
    call: str,
    arguments: Mapping[str, Any],
    *,
    credentials: Mapping[str, str],
    clock: Callable[[], int],
    nonce: Callable[[], str],
) -> Sent:
    """The request `client.<call>(**arguments)` sends, answered with an empty JSON object."""
    server = ScriptedServer(reply(200, {}))
    with client_class(package, exchange)(
        http_client=server.http(), clock=clock, nonce=nonce, max_retries=0, **credentials
    ) as client:
        getattr(client, call)(**arguments)
    assert len(server.sent) == 1
    return server.last

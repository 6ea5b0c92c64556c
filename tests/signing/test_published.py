"""The generated clients reproduce the signatures the exchanges publish as worked examples.

Each example's inputs (secret, clock, nonce, parameters) and outputs are the exchange's own,
recorded below with the page they come from. Where a page publishes the message signed (its
"prehash") rather than a signature, the signature of that message is computed here and the
client must send it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.signing.support import HEX_NONCE, Packages, send, spec_path


def _ms(iso: str) -> int:
    return int(datetime.fromisoformat(iso).replace(tzinfo=UTC).timestamp() * 1000)


# https://developers.binance.com/docs/binance-spot-api-docs/rest-api/request-security
# ("SIGNED Endpoint Examples for POST /api/v3/order - HMAC Keys", all parameters in the body).
BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
BINANCE_TIMESTAMP = 1499827319559
BINANCE_PAYLOAD = (
    "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
    "&recvWindow=5000&timestamp=1499827319559"
)
BINANCE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"

# https://docs.kraken.com/api/docs/guides/spot-rest-auth ("Spot REST Authentication", Examples).
KRAKEN_SECRET = (
    "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=="
)
KRAKEN_NONCE = 1616492376594
KRAKEN_PAYLOAD = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25"
KRAKEN_SIGNATURE = (
    "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ=="
)

# https://www.bitmex.com/app/apiKeysUsage ("API Keys Usage", the POST example).
BITMEX_SECRET = "chNOOS4KvNXR_Xq4k4c9qsfoKWvnDecLATCRlcBwyKDYnWgO"
BITMEX_EXPIRES = 1518064238
BITMEX_BODY = (
    '{"symbol":"XBTM15","price":219.0,"clOrdID":"mm_bitmex_1a/oemUeQ4CAJZgP3fjHsA","orderQty":98}'
)
BITMEX_SIGNATURE = "1749cd2ccae4aa49048ae09f0b95110cee706e0944e6a14ad0b3a8cb45bd336b"

# https://www.okx.com/docs-v5/en/#overview-rest-authentication-signature
# ("REST Authentication", Signature): the message signed for GET /api/v5/account/balance?ccy=BTC.
OKX_TIMESTAMP = "2020-12-08T09:08:57.715Z"
OKX_PREHASH = "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC"

# https://bybit-exchange.github.io/docs/v5/guide ("Integration Guidance", the GET example of
# the plain text signed): timestamp, key, receive window and query string, concatenated.
BYBIT_TIMESTAMP = 1658384314791
BYBIT_API_KEY = "XXXXXXXXXX"
BYBIT_PREHASH = "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C"


# The key is not part of any signature below; these are this suite's own.
API_KEY = "published-example-key"


def _nonce() -> str:
    return HEX_NONCE  # none of these rules signs a nonce of its own


@pytest.fixture(scope="module")
def binance_docs_order(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Binance spec with `timestamp` after the caller's parameters and `recvWindow`, as the
    documentation's example orders them (the spec itself follows ccxt: timestamp first)."""
    spec: dict[str, Any] = yaml.safe_load(spec_path("binance").read_text())
    spec["info"]["x-package-name"] = "binance_docs_order"
    signing = spec["components"]["securitySchemes"]["BinanceSignature"]["x-signing"]
    signing["parameters"] = [
        {"name": "recvWindow", "in": "params", "value": "5000"},
        {"name": "timestamp", "in": "params", "value": "{timestamp}"},
        {"name": "signature", "in": "params", "value": "{signature}"},
    ]
    path = tmp_path_factory.mktemp("binance-docs-order") / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def test_binance_order_example(packages: Packages, binance_docs_order: Path) -> None:
    sent = send(
        packages(binance_docs_order),
        "binance",
        "place_order",
        {
            "symbol": "LTCBTC",
            "side": "BUY",
            "type": "LIMIT",
            "time_in_force": "GTC",
            "quantity": Decimal("1"),
            "price": Decimal("0.1"),
        },
        credentials={"api_key": API_KEY, "api_secret": BINANCE_SECRET},
        clock=lambda: BINANCE_TIMESTAMP,
        nonce=_nonce,
    )
    assert sent.body.decode() == f"{BINANCE_PAYLOAD}&signature={BINANCE_SIGNATURE}"
    assert sent.headers["x-mbx-apikey"] == API_KEY


def test_kraken_add_order_example(packages: Packages) -> None:
    sent = send(
        packages(spec_path("kraken")),
        "kraken",
        "add_order",
        {
            "ordertype": "limit",
            "pair": "XBTUSD",
            "price": Decimal("37500"),
            "type": "buy",
            "volume": Decimal("1.25"),
        },
        credentials={"api_key": API_KEY, "api_secret": KRAKEN_SECRET},
        clock=lambda: KRAKEN_NONCE,
        nonce=lambda: str(KRAKEN_NONCE),
    )
    assert sent.path == b"/0/private/AddOrder"
    assert sent.body.decode() == KRAKEN_PAYLOAD
    assert sent.headers["api-sign"] == KRAKEN_SIGNATURE


def test_bitmex_order_example(packages: Packages) -> None:
    sent = send(
        packages(spec_path("bitmex")),
        "bitmex",
        "place_order",
        {
            "symbol": "XBTM15",
            "price": Decimal("219.0"),
            "cl_ord_id": "mm_bitmex_1a/oemUeQ4CAJZgP3fjHsA",
            "order_qty": 98,
        },
        credentials={"api_key": API_KEY, "api_secret": BITMEX_SECRET},
        # api-expires is the clock plus the spec's 60 seconds.
        clock=lambda: (BITMEX_EXPIRES - 60) * 1000,
        nonce=_nonce,
    )
    assert sent.method == "POST"
    assert sent.path == b"/api/v1/order"
    assert sent.body.decode() == BITMEX_BODY
    assert sent.headers["api-expires"] == str(BITMEX_EXPIRES)
    assert sent.headers["api-key"] == API_KEY
    assert sent.headers["api-signature"] == BITMEX_SIGNATURE


def test_okx_balance_prehash(packages: Packages) -> None:
    secret = "okx-example-secret"
    sent = send(
        packages(spec_path("okx")),
        "okx",
        "get_balance",
        {"ccy": "BTC"},
        credentials={"api_key": API_KEY, "api_secret": secret, "passphrase": "okx-pass"},
        clock=lambda: _ms(OKX_TIMESTAMP.removesuffix("Z")),
        nonce=_nonce,
    )
    digest = hmac.digest(secret.encode(), OKX_PREHASH.encode(), hashlib.sha256)
    assert sent.headers["ok-access-timestamp"] == OKX_TIMESTAMP
    assert sent.headers["ok-access-sign"] == base64.b64encode(digest).decode()


def test_bybit_get_prehash(packages: Packages) -> None:
    secret = "bybit-example-secret"
    sent = send(
        packages(spec_path("bybit")),
        "bybit",
        "list_open_orders",
        {"category": "option", "symbol": "BTC-29JUL22-25000-C"},
        credentials={"api_key": BYBIT_API_KEY, "api_secret": secret},
        clock=lambda: BYBIT_TIMESTAMP,
        nonce=_nonce,
    )
    expected = hmac.new(secret.encode(), BYBIT_PREHASH.encode(), hashlib.sha256).hexdigest()
    assert sent.headers["x-bapi-timestamp"] == str(BYBIT_TIMESTAMP)
    assert sent.headers["x-bapi-sign"] == expected

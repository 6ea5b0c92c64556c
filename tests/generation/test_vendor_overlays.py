"""The two worked examples of "Using a vendor's spec": OKX's and Binance's published specs, left as
published, with the overlays in `tests/corpus/overlays/` found beside them by name. Each signs an
order as the exchange documents it, checked against the exchange's documented example and an
HMAC computed here, and two releases of each spec give the same client and the same bytes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import inspect
import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator import generate
from generator.__main__ import main
from tests.support.generation import import_package
from tests.support.paths import CORPUS, ROOT

OVERLAYS = CORPUS / "overlays"
RELEASES = {
    # vendor: {release: published file}, oldest first
    "okx": {
        "cf36ec6": CORPUS / "releases" / "okx-rest-cf36ec6.yaml",
        "1cb024e": CORPUS / "real-world" / "okx-rest.yaml",
    },
    "binance": {
        "1.21.0": CORPUS / "releases" / "binance-spot-api-1.21.0.yaml",
        "1.22.0": CORPUS / "binance-spot-api.yaml",
    },
}
OVERLAY_OF = {
    "okx": OVERLAYS / "okx-rest.overlay.yaml",
    "binance": OVERLAYS / "binance-spot-api.overlay.yaml",
}
LENIENT = {"okx": False, "binance": True}  # Binance's spec has `description: null`

# OKX's REST authentication example: this timestamp, and the prehash of GET balance of BTC.
OKX_TIME_MS = 1607418537715
OKX_TIMESTAMP = "2020-12-08T09:08:57.715Z"
OKX_DOCUMENTED_PREHASH = b"2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC"
OKX_KEY, OKX_SECRET, OKX_PASSPHRASE = "okx-key", "okx-secret", "okx-passphrase"

# Binance's example of a signed POST /api/v3/order with an HMAC key: key, secret, parameters,
# timestamp and the signature the documentation gives.
BINANCE_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
BINANCE_TIME_MS = 1499827319559
BINANCE_QUERY = (
    "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
    "&recvWindow=5000&timestamp=1499827319559"
)
BINANCE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"


def build(folder: Path, vendor: str, release: str) -> tuple[Path, str]:
    """The vendor's file as published in `folder/specs/<vendor>.yaml`, its overlay beside it by
    the naming rule, generated as `make generate` would; (the out folder, the package)."""
    specs = folder / "specs"
    specs.mkdir(parents=True)
    spec = specs / f"{vendor}.yaml"
    shutil.copyfile(RELEASES[vendor][release], spec)
    shutil.copyfile(OVERLAY_OF[vendor], specs / f"{vendor}.overlay.yaml")
    result = generate([spec], folder / "out", lenient=LENIENT[vendor], use_cache=False)
    assert not [w for w in result.warnings if w.file.name.endswith(".overlay.yaml")]
    (package,) = result.packages
    return folder / "out", package


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Path, str]]:
    root = tmp_path_factory.mktemp("vendors")
    return {
        (vendor, release): build(root / vendor / release, vendor, release)
        for vendor, releases in RELEASES.items()
        for release in releases
    }


def sync_client(module: ModuleType) -> Any:
    """The package's synchronous client class (`<Name>Client`, beside `Async<Name>Client`)."""
    (name,) = [n for n in module.__all__ if n.endswith("Client") and not n.startswith("Async")]
    return getattr(module, name)


def client_of(
    module: ModuleType, sent: list[httpx.Request], answer: Any, **credentials: Any
) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=answer)

    cls = sync_client(module)
    return cls(http_client=httpx.Client(transport=httpx.MockTransport(handler)), **credentials)


def exchange(request: httpx.Request) -> tuple[str, str, list[tuple[str, str]], bytes]:
    """What a request puts on the wire: method, URL, headers (but the client's own), body."""
    own = {"user-agent", "x-request-id", "idempotency-key"}
    headers = [(k, v) for k, v in request.headers.items() if k.lower() not in own]
    return request.method, str(request.url), headers, request.content


# -- OKX -------------------------------------------------------------------------------------------


def okx_calls(module: ModuleType) -> list[httpx.Request]:
    """A placed order and a balance query, at the documented example's time."""
    sent: list[httpx.Request] = []
    answer = {"code": "0", "msg": "", "data": [{"ordId": "1", "sCode": "0", "sMsg": ""}]}
    client = client_of(
        module,
        sent,
        answer,
        api_key=OKX_KEY,
        api_secret=OKX_SECRET,
        passphrase=OKX_PASSPHRASE,
        clock=lambda: OKX_TIME_MS,
    )
    with client:
        client.place_order(
            inst_id="BTC-USDT",
            td_mode="cash",
            side="buy",
            ord_type="limit",
            sz=Decimal("0.01"),
            px=Decimal("60000.5"),
            cl_ord_id="b15",
        )
        client.get_account_balance_v5(ccy="BTC")
    return sent


def okx_signature(message: bytes) -> str:
    digest = hmac.new(OKX_SECRET.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def test_okx_place_order_signs_as_okx_documents(
    built: dict[tuple[str, str], tuple[Path, str]],
) -> None:
    out, package = built["okx", "1cb024e"]
    order, balance = okx_calls(import_package(out, package))
    assert (order.method, str(order.url)) == ("POST", "https://www.okx.com/api/v5/trade/order")
    assert order.content.startswith(b"{") and b'"sz":"0.01"' in order.content
    assert b'"px":"60000.5"' in order.content
    for request in (order, balance):
        assert request.headers["OK-ACCESS-KEY"] == OKX_KEY
        assert request.headers["OK-ACCESS-PASSPHRASE"] == OKX_PASSPHRASE
        assert request.headers["OK-ACCESS-TIMESTAMP"] == OKX_TIMESTAMP
    prehash = OKX_TIMESTAMP.encode() + b"POST/api/v5/trade/order" + order.content
    assert order.headers["OK-ACCESS-SIGN"] == okx_signature(prehash)
    assert str(balance.url) == "https://www.okx.com/api/v5/account/balance?ccy=BTC"
    assert balance.headers["OK-ACCESS-SIGN"] == okx_signature(OKX_DOCUMENTED_PREHASH)


def test_okx_public_endpoints_stay_unsigned(
    built: dict[tuple[str, str], tuple[Path, str]],
) -> None:
    out, package = built["okx", "1cb024e"]
    module = import_package(out, package)
    sent: list[httpx.Request] = []
    with client_of(module, sent, {"code": "0", "msg": "", "data": []}) as client:
        client.get_public_time_v5()
    assert not [h for h in sent[0].headers if h.lower().startswith("ok-access-")]


# -- Binance ---------------------------------------------------------------------------------------


def binance_order(module: ModuleType) -> httpx.Request:
    sent: list[httpx.Request] = []
    answer = {
        "symbol": "LTCBTC",
        "orderId": 28,
        "orderListId": -1,
        "clientOrderId": "x",
        "transactTime": 1507725176595,
    }
    client = client_of(
        module,
        sent,
        answer,
        api_key=BINANCE_KEY,
        api_secret=BINANCE_SECRET,
        clock=lambda: BINANCE_TIME_MS,
    )
    with client:
        client.place_order(
            symbol="LTCBTC",
            side="BUY",
            type="LIMIT",
            time_in_force="GTC",
            quantity=Decimal("1"),
            price=Decimal("0.1"),
            recv_window=5000,
        )
    (request,) = sent
    return request


def test_binance_place_order_is_signed_by_the_client(
    built: dict[tuple[str, str], tuple[Path, str]],
) -> None:
    out, package = built["binance", "1.22.0"]
    module = import_package(out, package)
    client_class = sync_client(module)
    arguments = inspect.signature(client_class.place_order).parameters
    assert "timestamp" not in arguments and "signature" not in arguments
    assert {"symbol", "side", "quantity", "price", "recv_window"} <= set(arguments)
    request = binance_order(module)
    assert request.method == "POST" and request.content == b""
    assert str(request.url) == (
        f"https://api.binance.com/api/v3/order?{BINANCE_QUERY}&signature={BINANCE_SIGNATURE}"
    )
    independent = hmac.new(BINANCE_SECRET.encode(), BINANCE_QUERY.encode(), hashlib.sha256)
    assert independent.hexdigest() == BINANCE_SIGNATURE
    assert request.headers["X-MBX-APIKEY"] == BINANCE_KEY


def test_binance_key_only_endpoints_send_the_key_and_no_signature(
    built: dict[tuple[str, str], tuple[Path, str]],
) -> None:
    out, package = built["binance", "1.22.0"]
    module = import_package(out, package)
    sent: list[httpx.Request] = []
    client = client_of(module, sent, {"listenKey": "k"}, api_key=BINANCE_KEY, api_secret="s")
    with client:
        client.post_api_v3_user_data_stream()
    assert sent[0].headers["X-MBX-APIKEY"] == BINANCE_KEY
    assert "signature" not in str(sent[0].url) and "timestamp" not in str(sent[0].url)


# -- two releases, one overlay ---------------------------------------------------------------------


CALLS: dict[str, Callable[[ModuleType], list[httpx.Request]]] = {
    "okx": okx_calls,
    "binance": lambda module: [binance_order(module)],
}


@pytest.mark.parametrize("vendor", sorted(RELEASES))
def test_both_releases_give_the_same_signed_requests(
    built: dict[tuple[str, str], tuple[Path, str]], vendor: str
) -> None:
    old, new = (built[vendor, release] for release in RELEASES[vendor])
    sent_old = [exchange(r) for r in CALLS[vendor](import_package(*old))]
    sent_new = [exchange(r) for r in CALLS[vendor](import_package(*new))]
    assert sent_old == sent_new


@pytest.mark.parametrize("vendor", sorted(RELEASES))
def test_the_change_report_of_the_upgrade_leaves_signing_and_place_order_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], vendor: str
) -> None:
    """`diff OLD NEW --overlay FILE`, the two releases under one name as a user replacing the
    vendor's file would have them."""
    paths = []
    for side, published in zip(("old", "new"), RELEASES[vendor].values(), strict=True):
        (tmp_path / side).mkdir()
        paths.append(str(shutil.copyfile(published, tmp_path / side / f"{vendor}.yaml")))
    lenient = ["--lenient"] if LENIENT[vendor] else []
    assert main(["diff", *paths, "--json", "--overlay", str(OVERLAY_OF[vendor]), *lenient]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert changes  # the releases differ
    assert not [c for c in changes if c["kind"].startswith(("signing", "credential"))]
    assert not [
        c for c in changes if c["subject"].startswith("place_order(") and c["level"] == "breaking"
    ]


def test_the_readme_shows_the_overlays_as_tested() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for overlay in OVERLAY_OF.values():
        assert f"```yaml\n{overlay.read_text(encoding='utf-8')}```" in readme, overlay.name

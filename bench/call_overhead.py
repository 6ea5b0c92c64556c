"""Measures a signed BitgetClient.place_order round trip against a minimal hand-written baseline."""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import json
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pydantic

from ._common import GENERATED, Report, Table, check, median

ROUNDS = 400
BATCH = 10
WARMUP = 300
TARGET_RATIO = 1.15
BASE_URL = "https://api.bitget.com"
PATH = "/api/v3/trade/place-order"
NOW_MS = 1_700_000_000_000
API_KEY, API_SECRET, PASSPHRASE = "bench-key", "bench-secret", "bench-passphrase"
ORDER: dict[str, Any] = {
    "category": "SPOT",
    "symbol": "BTCUSDT",
    "side": "buy",
    "order_type": "limit",
    "qty": Decimal("0.01"),
    "price": Decimal("30000"),
    "client_oid": "bench-1",
}
ANSWER = (
    b'{"code":"00000","msg":"success","requestTime":1700000000000,'
    b'"data":{"orderId":"1234567890","clientOid":"bench-1"}}'
)


def clock() -> int:
    """The fixed clock both sides sign with."""
    return NOW_MS


def transport(seen: list[httpx.Request]) -> httpx.MockTransport:
    """Answers every request with the same success envelope; keeps the last request in `seen`."""

    def handle(request: httpx.Request) -> httpx.Response:
        seen[:] = [request]
        return httpx.Response(200, content=ANSWER, headers={"Content-Type": "application/json"})

    return httpx.MockTransport(handle)


class OrderIds(pydantic.BaseModel):
    """The baseline's model of `data`."""

    order_id: str = pydantic.Field(alias="orderId")
    client_oid: str = pydantic.Field(alias="clientOid")


class Baseline:
    """The same round trip written by hand: JSON body, HMAC-SHA256 base64, envelope, pydantic."""

    def __init__(self, http: httpx.Client) -> None:
        self._http = http
        self._secret = API_SECRET.encode()

    def place_order(
        self,
        *,
        category: str,
        symbol: str,
        side: str,
        order_type: str,
        qty: Decimal,
        price: Decimal,
        client_oid: str,
    ) -> OrderIds:
        """POST the order, signed; return `data` of the envelope as OrderIds."""
        fields = {
            "category": category,
            "symbol": symbol,
            "side": side,
            "orderType": order_type,
            "qty": str(qty),
            "price": str(price),
            "clientOid": client_oid,
        }
        body = json.dumps(fields, separators=(",", ":")).encode()
        timestamp = str(clock())
        prehash = timestamp.encode() + b"POST" + PATH.encode() + body
        digest = hmac.new(self._secret, prehash, hashlib.sha256).digest()
        headers = {
            "Content-Type": "application/json",
            "ACCESS-KEY": API_KEY,
            "ACCESS-SIGN": base64.b64encode(digest).decode("ascii"),
            "ACCESS-TIMESTAMP": timestamp,
            "ACCESS-PASSPHRASE": PASSPHRASE,
            "locale": "en-US",
        }
        response = self._http.post(BASE_URL + PATH, content=body, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
        envelope = json.loads(response.content)
        if envelope["code"] != "00000":
            raise RuntimeError(envelope["msg"])
        return OrderIds.model_validate(envelope["data"])


def generated_client(seen: list[httpx.Request]) -> Any:
    """The committed generated BitgetClient on the mock transport and the fixed clock."""
    path = str(GENERATED / "bitget_client")
    if path not in sys.path:
        sys.path.insert(0, path)
    module = importlib.import_module("bitget_client")
    http = httpx.Client(transport=transport(seen))
    return module.BitgetClient(
        api_key=API_KEY, api_secret=API_SECRET, passphrase=PASSPHRASE, http_client=http, clock=clock
    )


def calls() -> tuple[Callable[[], object], Callable[[], object], dict[str, Any]]:
    """The two calls to time, and whether they sent the same request and got the same result."""
    seen_generated: list[httpx.Request] = []
    seen_baseline: list[httpx.Request] = []
    client = generated_client(seen_generated)
    baseline = Baseline(httpx.Client(transport=transport(seen_baseline)))

    def generated() -> object:
        return client.place_order(**ORDER)

    def hand_written() -> object:
        return baseline.place_order(**ORDER)

    ours, theirs = generated(), hand_written()
    same = _signed_parts(seen_generated[0]) == _signed_parts(seen_baseline[0])
    fields = ("order_id", "client_oid")
    agreement = {
        "same_signed_request": same,
        "same_result": [getattr(ours, f) for f in fields] == [getattr(theirs, f) for f in fields],
        "generated_body": seen_generated[0].content.decode(),
        "baseline_body": seen_baseline[0].content.decode(),
    }
    return generated, hand_written, agreement


def _signed_parts(request: httpx.Request) -> tuple[object, ...]:
    names = ("access-key", "access-sign", "access-timestamp", "access-passphrase", "content-type")
    return (request.method, str(request.url), request.content, *(request.headers[n] for n in names))


def per_call(call: Callable[[], object], count: int) -> float:
    """Mean seconds per call over `count` back-to-back calls."""
    started = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - started) / count


def measure() -> dict[str, Any]:
    """Interleaved batches of both calls (order alternating each round); per-call medians."""
    generated, baseline, agreement = calls()
    per_call(generated, WARMUP)
    per_call(baseline, WARMUP)
    ours: list[float] = []
    theirs: list[float] = []
    for i in range(ROUNDS):
        if i % 2:
            theirs.append(per_call(baseline, BATCH))
            ours.append(per_call(generated, BATCH))
        else:
            ours.append(per_call(generated, BATCH))
            theirs.append(per_call(baseline, BATCH))
    paired = [a / b for a, b in zip(ours, theirs, strict=True)]
    return {
        "generated_us": median(ours) * 1e6,
        "baseline_us": median(theirs) * 1e6,
        "ratio": median(ours) / median(theirs),
        "paired_ratio_median": median(paired),
        "calls_each": ROUNDS * BATCH,
        **agreement,
    }


def run() -> Report:
    """Measure and build the table."""
    data = measure()
    table = Table(
        f"Per-call overhead: signed place_order through httpx.MockTransport, "
        f"median of {ROUNDS} interleaved batches of {BATCH}",
        ["measurement", "figure", "target", "result"],
    )
    table.rows = [
        ["generated BitgetClient.place_order", f"{data['generated_us']:.1f} us/call", "-", ""],
        ["hand-written baseline", f"{data['baseline_us']:.1f} us/call", "-", ""],
        [
            "ratio generated / baseline",
            f"{data['ratio']:.2f}x",
            f"<= {TARGET_RATIO:g}x",
            check(data["ratio"], TARGET_RATIO, inclusive=True),
        ],
    ]
    table.notes = [
        f"median of per-round ratios {data['paired_ratio_median']:.2f}x; "
        f"{data['calls_each']} timed calls each",
        "same signed request (method, URL, body bytes, ACCESS-* headers): "
        f"{'yes' if data['same_signed_request'] else 'NO'}; same parsed result: "
        f"{'yes' if data['same_result'] else 'NO'}",
        "baseline: json.dumps body, HMAC-SHA256 base64 of timestamp+POST+path+body, "
        "httpx.Client.post, json.loads, envelope code check, pydantic model_validate of data",
    ]
    return Report("call_overhead", [table], data)


def profile(count: int = 3000) -> None:
    """Print where the generated call spends its time (cProfile, by own time)."""
    import cProfile
    import pstats

    generated, _, _ = calls()
    per_call(generated, WARMUP)
    profiler = cProfile.Profile()
    profiler.runcall(per_call, generated, count)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    if "--profile" in sys.argv:
        profile()
    else:
        from ._common import render

        print(render(run().tables[0]))

"""Measures a signed place_order round trip of BitgetClient and AsyncBitgetClient against minimal
hand-written baselines (httpx.Client, httpx.AsyncClient)."""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import hmac
import importlib
import json
import sys
import time
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import httpx
import pydantic

from ._common import GENERATED, Report, Table, check, median

ROUNDS = 400
BATCH = 10
WARMUP = 300
TARGET_RATIO = 1.10
TARGET_RATIO_PARSED_URL = 1.25
TARGET_RATIO_ASYNC = 1.15
# The baselines, by name: whether each parses its URL once instead of on every call.
BASELINES = {"baseline": False, "baseline_parsed_url": True}
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

    def __init__(self, http: httpx.Client, *, parsed_url: bool = False) -> None:
        self._http = http
        self._secret = API_SECRET.encode()
        # As most hand-written clients do, the URL is a string httpx parses on every call; the
        # variant that parses it once, as the generated client does, is measured for comparison.
        self._url: str | httpx.URL = httpx.URL(BASE_URL + PATH) if parsed_url else BASE_URL + PATH

    def place_order(self, **order: Any) -> OrderIds:
        """POST the order, signed; return `data` of the envelope as OrderIds."""
        body, headers = signed_order(self._secret, clock(), **order)
        return order_ids(self._http.post(self._url, content=body, headers=headers))


class AsyncBaseline:
    """The baseline on httpx.AsyncClient, awaited; the URL a string, as most clients have it."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        url: str = BASE_URL + PATH,
        now: Callable[[], int] = clock,
    ) -> None:
        self._http = http
        self._secret = API_SECRET.encode()
        self._url = url
        self._now = now

    async def place_order(self, **order: Any) -> OrderIds:
        """POST the order, signed; return `data` of the envelope as OrderIds."""
        body, headers = signed_order(self._secret, self._now(), **order)
        return order_ids(await self._http.post(self._url, content=body, headers=headers))


def signed_order(
    secret: bytes,
    now: int,
    *,
    category: str,
    symbol: str,
    side: str,
    order_type: str,
    qty: Decimal,
    price: Decimal,
    client_oid: str,
) -> tuple[bytes, dict[str, str]]:
    """The baseline's body and signed headers."""
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
    timestamp = str(now)
    prehash = timestamp.encode() + b"POST" + PATH.encode() + body
    digest = hmac.new(secret, prehash, hashlib.sha256).digest()
    headers = {
        "Content-Type": "application/json",
        "ACCESS-KEY": API_KEY,
        "ACCESS-SIGN": base64.b64encode(digest).decode("ascii"),
        "ACCESS-TIMESTAMP": timestamp,
        "ACCESS-PASSPHRASE": PASSPHRASE,
        "locale": "en-US",
    }
    return body, headers


def order_ids(response: httpx.Response) -> OrderIds:
    """The baseline's reading of an answer: status, envelope code, then `data` as OrderIds."""
    if response.status_code != 200:
        raise RuntimeError(f"HTTP {response.status_code}")
    envelope = json.loads(response.content)
    if envelope["code"] != "00000":
        raise RuntimeError(envelope["msg"])
    return OrderIds.model_validate(envelope["data"])


def bitget_client() -> Any:
    """The committed generated package bitget_client."""
    path = str(GENERATED / "bitget_client")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module("bitget_client")


def generated_client(seen: list[httpx.Request], *, asynchronous: bool = False) -> Any:
    """The committed generated BitgetClient (or AsyncBitgetClient) on the mock transport and the
    fixed clock."""
    module = bitget_client()
    cls = module.AsyncBitgetClient if asynchronous else module.BitgetClient
    http = (httpx.AsyncClient if asynchronous else httpx.Client)(transport=transport(seen))
    return cls(
        api_key=API_KEY, api_secret=API_SECRET, passphrase=PASSPHRASE, http_client=http, clock=clock
    )


def calls() -> tuple[dict[str, Callable[[], object]], dict[str, Any]]:
    """The calls to time, and whether they sent the same request and got the same result."""
    seen: dict[str, list[httpx.Request]] = {name: [] for name in ("generated", *BASELINES)}
    client = generated_client(seen["generated"])
    baselines = {
        name: Baseline(httpx.Client(transport=transport(seen[name])), parsed_url=parsed_url)
        for name, parsed_url in BASELINES.items()
    }

    def generated() -> object:
        return client.place_order(**ORDER)

    timed: dict[str, Callable[[], object]] = {"generated": generated}
    for name, baseline in baselines.items():
        timed[name] = functools.partial(baseline.place_order, **ORDER)
    results: dict[str, Any] = {}
    first_ms: dict[str, float] = {}
    for name, call in timed.items():
        started = time.perf_counter()
        results[name] = call()
        first_ms[name] = (time.perf_counter() - started) * 1000
    fields = ("order_id", "client_oid")
    answers = {name: [getattr(r, f) for f in fields] for name, r in results.items()}
    agreement = {
        "same_signed_request": all(
            _signed_parts(seen[name][0]) == _signed_parts(seen["generated"][0])
            for name in BASELINES
        ),
        "same_result": all(answers[name] == answers["generated"] for name in BASELINES),
        "generated_body": seen["generated"][0].content.decode(),
        "baseline_body": seen["baseline"][0].content.decode(),
        "first_call_ms": first_ms,
    }
    return timed, agreement


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
    """Interleaved batches of every call (order rotating each round); per-call medians."""
    timed, agreement = calls()
    for call in timed.values():
        per_call(call, WARMUP)
    names = list(timed)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for i in range(ROUNDS):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            samples[name].append(per_call(timed[name], BATCH))
    ours = samples["generated"]
    us = {name: median(values) * 1e6 for name, values in samples.items()}
    return {
        "generated_us": us["generated"],
        "baseline_us": us["baseline"],
        "baseline_parsed_url_us": us["baseline_parsed_url"],
        "ratio": us["generated"] / us["baseline"],
        "ratio_parsed_url": us["generated"] / us["baseline_parsed_url"],
        "paired_ratio_median": median(
            [a / b for a, b in zip(ours, samples["baseline"], strict=True)]
        ),
        "calls_each": ROUNDS * BATCH,
        **agreement,
    }


async def per_call_async(call: Callable[[], Awaitable[object]], count: int) -> float:
    """Mean seconds per call over `count` calls awaited one after the other."""
    started = time.perf_counter()
    for _ in range(count):
        await call()
    return (time.perf_counter() - started) / count


async def measure_async() -> dict[str, Any]:
    """The same interleaved batches for AsyncBitgetClient and the AsyncClient baseline, on one
    event loop."""
    seen: dict[str, list[httpx.Request]] = {"generated": [], "baseline": []}
    client = generated_client(seen["generated"], asynchronous=True)
    baseline = AsyncBaseline(httpx.AsyncClient(transport=transport(seen["baseline"])))
    timed: dict[str, Callable[[], Awaitable[object]]] = {
        "generated": functools.partial(client.place_order, **ORDER),
        "baseline": functools.partial(baseline.place_order, **ORDER),
    }
    results = {name: await call() for name, call in timed.items()}
    for call in timed.values():
        await per_call_async(call, WARMUP)
    names = list(timed)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for i in range(ROUNDS):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            samples[name].append(await per_call_async(timed[name], BATCH))
    us = {name: median(values) * 1e6 for name, values in samples.items()}
    fields = ("order_id", "client_oid")
    return {
        "async_generated_us": us["generated"],
        "async_baseline_us": us["baseline"],
        "async_ratio": us["generated"] / us["baseline"],
        "async_paired_ratio_median": median(
            [a / b for a, b in zip(samples["generated"], samples["baseline"], strict=True)]
        ),
        "async_same_signed_request": _signed_parts(seen["baseline"][0])
        == _signed_parts(seen["generated"][0]),
        "async_same_result": [getattr(results["generated"], f) for f in fields]
        == [getattr(results["baseline"], f) for f in fields],
    }


def run() -> Report:
    """Measure and build the tables."""
    data = {**measure(), **asyncio.run(measure_async())}
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
        [
            "hand-written baseline, URL parsed once",
            f"{data['baseline_parsed_url_us']:.1f} us/call",
            "-",
            "",
        ],
        [
            "ratio generated / baseline with URL parsed once",
            f"{data['ratio_parsed_url']:.2f}x",
            f"<= {TARGET_RATIO_PARSED_URL:g}x",
            check(data["ratio_parsed_url"], TARGET_RATIO_PARSED_URL, inclusive=True),
        ],
    ]
    table.notes = [
        f"median of per-round ratios {data['paired_ratio_median']:.2f}x; "
        f"{data['calls_each']} timed calls each",
        "same signed request (method, URL, body bytes, ACCESS-* headers): "
        f"{'yes' if data['same_signed_request'] else 'NO'}; same parsed result: "
        f"{'yes' if data['same_result'] else 'NO'}",
        "first call of each (untimed above), generated / baseline: "
        f"{data['first_call_ms']['generated']:.2f} ms / {data['first_call_ms']['baseline']:.2f} ms "
        "(the generated client builds its deferred pydantic models on first use)",
        "baseline: json.dumps body, HMAC-SHA256 base64 of timestamp+POST+path+body, "
        "httpx.Client.post to a URL string, json.loads, envelope code check, "
        "pydantic model_validate of data",
        "the generated client parses the URL of a path without parameters once per client; "
        "the last two rows give the baseline the same advantage (a like-for-like figure for "
        "what the generated client adds: body validation, the general signing scheme, exact "
        "decimals, retries)",
    ]
    asynchronous = Table(
        f"Per-call overhead, asynchronous: signed place_order awaited through "
        f"httpx.MockTransport, median of {ROUNDS} interleaved batches of {BATCH}",
        ["measurement", "figure", "target", "result"],
    )
    asynchronous.rows = [
        [
            "generated AsyncBitgetClient.place_order",
            f"{data['async_generated_us']:.1f} us/call",
            "-",
            "",
        ],
        [
            "hand-written httpx.AsyncClient baseline",
            f"{data['async_baseline_us']:.1f} us/call",
            "-",
            "",
        ],
        [
            "ratio generated / baseline",
            f"{data['async_ratio']:.2f}x",
            f"<= {TARGET_RATIO_ASYNC:g}x",
            check(data["async_ratio"], TARGET_RATIO_ASYNC, inclusive=True),
        ],
    ]
    asynchronous.notes = [
        f"median of per-round ratios {data['async_paired_ratio_median']:.2f}x; "
        f"{data['calls_each']} timed calls each, one after the other on one event loop",
        "same signed request: "
        f"{'yes' if data['async_same_signed_request'] else 'NO'}; same parsed result: "
        f"{'yes' if data['async_same_result'] else 'NO'}",
        "baseline: the synchronous baseline's body, signature and parsing, sent with "
        "`await httpx.AsyncClient.post` to a URL string",
    ]
    return Report("call_overhead", [table, asynchronous], data)


def profile(count: int = 3000) -> None:
    """Print where the generated call spends its time (cProfile, by own time)."""
    import cProfile
    import pstats

    generated = calls()[0]["generated"]
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

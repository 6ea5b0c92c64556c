"""200 signed place_order calls at once through one AsyncBitgetClient, against a loopback server,
next to the hand-written httpx.AsyncClient baseline doing the same."""

from __future__ import annotations

import asyncio
import functools
import subprocess
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from ._common import PYTHON, ROOT, BenchError, Report, Table, median
from .call_overhead import (
    API_KEY,
    API_SECRET,
    ORDER,
    PASSPHRASE,
    PATH,
    AsyncBaseline,
    bitget_client,
)

CONCURRENT = 200
ROUNDS = 9
WARMUP_ROUNDS = 2
ROUND_SECONDS = 30.0
SERVER_SECONDS = 300.0
# Every request the benchmark may send, and a margin: the server stops after that many.
MAX_REQUESTS = CONCURRENT * 2 * (ROUNDS + WARMUP_ROUNDS) + 100


def wall_clock() -> int:
    """Unix milliseconds: every call signs the time it is made at, as in production."""
    return time.time_ns() // 1_000_000


def start_server() -> tuple[subprocess.Popen[str], str]:
    """The loopback server (bench/_loopback.py) and its base URL."""
    process = subprocess.Popen(
        [PYTHON, "-m", "bench._loopback", str(MAX_REQUESTS), str(SERVER_SECONDS)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.isdigit():
        process.kill()
        raise BenchError(f"the loopback server did not start: {line!r}")
    return process, f"http://127.0.0.1:{line}"


async def burst(call: Callable[[], Awaitable[Any]]) -> float:
    """Seconds until `CONCURRENT` calls started together have all answered."""
    started = time.perf_counter()
    async with asyncio.timeout(ROUND_SECONDS):
        results = await asyncio.gather(*(call() for _ in range(CONCURRENT)))
    seconds = time.perf_counter() - started
    if any(r.order_id != "1234567890" for r in results):
        raise BenchError("an answer did not carry the order id")
    return seconds


async def measure(base_url: str) -> dict[str, Any]:
    """Interleaved rounds of each side, the order alternating; wall time per round."""
    http, baseline_http = httpx.AsyncClient(), httpx.AsyncClient()
    client = bitget_client().AsyncBitgetClient(
        base_url,
        api_key=API_KEY,
        api_secret=API_SECRET,
        passphrase=PASSPHRASE,
        http_client=http,
        clock=wall_clock,
    )
    baseline = AsyncBaseline(baseline_http, url=base_url + PATH, now=wall_clock)
    sides: dict[str, Callable[[], Awaitable[Any]]] = {
        "generated": functools.partial(client.place_order, **ORDER),
        "baseline": functools.partial(baseline.place_order, **ORDER),
    }
    for _ in range(WARMUP_ROUNDS):
        for call in sides.values():
            await burst(call)
    samples: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    for i in range(ROUNDS):
        for name in names[i % 2 :] + names[: i % 2]:
            samples[name].append(await burst(sides[name]))
    await http.aclose()
    await baseline_http.aclose()
    ms = {name: median(values) * 1000 for name, values in samples.items()}
    return {
        "generated_ms": ms["generated"],
        "baseline_ms": ms["baseline"],
        "ratio": ms["generated"] / ms["baseline"],
        "samples_ms": {n: [v * 1000 for v in values] for n, values in samples.items()},
    }


def run() -> Report:
    """Start the server, measure, stop it, build the table."""
    process, base_url = start_server()
    try:
        data = asyncio.run(measure(base_url))
    finally:
        process.kill()
        process.wait()
    table = Table(
        f"Concurrency: {CONCURRENT} signed place_order calls at once through one client, "
        f"loopback HTTP/1.1 server, median of {ROUNDS} interleaved rounds",
        ["measurement", "wall time", "per call"],
    )
    table.rows = [
        [
            f"generated AsyncBitgetClient, {CONCURRENT} calls",
            f"{data['generated_ms']:.0f} ms",
            f"{data['generated_ms'] * 1000 / CONCURRENT:.0f} us",
        ],
        [
            f"hand-written httpx.AsyncClient baseline, {CONCURRENT} calls",
            f"{data['baseline_ms']:.0f} ms",
            f"{data['baseline_ms'] * 1000 / CONCURRENT:.0f} us",
        ],
        ["ratio generated / baseline", f"{data['ratio']:.2f}x", ""],
    ]
    table.notes = [
        "spread of the rounds: "
        + ", ".join(f"{n} {min(v):.0f}-{max(v):.0f} ms" for n, v in data["samples_ms"].items()),
        "the server (bench/_loopback.py, its own process, 127.0.0.1 only) verifies each "
        "request's signature and answers the success envelope; it stops after "
        f"{MAX_REQUESTS} requests or {SERVER_SECONDS:.0f} s; each round must finish within "
        f"{ROUND_SECONDS:.0f} s",
        "both sides: one httpx.AsyncClient with its default limits (100 connections, 20 kept "
        "alive between rounds), every call signed with the current time; every answer is checked",
    ]
    return Report("concurrency", [table], data)

"""What the rate limiter adds to a call that does not have to wait: the generated BitgetClient's
place_order with its limiter (a limit it never reaches) against the same client without one, and
one `RateLimiter.reserve` on its own."""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable
from typing import Any

from ._common import Report, Table, median
from .call_overhead import ORDER, bitget_client, generated_client

ROUNDS = 400
BATCH = 10
WARMUP = 300
RESERVES = 20_000


def per_call(call: Callable[[], object], count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - started) / count


def measure() -> dict[str, Any]:
    """Interleaved batches of both clients (order alternating); per-call medians."""
    module = bitget_client()
    # The client's own documented limit (10 per second per UID), on a clock that moves one
    # second per reservation: every call is within the limit, so none waits, and the limiter
    # does all its bookkeeping (expire the window, reserve, log the send).
    ticks = itertools.count()
    never_waits = module.RateLimiter(clock=lambda: float(next(ticks)))
    clients = {
        "with_limiter": generated_client([], rate_limiter=never_waits),
        "without_limiter": generated_client([], rate_limiter=False),
    }
    calls: dict[str, Callable[[], object]] = {
        name: functools.partial(client.place_order, **ORDER) for name, client in clients.items()
    }
    for call in calls.values():
        per_call(call, WARMUP)
    names = list(calls)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for i in range(ROUNDS):
        for name in names if i % 2 == 0 else names[::-1]:
            samples[name].append(per_call(calls[name], BATCH))
    differences = [
        (a - b) * 1e6
        for a, b in zip(samples["with_limiter"], samples["without_limiter"], strict=True)
    ]
    ticks_alone = itertools.count()
    limiter = module.RateLimiter(
        [module.RateLimit("orders", 10, 1.0)], clock=lambda: float(next(ticks_alone))
    )
    reserve_samples = [
        per_call(lambda: limiter.reserve((("orders", 1),), "k"), RESERVES // 20) * 1e6
        for _ in range(20)
    ]
    return {
        "with_us": median(samples["with_limiter"]) * 1e6,
        "without_us": median(samples["without_limiter"]) * 1e6,
        "added_us": median(differences),
        "reserve_us": median(reserve_samples),
        "calls_each": ROUNDS * BATCH,
    }


def run() -> Report:
    data = measure()
    table = Table(
        "Rate limiter: signed BitgetClient.place_order through httpx.MockTransport, with and "
        f"without its limiter, median of {ROUNDS} interleaved batches of {BATCH}",
        ["measurement", "figure"],
    )
    table.rows = [
        ["place_order with the limiter (never waiting)", f"{data['with_us']:.1f} us/call"],
        ["place_order without a limiter", f"{data['without_us']:.1f} us/call"],
        ["added by the limiter (median of per-batch differences)", f"{data['added_us']:.1f} us"],
        ["RateLimiter.reserve alone, one bucket", f"{data['reserve_us']:.2f} us"],
    ]
    table.notes = [
        f"{data['calls_each']} timed calls each; the limiter keeps the client's declared limit "
        "(10 per second per UID) on a clock that moves one second per reservation, so no call "
        "waits: the figure is its bookkeeping under the lock (expire, reserve, log the send)",
        "a window holds at most its limit's entries, so the cost does not grow with the calls",
    ]
    return Report("ratelimit", [table], data)

"""The client-side rate limiter: each call waits until sending it keeps every limit it counts
against, as the API documents them.

A limit allows `limit` units of weight in any window of `interval` seconds. The limiter keeps,
per bucket, the send times it has handed out (a sliding log), so that a burst goes out as fast
as the limits allow and never faster. Reserving is one short critical section under a
`threading.Lock`: it computes when the call may be sent and records it; the caller then sleeps
outside the lock (`time.sleep` in the synchronous client, `asyncio.sleep` in the asynchronous
one), so threads and async tasks share one limiter and no event loop is blocked.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

__all__ = ["RateLimit", "RateLimitCost", "RateLimiter", "RateLimits", "Usage"]


class RateLimit(NamedTuple):
    """One documented limit: `limit` units of weight per `interval` seconds, counted per API
    key (`key`), per account (`uid`) or per IP address (`ip`)."""

    name: str
    limit: int
    interval: float
    per: str = "key"


class RateLimits(NamedTuple):
    """An API's documented limits, and the headers in which its server reports their use."""

    limits: tuple[RateLimit, ...]
    headers: tuple[tuple[str, str], ...] = ()


class RateLimitCost(NamedTuple):
    """The limits one operation's call counts against, each with its weight."""

    buckets: tuple[tuple[str, int], ...]


class Usage(NamedTuple):
    """A bucket's current state: weight used in the window that ends now, of `limit`."""

    used: int
    limit: int
    interval: float


class _Bucket:
    __slots__ = ("limit", "log", "used")

    def __init__(self, limit: RateLimit) -> None:
        self.limit = limit
        self.log: deque[tuple[float, int]] = deque()
        """(send time, weight), in send-time order."""
        self.used = 0

    def expire(self, now: float) -> None:
        """Forget what left the window ending at `now`."""
        horizon = now - self.limit.interval
        log = self.log
        while log and log[0][0] <= horizon:
            self.used -= log.popleft()[1]

    def earliest(self, weight: int) -> float:
        """The earliest time a call of `weight` fits, given what was handed out."""
        if not self.log:
            return float("-inf")
        room = self.limit.limit - weight
        used = self.used
        last = self.log[-1][0]
        if used <= room:
            return last
        for sent, w in self.log:
            used -= w
            if used <= room:
                return max(last, sent + self.limit.interval)
        return last  # unreachable when weight <= limit


class RateLimiter:
    """Waits calls out so that none exceeds a limit; shared by every thread and task of a client,
    and by several clients when passed to each (`rate_limiter=`).

    `clock` returns seconds on a monotonic scale (`time.monotonic` by default; a test injects
    its own and never sleeps).
    """

    def __init__(
        self, limits: Iterable[RateLimit] = (), *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limits = {limit.name: limit for limit in limits}
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._clock = clock
        self._lock = threading.Lock()
        self._blocked_until = float("-inf")

    @property
    def limits(self) -> Mapping[str, RateLimit]:
        """The limits this limiter keeps, by name."""
        return dict(self._limits)

    def add(self, limits: Iterable[RateLimit]) -> None:
        """Keep these limits too (a limiter shared by clients of several APIs)."""
        with self._lock:
            for limit in limits:
                self._limits.setdefault(limit.name, limit)

    def _bucket(self, name: str, account: str) -> _Bucket | None:
        limit = self._limits.get(name)
        if limit is None:
            return None
        # Only a per-key limit is told apart by the credentials: which keys belong to one
        # account is not known here, so an account's (`uid`) limit, like an IP's, counts every
        # client sharing the limiter.
        key = (name, account if limit.per == "key" else "")
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(limit)
        return bucket

    def reserve(
        self, costs: Sequence[tuple[str, int]], account: str = "", *, honour_pause: bool = True
    ) -> float:
        """Reserve a send for a call with these (bucket, weight) costs; the seconds to wait
        before sending it (0.0 when it may go now). A call that waited out the pause itself
        (`honour_pause=False`) is not held by it again."""
        with self._lock:
            now = self._clock()
            at = max(now, self._blocked_until) if honour_pause else now
            buckets: list[tuple[_Bucket, int]] = []
            for name, weight in costs:
                bucket = self._bucket(name, account)
                if bucket is None:
                    continue
                bucket.expire(now)
                weight = min(weight, bucket.limit.limit)
                at = max(at, bucket.earliest(weight))
                buckets.append((bucket, weight))
            for bucket, weight in buckets:
                bucket.log.append((at, weight))
                bucket.used += weight
            return at - now

    def observe(self, name: str, used: int, account: str = "") -> None:
        """What the server says was used of bucket `name` in its current window (a rate-limit
        header): the limiter counts at least that much."""
        with self._lock:
            bucket = self._bucket(name, account)
            if bucket is None:
                return
            now = self._clock()
            bucket.expire(now)
            missing = min(used, bucket.limit.limit) - bucket.used
            if missing > 0:
                entries = list(bucket.log)
                bisect.insort(entries, (now, missing))
                bucket.log = deque(entries)
                bucket.used += missing

    def pause(self, seconds: float) -> None:
        """Send nothing for `seconds` (the server asked to wait: a 429 with Retry-After)."""
        with self._lock:
            self._blocked_until = max(self._blocked_until, self._clock() + seconds)

    def usage(self, account: str = "") -> dict[str, Usage]:
        """Each bucket's weight used in the window that ends now."""
        with self._lock:
            now = self._clock()
            result: dict[str, Usage] = {}
            for name, limit in self._limits.items():
                bucket = self._buckets.get((name, account if limit.per == "key" else ""))
                used = 0
                if bucket is not None:
                    bucket.expire(now)
                    used = sum(w for sent, w in bucket.log if sent <= now)
                result[name] = Usage(used, limit.limit, limit.interval)
            return result

"""The retry and outcome policy: whether to send a request again, and what a failure leaves unknown.

Only decisions live here, no I/O, so a synchronous and an asynchronous client share them.

A request the server refused without executing it (HTTP 429, and the statuses and API codes the
spec declares in `x-not-executed`) is sent again whatever its method, after the wait the server
asks for. A request that is not safe to repeat (not GET/HEAD/OPTIONS, not marked idempotent, and
without a client order id the API deduplicates) is sent again only when nothing reached the
server. Once it may have arrived, every failure says whether
its outcome is known: it is known only when the answer says the server refused the request.
Statuses that refuse (the server did not act on the request):

- every 4xx: the request was rejected as it stood (400-428, 431, 451), including 408 (the server
  gave up waiting for the request) and 429 (rate limited before being processed);
- 501 Not Implemented and 505 HTTP Version Not Supported: the server cannot act on it at all.

Every other answer (500, 502, 503, 504 and the other 5xx, 3xx, 1xx) leaves the outcome unknown:
a gateway or an overloaded server may answer so after the order was placed.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping

import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "backoff_delay",
    "refused",
    "reached_server",
    "retry_after_seconds",
    "retry_status",
    "retry_transport",
]

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
_BACKOFF_BASE = 0.5
_BACKOFF_CAP = 8.0
_RETRY_AFTER_CAP = 60.0
_REFUSING_5XX = frozenset({501, 505})
# No connection was made (or none was free, or the URL cannot be sent), so nothing reached the
# server.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
_NOT_RETRIED = (httpx.UnsupportedProtocol,)


def refused(status_code: int) -> bool:
    """Whether an HTTP status says the server did not act on the request."""
    return 400 <= status_code < 500 or status_code in _REFUSING_5XX


def reached_server(error: httpx.TransportError) -> bool:
    """Whether a request that failed in transport may have reached the server."""
    return not isinstance(error, _NOT_SENT)


def retry_transport(error: httpx.TransportError, *, retry_safe: bool) -> bool:
    """Whether to send again after a transport failure (retries left permitting)."""
    if isinstance(error, _NOT_RETRIED):
        return False
    return retry_safe or not reached_server(error)


def retry_status(status_code: int, *, retry_safe: bool, not_executed: bool = False) -> bool:
    """Whether to send again after an HTTP answer (retries left permitting): a refusal that
    executed nothing always, a server error when repeating is safe."""
    return status_code == 429 or not_executed or (retry_safe and status_code >= 500)


def backoff_delay(attempt: int, retry_after: float | None) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): the server's word, capped, or
    exponential backoff with jitter."""
    if retry_after is not None:
        return min(retry_after, _RETRY_AFTER_CAP)
    return min(_BACKOFF_CAP, _BACKOFF_BASE * 2.0 ** (attempt - 1)) * (0.5 + random.random() / 2)


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds from a `Retry-After` (or `retry-after-ms`) header, if one is present and valid."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())

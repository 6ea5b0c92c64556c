"""The `x-` extensions a spec can declare: each is one dataclass whose fields say their spec key,
their type, their allowed values and their documentation.

The same dataclass is what the parser produces, what the template renders (as a constructor call
of the runtime class of the same name) and where the reference table in `specs/README.md` comes
from, so a new field is one change here (and its use in the runtime).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar

from ..boundary import Code
from ..errors import Diagnostics, pointer
from .extension_fields import INVALID, filled_in, option, read_fields, wrong

T = TypeVar("T")


_HASHES = {"sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
_HMACS = {"hmac-sha256": "sha256", "hmac-sha384": "sha384", "hmac-sha512": "sha512"}


@dataclass(frozen=True)
class Digest:
    """A part of a signed message: a hash of other parts."""

    algorithm: str
    of: tuple[Any, ...]
    encoding: str = "hex"


@dataclass(frozen=True)
class SignerParameter:
    """A parameter the signer adds to every request."""

    name: str
    value: str
    location: str = "params"
    first: bool = False


@dataclass(frozen=True)
class DerivedValue:
    """A value signed from credentials, usable as a placeholder."""

    name: str
    message: tuple[Any, ...]
    algorithm: str = ""
    encoding: str = ""


def _read_message(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`message` (or a digest's `of`): a template, or a list of templates and digests."""
    items = value if isinstance(value, list) else [value]
    if not items:
        return wrong(key, "a template or a non-empty list of parts", value, at, diagnostics)
    parts: list[Any] = []
    for i, item in enumerate(items):
        where = at + pointer(i) if isinstance(value, list) else at
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict) and set(item) <= {"digest", "of", "encoding"}:
            algorithm = item.get("digest")
            encoding = item.get("encoding", "hex")
            if algorithm not in _HASHES:
                diagnostics.error(
                    where + "/digest", f"`digest` {algorithm!r} is not one of {list(_HASHES)}"
                )
                return INVALID
            if encoding not in ("hex", "base64", "raw"):
                diagnostics.error(
                    where + "/encoding",
                    f"`encoding` {encoding!r} is not one of ['hex', 'base64', 'raw']",
                )
                return INVALID
            if item.get("of") in (None, "", []):
                diagnostics.error(where, "a digest needs `of`: the parts it hashes")
                return INVALID
            inner = _read_message(item["of"], "of", where + "/of", diagnostics)
            if inner is INVALID:
                return INVALID
            parts.append(Digest(algorithm, inner, encoding))
        else:
            return wrong(
                key, "a template or a digest ({digest, of, encoding})", item, where, diagnostics
            )
    return tuple(parts)


def _read_parameters(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`parameters`: a list of {name, value, in, first}."""
    if not isinstance(value, list):
        return wrong(key, "a list of parameters", value, at, diagnostics)
    read: list[SignerParameter] = []
    for i, item in enumerate(value):
        where = at + pointer(i)
        if not isinstance(item, dict) or not set(item) <= {"name", "value", "in", "first"}:
            return wrong(key, "a list of {name, value, in, first}", item, where, diagnostics)
        name, text, location = item.get("name"), item.get("value"), item.get("in", "params")
        first = item.get("first", False)
        if not isinstance(name, str) or not name or not isinstance(text, (str, int)):
            diagnostics.error(where, "a signer parameter needs a string `name` and `value`")
            return INVALID
        if location not in ("query", "form", "params") or not isinstance(first, bool):
            diagnostics.error(
                where, "`in` must be query, form or params, and `first` true or false"
            )
            return INVALID
        read.append(SignerParameter(name, str(text), location, first))
    return tuple(read)


def _read_derived(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`derived`: a mapping of names to {message, algorithm, encoding}."""
    if not isinstance(value, dict):
        return wrong(key, "a mapping of names to derived values", value, at, diagnostics)
    read: list[DerivedValue] = []
    for name, item in value.items():
        where = at + pointer(str(name))
        if not isinstance(item, dict) or not set(item) <= {"message", "algorithm", "encoding"}:
            return wrong(key, "{message, algorithm, encoding}", item, where, diagnostics)
        algorithm = item.get("algorithm", "")
        encoding = item.get("encoding", "")
        if algorithm and algorithm not in _HMACS:
            diagnostics.error(
                where + "/algorithm", f"`algorithm` {algorithm!r} is not one of {list(_HMACS)}"
            )
            return INVALID
        if encoding and encoding not in ("hex", "hex-upper", "base64"):
            diagnostics.error(
                where + "/encoding",
                f"`encoding` {encoding!r} is not one of ['hex', 'hex-upper', 'base64']",
            )
            return INVALID
        if "message" not in item:
            diagnostics.error(where, "a derived value needs a `message`")
            return INVALID
        message = _read_message(item["message"], "message", where + "/message", diagnostics)
        if message is INVALID:
            return INVALID
        read.append(DerivedValue(str(name), message, _HMACS.get(algorithm, ""), encoding))
    return tuple(read)


def message_text(parts: tuple[Any, ...]) -> str:
    """A message's parts as one line of text: templates as written, digests as `sha512-hex(...)`."""
    return "".join(
        f"{p.algorithm}-{p.encoding}({message_text(p.of)})" if isinstance(p, Digest) else p
        for p in parts
    )


@dataclass(frozen=True, kw_only=True)
class SigningScheme:
    """`x-signing` on a security scheme: what the signer adds to each request and what it signs."""

    headers: tuple[tuple[str, str], ...] = option(
        "headers",
        "header name to value template; placeholders are filled in",
        default=(),
    )
    message: tuple[Any, ...] = option(
        "message",
        "what is signed: a template, or a list of templates and digests "
        "(`{digest: sha256, of: ..., encoding: hex}`)",
        default=(),
        reader=_read_message,
    )
    credentials: tuple[str, ...] = option(
        "credentials",
        "credentials the hooks read, beyond those the placeholders and `secret` name",
        default=(),
    )
    algorithm: str = option("algorithm", "HMAC hash function", default="sha256", choices=_HMACS)
    encoding: str = option(
        "encoding",
        "how the signature bytes are written",
        default="hex",
        choices=("hex", "hex-upper", "base64"),
    )
    secret: str = option("secret", "the credential that keys the HMAC", default="api_secret")
    secret_encoding: str = option(
        "secret-encoding",
        "the secret's form: its UTF-8 text, or base64 decoded before use",
        default="text",
        choices=("text", "base64"),
    )
    path: str = option(
        "path",
        "`{path}`: the full URL path or the path relative to the server URL",
        default="full",
        choices=("full", "relative"),
    )
    query_order: str = option(
        "query-order",
        "query parameters sent and signed in declared order, or sorted by name",
        default="declared",
        choices=("declared", "sorted"),
    )
    timestamp: str = option(
        "timestamp",
        "how `{timestamp}` is written",
        default="milliseconds",
        choices=(
            "milliseconds",
            "seconds",
            "microseconds",
            "iso-milliseconds",
            "iso-seconds",
            "iso-seconds-naive",
        ),
    )
    timestamp_offset: int = option(
        "timestamp-offset", "seconds added to the clock for `{timestamp}` (an expiry)", default=0
    )
    nonce: str = option(
        "nonce",
        "the source of `{nonce}`, fresh per request: random (uuid4, 32 hex digits), or the "
        "clock's milliseconds made to increase from request to request",
        default="uuid",
        choices=("uuid", "hex", "increasing"),
    )
    query_encoding: str = option(
        "query-encoding",
        "`{query}` and `{target}` in the message: the query as sent, or percent-decoded",
        default="encoded",
        choices=("encoded", "decoded"),
    )
    parameters: tuple[SignerParameter, ...] = option(
        "parameters",
        "parameters the signer adds: `{name, value, in, first}` (`in`: query, form or params)",
        default=(),
        reader=_read_parameters,
    )
    derived: tuple[DerivedValue, ...] = option(
        "derived",
        "named values signed from credentials: `{message, algorithm, encoding}`",
        default=(),
        reader=_read_derived,
    )
    hook_file: str | None = option(
        "hook",
        "a Python file beside the spec defining `sign(message: bytes, secret: str) -> str`, "
        "which signs the message instead of the HMAC",
        default=None,
        render=False,
    )
    request_hook_file: str | None = option(
        "request-hook",
        "a Python file beside the spec defining `sign_request(request, credentials, clock, "
        "nonce) -> None`, run after the declared signing",
        default=None,
        render=False,
    )
    hook_dependencies: tuple[str, ...] = option(
        "hook-dependencies",
        "requirements the hooks import, installed as the package's optional extra",
        default=(),
        render=False,
    )
    hook: Code | None = filled_in("the hook's `sign` function", default=None)
    request_hook: Code | None = filled_in("the request hook's `sign_request`", default=None)


@dataclass(frozen=True, kw_only=True)
class Envelope:
    """`x-envelope` at the root: every answer wraps its payload with a code and a message."""

    data: str = option("data", "the property holding the payload")
    code: str = option("code", "the property holding the API's code", default="code")
    message: str = option("message", "the property holding the API's message", default="message")
    success: tuple[str, ...] = option(
        "success", "codes that mean success; any other code raises", default=()
    )


@dataclass(frozen=True, kw_only=True)
class ErrorBodyKeys:
    """`x-error` at the root: keys of an error body holding the API's own code and message."""

    code: tuple[str, ...] = option(
        "code", "keys tried in order for the code", default=("code", "errorCode", "error_code")
    )
    message: tuple[str, ...] = option(
        "message",
        "keys tried in order for the message",
        default=("message", "msg", "detail", "error"),
    )


@dataclass(frozen=True, kw_only=True)
class Pagination:
    """`x-pagination` on an operation: how its pages are fetched one after another."""

    style: str = option(
        "style", "how the next page is asked for", choices=("page", "offset", "cursor")
    )
    items: tuple[str, ...] = option("items", "dot path of the item list in the answer", default=())
    page: str | None = option("page", "parameter carrying the page number", default=None)
    limit: str | None = option("limit", "parameter carrying the page size", default=None)
    offset: str | None = option("offset", "parameter carrying the offset", default=None)
    cursor: str | None = option("cursor", "parameter carrying the cursor", default=None)
    next_cursor: tuple[str, ...] = option(
        "next-cursor", "dot path of the next cursor in the answer", default=()
    )
    total: tuple[str, ...] = option(
        "total", "dot path of the total item count in the answer; the pager stops there", default=()
    )
    max_pages: int = option(
        "max-pages",
        "the most pages the pager fetches before it raises PaginationError",
        default=1000,
    )
    default_limit: int | None = filled_in("the limit parameter's default", default=None)


@dataclass(frozen=True, kw_only=True)
class ClientOrderId:
    """`x-client-order-id` on an operation: the body field of a client order id the API promises
    to reject when repeated, and the id's format. The client fills in a fresh id when the caller
    leaves it out and sends the call again with the same id when its outcome is unknown."""

    field: str = option("field", "the body property that carries the client order id")
    max_length: int = option("max-length", "the longest id the API accepts", default=32)
    characters: str = option(
        "characters",
        "the characters an id may have, ranges written `a-z` (a `-` first or last is itself)",
        default="0-9A-Za-z",
    )
    prefix: str = option("prefix", "what every generated id starts with", default="")
    length: int = option(
        "length", "how many characters a generated id has (0: `max-length`)", default=0
    )
    duplicate_codes: tuple[str, ...] = option(
        "duplicate-codes",
        "the API's codes for a client order id used already (a retry refused so: an earlier "
        "attempt placed the order)",
        default=(),
    )


@dataclass(frozen=True, kw_only=True)
class NotExecuted:
    """`x-not-executed` at the root: answers that refuse a request without executing it, so any
    request is sent again after them (HTTP 429 always is one)."""

    statuses: tuple[str, ...] = option(
        "statuses", "HTTP statuses (4xx, 5xx) the API answers without executing", default=()
    )
    codes: tuple[str, ...] = option(
        "codes", "the API's own codes in an error answer that mean the same", default=()
    )


@dataclass(frozen=True, kw_only=True)
class ServerTime:
    """`x-server-time` at the root: the operation that answers the server's time, which
    `sync_clock()` calls, and the answers that say a request's timestamp was out of window."""

    operation: str = option(
        "operation",
        "the operationId of a GET with no required argument that answers the server's time",
        render=False,
    )
    time: tuple[str, ...] = option(
        "time", "dot path of the time in its answer (inside the envelope)", default=()
    )
    unit: str = option(
        "unit",
        "how the time is written",
        default="milliseconds",
        choices=("milliseconds", "seconds", "microseconds", "iso"),
    )
    window_codes: tuple[str, ...] = option(
        "window-codes",
        "the API's codes for a timestamp outside its window: one resync and a re-signed retry",
        default=(),
    )
    window_statuses: tuple[str, ...] = option(
        "window-statuses", "HTTP statuses that mean the same", default=()
    )
    recv_window: str | None = option(
        "recv-window",
        "the header that carries the client option `recv_window` (milliseconds), if the API "
        "has one",
        default=None,
    )
    endpoint: str = filled_in("the client attribute of the operation's Endpoint", default="")


@dataclass(frozen=True)
class RateLimit:
    """One documented limit."""

    name: str
    limit: int
    interval: float
    per: str = "key"


_PER = ("key", "uid", "ip")


def _read_limits(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`limits`: a mapping of names to {limit, interval, per}."""
    if not isinstance(value, dict) or not value:
        return wrong(key, "a mapping of names to {limit, interval, per}", value, at, diagnostics)
    read: list[RateLimit] = []
    for name, item in value.items():
        where = at + pointer(str(name))
        if not isinstance(item, dict) or not set(item) <= {"limit", "interval", "per"}:
            return wrong(key, "{limit, interval, per}", item, where, diagnostics)
        limit, interval, per = item.get("limit"), item.get("interval"), item.get("per", "key")
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            diagnostics.error(where + "/limit", "a limit needs `limit`: a positive integer")
            return INVALID
        if "interval" not in item:
            diagnostics.error(where, "a limit needs `interval`: the seconds it counts over")
            return INVALID
        if (
            not isinstance(interval, (int, float))
            or isinstance(interval, bool)
            or not 0 < interval <= 86400
        ):
            diagnostics.error(
                where + "/interval", "`interval` must be a number of seconds, above 0"
            )
            return INVALID
        if per not in _PER:
            diagnostics.error(where + "/per", f"`per` {per!r} is not one of {list(_PER)}")
            return INVALID
        read.append(RateLimit(str(name), limit, float(interval), str(per)))
    return tuple(read)


@dataclass(frozen=True, kw_only=True)
class RateLimits:
    """`x-rate-limits` at the root: the API's documented limits, which the client waits for."""

    limits: tuple[RateLimit, ...] = option(
        "limits",
        "name to `{limit, interval, per}`: `limit` weight per `interval` seconds, counted per "
        "API key (`key`), account (`uid`) or IP address (`ip`)",
        reader=_read_limits,
    )
    headers: tuple[tuple[str, str], ...] = option(
        "headers",
        "limit name to the response header in which the server says how much of it is used",
        default=(),
    )


def _read_weights(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`buckets`: a limit name, a list of them (weight 1), or a mapping of names to weights."""
    if isinstance(value, str):
        value = {value: 1}
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = dict.fromkeys(value, 1)
    if not isinstance(value, dict) or not value:
        return wrong(
            key, "a limit name, a list or a mapping of names to weights", value, at, diagnostics
        )
    read: list[tuple[str, int]] = []
    for name, weight in value.items():
        if not isinstance(weight, int) or isinstance(weight, bool) or weight < 1:
            diagnostics.error(at + pointer(str(name)), "a weight must be a positive integer")
            return INVALID
        read.append((str(name), weight))
    return tuple(read)


@dataclass(frozen=True, kw_only=True)
class RateLimitCost:
    """`x-rate-limit` on an operation: the limits a call counts against, and its weight."""

    buckets: tuple[tuple[str, int], ...] = option(
        "buckets",
        "the `x-rate-limits` names a call counts against (a name, a list, or name to weight)",
        reader=_read_weights,
    )


EXTENSIONS: dict[str, type[Any]] = {
    "x-signing": SigningScheme,
    "x-envelope": Envelope,
    "x-error": ErrorBodyKeys,
    "x-pagination": Pagination,
    "x-client-order-id": ClientOrderId,
    "x-not-executed": NotExecuted,
    "x-server-time": ServerTime,
    "x-rate-limits": RateLimits,
    "x-rate-limit": RateLimitCost,
}


def read_extension(cls: type[T], raw: Any, at: str, diagnostics: Diagnostics) -> T | None:
    """The extension `cls` read from `raw`; every problem is recorded with its pointer."""
    return read_fields(cls, _spec_name(cls), raw, at, diagnostics)


def _spec_name(cls: type[Any]) -> str:
    return next(name for name, c in EXTENSIONS.items() if c is cls)


def extension_table() -> str:
    """The Markdown reference of every extension field, as `specs/README.md` shows it."""
    rows = ["| extension | key | meaning | allowed | default |", "|---|---|---|---|---|"]
    for name, cls in EXTENSIONS.items():
        for f in fields(cls):
            key = f.metadata.get("key")
            if key is None:
                continue
            choices = f.metadata["choices"]
            allowed = ", ".join(f"`{c}`" for c in choices) if choices else ""
            default = f.default
            if isinstance(choices, Mapping):  # the table speaks in spec values
                default = next((k for k, v in choices.items() if v == default), default)
            default = "required" if default is MISSING else _default_text(default)
            rows.append(f"| `{name}` | `{key}` | {f.metadata['doc']} | {allowed} | {default} |")
    return "\n".join(rows)


def _default_text(value: Any) -> str:
    if value in ((), None, ""):
        return "none"
    if isinstance(value, tuple):
        return ", ".join(f"`{v}`" for v in value)
    return f"`{value}`"

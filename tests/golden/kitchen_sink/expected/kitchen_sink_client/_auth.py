"""Authentication schemes: each adds its credentials or signature to a request about to be sent.

A signing scheme is data: the values of one request (timestamp, nonce), the parameters it adds,
the message it signs (templates of request parts, literals and digests), and where the signature
goes. What no declaration fits is a request hook: a function that edits the prepared request.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import string
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Literal, NamedTuple, Protocol, Union
from urllib.parse import unquote_to_bytes

import httpx

from ._exceptions import InvalidCredentialsError

__all__ = [
    "ApiKeyScheme",
    "BasicScheme",
    "BearerScheme",
    "Clock",
    "Credentials",
    "DerivedValue",
    "Digest",
    "IncreasingNonce",
    "Nonce",
    "PreparedRequest",
    "RequestHook",
    "Scheme",
    "SignerParameter",
    "SigningScheme",
    "client_nonce",
    "random_nonce",
]

Clock = Callable[[], int]
"""Unix time in milliseconds."""
Nonce = Callable[[], str]
"""A fresh value for each request (a scheme's declared source, or the client's `nonce=`)."""


class Credentials:
    """Credential values by name; never shown by repr or str."""

    def __init__(self, values: Mapping[str, str | None]) -> None:
        self._values = {name: value for name, value in values.items() if value}

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __getitem__(self, name: str) -> str:
        return self._values[name]

    def secrets(self) -> list[str]:
        """Every credential value, for redaction."""
        return list(self._values.values())

    def __repr__(self) -> str:
        return f"Credentials({sorted(self._values)})"

    __str__ = __repr__


class PreparedRequest:
    """A request about to be built and sent: the exact URL, headers and body bytes schemes sign."""

    __slots__ = ("content", "headers", "method", "url")

    def __init__(
        self, method: str, url: httpx.URL, headers: dict[str, str], content: bytes
    ) -> None:
        self.method = method
        self.url = url
        self.headers = headers
        self.content = content

    @property
    def content_type(self) -> str:
        """The Content-Type header set so far, or empty."""
        return next((v for k, v in self.headers.items() if k.lower() == "content-type"), "")

    @property
    def is_form(self) -> bool:
        """Whether the body is a URL-encoded form."""
        return self.content_type.split(";", 1)[0].strip().lower() == _FORM

    def add_query_param(self, name: str, value: str, *, first: bool = False) -> None:
        """Add `name=value` to the query string, after (or before) the parameters it has."""
        self.url = self.url.copy_with(query=_joined(self.url.query, name, value, first) or None)

    def add_form_field(self, name: str, value: str, *, first: bool = False) -> None:
        """Add `name=value` to the URL-encoded form body, creating one if there is no body."""
        if not self.content:
            self.headers["Content-Type"] = _FORM
        self.content = _joined(self.content, name, value, first)

    def __repr__(self) -> str:  # the headers may hold credentials
        return f"PreparedRequest({self.method} {self.url}, {len(self.content)} bytes)"


_FORM = "application/x-www-form-urlencoded"


def _joined(encoded: bytes, name: str, value: str, first: bool) -> bytes:
    """A query string or form with one pair added, encoded as httpx encodes the others."""
    pair = str(httpx.QueryParams([(name, value)])).encode()
    if not encoded:
        return pair
    return pair + b"&" + encoded if first else encoded + b"&" + pair


class RequestHook(Protocol):
    """Signs what no declaration fits: edits the prepared request in place (headers, query
    parameters, body), reading any credential, the clock and the nonce source. It does no I/O, so
    a synchronous and an asynchronous client share it."""

    def __call__(
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, nonce: Nonce
    ) -> None: ...


def random_nonce(source: str) -> Nonce:
    """A random nonce source a scheme declares: `uuid` (uuid4 text) or `hex` (32 hex digits)."""
    if source == "hex":
        return lambda: uuid.uuid4().hex
    return lambda: str(uuid.uuid4())


class IncreasingNonce:
    """`nonce: increasing`: the clock's milliseconds, or one more than the last nonce when the
    clock has not moved past it; one per client, shared by its threads and tasks."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._last = 0
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            self._last = max(self._clock(), self._last + 1)
            return str(self._last)


def client_nonce(schemes: Iterable[Scheme], clock: Clock) -> Nonce | None:
    """The nonce source a client keeps for its schemes: an increasing one if any declares it
    (its state lives as long as the client), else None (each scheme draws a random one)."""
    if any(isinstance(s, SigningScheme) and s.nonce == "increasing" for s in schemes):
        return IncreasingNonce(clock)
    return None


# The schemes are NamedTuples rather than frozen dataclasses: every package imports them, and a
# frozen dataclass costs about 0.6 ms of import time to create.


class BearerScheme(NamedTuple):
    """HTTP bearer: `Authorization: Bearer <token>`."""

    credentials: tuple[str, ...] = ("token",)

    def apply(
        self,
        request: PreparedRequest,
        credentials: Credentials,
        clock: Clock,
        nonce: Nonce | None,
        base_path: str,
    ) -> None:
        request.headers["Authorization"] = f"Bearer {credentials[self.credentials[0]]}"


class BasicScheme(NamedTuple):
    """HTTP basic: `Authorization: Basic base64(username:password)`."""

    credentials: tuple[str, ...] = ("username", "password")

    def apply(
        self,
        request: PreparedRequest,
        credentials: Credentials,
        clock: Clock,
        nonce: Nonce | None,
        base_path: str,
    ) -> None:
        user, password = (credentials[name] for name in self.credentials)
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        request.headers["Authorization"] = f"Basic {token}"


class ApiKeyScheme(NamedTuple):
    """A key sent as a header or a query parameter."""

    name: str
    location: Literal["header", "query", "cookie"]
    credentials: tuple[str, ...] = ("api_key",)

    def apply(
        self,
        request: PreparedRequest,
        credentials: Credentials,
        clock: Clock,
        nonce: Nonce | None,
        base_path: str,
    ) -> None:
        value = credentials[self.credentials[0]]
        if self.location == "query":
            # Set, not add: the same request is signed again on every retry.
            request.url = request.url.copy_set_param(self.name, value)
        elif self.location == "cookie":
            request.headers["Cookie"] = f"{self.name}={value}"
        else:
            request.headers[self.name] = value

    @property
    def in_query(self) -> bool:
        """Whether a credential travels in the query string (and so in logged URLs)."""
        return self.location == "query"


class Digest(NamedTuple):
    """A hash of parts of the request, itself a part of a signed message."""

    algorithm: Literal["sha256", "sha384", "sha512"]
    of: tuple[Part, ...]
    encoding: Literal["hex", "base64", "raw"] = "hex"


Part = Union[str, Digest]  # noqa: UP007 (a NamedTuple field cannot name a | of a forward reference)
"""A part of a signed message: a template of placeholders and literal text, or a digest."""


class SignerParameter(NamedTuple):
    """A parameter the signer adds to each request (a value using `{signature}` after signing)."""

    name: str
    value: str
    location: Literal["query", "form", "params"] = "params"
    """`params` is the form body when the request sends one, else the query string."""
    first: bool = False
    """Before the request's own parameters rather than after them."""


class DerivedValue(NamedTuple):
    """A value signed from credentials (such as an encrypted passphrase), redacted as they are."""

    name: str
    message: tuple[Part, ...]
    algorithm: Literal["", "sha256", "sha384", "sha512"] = ""
    """The HMAC's hash function; empty for the scheme's."""
    encoding: Literal["", "hex", "hex-upper", "base64"] = ""
    """How it is written; empty for the scheme's."""


class SigningScheme(NamedTuple):
    """Signs each request: adds the declared parameters, computes the HMAC of the declared message
    (or has a hook sign it), sets the declared headers, then runs the request hook, if any."""

    headers: tuple[tuple[str, str], ...] = ()
    message: tuple[Part, ...] = ()
    credentials: tuple[str, ...] = ()
    algorithm: Literal["sha256", "sha384", "sha512"] = "sha256"
    encoding: Literal["hex", "hex-upper", "base64"] = "hex"
    secret: str = "api_secret"
    secret_encoding: Literal["text", "base64"] = "text"
    path: Literal["full", "relative"] = "full"
    query_order: Literal["declared", "sorted"] = "declared"
    timestamp: str = "milliseconds"
    timestamp_offset: int = 0
    nonce: Literal["uuid", "hex", "increasing"] = "uuid"
    query_encoding: Literal["encoded", "decoded"] = "encoded"
    """`{query}` and `{target}` in the message: the query as sent, or percent-decoded."""
    parameters: tuple[SignerParameter, ...] = ()
    derived: tuple[DerivedValue, ...] = ()
    hook: Callable[[bytes, str], str] | None = None
    request_hook: RequestHook | None = None

    @property
    def in_query(self) -> bool:
        """Whether a credential may travel in the query string (and so in logged URLs)."""
        return any(p.location != "form" and _names(p.value) for p in self.parameters)

    def apply(
        self,
        request: PreparedRequest,
        credentials: Credentials,
        clock: Clock,
        nonce: Nonce | None,
        base_path: str,
    ) -> None:
        plan = _plan(self)
        values: dict[str, str] = {}
        if plan.uses_timestamp:
            values["timestamp"] = format_time(
                clock() + self.timestamp_offset * 1000, self.timestamp
            )
        if plan.uses_nonce:
            values["nonce"] = (nonce or random_nonce(self.nonce))()
        if self.derived or plan.uses_key:
            key = _key(credentials, self.secret, self.secret_encoding)
            for derived in self.derived:
                message = _message(derived.message, request, values, credentials, b"")
                values[derived.name] = self._mac(key, message, derived)
        for parameter in plan.before:
            _add(request, parameter, _text(parameter.value, values, credentials))
        if self.query_order == "sorted":
            query = request.url.query
            if query:
                pairs = query.split(b"&")
                pairs.sort(key=lambda pair: pair.split(b"=", 1)[0])
                request.url = request.url.copy_with(query=b"&".join(pairs))
        if self.message:
            path = request.url.raw_path.partition(b"?")[0]
            if self.path == "relative":
                prefix = base_path.rstrip("/").encode()
                if prefix and path.startswith(prefix):
                    path = path[len(prefix) :]
            message = _message(
                self.message, request, values, credentials, path, self.query_encoding == "decoded"
            )
            if self.hook is not None:
                values["signature"] = _hooked(self.hook, message, credentials, self.secret)
            else:
                values["signature"] = self._mac(key, message)
        for parameter in plan.after:
            _add(request, parameter, _text(parameter.value, values, credentials))
        headers = request.headers
        for name, text, placeholder in plan.headers:
            if placeholder is None:
                headers[name] = text
            elif placeholder in values:
                headers[name] = values[placeholder]
            elif placeholder:
                headers[name] = credentials[placeholder]
            else:
                headers[name] = _text(text, values, credentials)
        if self.request_hook is not None:
            self.request_hook(request, credentials, clock, nonce or random_nonce(self.nonce))

    def derived_values(self, credentials: Credentials) -> list[str]:
        """The derived values made of credentials alone, for redaction; those a bad credential
        would make are left to fail when a request is signed."""
        values: dict[str, str] = {}
        empty = PreparedRequest("GET", httpx.URL("/"), {}, b"")
        for derived in self.derived:
            try:
                key = _key(credentials, self.secret, self.secret_encoding)
                message = _message(derived.message, empty, values, credentials, b"")
            except (KeyError, InvalidCredentialsError):
                continue  # it reads the request, or a credential is missing or malformed
            values[derived.name] = self._mac(key, message, derived)
        return list(values.values())

    def _mac(self, key: bytes, message: bytes, derived: DerivedValue | None = None) -> str:
        """The HMAC of `message`, written out: the signature's, or a derived value's (whose
        algorithm and encoding default to the scheme's)."""
        algorithm = (derived and derived.algorithm) or self.algorithm
        digest = hmac.digest(key, message, algorithm)
        return _encoded(digest, (derived and derived.encoding) or self.encoding)


def format_time(milliseconds: int, style: str) -> str:
    """Unix milliseconds written as a scheme's `timestamp` declares."""
    if style == "milliseconds":
        return str(milliseconds)
    if style == "seconds":
        return str(milliseconds // 1000)
    if style == "microseconds":
        return str(milliseconds * 1000)
    seconds, millis = divmod(milliseconds, 1000)
    text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    if style == "iso-milliseconds":
        return f"{text}.{millis:03d}Z"
    if style == "iso-seconds":
        return text + "Z"
    return text  # iso-seconds-naive: UTC, no zone


def _key(credentials: Credentials, name: str, encoding: str) -> bytes:
    """The HMAC key: the secret credential's UTF-8 bytes, or its base64 decoded."""
    secret = credentials[name]
    if encoding != "base64":
        return secret.encode()
    try:
        return base64.b64decode(secret, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidCredentialsError(
            f"credential {name!r} is not valid base64, as this API's secret must be;"
            " nothing was sent"
        ) from None


def _hooked(
    hook: Callable[[bytes, str], str], message: bytes, credentials: Credentials, name: str
) -> str:
    """The hook's signature; a ValueError it raises (a key it cannot load) names the credential."""
    secret = credentials[name]
    try:
        return hook(message, secret)
    except ValueError as exc:
        reason = str(exc).replace(secret, "***")
        raise InvalidCredentialsError(
            f"credential {name!r} cannot sign: {reason}; nothing was sent"
        ) from None


def _encoded(digest: bytes, encoding: str) -> str:
    if encoding == "base64":
        return base64.b64encode(digest).decode("ascii")
    return digest.hex().upper() if encoding == "hex-upper" else digest.hex()


def _add(request: PreparedRequest, parameter: SignerParameter, value: str) -> None:
    location = parameter.location
    if location == "form" or (location == "params" and request.is_form):
        request.add_form_field(parameter.name, value, first=parameter.first)
    else:
        request.add_query_param(parameter.name, value, first=parameter.first)


def _message(
    parts: tuple[Part, ...],
    request: PreparedRequest,
    values: Mapping[str, str],
    credentials: Credentials,
    path: bytes,
    decoded: bool = False,
) -> bytes:
    """The bytes of `parts` for `request`: each template filled in, each digest computed."""
    out: list[bytes] = []
    for part in parts:
        if isinstance(part, Digest):
            digest = hashlib.new(
                part.algorithm, _message(part.of, request, values, credentials, path, decoded)
            ).digest()
            out.append(
                digest if part.encoding == "raw" else _encoded(digest, part.encoding).encode()
            )
            continue
        for literal, name in _segments(part):
            if literal:
                out.append(literal.encode())
            if name:
                out.append(_request_part(name, request, values, credentials, path, decoded))
    return b"".join(out)


def _request_part(
    name: str,
    request: PreparedRequest,
    values: Mapping[str, str],
    credentials: Credentials,
    path: bytes,
    decoded: bool,
) -> bytes:
    """The bytes of one placeholder of a message."""
    if name == "method":
        return request.method.upper().encode()
    if name == "path":
        return path
    if name == "query" or name == "target":
        query = unquote_to_bytes(request.url.query) if decoded else request.url.query
        if name == "query":
            return query
        return path + b"?" + query if query else path
    if name == "body":
        return request.content
    if name == "host":
        return request.url.netloc
    if name == "content_type":
        return request.content_type.encode() if request.content else b""
    text = values[name] if name in values else credentials[name]
    return text.encode()


def _text(template: str, values: Mapping[str, str], credentials: Credentials) -> str:
    """A header or parameter value: `template` with each placeholder filled in."""
    return "".join(
        literal + (values[name] if name in values else credentials[name] if name else "")
        for literal, name in _segments(template)
    )


@cache
def _segments(template: str) -> tuple[tuple[str, str], ...]:
    """A template as (literal text, placeholder name or "") pairs; `{{` and `}}` are braces."""
    return tuple(
        (literal, name or "") for literal, name, _, _ in string.Formatter().parse(template)
    )


def _names(template: str) -> set[str]:
    return {name for _, name in _segments(template) if name}


def _part_names(parts: tuple[Part, ...]) -> set[str]:
    names: set[str] = set()
    for part in parts:
        names |= _part_names(part.of) if isinstance(part, Digest) else _names(part)
    return names


class _Plan(NamedTuple):
    """What a scheme does on every request, worked out once."""

    uses_timestamp: bool
    uses_nonce: bool
    uses_key: bool
    before: tuple[SignerParameter, ...]
    after: tuple[SignerParameter, ...]
    headers: tuple[tuple[str, str, str | None], ...]
    """(name, template, placeholder): no placeholder for fixed text, the name of the one
    placeholder a template consists of, or "" for a template to fill in."""


@cache
def _plan(scheme: SigningScheme) -> _Plan:
    used = _part_names(scheme.message)
    for derived in scheme.derived:
        used |= _part_names(derived.message)
    for parameter in scheme.parameters:
        used |= _names(parameter.value)
    headers: list[tuple[str, str, str | None]] = []
    for name, template in scheme.headers:
        used |= _names(template)
        segments = _segments(template)
        if "{" not in template and "}" not in template:
            headers.append((name, template, None))
        elif len(segments) == 1 and not segments[0][0]:
            headers.append((name, template, segments[0][1]))
        else:
            headers.append((name, template, ""))
    return _Plan(
        uses_timestamp="timestamp" in used,
        uses_nonce="nonce" in used,
        uses_key=bool(scheme.message) and scheme.hook is None,
        before=tuple(p for p in scheme.parameters if "signature" not in _names(p.value)),
        after=tuple(p for p in scheme.parameters if "signature" in _names(p.value)),
        headers=tuple(headers),
    )


Scheme = BearerScheme | BasicScheme | ApiKeyScheme | SigningScheme

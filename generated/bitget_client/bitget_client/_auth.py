"""Authentication schemes: each adds its credentials or signature to a request about to be sent."""

from __future__ import annotations

import base64
import hashlib
import hmac
import string
from collections.abc import Callable, Mapping
from functools import cache
from typing import Literal, NamedTuple

import httpx

__all__ = [
    "ApiKeyScheme",
    "BasicScheme",
    "BearerScheme",
    "Credentials",
    "PreparedRequest",
    "Scheme",
    "SigningScheme",
    "hmac_signature",
]

Clock = Callable[[], int]


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

    def __repr__(self) -> str:  # the headers may hold credentials
        return f"PreparedRequest({self.method} {self.url}, {len(self.content)} bytes)"


# The schemes are NamedTuples rather than frozen dataclasses: every package imports them, and a
# frozen dataclass costs about 0.6 ms of import time to create.


class BearerScheme(NamedTuple):
    """HTTP bearer: `Authorization: Bearer <token>`."""

    credentials: tuple[str, ...] = ("token",)

    def apply(
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, base_path: str
    ) -> None:
        request.headers["Authorization"] = f"Bearer {credentials[self.credentials[0]]}"


class BasicScheme(NamedTuple):
    """HTTP basic: `Authorization: Basic base64(username:password)`."""

    credentials: tuple[str, ...] = ("username", "password")

    def apply(
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, base_path: str
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
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, base_path: str
    ) -> None:
        value = credentials[self.credentials[0]]
        if self.location == "query":
            # Set, not add: the same request is signed again on every retry.
            request.url = request.url.copy_set_param(self.name, value)
        elif self.location == "cookie":
            request.headers["Cookie"] = f"{self.name}={value}"
        else:
            request.headers[self.name] = value


def hmac_signature(message: bytes, secret: str, algorithm: str, encoding: str) -> str:
    """HMAC of `message` keyed by `secret`, as lower-case hex or base64."""
    digest = hmac.digest(secret.encode(), message, getattr(hashlib, algorithm))
    return digest.hex() if encoding == "hex" else base64.b64encode(digest).decode("ascii")


class SigningScheme(NamedTuple):
    """Signs each request over a declared composition of timestamp, method, path, query and body."""

    prehash: tuple[str, ...]
    headers: tuple[tuple[str, str], ...]
    credentials: tuple[str, ...] = ()
    algorithm: str = "sha256"
    encoding: Literal["hex", "base64"] = "hex"
    secret: str = "api_secret"
    path: Literal["full", "relative"] = "full"
    query_order: Literal["declared", "sorted"] = "declared"
    timestamp: Literal["milliseconds", "seconds"] = "milliseconds"
    hook: Callable[[bytes, str], str] | None = None

    def apply(
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, base_path: str
    ) -> None:
        if self.query_order == "sorted":
            query = request.url.query
            if query:
                pairs = query.split(b"&")
                pairs.sort(key=lambda pair: pair.split(b"=", 1)[0])
                request.url = request.url.copy_with(query=b"&".join(pairs))
        now = clock()
        timestamp = str(now) if self.timestamp == "milliseconds" else str(now // 1000)
        message = self.message(request, timestamp, base_path)
        secret = credentials[self.secret]
        if self.hook is not None:
            signature = self.hook(message, secret)
        else:
            signature = hmac_signature(message, secret, self.algorithm, self.encoding)
        headers = request.headers
        for name, text, placeholder in _header_plan(self.headers):
            if placeholder is None:
                headers[name] = text
            elif placeholder == "signature":
                headers[name] = signature
            elif placeholder == "timestamp":
                headers[name] = timestamp
            elif placeholder:
                headers[name] = credentials[placeholder]
            else:
                headers[name] = _fill(text, timestamp, signature, credentials)

    def message(self, request: PreparedRequest, timestamp: str, base_path: str) -> bytes:
        """The exact bytes signed for `request`: the declared parts, concatenated."""
        raw_path, _, query = request.url.raw_path.partition(b"?")
        if self.path == "relative":
            prefix = base_path.rstrip("/").encode()
            if prefix and raw_path.startswith(prefix):
                raw_path = raw_path[len(prefix) :]
        parts = {
            "timestamp": timestamp.encode(),
            "method": request.method.upper().encode(),
            "path": raw_path,
            "query": b"?" + query if query else b"",
            "body": request.content,
        }
        return b"".join([parts[name] for name in self.prehash])


@cache
def _header_plan(
    headers: tuple[tuple[str, str], ...],
) -> tuple[tuple[str, str, str | None], ...]:
    """Each header as (name, template, placeholder): no placeholder for fixed text, the name of
    the one placeholder a template consists of, or "" for a template to fill in."""
    plan: list[tuple[str, str, str | None]] = []
    for name, template in headers:
        if "{" not in template:
            plan.append((name, template, None))
        elif template[0] == "{" and template[-1] == "}" and template.count("{") == 1:
            plan.append((name, template, template[1:-1]))
        else:
            plan.append((name, template, ""))
    return tuple(plan)


def _fill(template: str, timestamp: str, signature: str, credentials: Credentials) -> str:
    """A header value: `template` with each {placeholder} replaced by a value or a credential."""
    values = {"timestamp": timestamp, "signature": signature}
    names = [field for _, field, _, _ in string.Formatter().parse(template) if field]
    return template.format_map({n: values[n] if n in values else credentials[n] for n in names})


Scheme = BearerScheme | BasicScheme | ApiKeyScheme | SigningScheme

"""Authentication schemes: each adds its credentials or signature to a request about to be sent."""

from __future__ import annotations

import base64
import hashlib
import hmac
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

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


@dataclass
class PreparedRequest:
    """A request about to be built and sent: the exact URL, headers and body bytes schemes sign."""

    method: str
    url: httpx.URL
    headers: dict[str, str]
    content: bytes


@dataclass(frozen=True)
class BearerScheme:
    """HTTP bearer: `Authorization: Bearer <token>`."""

    credentials: tuple[str, ...] = ("token",)

    def apply(
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, base_path: str
    ) -> None:
        request.headers["Authorization"] = f"Bearer {credentials[self.credentials[0]]}"


@dataclass(frozen=True)
class BasicScheme:
    """HTTP basic: `Authorization: Basic base64(username:password)`."""

    credentials: tuple[str, ...] = ("username", "password")

    def apply(
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, base_path: str
    ) -> None:
        user, password = (credentials[name] for name in self.credentials)
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        request.headers["Authorization"] = f"Basic {token}"


@dataclass(frozen=True)
class ApiKeyScheme:
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
    digest = hmac.new(secret.encode(), message, getattr(hashlib, algorithm)).digest()
    return digest.hex() if encoding == "hex" else base64.b64encode(digest).decode("ascii")


@dataclass(frozen=True)
class SigningScheme:
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
    hook: Callable[[bytes, str], str] | None = field(default=None, compare=False)

    def apply(
        self, request: PreparedRequest, credentials: Credentials, clock: Clock, base_path: str
    ) -> None:
        if self.query_order == "sorted" and request.url.query:
            pairs = request.url.query.split(b"&")
            pairs.sort(key=lambda pair: pair.split(b"=", 1)[0])
            request.url = request.url.copy_with(query=b"&".join(pairs))
        now = clock()
        timestamp = str(now if self.timestamp == "milliseconds" else now // 1000)
        message = self.message(request, timestamp, base_path)
        secret = credentials[self.secret]
        if self.hook is not None:
            signature = self.hook(message, secret)
        else:
            signature = hmac_signature(message, secret, self.algorithm, self.encoding)
        values = {"timestamp": timestamp, "signature": signature}
        for name, template in self.headers:
            request.headers[name] = _fill(template, values, credentials)

    def message(self, request: PreparedRequest, timestamp: str, base_path: str) -> bytes:
        """The exact bytes signed for `request`: the declared parts, concatenated."""
        raw_path = request.url.raw_path.split(b"?", 1)[0]
        prefix = base_path.rstrip("/").encode()
        if self.path == "relative" and prefix and raw_path.startswith(prefix):
            raw_path = raw_path[len(prefix) :]
        query = request.url.query
        parts = {
            "timestamp": timestamp.encode(),
            "method": request.method.upper().encode(),
            "path": raw_path,
            "query": b"?" + query if query else b"",
            "body": request.content,
        }
        return b"".join([parts[name] for name in self.prehash])


def _fill(template: str, values: Mapping[str, str], credentials: Credentials) -> str:
    """A header value: `template` with each {placeholder} replaced by a value or a credential."""
    if "{" not in template:
        return template
    if template[0] == "{" and template[-1] == "}" and template.count("{") == 1:  # the usual case
        name = template[1:-1]
        return values[name] if name in values else credentials[name]
    names = [field for _, field, _, _ in string.Formatter().parse(template) if field]
    return template.format_map({n: values[n] if n in values else credentials[n] for n in names})


Scheme = BearerScheme | BasicScheme | ApiKeyScheme | SigningScheme

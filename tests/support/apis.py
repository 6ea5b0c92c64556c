"""What the tests know about each API, read from its spec (never from the generated client).

The contract, replay, record and Prism tests share this: the spec document, its operations and
documented responses, the credentials each API takes, which request and response headers matter,
and an independent check of the auth headers a request carries (signatures recomputed from the
spec's `x-signing` declaration).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx

from generator.load import resolve_pointer
from generator.parse import HTTP_METHODS
from tests.support.cassette import REDACTED, Expect, Loader, Secrets, yaml_load
from tests.support.paths import ROOT

SPECS = ROOT / "specs"
API_NAMES = ("bitcain", "bitget", "bitria", "btse", "hummingbot")

# Dummy credentials for replay and Prism: distinctive, so a leak is easy to find.
TEST_CREDENTIALS = {
    "api_key": "test-api-key-7f3a",
    "api_secret": "test-api-secret-9c1e",
    "passphrase": "test-passphrase-4b2d",
    "token": "test-bearer-token-5e8f",
    "username": "test-user-2a6c",
    "password": "test-password-8d0b",
}

# Typed error classes by HTTP status, as the README documents them.
ERROR_CLASSES = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}


def error_class_name(status: int) -> str:
    if status >= 500:
        return "InternalServerError"
    return ERROR_CLASSES.get(status, "APIStatusError")


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Operation:
    api: Api
    operation_id: str
    method: str
    path: str
    raw: Mapping[str, Any]
    parameters: tuple[Mapping[str, Any], ...]

    @property
    def security(self) -> list[Mapping[str, Any]]:
        """The security requirement alternatives (an empty list: no auth)."""
        return list(self.raw.get("security", self.api.spec.get("security", [])))

    @property
    def schemes(self) -> list[tuple[str, Mapping[str, Any]]]:
        """The schemes of the first requirement alternative (the one the tests satisfy)."""
        alternatives = [a for a in self.security if a]
        if not alternatives:
            return []
        return [(name, self.api.schemes[name]) for name in alternatives[0]]

    @property
    def responses(self) -> dict[str, Mapping[str, Any]]:
        return {str(k): self.api.deref(v) for k, v in self.raw.get("responses", {}).items()}

    @property
    def success_statuses(self) -> list[int]:
        return sorted(int(s) for s in self.responses if s.startswith("2"))

    @property
    def error_statuses(self) -> list[str]:
        """Documented error responses: status codes (`"400"`) and `"default"`."""
        return [s for s in self.responses if not s.startswith("2")]

    def response_for(self, status: int) -> Mapping[str, Any] | None:
        responses = self.responses
        return (
            responses.get(str(status))
            or responses.get(f"{str(status)[0]}XX")
            or (responses.get("default"))
        )

    def parameter(self, location: str, name: str) -> Mapping[str, Any] | None:
        for p in self.parameters:
            if p["in"] == location and p["name"].lower() == name.lower():
                return p
        return None

    @property
    def header_parameters(self) -> list[str]:
        return [p["name"] for p in self.parameters if p["in"] == "header"]

    @property
    def read_only(self) -> bool:
        """Safe to run against a live server: GET/HEAD, or marked `x-idempotent`."""
        return self.method in ("GET", "HEAD") or bool(self.raw.get("x-idempotent"))

    def request_headers(self) -> set[str]:
        """Request headers worth recording: content type, auth headers, header parameters."""
        names = {"content-type"}
        names.update(h.lower() for h in self.header_parameters)
        for _, scheme in self.schemes:
            names.update(h.lower() for h in auth_header_names(scheme))
        return names

    def response_headers(self) -> set[str]:
        """Response headers worth recording: content type, retry hints, documented headers."""
        names = {"content-type", "retry-after", "retry-after-ms", "www-authenticate"}
        for response in self.responses.values():
            names.update(h.lower() for h in response.get("headers", {}))
        return names


def auth_header_names(scheme: Mapping[str, Any]) -> list[str]:
    signing = scheme.get("x-signing")
    if signing:
        return list(signing["headers"])
    if scheme["type"] == "http":
        return ["Authorization"]
    if scheme["type"] == "apiKey" and scheme.get("in") == "header":
        return [scheme["name"]]
    return []


def scheme_credentials(scheme: Mapping[str, Any]) -> list[str]:
    """The credential names a scheme takes (see specs/README.md)."""
    signing = scheme.get("x-signing")
    if signing:
        names = [signing["secret"]]
        for template in signing["headers"].values():
            names += [
                n
                for n in _PLACEHOLDER.findall(str(template))
                if n not in ("timestamp", "signature")
            ]
        order = list(TEST_CREDENTIALS)  # api_key, api_secret, passphrase, ... as the clients
        return sorted(set(names), key=lambda n: order.index(n) if n in order else len(order))
    if scheme["type"] == "http":
        return ["token"] if scheme["scheme"].lower() == "bearer" else ["username", "password"]
    return [scheme.get("x-credential", "api_key")]


@dataclass(frozen=True)
class Api:
    name: str

    @property
    def spec_path(self) -> Path:
        return SPECS / f"{self.name}.yaml"

    @cached_property
    def spec(self) -> dict[str, Any]:
        return load_spec(self.spec_path)

    @property
    def package(self) -> str:
        return str(self.spec["info"].get("x-package-name", f"{self.name}_client"))

    @property
    def client_class(self) -> type:
        module = importlib.import_module(self.package)
        default = self.name.capitalize() + "Client"
        found: type = getattr(module, self.spec["info"].get("x-client-class", default))
        return found

    def error_class(self, name: str) -> type[BaseException]:
        found: type[BaseException] = getattr(importlib.import_module(self.package), name)
        return found

    @property
    def env_prefix(self) -> str:
        return str(self.spec["info"].get("x-env-prefix", self.name.upper()))

    @property
    def default_base_url(self) -> str:
        return str(self.spec["servers"][0]["url"])

    @property
    def schemes(self) -> dict[str, Mapping[str, Any]]:
        return dict(self.spec.get("components", {}).get("securitySchemes", {}))

    @property
    def credential_names(self) -> list[str]:
        names: list[str] = []
        for scheme in self.schemes.values():
            names += scheme_credentials(scheme)
        return list(dict.fromkeys(names))

    def test_credentials(self) -> dict[str, str]:
        return {name: TEST_CREDENTIALS[name] for name in self.credential_names}

    @property
    def envelope(self) -> Mapping[str, Any] | None:
        return self.spec.get("x-envelope")

    def deref(self, node: Any) -> Any:
        while isinstance(node, Mapping) and "$ref" in node:
            node = self.resolve(node["$ref"])
        return node

    def resolve(self, ref: str) -> Any:
        assert ref.startswith("#/"), ref
        return resolve_pointer(self.spec, ref[1:])

    @cached_property
    def operations(self) -> dict[str, Operation]:
        found: dict[str, Operation] = {}
        for path, item in self.spec.get("paths", {}).items():
            shared = [self.deref(p) for p in item.get("parameters", [])]
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                raw = item[method]
                own = [self.deref(p) for p in raw.get("parameters", [])]
                names = {(p["in"], p["name"]) for p in own}
                params = tuple(own + [p for p in shared if (p["in"], p["name"]) not in names])
                found[raw["operationId"]] = Operation(
                    self, raw["operationId"], method.upper(), path, raw, params
                )
        return found

    def secrets(self, credentials: Mapping[str, str], extra: tuple[str, ...] = ()) -> Secrets:
        """Secret header names of every scheme, and the credential values (plus `extra`)."""
        headers: set[str] = set()
        for scheme in self.schemes.values():
            signing = scheme.get("x-signing")
            if signing:
                for name, template in signing["headers"].items():
                    placeholders = set(_PLACEHOLDER.findall(str(template)))
                    if placeholders - {"timestamp"}:  # keys, passphrases, signatures
                        headers.add(name.lower())
            else:
                headers.update(h.lower() for h in auth_header_names(scheme))
        headers.update({"authorization", "cookie", "set-cookie", "proxy-authorization"})
        values = tuple(v for v in (*credentials.values(), *extra) if v)
        return Secrets(frozenset(headers), values)

    def expected_error(self, status: int, body: Any) -> Expect | None:
        """The typed error an answer must raise, from the spec alone; None for a success.

        An HTTP error status raises the class of its status; a 2xx envelope whose code is not a
        success code (`x-envelope`) raises APIStatusError.
        """
        if status < 400:
            envelope = self.envelope
            if not envelope or not isinstance(body, Mapping):
                return None
            code = body.get(envelope["code"])
            if code is None or str(code) in {str(s) for s in envelope["success"]}:
                return None
        code, message = self.error_code_and_message(body)
        return Expect(error_class_name(status), status, code, message)

    def error_code_and_message(self, body: Any) -> tuple[str | None, str | None]:
        """The API's own code and message in an error body, per `x-error` / `x-envelope`."""
        if not isinstance(body, Mapping):
            return None, None
        spec_error = self.spec.get("x-error", {})
        codes = list(spec_error.get("code", ["code", "errorCode", "error_code"]))
        messages = list(spec_error.get("message", ["message", "msg", "detail", "error"]))
        if self.envelope:
            codes.insert(0, self.envelope["code"])
            messages.insert(0, self.envelope["message"])
        code = next((body[k] for k in codes if body.get(k) is not None), None)
        message = next((body[k] for k in messages if body.get(k) not in (None, "")), None)
        if isinstance(message, list):  # FastAPI 422: "query.limit: Input should be ..."
            message = "; ".join(_detail_text(m) for m in message)
        return (None if code is None else str(code)), (None if message is None else str(message))


def _detail_text(item: Any) -> str:
    if not isinstance(item, Mapping):
        return str(item)
    location = ".".join(str(part) for part in item.get("loc") or ())
    message = str(item.get("msg", item))
    return f"{location}: {message}" if location else message


@cache
def get(name: str) -> Api:
    if name not in API_NAMES:
        raise KeyError(f"unknown API {name!r}; known: {', '.join(API_NAMES)}")
    return Api(name)


def all_apis() -> list[Api]:
    return [get(name) for name in API_NAMES]


@cache
def _spec_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_spec(path: Path) -> dict[str, Any]:
    """The spec as data: date-times stay strings, numbers exact (see `cassette.Loader`)."""
    spec: dict[str, Any] = yaml_load(_spec_text(path))
    return spec


def load_spec_plain(path: Path) -> dict[str, Any]:
    """The spec for JSON-schema validators: like `load_spec` but with plain floats."""
    import yaml

    class PlainLoader(Loader):
        pass

    PlainLoader.add_constructor(
        "tag:yaml.org,2002:float", yaml.SafeLoader.yaml_constructors["tag:yaml.org,2002:float"]
    )
    spec: dict[str, Any] = yaml.load(_spec_text(path), Loader=PlainLoader)
    return spec


# -- independent auth verification -------------------------------------------------------------

_HASHES = {
    "hmac-sha256": hashlib.sha256,
    "hmac-sha384": hashlib.sha384,
    "hmac-sha512": hashlib.sha512,
}


def expected_timestamp(signing: Mapping[str, Any], clock_ms: int) -> str:
    if signing.get("timestamp", "milliseconds") == "seconds":
        return str(clock_ms // 1000)
    return str(clock_ms)


def prehash(
    signing: Mapping[str, Any], request: httpx.Request, timestamp: str, base_url: str
) -> bytes:
    """The bytes the spec's `x-signing` says are signed, built from the request as sent."""
    raw_path, _, raw_query = request.url.raw_path.partition(b"?")
    if signing.get("path", "full") == "relative":
        prefix = httpx.URL(base_url).raw_path.rstrip(b"/")
        if prefix and raw_path.startswith(prefix):
            raw_path = raw_path[len(prefix) :]
    parts = {
        "timestamp": timestamp.encode(),
        "method": request.method.upper().encode(),
        "path": raw_path,
        "query": raw_query,
        "target": raw_path + b"?" + raw_query if raw_query else raw_path,
        "body": request.content,
    }
    # A message template of these placeholders only: `{name}` pieces between literal text.
    pieces = re.split(r"\{(\w+)\}", signing["message"])
    return b"".join(parts[piece] if i % 2 else piece.encode() for i, piece in enumerate(pieces))


def hmac_signature(signing: Mapping[str, Any], message: bytes, secret: str) -> str:
    digest = hmac.new(secret.encode(), message, _HASHES[signing["algorithm"]]).digest()
    if signing["encoding"] == "hex":
        return digest.hex()
    return base64.b64encode(digest).decode("ascii")


def auth_problems(
    operation: Operation,
    request: httpx.Request,
    credentials: Mapping[str, str],
    clock_ms: int,
    base_url: str,
    verify_signature: Any = None,
) -> list[str]:
    """What is wrong with the auth headers of `request`, recomputed from the spec alone.

    `verify_signature(message, signature_header) -> bool` replaces the HMAC comparison (for
    keys such as RSA / Ed25519 that the `hook` of a scheme signs with).
    """
    problems: list[str] = []
    schemes = operation.schemes
    if not schemes:
        for scheme in operation.api.schemes.values():
            for name in auth_header_names(scheme):
                if name in request.headers:
                    problems.append(f"public operation sent the auth header {name}")
        return problems
    for scheme_name, scheme in schemes:
        signing = scheme.get("x-signing")
        if signing:
            timestamp = expected_timestamp(signing, clock_ms)
            message = prehash(signing, request, timestamp, base_url)
            for header, template in signing["headers"].items():
                sent = request.headers.get(header)
                if sent is None:
                    problems.append(f"{scheme_name}: header {header} missing")
                    continue
                if "{signature}" in template:
                    if verify_signature is not None:
                        if not verify_signature(message, sent):
                            problems.append(f"{scheme_name}: {header} does not verify")
                        continue
                    expected = hmac_signature(signing, message, credentials[signing["secret"]])
                    if sent != expected:
                        problems.append(
                            f"{scheme_name}: {header} is {sent!r}, expected {expected!r} over "
                            f"{message!r}"
                        )
                    continue
                expected = _fill(str(template), {"timestamp": timestamp, **credentials})
                if sent != expected:
                    problems.append(f"{scheme_name}: {header} is {sent!r}, expected {expected!r}")
            if signing.get("query-order") == "sorted" and request.url.query:
                keys = [
                    unquote(p.split(b"=", 1)[0].decode()) for p in request.url.query.split(b"&")
                ]
                if keys != sorted(keys):
                    problems.append(f"{scheme_name}: query not sorted by name: {keys}")
        elif scheme["type"] == "http" and scheme["scheme"].lower() == "bearer":
            expected = f"Bearer {credentials['token']}"
            if request.headers.get("Authorization") != expected:
                problems.append(f"{scheme_name}: Authorization is not {expected!r}")
        elif scheme["type"] == "http" and scheme["scheme"].lower() == "basic":
            sent = request.headers.get("Authorization", "")
            kind, _, token = sent.partition(" ")
            try:
                decoded = base64.b64decode(token, validate=True).decode()
            except ValueError:
                decoded = None
            if kind != "Basic" or decoded != f"{credentials['username']}:{credentials['password']}":
                problems.append(f"{scheme_name}: Authorization {sent!r} is not Basic user:password")
        elif scheme["type"] == "apiKey":
            credential = scheme.get("x-credential", "api_key")
            if scheme["in"] == "header":
                sent_value = request.headers.get(scheme["name"])
            else:
                sent_value = request.url.params.get(scheme["name"])
            if sent_value != credentials[credential]:
                problems.append(f"{scheme_name}: {scheme['name']} is {sent_value!r}")
    return problems


def _fill(template: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def redacted_header_stand_in(name: str, value: str) -> str:
    """A plausible value for a recorded `<redacted>` header, for schema validators."""
    if value == f"Basic {REDACTED}":
        return "Basic " + base64.b64encode(b"redacted:redacted").decode()
    if value.endswith(REDACTED):
        return value.replace(REDACTED, "redacted")
    return value

"""Cassettes: recorded HTTP interactions, one YAML file each, under `tests/cassettes/<api>/`.

One module serves the tests, the cassette builder (`tests/support/build_cassettes.py`) and record mode
(`tests/support/record.py`): loading, saving, exact JSON, redaction, comparison.

File layout (keys in this order)::

    source: where the interaction comes from: "spec example (...)", "FACTS.md", "documentation:
            <page>, <section>", "designed from ..." or "live recording <ISO date>"
    operation: the client method (the operationId)
    base_url: the client's base URL when the interaction was made
    call: the keyword arguments of the method (decimals and date-times written as strings;
          `call_kwargs` converts them back following the method's annotations)
    request:
      method: POST
      url: the full URL as sent, query string included
      headers: only the ones that matter (Content-Type, auth headers, the operation's header
               parameters); secrets and signatures read `<redacted>` (`Basic <redacted>`)
      body: the JSON body as data (absent when there is none)
    response:
      status: 200
      headers: only the ones that matter (Content-Type, Retry-After, WWW-Authenticate, ...)
      body: the JSON body as data (or `text:` for a body that is not JSON)
    expect: (error cassettes only) {error: class name, status, code, message}

Numbers keep their exact digits. A JSON number is written as a plain YAML number (`65000.5`, `200`)
and read back as an exact `Decimal` (non-integers) or `int`: the loader turns every YAML float into
`Decimal` built from the scalar's own text, never through `float`. A decimal string on the wire is
a quoted YAML string (`'0.001'`). A number that plain YAML would not read back as the same number
(exponent forms such as `1E+5`) is written with the explicit tag `!decimal 1E+5`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pydantic
import yaml

from tests.support.paths import ROOT

CASSETTES = ROOT / "tests" / "cassettes"
REDACTED = "<redacted>"

# -- YAML with exact decimals ------------------------------------------------------------------

_YAML_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    |\.[0-9_]+(?:[eE][-+][0-9]+)?)$""",
    re.X,
)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """Safe YAML, floats as exact Decimals, no implicit timestamps (date-times stay strings)."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise yaml.constructor.ConstructorError(
            None, None, f"not a finite decimal: {text!r}", node.start_mark
        ) from None
    if not value.is_finite():
        raise yaml.constructor.ConstructorError(
            None, None, f"not a finite decimal: {text!r}", node.start_mark
        )
    return value


Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
Loader.add_constructor("!decimal", _construct_decimal)


class Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """Writes Decimals with their exact digits and keeps mapping order."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    if not value.is_finite():
        raise ValueError(f"{value} is not a finite decimal")
    text = str(value)
    if _YAML_FLOAT.match(text):
        return dumper.represent_scalar("tag:yaml.org,2002:float", text)
    return dumper.represent_scalar("!decimal", text)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(Decimal, _represent_decimal)
Dumper.add_representer(str, _represent_str)


def yaml_load(text: str | bytes) -> Any:
    """Parse YAML written by `yaml_dump` (or by hand) with exact decimals."""
    return yaml.load(text, Loader=Loader)


def yaml_dump(value: Any) -> str:
    """YAML text of `value`, keys in insertion order, decimals exact."""
    return yaml.dump(
        value, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=4096, indent=2
    )


# -- exact JSON --------------------------------------------------------------------------------


def json_loads(content: bytes | str) -> Any:
    """Parse JSON, every non-integer number as an exact Decimal (as the clients do)."""
    return json.loads(content, parse_float=Decimal)


def json_dumps(value: Any) -> bytes:
    """Compact JSON, Decimals written with exactly their digits, never through float."""
    out: list[str] = []
    _write_json(value, out)
    return "".join(out).encode()


def _write_json(value: Any, out: list[str]) -> None:
    if value is None or isinstance(value, (bool, str, int)):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} is not a finite decimal")
        out.append(str(value))
    elif isinstance(value, float):
        raise TypeError(f"float {value!r} in a cassette: numbers must be int or Decimal")
    elif isinstance(value, Mapping):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            out.append(("," if i else "") + json.dumps(str(key), ensure_ascii=False) + ":")
            _write_json(item, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            out.append("," if i else "")
            _write_json(item, out)
        out.append("]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as cassette JSON")


# -- the cassette ------------------------------------------------------------------------------

ABSENT: Any = object()


@dataclass
class RecordedRequest:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = ABSENT

    @property
    def has_body(self) -> bool:
        return self.body is not ABSENT

    @property
    def content(self) -> bytes:
        """The body as JSON bytes (exact digits), empty when there is none."""
        return json_dumps(self.body) if self.has_body else b""


@dataclass
class RecordedResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = ABSENT
    text: str | None = None

    @property
    def has_body(self) -> bool:
        return self.body is not ABSENT

    @property
    def content(self) -> bytes:
        """The body as sent on the wire: JSON with exact digits, or the recorded text."""
        if self.has_body:
            return json_dumps(self.body)
        return (self.text or "").encode()


@dataclass
class Expect:
    """What an error cassette must raise."""

    error: str
    status: int
    code: str | None
    message: str | None


@dataclass
class Cassette:
    api: str
    operation: str
    source: str
    base_url: str
    call: dict[str, Any]
    request: RecordedRequest
    response: RecordedResponse
    expect: Expect | None = None
    path: Path | None = None

    @property
    def name(self) -> str:
        return f"{self.api}/{self.path.name if self.path else self.operation}"

    def to_data(self) -> dict[str, Any]:
        request: dict[str, Any] = {"method": self.request.method, "url": self.request.url}
        request["headers"] = dict(self.request.headers)
        if self.request.has_body:
            request["body"] = self.request.body
        response: dict[str, Any] = {"status": self.response.status}
        response["headers"] = dict(self.response.headers)
        if self.response.has_body:
            response["body"] = self.response.body
        elif self.response.text is not None:
            response["text"] = self.response.text
        data: dict[str, Any] = {
            "source": self.source,
            "operation": self.operation,
            "base_url": self.base_url,
            "call": self.call,
            "request": request,
            "response": response,
        }
        if self.expect is not None:
            data["expect"] = {
                "error": self.expect.error,
                "status": self.expect.status,
                "code": self.expect.code,
                "message": self.expect.message,
            }
        return data

    @classmethod
    def from_data(cls, api: str, data: Mapping[str, Any], path: Path | None = None) -> Cassette:
        unknown = set(data) - {
            "source", "operation", "base_url", "call", "request", "response", "expect"
        }  # fmt: skip
        if unknown:
            raise ValueError(f"{path}: unknown cassette keys {sorted(unknown)}")
        req, resp = data["request"], data["response"]
        expect = data.get("expect")
        return cls(
            api=api,
            operation=data["operation"],
            source=data["source"],
            base_url=data["base_url"],
            call=dict(data.get("call") or {}),
            request=RecordedRequest(
                method=req["method"].upper(),
                url=req["url"],
                headers={str(k): str(v) for k, v in (req.get("headers") or {}).items()},
                body=req.get("body", ABSENT),
            ),
            response=RecordedResponse(
                status=int(resp["status"]),
                headers={str(k): str(v) for k, v in (resp.get("headers") or {}).items()},
                body=resp.get("body", ABSENT),
                text=resp.get("text"),
            ),
            expect=None
            if expect is None
            else Expect(
                error=expect["error"],
                status=int(expect["status"]),
                code=None if expect.get("code") is None else str(expect["code"]),
                message=expect.get("message"),
            ),
            path=path,
        )


HEADER_COMMENT = (
    "# Cassette: one recorded interaction (format: tests/cassette.py).\n"
    "# Numbers are exact: 65000.5 reads back as Decimal('65000.5'); '0.001' is a string.\n"
)


def save(cassette: Cassette, path: Path) -> Path:
    """Write `cassette` to `path` (already redacted: see `redact`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = HEADER_COMMENT + yaml_dump(cassette.to_data())
    if json_dumps(yaml_load(text)) != json_dumps(cassette.to_data()):
        raise ValueError(f"{path}: cassette does not read back exactly as written")
    path.write_text(text, encoding="utf-8")
    return path


def load(path: Path, api: str | None = None) -> Cassette:
    """Read a cassette; its API is the name of its directory unless `api` says otherwise."""
    data = yaml_load(path.read_text(encoding="utf-8"))
    return Cassette.from_data(api or path.parent.name, data, path)


def all_cassettes(api: str | None = None) -> list[Path]:
    """Every cassette file, sorted; of one API when `api` is given."""
    root = CASSETTES / api if api else CASSETTES
    return sorted(root.glob("*.yaml" if api else "*/*.yaml"))


# -- redaction ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Secrets:
    """What must never reach a cassette file: header names whose values are secret, and values."""

    headers: frozenset[str]
    """Lower-case header names whose whole value is secret (keys, signatures, Authorization)."""
    values: tuple[str, ...]
    """Credential values and signatures, scrubbed wherever they appear."""


def redact_headers(headers: Mapping[str, str], secrets: Secrets) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in headers.items():
        if name.lower() not in secrets.headers:
            out[name] = value
        elif name.lower() == "authorization" and " " in value:
            out[name] = f"{value.split(' ', 1)[0]} {REDACTED}"  # keep the scheme: Basic, Bearer
        else:
            out[name] = REDACTED
    return out


def scrub(value: Any, secret_values: Iterable[str]) -> Any:
    """`value` with every secret (and its URL-encoded forms) replaced by <redacted>."""
    needles = _needles(secret_values)
    return _scrub(value, needles) if needles else value


def _needles(secret_values: Iterable[str]) -> list[str]:
    needles: set[str] = set()
    for secret in secret_values:
        if secret:  # however short: a mangled word beats a leaked secret
            needles.update({secret, quote(secret, safe=""), quote_plus(secret)})
    return sorted(needles, key=len, reverse=True)


def _scrub(value: Any, needles: list[str]) -> Any:
    if isinstance(value, str):
        for needle in needles:
            value = value.replace(needle, REDACTED)
        return value
    if isinstance(value, dict):
        return {_scrub(k, needles): _scrub(v, needles) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, needles) for v in value]
    return value


def redact(cassette: Cassette, secrets: Secrets) -> Cassette:
    """A copy of `cassette` with secret headers replaced and every secret value scrubbed."""
    data = cassette.to_data()
    data["request"]["headers"] = redact_headers(data["request"]["headers"], secrets)
    data["response"]["headers"] = redact_headers(data["response"]["headers"], secrets)
    data = scrub(data, secrets.values)
    return Cassette.from_data(cassette.api, data, cassette.path)


# -- building a cassette from an HTTP exchange -------------------------------------------------


def body_of(content: bytes) -> tuple[Any, str | None]:
    """(JSON data, None) for a JSON body; (ABSENT, text) otherwise; (ABSENT, None) if empty."""
    if not content:
        return ABSENT, None
    try:
        return json_loads(content), None
    except ValueError:
        return ABSENT, content.decode("utf-8", "replace")


def from_exchange(
    *,
    api: str,
    operation: str,
    source: str,
    base_url: str,
    call: Mapping[str, Any],
    request: httpx.Request,
    response: httpx.Response,
    request_headers: Iterable[str],
    response_headers: Iterable[str],
    expect: Expect | None = None,
) -> Cassette:
    """A (not yet redacted) cassette of one request and its response."""
    wanted_req = {h.lower() for h in request_headers}
    wanted_resp = {h.lower() for h in response_headers}
    req_body, _ = body_of(request.content)
    resp_body, resp_text = body_of(response.content)
    return Cassette(
        api=api,
        operation=operation,
        source=source,
        base_url=base_url,
        call=call_data(call),
        request=RecordedRequest(
            method=request.method,
            url=str(request.url),
            headers=_headers(request.headers, wanted_req),
            body=req_body,
        ),
        response=RecordedResponse(
            status=response.status_code,
            headers=_headers(response.headers, wanted_resp),
            body=resp_body,
            text=resp_text,
        ),
        expect=expect,
    )


def _headers(headers: httpx.Headers, wanted: set[str]) -> dict[str, str]:
    """The wanted headers with the names as sent (httpx lower-cases them in `items()`)."""
    out: dict[str, str] = {}
    for raw_name, raw_value in headers.raw:
        name = raw_name.decode("latin-1")
        if name.lower() in wanted:
            value = raw_value.decode("latin-1")
            out[name] = f"{out[name]}, {value}" if name in out else value
    return out


# -- call arguments ----------------------------------------------------------------------------


def call_data(call: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments as cassette data: Decimals, date-times, UUIDs, models as strings/dicts."""
    return {name: _to_data(value) for name, value in call.items()}


def _to_data(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, pydantic.BaseModel):
        return _to_data(value.model_dump(mode="python", by_alias=True, exclude_unset=True))
    if isinstance(value, Mapping):
        return {k: _to_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_data(v) for v in value]
    return value


def call_kwargs(method: Any, call: Mapping[str, Any]) -> dict[str, Any]:
    """The cassette's `call` as typed keyword arguments, following `method`'s annotations."""
    hints = typing.get_type_hints(method)
    unknown = set(call) - set(hints)
    if unknown:
        raise TypeError(f"{method.__name__} takes no argument(s) {sorted(unknown)}")
    return {name: _typed(hints[name], value) for name, value in call.items()}


def _typed(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        members = [a for a in members if getattr(a, "__name__", "") != "NotGiven"]
        for member in members:  # the first member the value converts to wins
            try:
                converted = _typed(member, value)
            except (TypeError, ValueError, InvalidOperation, pydantic.ValidationError):
                continue
            if _fits(member, converted):
                return converted
        return value
    if annotation is Decimal:
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise TypeError(f"not a decimal: {value!r}")
        return Decimal(str(value))
    if annotation is dt.datetime:
        if not isinstance(value, str):
            raise TypeError(f"not a date-time: {value!r}")
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if annotation is uuid.UUID:
        return uuid.UUID(str(value))
    if origin in (list, tuple) and isinstance(value, list):
        (item,) = typing.get_args(annotation)[:1] or (Any,)
        return [_typed(item, v) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        if isinstance(value, Mapping):
            return annotation.model_validate(value)
        raise TypeError(f"not an object: {value!r}")
    return value


def _fits(annotation: Any, value: Any) -> bool:
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return True
    if origin is typing.Literal:
        return value in typing.get_args(annotation)
    if origin in (list, tuple):
        return isinstance(value, list)
    if origin is dict:
        return isinstance(value, dict)
    if isinstance(annotation, type):
        if annotation is int and isinstance(value, bool):
            return False
        return isinstance(value, annotation)
    return True


# -- exact comparison --------------------------------------------------------------------------


def differences(actual: Any, expected: Any, where: str = "$") -> Iterator[str]:
    """Where `actual` (a dumped model or parsed JSON) and `expected` (recorded JSON) differ.

    Numbers must have the same digits (`0.010` differs from `0.01`) and the same JSON type (a
    decimal string is not a number); every key must be present on both sides; a date-time or
    UUID the model holds equals the recorded string it was parsed from.
    """
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            yield f"{where}: expected an object, got {actual!r}"
            return
        for key in expected.keys() - actual.keys():
            yield f"{where}.{key}: lost (recorded {expected[key]!r})"
        for key in actual.keys() - expected.keys():
            yield f"{where}.{key}: not recorded (got {actual[key]!r})"
        for key in expected.keys() & actual.keys():
            yield from differences(actual[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list):
        if not isinstance(actual, (list, tuple)) or len(actual) != len(expected):
            yield f"{where}: expected {len(expected)} items, got {actual!r}"
            return
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            yield from differences(a, e, f"{where}[{i}]")
    elif isinstance(expected, bool) or expected is None:
        if actual is not expected:
            yield f"{where}: expected {expected!r}, got {actual!r}"
    elif isinstance(expected, (int, Decimal)):
        if isinstance(actual, bool) or not isinstance(actual, (int, Decimal)):
            yield f"{where}: expected the number {expected}, got {actual!r}"
        elif str(actual) != str(expected):
            yield f"{where}: expected the number {expected}, got {actual} (digits changed)"
    elif isinstance(expected, str):
        if isinstance(actual, dt.datetime):
            try:
                recorded = dt.datetime.fromisoformat(expected.replace("Z", "+00:00"))
            except ValueError:
                yield f"{where}: recorded {expected!r} is not a date-time, got {actual!r}"
                return
            if recorded != actual or recorded.utcoffset() != actual.utcoffset():
                yield f"{where}: expected {expected!r}, got {actual.isoformat()!r}"
        elif isinstance(actual, uuid.UUID):
            if str(actual) != expected.lower():
                yield f"{where}: expected {expected!r}, got {actual}"
        elif not isinstance(actual, str) or actual != expected:
            yield f"{where}: expected the string {expected!r}, got {actual!r}"
    else:
        yield f"{where}: unexpected recorded value {expected!r}"


def dump_result(result: Any, annotation: Any) -> Any:
    """The value a method returned, dumped by wire name with only the fields received."""
    if isinstance(result, pydantic.BaseModel) or isinstance(result, (list, dict)):
        return pydantic.TypeAdapter(annotation).dump_python(
            result, by_alias=True, exclude_unset=True
        )
    return result

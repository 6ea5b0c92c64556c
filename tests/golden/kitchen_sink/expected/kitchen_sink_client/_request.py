"""Request building and signing: the exact URL, headers and body bytes of a call, no I/O.

Every argument is checked before anything is sent: the body against its model, and path, query
and header parameters against the types the endpoint declares for them. A problem raises
InvalidArgumentError naming the Python argument the caller passed.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, TypeAlias
from urllib.parse import quote

import httpx
import pydantic

from ._auth import Clock, Credentials, Nonce, PreparedRequest, Scheme
from ._endpoint import Endpoint
from ._exceptions import InvalidArgumentError
from ._multipart import FileInput, encode_multipart, read_file
from ._steps import ReadFile
from ._types import NOT_GIVEN, adapter, dumps, writes_exact_numbers

if TYPE_CHECKING:
    from pydantic.plugin._schema_validator import PluggableSchemaValidator
    from pydantic_core import SchemaSerializer as Serializer
    from pydantic_core import SchemaValidator

    Validator: TypeAlias = SchemaValidator | PluggableSchemaValidator

__all__ = ["parameter_text", "prepare", "signed"]


def parameter_text(value: Any) -> str:
    """How a path, query or header value is written: text as is, booleans lower case, JSON
    otherwise (decimals with their exact digits, dates in RFC 3339)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = dumps(value).decode()
    return text[1:-1] if text.startswith('"') else text


def prepare(
    endpoint: Endpoint[Any],
    base_url: str,
    *,
    path_params: Mapping[str, Any],
    query: Mapping[str, Any],
    headers: Mapping[str, Any],
    body: Any,
    default_headers: Mapping[str, str],
    extra_headers: Mapping[str, str] | None,
    parsed_urls: dict[str, httpx.URL],
    cookies: Mapping[str, Any] | None = None,
) -> Generator[ReadFile, Any, PreparedRequest]:
    """The URL, headers and body bytes of a call, before authentication; a multipart body's file
    objects are read as steps.

    `parsed_urls` keeps the parsed URL of each path without parameters, reused on every call.
    Cookie parameters are sent in one `Cookie` header, in the order given.
    """
    # Checked in this order, each before anything is written: path, query, header, cookie, body.
    if path_params:
        path_params = _checked(endpoint, "path", path_params)
    if query:
        query = _checked(endpoint, "query", query)
    if headers:
        headers = _checked(endpoint, "header", headers)
    if cookies:
        cookies = _checked(endpoint, "cookie", cookies)
    content, content_type = b"", ""
    has_body = body is not None and body is not NOT_GIVEN
    if has_body:
        if endpoint.body_kind == "multipart":
            given = {k: v for k, v in body.items() if v is not NOT_GIVEN}
            content, content_type = yield from _multipart_body(endpoint, given)
        else:
            content, content_type = encode_body(endpoint, body), endpoint.body_media_type
    sent_headers = dict(default_headers)
    for name, value in headers.items():
        if value is not None:
            sent_headers[name] = _header_text(endpoint, name, value)
    if cookies:
        pairs = [f"{n}={_cookie_text(v)}" for n, v in cookies.items() if v is not None]
        if pairs:
            sent_headers["Cookie"] = "; ".join(pairs)
    if has_body:
        sent_headers["Content-Type"] = content_type
    if extra_headers:
        sent_headers.update(extra_headers)
    path = endpoint.path
    for name, value in path_params.items():
        segment = quote(parameter_text(value), safe="")
        if segment in (".", ".."):  # would be collapsed into a different path
            segment = segment.replace(".", "%2E")
        path = path.replace("{" + name + "}", segment)
    params = _query_pairs(endpoint, query) if query else None
    if params:
        url = httpx.URL(base_url + path, params=params)
    elif path_params:
        url = httpx.URL(base_url + path)
    else:
        # Parsing a URL costs about 10 us. One without parameters is the same on every call
        # (and httpx.URL is immutable), so it is parsed once; there are only so many of them.
        text = base_url + path
        cached = parsed_urls.get(text)
        url = cached if cached is not None else parsed_urls.setdefault(text, httpx.URL(text))
    return PreparedRequest(endpoint.method, url, sent_headers, content)


# What RFC 6265 allows in a cookie value as it is; any other character is percent-encoded.
_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"


def _cookie_text(value: Any) -> str:
    """A cookie parameter's value: `parameter_text`, a list joined by commas (`style: form`
    without explode, the only form a list takes in one cookie), percent-encoded where a cookie
    value may not hold the character (space, `"`, `,`, `;`, `\\`, controls, non-ASCII)."""
    if isinstance(value, (list, tuple)):
        return ",".join(_cookie_text(v) for v in value)
    return quote(parameter_text(value), safe=_COOKIE_SAFE)


def _query_pairs(
    endpoint: Endpoint[Any], query: Mapping[str, Any]
) -> list[tuple[str, str | int | float | bool | None]]:
    """The query string's name-value pairs, in the order given."""
    params: list[tuple[str, str | int | float | bool | None]] = []
    for name, value in query.items():
        if value is None:
            continue
        if name in endpoint.deep_objects:
            params.extend(_deep_object(name, value))
        elif isinstance(value, (list, tuple)):
            texts = [parameter_text(v) for v in value]
            if name in endpoint.explode:
                params.extend((name, t) for t in texts)
            else:
                params.append((name, endpoint.delimiters.get(name, ",").join(texts)))
        else:
            params.append((name, parameter_text(value)))
    return params


def _deep_object(name: str, value: Any) -> list[tuple[str, str | int | float | bool | None]]:
    """A query object as `style: deepObject` spells it: `name[key]=value` for each key."""
    if isinstance(value, pydantic.BaseModel):
        value = value.model_dump(by_alias=True, exclude_unset=True)
    if not isinstance(value, Mapping):
        return [(name, parameter_text(value))]
    return [(f"{name}[{k}]", parameter_text(v)) for k, v in value.items() if v is not None]


def signed(
    prepared: PreparedRequest,
    schemes: Sequence[Scheme],
    credentials: Credentials,
    clock: Clock,
    nonce: Nonce | None,
    base_path: str,
) -> PreparedRequest:
    """A copy of `prepared` with every scheme's credentials and signature applied (afresh for
    each attempt: timestamps and nonces move)."""
    if not schemes:
        return prepared
    copy = PreparedRequest(prepared.method, prepared.url, dict(prepared.headers), prepared.content)
    for scheme in schemes:
        scheme.apply(copy, credentials, clock, nonce, base_path)
    return copy


def encode_body(endpoint: Endpoint[Any], body: Any) -> bytes:
    """The bytes of a JSON, form, bytes or text body, validated against its model first."""
    kind = endpoint.body_kind
    if kind == "bytes" or kind == "text":
        return _raw_body(endpoint, body)
    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if v is not NOT_GIVEN}
    form = kind == "form"
    if endpoint.body_type is not None:
        validator, serializer, exact = _body_codec(endpoint.body_type)
        try:
            value = validator.validate_python(body)
        except pydantic.ValidationError as exc:
            raise invalid_arguments(endpoint, "body", exc) from None
        if not form and not exact:
            return serializer.to_json(value, by_alias=True, exclude_unset=True)
        body = serializer.to_python(value, by_alias=True, exclude_unset=True)
    if form:
        pairs: list[tuple[str, str | int | float | bool | None]] = [
            (str(k), parameter_text(v)) for k, v in body.items() if v is not None
        ]
        return str(httpx.QueryParams(pairs)).encode()
    try:
        return dumps(body)
    except ValueError as exc:
        problem = (_argument(endpoint, "body", ()), str(exc), "value_error")
        raise _invalid(endpoint, [problem]) from None


def _raw_body(endpoint: Endpoint[Any], body: Any) -> bytes:
    """A bytes body as given, a text body in UTF-8."""
    if isinstance(body, str) and endpoint.body_kind == "text":
        return body.encode()
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    expected = "str" if endpoint.body_kind == "text" else "bytes"
    problem = (
        _argument(endpoint, "body", ()),
        f"expected {expected}, got {type(body).__name__}",
        "body_type",
    )
    raise _invalid(endpoint, [problem])


def _multipart_body(
    endpoint: Endpoint[Any], body: Mapping[str, Any]
) -> Generator[ReadFile, Any, tuple[bytes, str]]:
    """Form fields as text (objects as JSON, lists as repeated fields) and the files."""
    fields: list[tuple[str, str]] = []
    files: list[tuple[str, FileInput]] = []
    for name, value in body.items():
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if name in endpoint.files:
            files.extend((name, v) for v in values)
        else:
            fields.extend((name, parameter_text(v)) for v in values)
    try:
        read: list[tuple[str, FileInput]] = []
        for name, file in files:
            read.append((name, (yield from read_file(file))))
        return encode_multipart(fields, read)
    except (TypeError, AttributeError, OSError) as exc:
        problem = (_argument(endpoint, "body", ()), str(exc), "file")
        raise _invalid(endpoint, [problem]) from None


@cache
def _body_codec(tp: Any) -> tuple[Validator, Serializer, bool]:
    """A body type's validator and serializer, and whether `dumps` must write it (it holds a
    DecimalNumber). Made on first use, which builds a deferred model's schema."""
    return (*_codec(tp), writes_exact_numbers(tp))


@cache
def _codec(tp: Any) -> tuple[Validator, Serializer]:
    """A type's validator and serializer: a body's, or that of one location's parameters."""
    type_adapter = adapter(tp)
    return type_adapter.validator, type_adapter.serializer


def _checked(
    endpoint: Endpoint[Any], location: str, values: Mapping[str, Any]
) -> Mapping[str, Any]:
    """The given values of one location, validated when the endpoint declares their type."""
    if not values:
        return values
    given = {k: v for k, v in values.items() if v is not NOT_GIVEN}
    declared = endpoint.parameters.get(location) if endpoint.parameters else None
    if declared is None or not given:
        return given
    validator, serializer = _codec(declared)
    try:
        value = validator.validate_python(given)
    except pydantic.ValidationError as exc:
        raise invalid_arguments(endpoint, location, exc) from None
    dumped: dict[str, Any] = serializer.to_python(value, by_alias=True, exclude_unset=True)
    return dumped


def _header_text(endpoint: Endpoint[Any], name: str, value: Any) -> str:
    # Without a declared type, a bool has no one spelling in a header ("true", "1", "yes"):
    # refuse it rather than guess, as a wrong guess can switch between demo and live trading.
    if isinstance(value, bool) and "header" not in endpoint.parameters:
        raise _invalid(
            endpoint,
            [
                (
                    _argument(endpoint, "header", (name,)),
                    f"{value!r} is not sent as a header: pass the exact text the API expects",
                    "bool_header",
                )
            ],
        )
    return parameter_text(value)


def invalid_arguments(
    endpoint: Endpoint[Any], location: str, error: pydantic.ValidationError
) -> InvalidArgumentError:
    """The package's error for pydantic's, naming the caller's arguments."""
    return _invalid(
        endpoint,
        [
            (_argument(endpoint, location, e["loc"]), e["msg"], e["type"])
            for e in error.errors(include_url=False, include_input=False)
        ],
    )


def _invalid(endpoint: Endpoint[Any], problems: list[tuple[str, str, str]]) -> InvalidArgumentError:
    listed = "; ".join(f"{argument}: {message}" for argument, message, _ in problems[:5])
    more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
    noun = "argument" if len(problems) == 1 else "arguments"
    return InvalidArgumentError(
        f"{endpoint.name}: invalid {noun}, nothing was sent: {listed}{more}",
        errors=[{"argument": a, "message": m, "type": t} for a, m, t in problems],
    )


def _argument(endpoint: Endpoint[Any], location: str, loc: Sequence[int | str]) -> str:
    """The Python argument (and the path into it) that a wire location points at."""
    names = endpoint.arguments
    if loc and (location, str(loc[0])) in names:
        head, rest = names[(location, str(loc[0]))], loc[1:]
    elif (location, "") in names:
        head, rest = names[(location, "")], loc
    elif loc:
        head, rest = str(loc[0]), loc[1:]
    else:
        return "(arguments)"
    return head + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in rest)

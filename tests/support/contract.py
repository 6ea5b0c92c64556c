"""Checks cassettes against their spec with openapi-core 0.23.1 (no hand-written validator).

`request_errors` / `response_errors` hand openapi-core the recorded request and response: the
request moved onto the spec's first server (a recording may come from another host), the bodies
as the JSON text the wire carried (exact digits; numbers stay numbers, decimal strings stay
strings), and recorded `<redacted>` header values replaced by stand-ins of the same shape
(`Basic <base64>`, `Bearer ...`), since a security scheme only checks their form.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from tests.support import apis
from tests.support import cassette as cz


@cache
def openapi(api_name: str) -> OpenAPI:
    api = apis.get(api_name)
    spec = _parameter_types_as_any_of(apis.load_spec_plain(api.spec_path))
    return OpenAPI.from_dict(spec, config=Config(extra_format_validators={"decimal": is_decimal}))


_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def is_decimal(value: Any) -> bool:
    """The project's `format: decimal` (specs/README.md): a string holds a finite decimal number
    (`"0.001"`); a JSON number always does. Unknown to openapi-core (and to Prism), so without
    this a string such as `"abc"` would pass as a price."""
    return not isinstance(value, str) or _DECIMAL.fullmatch(value) is not None


def _parameter_types_as_any_of(spec: dict[str, Any]) -> dict[str, Any]:
    """Rewrite a parameter schema's type list (`type: [string, "null"]`) as the same `anyOf`.

    openapi-core 0.23.1 raises `TypeError: Expected a string value, got <class 'list'>` when it
    deserializes or casts a *parameter* whose schema uses OpenAPI 3.1's list form of `type`
    (python-openapi/openapi-core#1180, fix pending in #1182); bodies are not affected. The
    `anyOf` form accepts exactly the same values.
    """
    spec = copy.deepcopy(spec)
    parameters: list[dict[str, Any]] = list(
        spec.get("components", {}).get("parameters", {}).values()
    )
    for item in spec.get("paths", {}).values():
        for operation in [item, *(v for v in item.values() if isinstance(v, dict))]:
            parameters += [p for p in operation.get("parameters", []) if "$ref" not in p]
    for parameter in parameters:
        schema = parameter.get("schema", {})
        if isinstance(schema.get("type"), list):
            types = schema.pop("type")
            schema["anyOf"] = [{"type": t} for t in types]
    return spec


def mock_request(recorded: cz.Cassette) -> MockRequest:
    """The recorded request, moved onto the spec's first server (recordings may use another)."""
    api = apis.get(recorded.api)
    url = httpx.URL(recorded.request.url)
    base = httpx.URL(recorded.base_url)
    relative = url.path[len(base.path.rstrip("/")) :] if base.path != "/" else url.path
    server = httpx.URL(api.default_base_url)
    headers = {
        name: apis.redacted_header_stand_in(name, value)
        for name, value in recorded.request.headers.items()
    }
    content_type = next(
        (v for k, v in headers.items() if k.lower() == "content-type"), "application/json"
    )
    return MockRequest(
        host_url=f"{server.scheme}://{server.netloc.decode()}",
        method=recorded.request.method.lower(),
        path=server.path.rstrip("/") + relative,
        args=url.params.multi_items(),  # type: ignore[arg-type]
        headers=headers,
        data=recorded.request.content or None,
        content_type=content_type,
    )


def _errors(found: list[Any]) -> str:
    lines = []
    for error in found:
        lines.append(f"{type(error).__name__}: {error}")
        cause = error.__cause__
        while cause is not None:
            for schema_error in getattr(cause, "schema_errors", ()) or ():
                where = "/".join(str(p) for p in schema_error.absolute_path)
                lines.append(f"  at {where or '(root)'}: {schema_error.message}")
            cause = cause.__cause__
    return "\n".join(lines)


def request_errors(recorded: cz.Cassette) -> str:
    """openapi-core's complaints about the recorded request ("" when it is valid)."""
    return _errors(list(openapi(recorded.api).iter_request_errors(mock_request(recorded))))


def response_errors(recorded: cz.Cassette) -> str:
    """openapi-core's complaints about the recorded response ("" when it is valid)."""
    response = recorded.response
    content_type = next(
        (v for k, v in response.headers.items() if k.lower() == "content-type"),
        "application/json",
    )
    mock = MockResponse(
        data=response.content,
        status_code=response.status,
        headers=dict(response.headers),
        content_type=content_type,
    )
    return _errors(list(openapi(recorded.api).iter_response_errors(mock_request(recorded), mock)))

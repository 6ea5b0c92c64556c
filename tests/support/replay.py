"""Replays a cassette through its generated client over the scripted transport (no network).

`replay(cassette)` calls the client method with the recorded keyword arguments and the test
credentials, and raises AssertionError when:

- the request sent differs from the recorded one: method, URL path, query (as pairs; a
  `format: date-time` value compares as the instant it names), JSON body as exact data (digits and
  JSON types), or the set and values of the headers that matter;
- an auth header is missing or does not verify against a signature recomputed from the spec's
  `x-signing` declaration (`apis.auth_problems`, not the client's own signing code), with a fixed
  clock (the recorded timestamp when the cassette has one);
- a success answer does not parse into the method's typed result, or dumping that result by wire
  name does not give back the recorded JSON (envelope `data` for enveloped APIs): no field lost
  or added, no decimal digit changed;
- an error answer does not raise the typed error of its status carrying the API's code, message
  and body, parsed into the documented error model, with no credential in its text.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

import httpx
import pydantic

from tests.support import apis
from tests.support import cassette as cz
from tests.support.flavors import built
from tests.support.transport import in_turn

DEFAULT_CLOCK_MS = 1750496809871


def replay_clock(op: apis.Operation, recorded: cz.RecordedRequest) -> int:
    """Unix ms that makes the client send the recorded timestamp header (if the API has one)."""
    headers = {k.lower(): v for k, v in recorded.headers.items()}
    for _, scheme in op.schemes:
        signing = scheme.get("x-signing")
        if not signing:
            continue
        for name, template in signing["headers"].items():
            if template == "{timestamp}" and name.lower() in headers:
                value = int(headers[name.lower()])
                return value * 1000 if signing.get("timestamp") == "seconds" else value
    return DEFAULT_CLOCK_MS


def request_problems(
    op: apis.Operation, sent: httpx.Request, recorded: cz.RecordedRequest
) -> Iterator[str]:
    """How the request the client sent differs from the recorded one."""
    if sent.method != recorded.method:
        yield f"method {sent.method}, recorded {recorded.method}"
    want = httpx.URL(recorded.url)
    for part in ("scheme", "host", "port"):
        if getattr(sent.url, part) != getattr(want, part):
            yield f"URL {part} {getattr(sent.url, part)!r}, recorded {getattr(want, part)!r}"
    if unquote(sent.url.path) != unquote(want.path):
        yield f"path {sent.url.path!r}, recorded {want.path!r}"
    got_query = sorted(_query(op, sent.url))
    want_query = sorted(_query(op, want))
    if got_query != want_query:
        yield f"query {sent.url.params.multi_items()}, recorded {want.params.multi_items()}"

    wanted = op.request_headers()
    got_headers = {k.lower(): v for k, v in sent.headers.items() if k.lower() in wanted}
    want_headers = {k.lower(): v for k, v in recorded.headers.items()}
    if set(got_headers) != set(want_headers):
        yield f"headers {sorted(got_headers)}, recorded {sorted(want_headers)}"
    for name, value in want_headers.items():
        got = got_headers.get(name)
        if got is None:
            continue
        if value == cz.REDACTED:
            if not got:
                yield f"header {name} is empty"
        elif value.endswith(" " + cz.REDACTED):
            if not got.startswith(value[: -len(cz.REDACTED)]) or got == value:
                yield f"header {name} {got!r} does not match {value!r}"
        elif got.split(";")[0].strip() != value.split(";")[0].strip() and got != value:
            yield f"header {name} {got!r}, recorded {value!r}"

    if recorded.has_body:
        try:
            body = cz.json_loads(sent.content)
        except ValueError:
            yield f"body {sent.content!r} is not JSON"
            return
        yield from (f"body {d}" for d in cz.differences(body, recorded.body))
    elif sent.content:
        yield f"sent a body {sent.content!r}, none recorded"


def _query(op: apis.Operation, url: httpx.URL) -> list[tuple[str, Any]]:
    """Query pairs; a `format: date-time` value compares as the instant it names."""
    pairs: list[tuple[str, Any]] = []
    for name, value in url.params.multi_items():
        param = op.parameter("query", name)
        schema = op.api.deref(param.get("schema", {})) if param else {}
        if schema.get("format") == "date-time":
            try:
                pairs.append((name, dt.datetime.fromisoformat(value.replace("Z", "+00:00"))))
                continue
            except ValueError:
                pass
        pairs.append((name, value))
    return pairs


def expected_payload(api: apis.Api, body: Any) -> Any:
    """What the method returns for a success body: the envelope's data, or the whole body."""
    envelope = api.envelope
    if envelope and isinstance(body, dict) and envelope["code"] in body:
        return body.get(envelope["data"])
    return body


def type_problems(result: Any, annotation: Any) -> list[str]:
    """Whether `result` is an instance of the method's return annotation (models checked)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return [] if isinstance(result, annotation) else [f"{result!r} is not {annotation}"]
    if origin is list:
        if not isinstance(result, list):
            return [f"{result!r} is not a list"]
        return [p for item in result for p in type_problems(item, args[0])]
    if origin is dict:
        if not isinstance(result, dict):
            return [f"{result!r} is not a dict"]
        return [p for item in result.values() for p in type_problems(item, args[1])]
    return []


def replay(
    recorded: cz.Cassette,
    credentials: dict[str, str] | None = None,
    verify_signature: Callable[[bytes, str], bool] | None = None,
) -> None:
    """Replay `recorded` through its client; AssertionError says what differs.

    `credentials` replace the test credentials (e.g. a PEM private key as `api_secret`), and
    `verify_signature(prehash, header)` then checks the signature header instead of an HMAC.
    """
    api = apis.get(recorded.api)
    op = api.operations[recorded.operation]
    credentials = credentials or api.test_credentials()
    clock = replay_clock(op, recorded.request)
    server = in_turn(
        httpx.Response(
            recorded.response.status,
            headers=recorded.response.headers,
            content=recorded.response.content,
        )
    )
    sent = server.attempts

    with server.http() as http:
        client: Any = built(
            api.client_class,
            recorded.base_url,
            http_client=http,
            clock=lambda: clock,
            max_retries=0,
            **credentials,
        )
        method = getattr(client, recorded.operation)
        kwargs = cz.call_kwargs(method, recorded.call)
        outcome: Any
        try:
            outcome = method(**kwargs)
        except api.error_class("APIStatusError") as exc:
            outcome = exc

    assert len(sent) == 1, f"expected one request, the client sent {len(sent)}"
    problems = list(request_problems(op, sent[0], recorded.request))
    problems += apis.auth_problems(
        op, sent[0], credentials, clock, recorded.base_url, verify_signature
    )
    assert not problems, "request differs from the cassette:\n  " + "\n  ".join(problems)

    if recorded.expect is None:
        assert not isinstance(outcome, BaseException), f"unexpected error: {outcome!r}"
        annotation = typing.get_type_hints(method)["return"]
        assert not type_problems(outcome, annotation)
        dumped = cz.dump_result(outcome, annotation)
        expected = expected_payload(api, recorded.response.body)
        diffs = list(cz.differences(dumped, expected))
        assert not diffs, "dumped result differs from the recorded JSON:\n  " + "\n  ".join(diffs)
        return

    expect = recorded.expect
    assert isinstance(outcome, BaseException), f"expected {expect.error}, got {outcome!r}"
    error: Any = outcome
    assert type(error).__name__ == expect.error
    assert error.status_code == expect.status == recorded.response.status
    assert error.code == expect.code
    assert error.api_message == expect.message
    if recorded.response.has_body:
        assert not list(cz.differences(error.body, recorded.response.body))
    documented = op.response_for(recorded.response.status)
    if documented and "application/json" in documented.get("content", {}):
        assert error.parsed is not None, "error body not parsed into its documented model"
    for secret in credentials.values():
        assert secret not in str(outcome)

"""Record mode: capture cassettes from a live server through the generated client.

    make record API=bitget                 # runs: .venv/bin/python -m tests.support.record bitget
    .venv/bin/python -m tests.support.record bitget --operation get_order --out /tmp/cassettes

The base URL and the credentials come from the environment, named after the spec's
`x-env-prefix`: `BITGET_BASE_URL`, then `BITGET_API_KEY`, `BITGET_API_SECRET`,
`BITGET_PASSPHRASE` (the clients read the same variables). Only read-only operations are called:
GET / HEAD and operations the spec marks `x-idempotent`; nothing that places, changes or cancels
an order. Each is called with the keyword arguments of its documentation cassette
(`<operation>.success.yaml`).

Every exchange is captured on the wire (a transport wrapper sees the signed request and the raw
answer), redacted (auth header values, and every credential and signature value wherever it
appears) and written as `<operation>.live.yaml`, or `<operation>.live.<status>.yaml` for an error,
with `source: live recording <ISO date>`. The tests never run this against the network: they
inject an httpx.MockTransport (`record(..., transport=...)`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.paths import ROOT, import_committed_packages

import_committed_packages()

from tests.support import apis  # noqa: E402
from tests.support import cassette as cz  # noqa: E402


class CapturingTransport(httpx.BaseTransport):
    """Passes each request to `inner` and keeps the exchange exactly as it went over the wire."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.exchanges: list[tuple[httpx.Request, httpx.Response]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        response = self.inner.handle_request(request)
        response.read()
        self.exchanges.append((request, response))
        return response

    def close(self) -> None:
        self.inner.close()


@dataclass
class Outcome:
    operation: str
    path: Path | None
    note: str


def record(
    api_name: str,
    *,
    base_url: str,
    credentials: Mapping[str, str],
    transport: httpx.BaseTransport | None = None,
    out_dir: Path | None = None,
    operations: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> list[Outcome]:
    """Call each read-only operation of `api_name` once and write its redacted cassette."""
    api = apis.get(api_name)
    out_dir = out_dir or cz.CASSETTES / api_name
    date = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    wanted = [api.operations[name] for name in operations] if operations else None
    selected = wanted or [op for op in api.operations.values() if op.read_only]
    outcomes: list[Outcome] = []
    for op in selected:
        if not op.read_only:
            raise ValueError(f"{op.operation_id} is not read-only: record mode never calls it")
        template = cz.CASSETTES / api_name / f"{op.operation_id}.success.yaml"
        if not template.is_file():
            outcomes.append(Outcome(op.operation_id, None, f"skipped: no {template.name}"))
            continue
        outcomes.append(
            _record_one(api, op, cz.load(template), base_url, credentials, transport, out_dir, date)
        )
    return outcomes


def _record_one(
    api: apis.Api,
    op: apis.Operation,
    template: cz.Cassette,
    base_url: str,
    credentials: Mapping[str, str],
    transport: httpx.BaseTransport | None,
    out_dir: Path,
    date: str,
) -> Outcome:
    capture = CapturingTransport(transport or httpx.HTTPTransport())
    with httpx.Client(transport=capture) as http:
        client = api.client_class(base_url, http_client=http, max_retries=0, **credentials)
        method = getattr(client, op.operation_id)
        try:
            method(**cz.call_kwargs(method, template.call))
            note = "ok"
        except api.error_class("APIError") as exc:
            note = f"{type(exc).__name__}: {exc}"
    if not capture.exchanges:
        return Outcome(op.operation_id, None, f"nothing recorded ({note})")
    request, response = capture.exchanges[-1]
    body, _ = cz.body_of(response.content)
    expect = api.expected_error(response.status_code, None if body is cz.ABSENT else body)
    recorded = cz.from_exchange(
        api=api.name,
        operation=op.operation_id,
        source=f"live recording {date}",
        base_url=base_url,
        call=template.call,
        request=request,
        response=response,
        request_headers=op.request_headers(),
        response_headers=op.response_headers(),
        expect=expect,
    )
    secrets = api.secrets(credentials, extra=_secret_header_values(api, request))
    redacted = cz.redact(recorded, secrets)
    suffix = "live" if expect is None else f"live.{response.status_code}"
    path = cz.save(redacted, out_dir / f"{op.operation_id}.{suffix}.yaml")
    return Outcome(op.operation_id, path, f"HTTP {response.status_code}, {note}")


def _secret_header_values(api: apis.Api, request: httpx.Request) -> tuple[str, ...]:
    """Values of the secret headers actually sent (signatures, tokens), to scrub everywhere."""
    secret_names = api.secrets({}).headers
    values: list[str] = []
    for name, value in request.headers.items():
        if name.lower() in secret_names:
            values.append(value)
            if " " in value:
                values.append(value.split(" ", 1)[1])  # the token of `Basic <token>`
    return tuple(values)


def credentials_from_env(api: apis.Api, environ: Mapping[str, str]) -> dict[str, str]:
    names = {name: f"{api.env_prefix}_{name.upper()}" for name in api.credential_names}
    return {name: environ[var] for name, var in names.items() if environ.get(var)}


def main(
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.support.record",
        description="Record live cassettes of the read-only operations.",
    )
    parser.add_argument("api", choices=apis.API_NAMES)
    parser.add_argument("--operation", action="append", help="only this operation (repeatable)")
    parser.add_argument("--out", type=Path, help="directory to write to (default: the cassettes)")
    args = parser.parse_args(argv)
    environ = os.environ if environ is None else environ
    api = apis.get(args.api)
    base_var = f"{api.env_prefix}_BASE_URL"
    base_url = environ.get(base_var)
    if not base_url:
        print(
            f"record: set {base_var} to the server to record from (for example "
            f"{api.default_base_url}), and the credentials "
            + ", ".join(f"{api.env_prefix}_{n.upper()}" for n in api.credential_names),
            file=sys.stderr,
        )
        return 2
    credentials = credentials_from_env(api, environ)
    missing = [n for n in api.credential_names if n not in credentials]
    if missing:
        print(
            "record: no "
            + ", ".join(f"{api.env_prefix}_{n.upper()}" for n in missing)
            + " in the environment; operations that need them are skipped",
            file=sys.stderr,
        )
    try:
        outcomes = record(
            args.api,
            base_url=base_url,
            credentials=credentials,
            transport=transport,
            out_dir=args.out,
            operations=args.operation,
        )
    except (KeyError, ValueError) as exc:
        print(f"record: {exc}", file=sys.stderr)
        return 2
    for outcome in outcomes:
        where = (
            outcome.path.relative_to(ROOT)
            if outcome.path and outcome.path.is_relative_to(ROOT)
            else outcome.path
        )
        print(f"{outcome.operation}: {outcome.note}" + (f" -> {where}" if where else ""))
    return 0 if any(o.path for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())

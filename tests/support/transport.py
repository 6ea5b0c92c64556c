"""One scripted transport for every test: it records what was sent and plays the answers scripted.

The actions model what a server or the network can do to one attempt: reset before anything was
sent, reset / disconnect / time out after the request went out, or answer with a status and body.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx

Action = Callable[["ScriptedServer", httpx.Request], httpx.Response]
Responder = Callable[[httpx.Request, int], httpx.Response]


@dataclass(frozen=True)
class Sent:
    """One request exactly as handed to the transport."""

    method: str
    url: str
    path: bytes  # the raw path as sent, without the query
    query: bytes  # the raw query string as sent, without "?"
    body: bytes  # the exact body bytes sent
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    @classmethod
    def of(cls, request: httpx.Request) -> Sent:
        raw = request.url.raw_path
        path, _, query = raw.partition(b"?")
        return cls(
            method=request.method,
            url=str(request.url),
            path=path,
            query=query,
            body=request.read(),
            headers={k.lower(): v for k, v in request.headers.items()},
        )

    def query_pairs(self) -> list[tuple[str, str]]:
        """The query as decoded (name, value) pairs, in the order sent."""
        return list(httpx.QueryParams(self.query.decode("ascii")).multi_items())

    def query_names(self) -> list[str]:
        return [name for name, _ in self.query_pairs()]

    def json(self) -> Any:
        """The body parsed as JSON, numbers as exact Decimals."""
        return json.loads(self.body, parse_float=Decimal)


class ScriptedServer:
    """An httpx.MockTransport handler: records what was sent and plays one scripted answer per attempt.

    The last answer repeats. `attempts` holds every request the client tried to send, `received`
    those that got past the connection (i.e. may have been acted on), `sent` a snapshot of each
    attempt (httpx re-sends, and re-signs in place, the same Request object on a retry).
    """

    def __init__(self, *script: Action) -> None:
        assert script, "a server needs at least one outcome"
        self.script = list(script)
        self.attempts: list[httpx.Request] = []
        self.received: list[httpx.Request] = []
        self.sent: list[Sent] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.attempts.append(request)
        self.sent.append(Sent.of(request))
        action = self.script[min(len(self.attempts), len(self.script)) - 1]
        return action(self, request)

    @property
    def last(self) -> Sent:
        """The last request sent."""
        assert self.sent, "nothing reached the transport"
        return self.sent[-1]

    @property
    def sent_headers(self) -> list[dict[str, str]]:
        """The headers of every attempt, lower-case names."""
        return [sent.headers for sent in self.sent]

    @property
    def sent_bodies(self) -> list[bytes]:
        """The exact body bytes of every attempt."""
        return [sent.body for sent in self.sent]

    def http(self) -> httpx.Client:
        """An httpx client whose transport is this server."""
        return httpx.Client(transport=httpx.MockTransport(self))


def connect_reset(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
    """TCP reset while connecting: nothing reached the server."""
    raise httpx.ConnectError("[Errno 104] Connection reset by peer", request=request)


def connect_timeout(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
    """The connection could not be made in time: nothing reached the server."""
    raise httpx.ConnectTimeout("timed out", request=request)


def reset_after_send(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
    """The request went out, then the connection was reset before any answer."""
    server.received.append(request)
    raise httpx.ReadError("[Errno 104] Connection reset by peer", request=request)


def disconnect_after_send(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
    """The request went out, then the server closed the connection without answering."""
    server.received.append(request)
    raise httpx.RemoteProtocolError(
        "Server disconnected without sending a response.", request=request
    )


def read_timeout(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
    """The request went out; the answer did not come in time."""
    server.received.append(request)
    raise httpx.ReadTimeout("The read operation timed out", request=request)


def reply(
    status: int,
    body: Any = None,
    *,
    content: bytes | str | None = None,
    headers: dict[str, str] | None = None,
) -> Action:
    """An HTTP answer: `body` as JSON, or `content` as the exact bytes."""

    def action(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        if content is not None:
            raw = content.encode() if isinstance(content, str) else content
            all_headers = {"Content-Type": "application/json", **(headers or {})}
            return httpx.Response(status, content=raw, headers=all_headers)
        return httpx.Response(status, json=body, headers=headers)

    return action


NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n"
    + "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n" * 40
    + "</body>\r\n</html>\r\n"
)


def answering(responder: Responder) -> Action:
    """An answer computed from the request and its attempt number (1 for the first)."""

    def action(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        return responder(request, len(server.attempts))

    return action


def respond(response: httpx.Response) -> Action:
    """This exact answer, for one attempt."""

    def action(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
        server.received.append(request)
        return response

    return action


def unscripted(server: ScriptedServer, request: httpx.Request) -> httpx.Response:
    """An attempt nothing was scripted for fails the test."""
    raise AssertionError(f"no answer scripted for attempt {len(server.attempts)}: {request.url}")


def in_turn(*responses: httpx.Response) -> ScriptedServer:
    """A server giving `responses` one per attempt, and failing the test on any attempt after."""
    return ScriptedServer(*(respond(r) for r in responses), unscripted)


def scripted(*script: Action) -> httpx.Client:
    """An httpx client answering as `script` says, for tests that need no record of the requests."""
    return ScriptedServer(*script).http()


def serving(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    """An httpx client whose answer to every attempt is `handler(request)`."""
    return ScriptedServer(answering(lambda request, attempt: handler(request))).http()


# Faults a retry-safe operation recovers from with one retry.
RETRYABLE_FAULTS: dict[str, Action] = {
    "connect_reset": connect_reset,
    "connect_timeout": connect_timeout,
    "reset_after_send": reset_after_send,
    "disconnect_after_send": disconnect_after_send,
    "read_timeout": read_timeout,
    "429": reply(429, {"message": "rate limit exceeded"}),
    "429_retry_after": reply(429, {"message": "rate limit exceeded"}, headers={"Retry-After": "2"}),
    "500": reply(500, {"message": "internal error"}),
    "502_html": reply(502, content=NGINX_502, headers={"Content-Type": "text/html"}),
    "503": reply(503, {"message": "service unavailable"}),
}

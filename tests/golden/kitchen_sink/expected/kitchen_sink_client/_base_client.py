"""The base client: sends each call's request with the retry policy and hands back its answer.

The decisions live in their own modules, free of I/O: `_request` (what to send), `_policy`
(whether to send again, and what a failure leaves unknown), `_response` (what an answer means),
`_pagination` (whether to fetch another page). This module does the sending and the sleeping.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import Any, TypeVar

import httpx

from ._auth import Credentials, Nonce, PreparedRequest, Scheme, SigningScheme, client_nonce
from ._endpoint import Endpoint, Envelope, ErrorBodyKeys
from ._events import ServerSentEvent, parse_events
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    InvalidArgumentError,
    MissingCredentialsError,
)
from ._pagination import Pagination, paginate
from ._policy import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    backoff_delay,
    reached_server,
    retry_after_seconds,
    retry_status,
    retry_transport,
)
from ._raw import RawResponse, captured, raw_response
from ._redaction import LOGGER, Redactor
from ._request import prepare, signed
from ._response import parse

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "BaseClient",
    "Endpoint",
    "Envelope",
    "ErrorBodyKeys",
    "Pagination",
    "RawResponse",
    "raw_response",
]

T = TypeVar("T")


class BaseClient:
    """Owns the HTTP transport, credentials, retries, timeouts and error mapping."""

    _schemes: Mapping[str, Scheme] = {}
    _envelope: Envelope | None = None
    _error_fields = ErrorBodyKeys()
    _default_base_url = ""
    _env_prefix = ""

    def __init__(
        self,
        base_url: str | None,
        *,
        http_client: httpx.Client | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        clock: Callable[[], int] | None,
        nonce: Nonce | None = None,
        headers: Mapping[str, str] | None,
        credentials: Mapping[str, str | None],
    ) -> None:
        self.base_url = self._checked_base_url(base_url)
        self._base_path = httpx.URL(self.base_url).path
        self.max_retries = max_retries
        self.timeout = DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout)
        self._clock = clock or (lambda: time.time_ns() // 1_000_000)
        self._nonce = nonce or client_nonce(self._schemes.values(), self._clock)
        self._credentials = Credentials(credentials)
        derived = [
            value
            for scheme in self._schemes.values()
            if isinstance(scheme, SigningScheme)
            for value in scheme.derived_values(self._credentials)
        ]
        self._redact = Redactor(self._credentials.secrets() + derived)
        # httpx logs each URL it sends: only a credential in the query string can show there.
        self._redacts_httpx = any(
            getattr(scheme, "in_query", False) for scheme in self._schemes.values()
        )
        self._chosen: dict[Endpoint[Any], tuple[Scheme, ...]] = {}
        self._fixed_urls: dict[str, httpx.URL] = {}
        self._headers = dict(headers or {})
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client()
        self._sleep: Callable[[float], None] = time.sleep
        self._log = LOGGER

    def _checked_base_url(self, base_url: str | None) -> str:
        """The server URL (no trailing slash), refused with a message about the value given
        unless it is usable."""
        name = type(self).__name__
        text = self._default_base_url if base_url is None else base_url
        given = "the spec's server URL" if base_url is None else "base_url"
        try:
            url = httpx.URL(text)
        except httpx.InvalidURL as exc:
            raise _bad_base_url(f"{name}: {given} {text!r} is not a URL: {exc}") from None
        if base_url is None and not url.is_absolute_url:
            server = f" (its server is {text!r})" if text else ""
            raise _bad_base_url(
                f"{name}: the spec declares no absolute server URL: pass base_url='https://...'"
                + server
            )
        if url.scheme not in ("http", "https") or not url.host:
            hint = f"; did you mean 'https://{text}'?" if "://" not in text else ""
            raise _bad_base_url(
                f"{name}: {given} {text!r} must be an http:// or https:// URL with a host{hint}"
            )
        if url.query or url.fragment:
            raise _bad_base_url(f"{name}: {given} {text!r} must not have a query or fragment")
        return text.rstrip("/")

    def close(self) -> None:
        """Close the HTTP connection pool, if the client created it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        names = sorted(n for n in self._all_credential_names() if n in self._credentials)
        return f"{type(self).__name__}(base_url={self.base_url!r}, credentials={names})"

    def _all_credential_names(self) -> set[str]:
        return {name for scheme in self._schemes.values() for name in scheme.credentials}

    def _schemes_for(self, endpoint: Endpoint[Any]) -> tuple[Scheme, ...]:
        """The schemes of the first security alternative whose credentials the client has."""
        chosen = self._chosen.get(endpoint)
        if chosen is not None:
            return chosen
        for alternative in endpoint.security:
            schemes = tuple(self._schemes[name] for name in alternative)
            if all(c in self._credentials for s in schemes for c in s.credentials):
                self._chosen[endpoint] = schemes
                return schemes
        if not endpoint.security:
            return ()
        needed = list(
            dict.fromkeys(
                c for name in endpoint.security[0] for c in self._schemes[name].credentials
            )
        )
        missing = [n for n in needed if n not in self._credentials]
        env = ", ".join(f"{self._env_prefix}_{n.upper()}" for n in missing)
        raise MissingCredentialsError(
            f"{endpoint.name} needs credentials {', '.join(needed)} (missing: {', '.join(missing)}): "
            f"pass them to {type(self).__name__}(...) or set {env}; nothing was sent"
        )

    def _call(
        self,
        endpoint: Endpoint[T],
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        cookies: Mapping[str, Any] | None = None,
        body: Any = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> T:
        """Send one operation and return its typed result, raising a typed error otherwise."""
        schemes = self._schemes_for(endpoint)
        prepared = prepare(
            endpoint,
            self.base_url,
            path_params=path_params or {},
            query=query or {},
            headers=headers or {},
            cookies=cookies,
            body=body,
            default_headers=self._headers,
            extra_headers=extra_headers,
            parsed_urls=self._fixed_urls,
        )
        limit = self.timeout if timeout is None else httpx.Timeout(timeout)
        retries = self.max_retries if max_retries is None else max_retries
        response = self._send(endpoint, prepared, schemes, limit, retries)
        captured(response)
        if not response.is_stream_consumed:
            # An event stream: its events are read as they arrive, by the caller.
            stream: T = _Events(response)  # type: ignore[assignment]
            return stream
        result: T = parse(
            endpoint,
            response,
            envelope=self._envelope,
            error_fields=self._error_fields,
            redact=self._redact,
        )
        return result

    def _send(
        self,
        endpoint: Endpoint[Any],
        prepared: PreparedRequest,
        schemes: tuple[Scheme, ...],
        timeout: httpx.Timeout,
        retries: int,
    ) -> httpx.Response:
        attempt = 0
        http = self._http
        while True:
            sent = signed(
                prepared, schemes, self._credentials, self._clock, self._nonce, self._base_path
            )
            request = http_request(http, sent, timeout)
            logs = self._log.isEnabledFor(logging.DEBUG)
            started = time.perf_counter() if logs else 0.0
            token = self._redact.sending() if self._redacts_httpx else None
            try:
                # Without stream=True, httpx has read the whole answer when send returns.
                response = http.send(request, stream=endpoint.streams)
                if endpoint.streams and not _is_event_stream(endpoint, response):
                    response.read()
            except httpx.TransportError as exc:
                if attempt < retries and retry_transport(exc, retry_safe=endpoint.retry_safe):
                    attempt += 1
                    self._backoff(request, attempt, None, type(exc).__name__)
                    continue
                unknown = reached_server(exc) and not endpoint.retry_safe
                raise self._connection_error(endpoint, request, exc, unknown) from exc
            finally:
                if token is not None:
                    self._redact.done(token)
            if logs:
                self._log.debug(
                    "%s %s -> %d in %.1f ms (retries=%d)",
                    request.method,
                    self._redact(str(request.url)),
                    response.status_code,
                    (time.perf_counter() - started) * 1000,
                    attempt,
                )
            if attempt < retries and retry_status(
                response.status_code, retry_safe=endpoint.retry_safe
            ):
                attempt += 1
                delay = retry_after_seconds(response.headers)
                self._backoff(request, attempt, delay, str(response.status_code))
                continue
            return response

    def _backoff(
        self, request: httpx.Request, attempt: int, retry_after: float | None, why: str
    ) -> None:
        delay = backoff_delay(attempt, retry_after)
        if self._log.isEnabledFor(logging.INFO):  # else the URL is not redacted for nothing
            self._log.info(
                "retrying %s %s after %s in %.2f s (attempt %d)",
                request.method,
                self._redact(str(request.url)),
                why,
                delay,
                attempt + 1,
            )
        self._sleep(delay)

    def _connection_error(
        self,
        endpoint: Endpoint[Any],
        request: httpx.Request,
        exc: httpx.TransportError,
        outcome_unknown: bool,
    ) -> APIConnectionError:
        timed_out = isinstance(exc, httpx.TimeoutException)
        what = "timed out" if timed_out else f"failed ({type(exc).__name__})"
        message = f"{endpoint.name}: {request.method} {request.url} {what}"
        if outcome_unknown:
            message += (
                ". The request may have reached the server, so its outcome is unknown; it was not "
                "retried. Look it up (for example by the client order id you sent) before trying again"
            )
        message = self._redact(message)
        cls = APITimeoutError if timed_out else APIConnectionError
        self._log.warning("%s", message)
        return cls(message, request=request, outcome_unknown=outcome_unknown)

    def _paginate(
        self, fetch: Callable[..., Any], arguments: dict[str, Any], pagination: Pagination
    ) -> Iterator[Any]:
        """Call `fetch` page after page, yielding each item, until the listing ends."""
        return paginate(fetch, arguments, pagination, getattr(fetch, "__name__", "iterator"))


def http_request(
    http: httpx.Client, sent: PreparedRequest, timeout: httpx.Timeout
) -> httpx.Request:
    """The request `http.build_request` makes of `sent`: its URL, headers and bytes exactly as
    signed (httpx keeps an absolute URL), after the client's own headers."""
    extensions = {"timeout": timeout.as_dict()}  # what timeout= gives, minus a copy of it
    url, content = sent.url, sent.content
    if type(http) is not httpx.Client or http.cookies or http.params or not url.is_absolute_url:
        return http.build_request(
            sent.method, url, headers=sent.headers, content=content or None, extensions=extensions
        )
    # With nothing to merge but headers, build_request comes down to this list, made here in
    # one pass (httpx looks each header up in turn and copies the list three times: 20 us of a
    # call). The client's headers, minus those the request sets, then the request's; a
    # Content-Length for a body; Host and an empty body's Content-Length first. The tests
    # compare both ways header by header.
    own = [(_header_bytes(name), _header_bytes(value)) for name, value in sent.headers.items()]
    names = {name.lower() for name, _ in own}
    headers = [(name, value) for name, value in http.headers.raw if name.lower() not in names]
    names.update(name.lower() for name, _ in headers)
    headers += own
    if content and b"content-length" not in names:
        headers.append((b"Content-Length", str(len(content)).encode()))
        names.add(b"content-length")
    first: list[tuple[bytes, bytes]] = []
    if b"host" not in names and url.host:
        first.append((b"Host", url.netloc))
    if (
        b"content-length" not in names
        and b"transfer-encoding" not in names
        and sent.method in ("POST", "PUT", "PATCH")
    ):
        first.append((b"Content-Length", b"0"))
    request = httpx.Request(
        sent.method,
        url,
        headers=first + headers if first else headers,
        stream=httpx.ByteStream(content),
        extensions=extensions,
    )
    request.read()  # as a request built with content= has: its bytes are at hand
    return request


def _header_bytes(text: str | bytes) -> bytes:
    """A header name or value encoded as httpx encodes it."""
    if isinstance(text, bytes):
        return text
    if not isinstance(text, str):
        raise TypeError(f"Header value must be str or bytes, not {type(text)}")
    return text.encode("ascii")


def _is_event_stream(endpoint: Endpoint[Any], response: httpx.Response) -> bool:
    """Whether a successful answer is an event stream, to be read as it arrives."""
    content_type = response.headers.get("content-type", "")
    return response.is_success and endpoint.answer_kind(content_type) == "events"


class _Events(Iterator[ServerSentEvent]):
    """The events of a streamed answer; the connection is released when they end, when the
    iterator is closed, or when it is dropped (even before its first event)."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self._events: Generator[ServerSentEvent, None, None] = parse_events(response.iter_lines())

    def __next__(self) -> ServerSentEvent:
        try:
            return next(self._events)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop reading and release the connection."""
        self._events.close()
        self._response.close()

    def __del__(self) -> None:
        self._response.close()


def _bad_base_url(message: str) -> InvalidArgumentError:
    return InvalidArgumentError(
        message, errors=[{"argument": "base_url", "message": message, "type": "base_url"}]
    )

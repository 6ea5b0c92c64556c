"""What both clients share: their settings, and each call as one flow of steps, free of I/O.

A call's flow builds the request, signs it afresh for each attempt, says when to send it, and
decides from each outcome whether to send again, how long to wait first, and what the answer
means; `BaseClient` and `AsyncBaseClient` only perform the steps it yields (`_steps`). The
decisions live in their own modules: `_request` (what to send), `_policy` (whether to send
again, and what a failure leaves unknown), `_response` (what an answer means).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx

from ._auth import Credentials, Nonce, PreparedRequest, Scheme, SigningScheme, client_nonce
from ._endpoint import Endpoint, Envelope, ErrorBodyKeys
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    InvalidArgumentError,
    MissingCredentialsError,
)
from ._policy import (
    DEFAULT_TIMEOUT,
    backoff_delay,
    reached_server,
    retry_after_seconds,
    retry_status,
    retry_transport,
)
from ._raw import captured
from ._redaction import LOGGER, Redactor
from ._request import prepare, signed
from ._response import parse
from ._steps import Flow, Read, Send, Sleep

__all__ = ["ApiDefinition", "ClientCore"]

T = TypeVar("T")
Build = Callable[..., httpx.Request]
"""`build_request` of the client's httpx client (the same for httpx.Client and AsyncClient)."""


class ApiDefinition:
    """What a client knows of its API; a package's `_Api` sets it for both of its clients."""

    _schemes: Mapping[str, Scheme] = {}
    _envelope: Envelope | None = None
    _error_fields = ErrorBodyKeys()
    _default_base_url = ""
    _env_prefix = ""


class ClientCore(ApiDefinition):
    """Credentials, retries, timeouts and error mapping: every decision of a call."""

    def __init__(
        self,
        base_url: str | None,
        *,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        clock: Callable[[], int] | None,
        nonce: Nonce | None,
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

    def _flow(
        self,
        endpoint: Endpoint[T],
        build: Build,
        events: Callable[[httpx.Response], Any],
        *,
        path_params: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, Any] | None,
        body: Any,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        extra_headers: Mapping[str, str] | None,
        cookies: Mapping[str, Any] | None = None,
    ) -> Flow[T]:
        """One operation: its typed result, or a typed error; `events` wraps an event stream's
        response for the caller to read."""
        schemes = self._schemes_for(endpoint)
        prepared = yield from prepare(
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
        response = yield from self._attempts(endpoint, prepared, schemes, build, limit, retries)
        captured(response)
        if not response.is_stream_consumed:
            # An event stream: its events are read as they arrive, by the caller.
            stream: T = events(response)
            return stream
        result: T = parse(
            endpoint,
            response,
            envelope=self._envelope,
            error_fields=self._error_fields,
            redact=self._redact,
        )
        return result

    def _attempts(
        self,
        endpoint: Endpoint[Any],
        prepared: PreparedRequest,
        schemes: tuple[Scheme, ...],
        build: Build,
        timeout: httpx.Timeout,
        retries: int,
    ) -> Flow[httpx.Response]:
        """Send, signed afresh each time, until an answer is final or the policy gives up."""
        attempt = 0
        while True:
            sent = signed(
                prepared, schemes, self._credentials, self._clock, self._nonce, self._base_path
            )
            request = build(
                sent.method,
                sent.url,
                headers=sent.headers,
                content=sent.content or None,
                timeout=timeout,
            )
            logs = self._log.isEnabledFor(logging.DEBUG)
            started = time.perf_counter() if logs else 0.0
            token = self._redact.sending() if self._redacts_httpx else None
            try:
                outcome = yield Send(request, endpoint.streams)
                if isinstance(outcome, httpx.Response) and endpoint.streams:
                    if not _is_event_stream(endpoint, outcome):
                        outcome = (yield Read(outcome)) or outcome
            finally:
                if token is not None:
                    self._redact.done(token)
            if isinstance(outcome, httpx.TransportError):
                if attempt < retries and retry_transport(outcome, retry_safe=endpoint.retry_safe):
                    attempt += 1
                    yield Sleep(self._backoff(request, attempt, None, type(outcome).__name__))
                    continue
                unknown = reached_server(outcome) and not endpoint.retry_safe
                raise self._connection_error(endpoint, request, outcome, unknown) from outcome
            if isinstance(outcome, BaseException):
                raise outcome
            response: httpx.Response = outcome
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
                yield Sleep(self._backoff(request, attempt, delay, str(response.status_code)))
                continue
            return response

    def _backoff(
        self, request: httpx.Request, attempt: int, retry_after: float | None, why: str
    ) -> float:
        """Seconds to wait before retry number `attempt`, logged."""
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
        return delay

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


def _is_event_stream(endpoint: Endpoint[Any], response: httpx.Response) -> bool:
    """Whether a successful answer is an event stream, to be read as it arrives."""
    content_type = response.headers.get("content-type", "")
    return response.is_success and endpoint.answer_kind(content_type) == "events"


def _bad_base_url(message: str) -> InvalidArgumentError:
    return InvalidArgumentError(
        message, errors=[{"argument": "base_url", "message": message, "type": "base_url"}]
    )

"""What both clients share: their settings, and each call as one flow of steps, free of I/O.

A call's flow builds the request, signs it afresh for each attempt, says when to send it, and
decides from each outcome whether to send again, how long to wait first, and what the answer
means; `BaseClient` and `AsyncBaseClient` only perform the steps it yields (`_steps`). The
decisions live in their own modules: `_request` (what to send), `_policy` (whether to send
again, and what a failure leaves unknown), `_response` (what an answer means), `_ratelimit`
(how long to wait before sending).

An operation with a client order id the API deduplicates gets a fresh id when the caller leaves
it out, and is sent again with that same id when its outcome is unknown; every error of such a
call carries the id. A call whose timestamp the server refused as out of its window measures the
clock offset again (`sync_clock`) and is sent once more, signed with the corrected clock.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

import httpx

from ._auth import Credentials, Nonce, PreparedRequest, Scheme, SigningScheme, client_nonce
from ._endpoint import Endpoint, Envelope, ErrorBodyKeys, NotExecuted, ServerTime
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    DuplicateClientOrderIdError,
    InvalidArgumentError,
    MissingCredentialsError,
)
from ._policy import (
    DEFAULT_TIMEOUT,
    backoff_delay,
    reached_server,
    refused,
    retry_after_seconds,
    retry_status,
    retry_transport,
)
from ._ratelimit import RateLimiter, RateLimits, Usage
from ._raw import captured
from ._redaction import LOGGER, Redactor
from ._request import prepare, signed
from ._response import answer_code, parse, server_time_ms
from ._steps import Flow, Read, Send, Sleep
from ._types import NotGiven

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
    _not_executed = NotExecuted()
    _server_time: ServerTime | None = None
    _rate_limits = RateLimits(limits=())


class ClientCore(ApiDefinition):
    """Credentials, retries, timeouts and error mapping: every decision of a call."""

    clock_offset: int = 0
    """Milliseconds added to the clock for every timestamp: the server's clock minus this one's,
    as `sync_clock()` last measured it."""

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
        rate_limiter: RateLimiter | Literal[False] | None = None,
        recv_window: int | None = None,
    ) -> None:
        self.base_url = self._checked_base_url(base_url)
        self._base_path = httpx.URL(self.base_url).path
        self.max_retries = max_retries
        self.timeout = DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout)
        self._clock = clock or (lambda: time.time_ns() // 1_000_000)
        self.clock_offset = 0
        self._nonce = nonce or client_nonce(self._schemes.values(), self._signing_clock)
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
        if recv_window is not None:
            if self._server_time is None or self._server_time.recv_window is None:
                raise TypeError(f"{type(self).__name__}: this API has no recv window")
            self._headers[self._server_time.recv_window] = str(int(recv_window))
        if rate_limiter is None:
            limits = self._rate_limits.limits
            rate_limiter = RateLimiter(limits) if limits else False
        elif rate_limiter is not False:
            rate_limiter.add(self._rate_limits.limits)
        self.rate_limiter: RateLimiter | None = rate_limiter or None
        """The limiter every call of this client waits on (None: off); pass it as
        `rate_limiter=` to other clients to share it."""
        # Per-key limits are counted per account: a digest of the credentials, never the key.
        digest = hashlib.sha256("\0".join(self._credentials.secrets()).encode()).hexdigest()
        self._account = digest[:16]
        self._needs_code = bool(
            self._not_executed.codes or (self._server_time and self._server_time.window_codes)
        )
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

    def _signing_clock(self) -> int:
        """Now, in Unix milliseconds on the server's clock as last measured."""
        return self._clock() + self.clock_offset

    def rate_limit_usage(self) -> dict[str, Usage]:
        """Each rate-limit bucket's weight used in its current window, and its limit."""
        if self.rate_limiter is None:
            return {}
        return self.rate_limiter.usage(self._account)

    def _order_id(self, endpoint: Endpoint[Any], body: Any) -> tuple[Any, str | None]:
        """The body with a fresh client order id when the caller left it out, and the id."""
        field = endpoint.client_order_id
        if field is None or not isinstance(body, Mapping):
            return body, None
        given = body.get(field.field, NotGiven())
        if isinstance(given, NotGiven):
            made = field.new()
            return {**body, field.field: made}, made
        if given is None:
            return body, None  # sent as null: no id, so nothing makes a retry safe
        # A caller's own id is sent as given: the API, not the client, judges its format.
        return body, str(given)

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
        body, order_id = self._order_id(endpoint, body)
        try:
            result: T = yield from self._exchange(
                endpoint,
                build,
                events,
                schemes,
                order_id,
                path_params=path_params,
                query=query,
                headers=headers,
                body=body,
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                cookies=cookies,
            )
        except APIError as error:
            if order_id is not None:
                error.client_order_id = order_id
            raise
        return result

    def _exchange(
        self,
        endpoint: Endpoint[T],
        build: Build,
        events: Callable[[httpx.Response], Any],
        schemes: tuple[Scheme, ...],
        order_id: str | None,
        *,
        path_params: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, Any] | None,
        body: Any,
        timeout: float | httpx.Timeout | None,
        max_retries: int | None,
        extra_headers: Mapping[str, str] | None,
        cookies: Mapping[str, Any] | None,
    ) -> Flow[T]:
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
        # A client order id the API deduplicates makes sending again with it safe.
        retry_safe = endpoint.retry_safe or order_id is not None
        response, uncertain = yield from self._attempts(
            endpoint, prepared, schemes, build, limit, retries, retry_safe
        )
        captured(response)
        if not response.is_stream_consumed:
            # An event stream: its events are read as they arrive, by the caller.
            stream: T = events(response)
            return stream
        try:
            result: T = parse(
                endpoint,
                response,
                envelope=self._envelope,
                error_fields=self._error_fields,
                redact=self._redact,
            )
        except APIStatusError as error:
            if uncertain:
                raise self._after_unknown(endpoint, error, order_id) from None
            raise
        return result

    def _after_unknown(
        self, endpoint: Endpoint[Any], error: APIStatusError, order_id: str | None
    ) -> APIStatusError:
        """The error of a refused retry sent after an attempt whose outcome is unknown: that
        attempt placed the order when the API says the id was used already, and may have
        otherwise."""
        field = endpoint.client_order_id
        if field is not None and error.code is not None and error.code in field.duplicate_codes:
            message = self._redact(
                f"{endpoint.name}: an earlier attempt with client order id {order_id!r} was "
                f"accepted (its answer was lost); the retry was refused as a duplicate "
                f"(code {error.code}). The order exists: look it up, do not send it again"
            )
            return DuplicateClientOrderIdError(
                message,
                response=error.response,
                body=error.body,
                code=error.code,
                api_message=error.api_message,
                parsed=error.parsed,
            )
        error.outcome_unknown = True
        error.message += (
            ". An earlier attempt's outcome is unknown (it may have taken effect): look it up"
            + (f" by client order id {order_id!r}" if order_id else "")
            + " before trying again"
        )
        error.args = (error.message,)
        return error

    def _attempts(
        self,
        endpoint: Endpoint[Any],
        prepared: PreparedRequest,
        schemes: tuple[Scheme, ...],
        build: Build,
        timeout: httpx.Timeout,
        retries: int,
        retry_safe: bool,
        timing: list[tuple[int, int]] | None = None,
    ) -> Flow[tuple[httpx.Response, bool]]:
        """Send, signed afresh each time, until an answer is final or the policy gives up; the
        answer, and whether an earlier attempt that was not repeatable may have taken effect.

        `timing` collects each answered attempt's (sent, received) times in milliseconds."""
        attempt = 0
        uncertain = False
        resynced = False
        waited = False  # this call slept the pause the server asked for itself
        limiter = self.rate_limiter
        while True:
            if limiter is not None and endpoint.rate_limit is not None:
                wait = limiter.reserve(
                    endpoint.rate_limit.buckets, self._account, honour_pause=not waited
                )
                if wait > 0:
                    yield Sleep(wait)
            sent = signed(
                prepared,
                schemes,
                self._credentials,
                self._signing_clock,
                self._nonce,
                self._base_path,
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
            sent_at = self._clock() if timing is not None else 0
            try:
                outcome = yield Send(request, endpoint.streams)
                if isinstance(outcome, httpx.Response) and endpoint.streams:
                    if not _is_event_stream(endpoint, outcome):
                        outcome = (yield Read(outcome)) or outcome
            finally:
                if token is not None:
                    self._redact.done(token)
            if isinstance(outcome, httpx.TransportError):
                if attempt < retries and retry_transport(outcome, retry_safe=retry_safe):
                    attempt += 1
                    uncertain = uncertain or (reached_server(outcome) and not endpoint.retry_safe)
                    yield Sleep(self._backoff(request, attempt, None, type(outcome).__name__))
                    continue
                unknown = (reached_server(outcome) or uncertain) and not endpoint.retry_safe
                raise self._connection_error(endpoint, request, outcome, unknown) from outcome
            if isinstance(outcome, BaseException):
                raise outcome
            response: httpx.Response = outcome
            if timing is not None:
                timing.append((sent_at, self._clock()))
            if logs:
                self._log.debug(
                    "%s %s -> %d in %.1f ms (retries=%d)",
                    request.method,
                    self._redact(str(request.url)),
                    response.status_code,
                    (time.perf_counter() - started) * 1000,
                    attempt,
                )
            status = response.status_code
            if limiter is not None and self._rate_limits.headers:
                self._observe_usage(limiter, response)
            not_executed = False
            if status >= 400:
                code = self._code_of(endpoint, response) if self._needs_code else None
                declared = self._server_time
                if (
                    declared is not None
                    and not resynced
                    and (
                        str(status) in declared.window_statuses
                        or (code is not None and code in declared.window_codes)
                    )
                ):
                    # Refused for its timestamp, so nothing was executed: measure the clock
                    # again and send once more, signed with the corrected clock.
                    resynced = True
                    if (yield from self._resync(build)):
                        continue
                not_executed = status == 429 or str(status) in self._not_executed.statuses
                not_executed = not_executed or (
                    code is not None and code in self._not_executed.codes
                )
                if not_executed and limiter is not None:
                    pause = retry_after_seconds(response.headers)
                    if pause:
                        # Every other call of the limiter waits for it too.
                        limiter.pause(min(pause, 60.0))
                        waited = True
            # With a client order id, a server error is sent again because its outcome is
            # unknown; a refusal (501, 505) would only be refused again.
            repeatable = retry_safe and (endpoint.retry_safe or not refused(status))
            if attempt < retries and retry_status(
                status, retry_safe=repeatable, not_executed=not_executed
            ):
                attempt += 1
                if not (not_executed or refused(status) or endpoint.retry_safe):
                    uncertain = True
                delay = retry_after_seconds(response.headers)
                yield Sleep(self._backoff(request, attempt, delay, str(status)))
                continue
            return response, uncertain

    def _code_of(self, endpoint: Endpoint[Any], response: httpx.Response) -> str | None:
        """The API's own code in an error answer."""
        return answer_code(response, self._envelope, self._error_fields)

    def _observe_usage(self, limiter: RateLimiter, response: httpx.Response) -> None:
        """Count what the server's rate-limit headers say is used."""
        for bucket, header in self._rate_limits.headers:
            value = response.headers.get(header)
            if value is not None and value.strip().isdigit():
                limiter.observe(bucket, int(value), self._account)

    def _resync(self, build: Build) -> Flow[bool]:
        """Measure the clock offset again; whether that worked."""
        try:
            yield from self._sync_flow(build)
        except APIError:
            return False
        return True

    def _sync_flow(self, build: Build) -> Flow[int]:
        """Ask the server for its time and set `clock_offset`: the server's time minus the
        midpoint of the round trip on this clock."""
        declared = self._server_time
        if declared is None:
            raise TypeError(f"{type(self).__name__}: the spec declares no server-time operation")
        endpoint: Endpoint[Any] = getattr(self, declared.endpoint)
        prepared = yield from prepare(
            endpoint,
            self.base_url,
            path_params={},
            query={},
            headers={},
            body=None,
            default_headers=self._headers,
            extra_headers=None,
            parsed_urls=self._fixed_urls,
        )
        timing: list[tuple[int, int]] = []
        response, _ = yield from self._attempts(
            endpoint,
            prepared,
            self._schemes_for(endpoint),
            build,
            self.timeout,
            self.max_retries,
            endpoint.retry_safe,
            timing,
        )
        if not response.is_success:
            parse(
                endpoint,
                response,
                envelope=self._envelope,
                error_fields=self._error_fields,
                redact=self._redact,
            )
        server = server_time_ms(
            endpoint, response, declared, self._envelope if endpoint.envelope else None
        )
        sent_at, received_at = timing[-1]
        self.clock_offset = server - (sent_at + received_at) // 2
        self._log.info("clock offset to the server: %d ms", self.clock_offset)
        return self.clock_offset

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

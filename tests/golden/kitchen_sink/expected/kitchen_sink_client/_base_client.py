"""The base client: builds requests, sends them with safe retries, maps errors, parses answers."""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, ParamSpec, TypeVar
from urllib.parse import quote, quote_plus

import httpx
import pydantic

from ._auth import Credentials, PreparedRequest, Scheme
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    MissingCredentialsError,
    ResponseValidationError,
    status_error_class,
)
from ._types import EXACT_NUMBERS, NOT_GIVEN, NotGiven, dumps, loads, unmark_numbers

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "BaseClient",
    "Endpoint",
    "Envelope",
    "Pagination",
    "RawResponse",
]

T = TypeVar("T")
P = ParamSpec("P")

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
_BACKOFF_BASE = 0.5
_BACKOFF_CAP = 8.0
_RETRY_AFTER_CAP = 60.0
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_raw_capture: ContextVar[list[httpx.Response] | None] = ContextVar("_raw_capture", default=None)


@dataclass(frozen=True)
class Envelope:
    """Where an API that wraps every answer keeps its payload, code and message."""

    data: str
    code: str
    message: str
    success: tuple[str, ...]


@dataclass(frozen=True)
class ErrorFields:
    """Keys of an error body holding the API's own code and message (first present wins)."""

    code: tuple[str, ...] = ("code", "errorCode", "error_code")
    message: tuple[str, ...] = ("message", "msg", "detail", "error")


@dataclass(frozen=True)
class Pagination:
    """How an operation pages: which arguments move, where items and the next cursor are."""

    style: str
    items: tuple[str, ...]
    page: str | None = None
    limit: str | None = None
    offset: str | None = None
    cursor: str | None = None
    next_cursor: tuple[str, ...] = ()
    default_limit: int | None = None


@dataclass(frozen=True)
class Endpoint(Generic[T]):
    """What the client needs to know about one operation."""

    name: str
    method: str
    path: str
    result: Any
    security: tuple[tuple[str, ...], ...] = ()
    idempotent: bool = False
    envelope: bool = False
    body_type: Any = None
    body_media_type: str = "application/json"
    explode: frozenset[str] = field(default_factory=frozenset)
    errors: Mapping[str, Any] = field(default_factory=dict)

    @property
    def retry_safe(self) -> bool:
        """Whether repeating the request cannot do anything twice."""
        return self.idempotent or self.method in _SAFE_METHODS


class RawResponse(Generic[T]):
    """An HTTP response together with the value parsed from it."""

    def __init__(self, http_response: httpx.Response, parsed: T) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.http_response.headers

    def parse(self) -> T:
        """The typed value the plain method returns."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}]>"


def raw_response(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """Wrap a client method so it returns the RawResponse instead of only the parsed value."""

    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        captured: list[httpx.Response] = []
        token = _raw_capture.set(captured)
        try:
            parsed = method(*args, **kwargs)
        finally:
            _raw_capture.reset(token)
        return RawResponse(captured[-1], parsed)

    wrapped.__name__ = getattr(method, "__name__", "wrapped")
    wrapped.__doc__ = method.__doc__
    return wrapped


@cache
def _adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    # Callers use its validator and serializer directly: TypeAdapter's own wrappers cost about
    # 2 us a call, which shows in the per-call overhead.
    return pydantic.TypeAdapter(tp)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Seconds from a `Retry-After` (or `retry-after-ms`) header, if one is present and valid."""
    millis = response.headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _query_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = dumps(value).decode()
    return text[1:-1] if text.startswith('"') else text


class BaseClient:
    """Owns the HTTP transport, credentials, retries, timeouts and error mapping."""

    _schemes: Mapping[str, Scheme] = {}
    _envelope: Envelope | None = None
    _error_fields = ErrorFields()
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
        headers: Mapping[str, str] | None,
        credentials: Mapping[str, str | None],
    ) -> None:
        self.base_url = (base_url or self._default_base_url).rstrip("/")
        url = httpx.URL(self.base_url)
        if not url.is_absolute_url:
            raise ValueError(
                f"{type(self).__name__}: the spec declares no absolute server URL: pass base_url="
            )
        self._base_path = url.path
        self.max_retries = max_retries
        self.timeout = DEFAULT_TIMEOUT if timeout is None else httpx.Timeout(timeout)
        self._clock = clock or (lambda: time.time_ns() // 1_000_000)
        self._credentials = Credentials(credentials)
        self._chosen: dict[tuple[tuple[str, ...], ...], tuple[Scheme, ...]] = {}
        self._fixed_urls: dict[str, httpx.URL] = {}
        _HTTPX_LOG_FILTER.secrets.update(self._credentials.secrets())
        self._headers = dict(headers or {})
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client()
        self._sleep: Callable[[float], None] = time.sleep
        self._log = logging.getLogger(__name__.rsplit(".", 1)[0])

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

    # -- building ----------------------------------------------------------------------------

    def _schemes_for(self, endpoint: Endpoint[Any]) -> tuple[Scheme, ...]:
        """The schemes of the first security alternative whose credentials the client has."""
        if endpoint.security in self._chosen:
            return self._chosen[endpoint.security]
        for alternative in endpoint.security:
            schemes = tuple(self._schemes[name] for name in alternative)
            if all(c in self._credentials for s in schemes for c in s.credentials):
                self._chosen[endpoint.security] = schemes
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

    def _prepare(
        self,
        endpoint: Endpoint[Any],
        path_params: Mapping[str, Any],
        query: Mapping[str, Any],
        headers: Mapping[str, Any],
        body: Any,
        extra_headers: Mapping[str, str] | None,
    ) -> PreparedRequest:
        """The URL, headers and body bytes of a call, before authentication."""
        path = endpoint.path
        for name, value in path_params.items():
            segment = quote(_query_text(value), safe="")
            if segment in (".", ".."):  # would be collapsed into a different path
                segment = segment.replace(".", "%2E")
            path = path.replace("{" + name + "}", segment)
        params: list[tuple[str, str | int | float | bool | None]] = []
        for name, value in query.items():
            if isinstance(value, NotGiven) or value is None:
                continue
            if isinstance(value, (list, tuple)):
                texts = [_query_text(v) for v in value]
                if name in endpoint.explode:
                    params.extend((name, t) for t in texts)
                else:
                    params.append((name, ",".join(texts)))
            else:
                params.append((name, _query_text(value)))
        sent_headers = {**self._headers}
        for name, value in headers.items():
            if not isinstance(value, NotGiven) and value is not None:
                sent_headers[name] = _query_text(value)
        content = b""
        if body is not None and not isinstance(body, NotGiven):
            content = self._encode_body(endpoint, body)
            sent_headers["Content-Type"] = endpoint.body_media_type
        sent_headers.update(extra_headers or {})
        if params:
            url = httpx.URL(self.base_url + path, params=params)
        elif path_params:
            url = httpx.URL(self.base_url + path)
        else:
            # Parsing a URL costs about 10 us. One without parameters is the same on every call
            # (and httpx.URL is immutable), so it is parsed once; there are only so many of them.
            text = self.base_url + path
            cached = self._fixed_urls.get(text)
            url = (
                cached if cached is not None else self._fixed_urls.setdefault(text, httpx.URL(text))
            )
        return PreparedRequest(endpoint.method, url, sent_headers, content)

    def _build(
        self, prepared: PreparedRequest, schemes: tuple[Scheme, ...], timeout: httpx.Timeout
    ) -> httpx.Request:
        """Authenticate a copy of `prepared` (afresh for each attempt) and build the request."""
        if schemes:
            prepared = PreparedRequest(
                prepared.method, prepared.url, dict(prepared.headers), prepared.content
            )
            for scheme in schemes:
                scheme.apply(prepared, self._credentials, self._clock, self._base_path)
        # The URL, headers and bytes are sent exactly as signed: httpx keeps an absolute URL as is.
        return self._http.build_request(
            prepared.method,
            prepared.url,
            headers=prepared.headers,
            content=prepared.content or None,
            timeout=timeout,
        )

    def _encode_body(self, endpoint: Endpoint[Any], body: Any) -> bytes:
        if isinstance(body, dict):
            body = {k: v for k, v in body.items() if v is not NOT_GIVEN}
        form = endpoint.body_media_type == "application/x-www-form-urlencoded"
        if endpoint.body_type is not None:
            adapter = _adapter(endpoint.body_type)
            value = adapter.validator.validate_python(body)
            if not form:
                return unmark_numbers(
                    adapter.serializer.to_json(
                        value, by_alias=True, exclude_unset=True, context=EXACT_NUMBERS
                    )
                )
            body = adapter.serializer.to_python(value, by_alias=True, exclude_unset=True)
        if form:
            pairs: list[tuple[str, str | int | float | bool | None]] = [
                (str(k), _query_text(v)) for k, v in body.items() if v is not None
            ]
            return str(httpx.QueryParams(pairs)).encode()
        return dumps(body)

    # -- sending -----------------------------------------------------------------------------

    def _call(
        self,
        endpoint: Endpoint[T],
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        body: Any = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> T:
        """Send one operation and return its typed result, raising a typed error otherwise."""
        schemes = self._schemes_for(endpoint)
        prepared = self._prepare(
            endpoint, path_params or {}, query or {}, headers or {}, body, extra_headers
        )
        limit = self.timeout if timeout is None else httpx.Timeout(timeout)
        retries = self.max_retries if max_retries is None else max_retries
        response = self._send(endpoint, prepared, schemes, limit, retries)
        captured = _raw_capture.get()
        if captured is not None:
            captured.append(response)
        result: T = self._parse(endpoint, response)
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
        while True:
            request = self._build(prepared, schemes, timeout)
            started = time.perf_counter()
            try:
                response = self._http.send(request)
                response.read()
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                # No connection was made (or none was free), so nothing reached the server.
                if attempt < retries:
                    attempt += 1
                    self._backoff(endpoint, request, attempt, None, type(exc).__name__)
                    continue
                raise self._connection_error(endpoint, request, exc, outcome_unknown=False) from exc
            except httpx.TransportError as exc:
                if endpoint.retry_safe and attempt < retries:
                    attempt += 1
                    self._backoff(endpoint, request, attempt, None, type(exc).__name__)
                    continue
                raise self._connection_error(
                    endpoint, request, exc, outcome_unknown=not endpoint.retry_safe
                ) from exc
            if self._log.isEnabledFor(logging.DEBUG):
                self._log.debug(
                    "%s %s -> %d in %.1f ms (retries=%d)",
                    request.method,
                    self._redacted_url(request.url),
                    response.status_code,
                    (time.perf_counter() - started) * 1000,
                    attempt,
                )
            retryable_status = response.status_code == 429 or response.status_code >= 500
            if retryable_status and endpoint.retry_safe and attempt < retries:
                attempt += 1
                self._backoff(
                    endpoint,
                    request,
                    attempt,
                    retry_after_seconds(response),
                    str(response.status_code),
                )
                continue
            return response

    def _backoff(
        self,
        endpoint: Endpoint[Any],
        request: httpx.Request,
        attempt: int,
        retry_after: float | None,
        why: str,
    ) -> None:
        if retry_after is not None:
            delay = min(retry_after, _RETRY_AFTER_CAP)
        else:
            delay = min(_BACKOFF_CAP, _BACKOFF_BASE * 2 ** (attempt - 1)) * (
                0.5 + random.random() / 2
            )
        self._log.info(
            "retrying %s %s after %s in %.2f s (attempt %d)",
            request.method,
            self._redacted_url(request.url),
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
        *,
        outcome_unknown: bool,
    ) -> APIConnectionError:
        what = (
            "timed out"
            if isinstance(exc, httpx.TimeoutException)
            else f"failed ({type(exc).__name__})"
        )
        message = f"{endpoint.name}: {request.method} {self._redacted_url(request.url)} {what}"
        if outcome_unknown:
            message += (
                ". The request may have reached the server, so its outcome is unknown; it was not "
                "retried. Look it up (for example by the client order id you sent) before trying again"
            )
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        self._log.warning("%s", self._redact(message))
        return cls(self._redact(message), request=request, outcome_unknown=outcome_unknown)

    def _redacted_url(self, url: httpx.URL) -> str:
        return self._redact(str(url))

    def _redact(self, text: str) -> str:
        return _redact(text, self._credentials.secrets())

    # -- parsing -----------------------------------------------------------------------------

    def _parse(self, endpoint: Endpoint[Any], response: httpx.Response) -> Any:
        if not response.is_success:
            raise self._status_error(endpoint, response)
        enveloped = endpoint.envelope and self._envelope is not None
        if endpoint.result is None and not enveloped:
            return None
        try:
            payload = loads(response.content) if response.content else None
        except ValueError as exc:
            raise ResponseValidationError(
                f"{endpoint.name}: HTTP {response.status_code} body is not valid JSON: {exc}",
                response=response,
                errors=[{"type": "json_invalid", "msg": str(exc)}],
            ) from exc
        if enveloped:
            # The envelope's code decides success even when the operation returns nothing.
            payload = self._unwrap(endpoint, response, payload)
            if endpoint.result is None:
                return None
        try:
            return _adapter(endpoint.result).validator.validate_python(payload)
        except pydantic.ValidationError as exc:
            errors = exc.errors(include_url=False, include_input=False)
            where = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or '(body)'}: {e['msg']}" for e in errors[:5]
            )
            raise ResponseValidationError(
                f"{endpoint.name}: HTTP {response.status_code} body does not match the spec: {where}",
                response=response,
                errors=list(errors),
            ) from None

    def _unwrap(self, endpoint: Endpoint[Any], response: httpx.Response, payload: Any) -> Any:
        envelope = self._envelope
        assert envelope is not None
        if not isinstance(payload, dict):
            raise ResponseValidationError(
                f"{endpoint.name}: expected an envelope object, got {type(payload).__name__}",
                response=response,
                errors=[{"type": "envelope", "msg": "not an object"}],
            )
        code = payload.get(envelope.code)
        if code is not None and str(code) not in envelope.success:
            raise self._status_error(endpoint, response, payload)
        return payload.get(envelope.data)

    def _status_error(
        self, endpoint: Endpoint[Any], response: httpx.Response, body: Any = None
    ) -> APIStatusError:
        if body is None:
            try:
                body = loads(response.content) if response.content else None
            except ValueError:
                body = response.text
        code, message = self._error_code_and_message(body)
        parsed = None
        model = endpoint.errors.get(str(response.status_code)) or endpoint.errors.get("default")
        if model is not None and body is not None:
            try:
                parsed = _adapter(model).validator.validate_python(body)
            except pydantic.ValidationError:
                parsed = None
        text = f"{endpoint.name}: HTTP {response.status_code}"
        if code is not None:
            text += f", code {code}"
        if message:
            text += f": {message}"
        elif isinstance(body, str) and body:
            text += f": {body[:200]}"
        return status_error_class(response.status_code)(
            self._redact(text),
            response=response,
            body=body,
            code=code,
            api_message=None if message is None else self._redact(message),
            parsed=parsed,
        )

    def _error_code_and_message(self, body: Any) -> tuple[str | None, str | None]:
        if not isinstance(body, dict):
            return None, None
        fields = self._error_fields
        if self._envelope is not None:
            fields = ErrorFields(
                (self._envelope.code, *fields.code), (self._envelope.message, *fields.message)
            )
        code = next((body[k] for k in fields.code if body.get(k) is not None), None)
        message = next((body[k] for k in fields.message if body.get(k) not in (None, "")), None)
        if isinstance(message, list):  # FastAPI: [{"loc": ["query", "limit"], "msg": "..."}]
            message = "; ".join(_detail_text(m) for m in message)
        return (None if code is None else str(code)), (None if message is None else str(message))

    # -- pagination --------------------------------------------------------------------------

    def _paginate(
        self, fetch: Callable[..., Any], arguments: dict[str, Any], pagination: Pagination
    ) -> Iterator[Any]:
        """Call `fetch` page after page, yielding each item, until the pages run out."""
        arguments = dict(arguments)
        limit = arguments.get(pagination.limit) if pagination.limit else None
        if limit is None or isinstance(limit, NotGiven):
            limit = pagination.default_limit
        if pagination.style == "page" and pagination.page:
            current = arguments.get(pagination.page)
            arguments[pagination.page] = (
                1 if current is None or isinstance(current, NotGiven) else current
            )
        if pagination.style == "offset" and pagination.offset:
            current = arguments.get(pagination.offset)
            arguments[pagination.offset] = (
                0 if current is None or isinstance(current, NotGiven) else current
            )
        while True:
            result = fetch(**arguments)
            items = list(_walk(result, pagination.items) or [])
            yield from items
            if not items:
                return
            if pagination.style == "cursor" and pagination.cursor:
                cursor = _walk(result, pagination.next_cursor)
                if cursor in (None, "") or cursor == arguments.get(pagination.cursor):
                    return
                arguments[pagination.cursor] = cursor
                continue
            if limit is not None and len(items) < int(limit):
                return
            if pagination.style == "page" and pagination.page:
                arguments[pagination.page] += 1
            elif pagination.style == "offset" and pagination.offset:
                arguments[pagination.offset] += len(items)
            else:
                return


def _detail_text(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    location = ".".join(str(part) for part in item.get("loc") or ())
    message = str(item.get("msg", item))
    return f"{location}: {message}" if location else message


def _redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        for form in (secret, quote(secret, safe=""), quote_plus(secret)):
            text = text.replace(form, "***")
    return text


class _SecretFilter(logging.Filter):
    """Redacts credentials from httpx's own log records (it logs each URL, query string included)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            redacted = _redact(message, self.secrets)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True


_HTTPX_LOG_FILTER = _SecretFilter()
logging.getLogger("httpx").addFilter(_HTTPX_LOG_FILTER)


def _walk(value: Any, path: Sequence[str]) -> Any:
    """Follow wire names (`pagination`, `next_cursor`) through models and dicts."""
    for name in path:
        if value is None:
            return None
        if isinstance(value, dict):
            value = value.get(name)
        elif isinstance(value, pydantic.BaseModel):
            value = _field_by_alias(value, name)
        else:
            value = getattr(value, name, None)
    return value


def _field_by_alias(model: pydantic.BaseModel, name: str) -> Any:
    for attribute, info in type(model).model_fields.items():
        if (info.alias or attribute) == name:
            return getattr(model, attribute)
    return (model.model_extra or {}).get(name)

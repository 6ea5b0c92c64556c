"""Response classification: what an answer means, as a parsed value or a typed error; no I/O.

A request that is not safe to repeat gets an error that says what it may have done: an answer
that does not refuse it leaves the outcome unknown (see `_policy`), and a success whose body
cannot be read says the request was accepted (AcceptedResponseError).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import httpx
import pydantic

from ._endpoint import Endpoint, Envelope, ErrorBodyKeys, ServerTime
from ._events import parse_events
from ._exceptions import (
    AcceptedResponseError,
    APIStatusError,
    ResponseValidationError,
    status_error_class,
)
from ._policy import refused
from ._types import adapter, loads

__all__ = ["answer_code", "parse", "server_time_ms", "status_error"]

Redact = Callable[[str], str]
_LINE_END = re.compile(r"\r\n|\r|\n")  # the line ends of an event stream, and no others

_UNKNOWN = (
    ". The request may have been acted on, so its outcome is unknown; it was not retried. "
    "Look it up (for example by the client order id you sent) before trying again"
)
_ACCEPTED = (
    ". The server accepted the request, so it took effect: do not send it again. "
    "The raw answer is in the error's `content`"
)


def parse(
    endpoint: Endpoint[Any],
    response: httpx.Response,
    *,
    envelope: Envelope | None,
    error_fields: ErrorBodyKeys,
    redact: Redact,
) -> Any:
    """The typed value of a read response, or the error it stands for."""
    if not response.is_success:
        raise status_error(endpoint, response, None, envelope, error_fields, redact)
    if endpoint.media:  # else JSON, whatever the Content-Type
        kind = endpoint.answer_kind(response.headers.get("content-type", ""))
        if kind == "bytes":
            return response.content
        if kind == "text":
            return response.text
        if kind == "events":  # the caller reads the stream; a body read already is parsed whole
            return parse_events(_LINE_END.split(response.text))
    enveloped = endpoint.envelope and envelope is not None
    if endpoint.result is None and not enveloped:
        return None
    unsafe = not endpoint.retry_safe
    content = response.content
    try:
        payload = loads(content) if content else None
    except ValueError as exc:
        # Without the envelope's code, an HTTP 2xx does not say whether the API accepted it.
        raise _unreadable(
            endpoint,
            response,
            f"body is not valid JSON: {exc}",
            [{"type": "json_invalid", "msg": str(exc)}],
            accepted=unsafe and not enveloped,
            outcome_unknown=unsafe and enveloped,
            redact=redact,
        ) from exc
    if enveloped:
        assert envelope is not None
        if not isinstance(payload, dict):
            raise _unreadable(
                endpoint,
                response,
                f"expected an envelope object, got {type(payload).__name__}",
                [{"type": "envelope", "msg": "not an object"}],
                accepted=False,
                outcome_unknown=unsafe,
                redact=redact,
            )
        code = payload.get(envelope.code)
        if code is not None and str(code) not in envelope.success:
            raise status_error(endpoint, response, payload, envelope, error_fields, redact)
        # The envelope's code decides success even when the operation returns nothing.
        payload = payload.get(envelope.data)
        if endpoint.result is None:
            return None
    try:
        return _validator(endpoint.result).validate_python(payload)
    except pydantic.ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        where = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '(body)'}: {e['msg']}" for e in errors[:5]
        )
        raise _unreadable(
            endpoint,
            response,
            f"body does not match the spec: {where}",
            list(errors),
            accepted=unsafe,
            outcome_unknown=False,
            redact=redact,
        ) from None


@cache
def _validator(tp: Any) -> Any:
    """The validator of a result type, made on first use (which builds a deferred model)."""
    return adapter(tp).validator


def _unreadable(
    endpoint: Endpoint[Any],
    response: httpx.Response,
    problem: str,
    errors: list[Any],
    *,
    accepted: bool,
    outcome_unknown: bool,
    redact: Redact,
) -> ResponseValidationError:
    text = f"{endpoint.name}: HTTP {response.status_code} {problem}"
    if accepted:
        text += _ACCEPTED
        cls: type[ResponseValidationError] = AcceptedResponseError
    else:
        cls = ResponseValidationError
        if outcome_unknown:
            text += _UNKNOWN
    return cls(redact(text), response=response, errors=errors, outcome_unknown=outcome_unknown)


def status_error(
    endpoint: Endpoint[Any],
    response: httpx.Response,
    body: Any,
    envelope: Envelope | None,
    error_fields: ErrorBodyKeys,
    redact: Redact,
) -> APIStatusError:
    """The typed error of an HTTP error status, or of an error code in a 2xx envelope."""
    if body is None:
        try:
            body = loads(response.content) if response.content else None
        except ValueError:
            body = response.text
    code, message = _code_and_message(body, envelope, error_fields)
    parsed = None
    model = endpoint.errors.get(str(response.status_code)) or endpoint.errors.get("default")
    if model is not None and body is not None:
        try:
            parsed = adapter(model).validator.validate_python(body)
        except pydantic.ValidationError:
            parsed = None
    text = f"{endpoint.name}: HTTP {response.status_code}"
    if code is not None:
        text += f", code {code}"
    if message:
        text += f": {message}"
    elif isinstance(body, str) and body:
        text += f": {body[:200]}"
    status = response.status_code
    outcome_unknown = not endpoint.retry_safe and not response.is_success and not refused(status)
    if outcome_unknown:
        text += _UNKNOWN
    return status_error_class(status)(
        redact(text),
        response=response,
        body=body,
        code=code,
        api_message=None if message is None else redact(message),
        parsed=parsed,
        outcome_unknown=outcome_unknown,
    )


def _code_and_message(
    body: Any, envelope: Envelope | None, fields: ErrorBodyKeys
) -> tuple[str | None, str | None]:
    if not isinstance(body, dict):
        return None, None
    if envelope is not None:
        fields = ErrorBodyKeys((envelope.code, *fields.code), (envelope.message, *fields.message))
    code = next((body[k] for k in fields.code if body.get(k) is not None), None)
    message = next((body[k] for k in fields.message if body.get(k) not in (None, "")), None)
    if isinstance(message, list):  # FastAPI: [{"loc": ["query", "limit"], "msg": "..."}]
        message = "; ".join(_detail_text(m) for m in message)
    return (None if code is None else str(code)), (None if message is None else str(message))


def _detail_text(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    location = ".".join(str(part) for part in item.get("loc") or ())
    message = str(item.get("msg", item))
    return f"{location}: {message}" if location else message


def answer_code(
    response: httpx.Response, envelope: Envelope | None, error_fields: ErrorBodyKeys
) -> str | None:
    """The API's own code in an answer's JSON body, if it has one."""
    try:
        body = loads(response.content) if response.content else None
    except ValueError:
        return None
    return _code_and_message(body, envelope, error_fields)[0]


_TIME_UNITS = {
    "seconds": Decimal(1000),
    "milliseconds": Decimal(1),
    "microseconds": Decimal("0.001"),
}


def server_time_ms(
    endpoint: Endpoint[Any],
    response: httpx.Response,
    declared: ServerTime,
    envelope: Envelope | None,
) -> int:
    """The server's time in Unix milliseconds, from the answer of its time operation."""
    value: Any = None
    try:
        value = loads(response.content) if response.content else None
        if envelope is not None and isinstance(value, dict):
            value = value.get(envelope.data)
        for key in declared.time:
            value = value.get(key) if isinstance(value, dict) else None
        if declared.unit == "iso":
            text = str(value)
            stamp = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
            if stamp.tzinfo is None:
                raise ValueError("an ISO time without a zone")
            return round(stamp.timestamp() * 1000)
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise ValueError(f"not a number: {type(value).__name__}")
        return int(Decimal(value) * _TIME_UNITS[declared.unit])
    except (ValueError, InvalidOperation) as exc:
        where = ".".join(declared.time) or "(the answer)"
        raise ResponseValidationError(
            f"{endpoint.name}: the server's time at {where} is not a time in "
            f"{declared.unit}: {exc}",
            response=response,
            errors=[{"type": "server_time", "loc": list(declared.time), "msg": str(exc)}],
        ) from None

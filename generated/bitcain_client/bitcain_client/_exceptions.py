"""The errors a client raises; none of their messages ever holds a credential.

Every error says whether the request it is about may still have taken effect:

- `outcome_unknown`: the request may have reached the server and been acted on, and it was not
  repeated; look it up (for example by the client order id you sent) before sending it again.
- `accepted`: the server accepted the request (HTTP 2xx, and the API's own success code) but its
  answer could not be read; the request took effect, so it must not be sent again.

Both are False when nothing was sent, when the server refused the request, and for requests that
are safe to repeat. Every error pickles with its attributes (for process pools).
"""

from __future__ import annotations

from typing import Any

import httpx

from ._policy import retry_after_seconds

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AcceptedResponseError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidCredentialsError",
    "MissingCredentialsError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "UnprocessableEntityError",
]


def _restore(cls: type[APIError], args: tuple[Any, ...], state: dict[str, Any]) -> APIError:
    """Rebuild a pickled error without calling its (keyword-only) constructor."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class APIError(Exception):
    """Base of every error this client raises."""

    message: str
    outcome_unknown: bool = False
    """True when the request may have reached the server and was not retried."""
    accepted: bool = False
    """True when the server accepted the request although its answer could not be read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, self.__dict__))


class MissingCredentialsError(APIError):
    """An operation needs credentials the client was not given; nothing was sent."""


class InvalidCredentialsError(APIError, ValueError):
    """A credential is not in the form its scheme needs (such as base64); nothing was sent.

    The message names the credential, never its value.
    """


class InvalidArgumentError(APIError, ValueError):
    """An argument does not match the spec, so nothing was sent.

    A ValueError too, as any bad argument is; `errors` names each argument as the caller wrote it.
    """

    def __init__(self, message: str, *, errors: list[dict[str, str]]) -> None:
        super().__init__(message)
        self.errors = errors
        """One entry per problem: `argument` (the Python argument, with a path into it),
        `message` and `type`."""


class APIConnectionError(APIError):
    """The request failed in transport: no HTTP answer was received."""

    def __init__(self, message: str, *, request: httpx.Request, outcome_unknown: bool) -> None:
        super().__init__(message)
        self.request = request
        self.outcome_unknown = outcome_unknown


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIStatusError(APIError):
    """The API answered with an error: a 4xx/5xx status, or an error code inside a 200 envelope."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: Any,
        code: str | None,
        api_message: str | None,
        parsed: Any = None,
        outcome_unknown: bool = False,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        """The error body as JSON (Decimals for numbers), or its text when it is not JSON."""
        self.code = code
        """The API's own error code, as a string."""
        self.api_message = api_message
        """The API's own error message."""
        self.parsed = parsed
        """The error body parsed into the model the spec documents for this status, if any."""
        self.outcome_unknown = outcome_unknown


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait, from `Retry-After`, if it sent one."""
        return retry_after_seconds(self.response.headers)


class InternalServerError(APIStatusError):
    """HTTP 5xx."""


class ResponseValidationError(APIError):
    """A response body does not match the schema the spec declares for it."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        errors: list[Any],
        outcome_unknown: bool = False,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.content = response.content
        """The raw body, exactly as received."""
        self.errors = errors
        """Pydantic's error list: where the body differs from the schema."""
        self.outcome_unknown = outcome_unknown


class AcceptedResponseError(ResponseValidationError):
    """The server accepted a request that is not safe to repeat, but its answer is unreadable.

    The request took effect: do not send it again; read what it did from `content`.
    """

    accepted = True


class PaginationError(APIError):
    """An iterator stopped at its page cap while the server still had pages to give."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The error class for an HTTP status."""
    if status_code >= 500:
        return InternalServerError
    return STATUS_ERRORS.get(status_code, APIStatusError)

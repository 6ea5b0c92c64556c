"""The errors a client raises; none of their messages ever holds a credential."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "UnprocessableEntityError",
]


class APIError(Exception):
    """Base of every error this client raises."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingCredentialsError(APIError):
    """An operation needs credentials the client was not given; nothing was sent."""


class APIConnectionError(APIError):
    """The request failed in transport: no HTTP answer was received."""

    def __init__(self, message: str, *, request: httpx.Request, outcome_unknown: bool) -> None:
        super().__init__(message)
        self.request = request
        self.outcome_unknown = outcome_unknown
        """True when the request may have reached the server and was not retried."""


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
        from ._base_client import retry_after_seconds

        return retry_after_seconds(self.response)


class InternalServerError(APIStatusError):
    """HTTP 5xx."""


class ResponseValidationError(APIError):
    """A response body does not match the schema the spec declares for it."""

    def __init__(self, message: str, *, response: httpx.Response, errors: list[Any]) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.errors = errors
        """Pydantic's error list: where the body differs from the schema."""


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

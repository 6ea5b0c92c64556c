"""Hummingbot API: a typed client generated from hummingbot.yaml."""

from . import models
from ._base_client import RawResponse
from ._client import (
    AsyncHummingbotClient,
    AsyncHummingbotClientWithRawResponse,
    HummingbotClient,
    HummingbotClientWithRawResponse,
)
from ._events import AsyncEventStream, EventStream, ServerSentEvent
from ._exceptions import (
    AcceptedResponseError,
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    InvalidCredentialsError,
    MissingCredentialsError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._multipart import FileInput
from ._types import NOT_GIVEN, NotGiven
from ._version import API_VERSION as API_VERSION
from ._version import __version__ as __version__

__all__ = [
    "NOT_GIVEN",
    "AcceptedResponseError",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncHummingbotClient",
    "AsyncEventStream",
    "AsyncHummingbotClientWithRawResponse",
    "AuthenticationError",
    "BadRequestError",
    "HummingbotClient",
    "HummingbotClientWithRawResponse",
    "ConflictError",
    "EventStream",
    "FileInput",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidCredentialsError",
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResponseValidationError",
    "ServerSentEvent",
    "UnprocessableEntityError",
    "models",
]

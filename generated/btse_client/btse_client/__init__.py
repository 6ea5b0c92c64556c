"""BTSE Spot API: a typed client generated from btse.yaml."""

from . import models
from ._base_client import RawResponse
from ._client import BtseClient, BtseClientWithRawResponse
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
    MissingCredentialsError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._types import NOT_GIVEN, NotGiven

__version__ = "2.1"

__all__ = [
    "NOT_GIVEN",
    "AcceptedResponseError",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BtseClient",
    "BtseClientWithRawResponse",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResponseValidationError",
    "UnprocessableEntityError",
    "models",
]

"""BTSE Spot API: a typed client generated from btse.yaml."""

from . import models
from ._base_client import RawResponse
from ._client import BtseClient, BtseClientWithRawResponse
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    UnprocessableEntityError,
)
from ._types import NOT_GIVEN, NotGiven
from ._version import API_VERSION as API_VERSION
from ._version import __version__ as __version__

__all__ = [
    "NOT_GIVEN",
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
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResponseValidationError",
    "UnprocessableEntityError",
    "models",
]

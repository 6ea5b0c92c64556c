"""What the generator relies on of the runtime it copies into every package (`templates/runtime/`).

The generator never reads the runtime's source: these facts are stated here once, and
`tests/render/test_runtime_contract.py` checks each against the runtime itself.
"""

from __future__ import annotations

from typing import Literal

BodyKind = Literal["json", "form", "multipart", "bytes", "text"]
"""How an `Endpoint` sends a body (`_endpoint.BodyKind`)."""
AnswerKind = Literal["json", "text", "bytes", "events"]
"""How an `Endpoint` reads an answer of a media type (`_endpoint.AnswerKind`)."""

STATUS_ERRORS: dict[int, str] = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
}
"""The error class an answer of each status raises (`_exceptions.STATUS_ERRORS`); every 5xx
raises `SERVER_ERROR`, any other status `STATUS_ERROR`."""
SERVER_ERROR = "InternalServerError"
STATUS_ERROR = "APIStatusError"
CONNECTION_ERROR = "APIConnectionError"

CLIENT_ATTRIBUTES = frozenset(
    {
        "close",
        "aclose",
        "with_raw_response",
        "base_url",
        "timeout",
        "max_retries",
        "http_client",
        "clock",
        "nonce",
        "headers",
        "rate_limiter",
        "recv_window",
        "sync_clock",
        "clock_offset",
        "rate_limit_usage",
    }
)
"""Attributes and methods of a generated client, its base class `_base_client.BaseClient`
included: an operation method of the same name would replace one the client needs."""

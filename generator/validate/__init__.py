"""Validates a spec against the OpenAPI 3.0/3.1 schema, each problem at its JSON pointer.

`validation` (the two passes of openapi-spec-validator), `locating` (its keyword validators,
made to say where), `cycles` (loops found before validating), `pointers` (where a problem is
reported), `string_keys` and `messages`.
"""

from .validation import validate_spec

__all__ = ["validate_spec"]

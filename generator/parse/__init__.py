"""Builds the IR from a loaded spec, one module per OpenAPI object.

`openapi` (the document, names, servers), `security` (schemes, credentials, `x-signing`),
`operations` and `parameters`, `bodies`, `responses`, `pagination`, and `schemas` (schemas to
Python types and the models they need).
"""

from .openapi import build_api
from .operations import HTTP_METHODS

__all__ = ["HTTP_METHODS", "build_api"]

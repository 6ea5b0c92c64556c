"""Converts a Swagger 2.0 document to OpenAPI 3.0, remembering where each moved node came from.

Written here rather than taken from a library: the Python packages that convert Swagger 2.0
(prance's `convert`, funapi) upload the document to a remote conversion service, which a
generator fed with private or untrusted specs must not do (and cannot, without network access);
pyswagger's successor appswag only upgrades Swagger 1.2 to 2.0; swagger2openapi needs Node.js.
None of them says where a converted node came from, and every message about a converted spec
has to point into the file its author wrote.

One module per thing converted: `document` (the whole, and diagnostics at original pointers),
`servers`, `paths` (path items, operations and their parameter lists), `parameters`,
`simple_schemas` (the schema of a non-body parameter or header), `bodies`, `responses`,
`security`, `components`, `schemas`, `references`; `conversion` holds the state they share.
"""

from .document import OPENAPI_VERSION, OriginalPointers, convert, convert_spec, is_swagger2

__all__ = ["OPENAPI_VERSION", "OriginalPointers", "convert", "convert_spec", "is_swagger2"]

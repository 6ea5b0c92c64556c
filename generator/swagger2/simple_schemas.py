"""The Schema Object of a non-body parameter, header or items object, and collection formats."""

from __future__ import annotations

import copy
from typing import Any

# Keywords a Swagger 2.0 non-body parameter, header or items object shares with a Schema Object.
SCHEMA_KEYWORDS = (
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
)
# collectionFormat -> (style, explode) of a query parameter; None: OpenAPI 3 has no equivalent.
QUERY_STYLES: dict[str, tuple[str, bool] | None] = {
    "csv": ("form", False),
    "multi": ("form", True),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "tsv": None,
}


def simple_schema(obj: dict[str, Any]) -> dict[str, Any]:
    """The Schema Object for a non-body parameter, header or items object."""
    schema: dict[str, Any] = {}
    for key in SCHEMA_KEYWORDS:
        if key in obj:
            value = obj[key]
            schema[key] = (
                simple_schema(value)
                if key == "items" and isinstance(value, dict)
                else copy.deepcopy(value)
            )
    if obj.get("x-nullable") is True:
        schema["nullable"] = True
    if schema.get("type") == "file":
        schema["type"], schema["format"] = "string", "binary"
    return schema

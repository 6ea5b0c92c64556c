"""Parameter Objects other than bodies: a schema, and collectionFormat as style and explode."""

from __future__ import annotations

import copy
from typing import Any

from .conversion import Conversion, unknown
from .simple_schemas import QUERY_STYLES, SCHEMA_KEYWORDS, simple_schema

# Fields `parameter` rebuilds; any other is copied as it is.
PARAMETER_FIELDS = frozenset({*SCHEMA_KEYWORDS, "collectionFormat", "x-nullable"})


def parameter(value: Any, *, at: str, to: str, conversion: Conversion) -> Any:
    """The OpenAPI 3.0 form of the non-body parameter at `at`, to be placed at `to`."""
    if not isinstance(value, dict) or "$ref" in value:
        return copy.deepcopy(value)
    out = unknown(value, PARAMETER_FIELDS)
    if out.get("in") != "query":  # only query parameters may be empty in OpenAPI 3
        out.pop("allowEmptyValue", None)
    out["schema"] = simple_schema(value)
    conversion.moved(to + "/schema", at)
    location = value.get("in")
    if value.get("type") == "array":
        collection = value.get("collectionFormat", "csv")
        style = QUERY_STYLES.get(collection) if location in ("query", "cookie") else None
        if style is not None:
            out["style"], out["explode"] = style
        elif collection not in ("csv", None):
            out["x-collectionFormat"] = collection
    return out

"""Response Objects: a schema and examples per produced media type, headers with a schema."""

from __future__ import annotations

import copy
from typing import Any

from ..errors import pointer
from .conversion import Conversion, unknown
from .schemas import schema
from .simple_schemas import simple_schema

# Fields `response` rebuilds; any other is copied as it is.
_RESPONSE_FIELDS = frozenset({"schema", "headers", "examples"})


def response(value: Any, *, at: str, to: str, produces: list[str], conversion: Conversion) -> Any:
    """The OpenAPI 3.0 form of the response at `at`, to be placed at `to`."""
    if not isinstance(value, dict) or "$ref" in value:
        return copy.deepcopy(value)
    out = unknown(value, _RESPONSE_FIELDS)
    if "schema" in value:
        converted = schema(value["schema"])
        binary = isinstance(converted, dict) and converted.get("format") == "binary"
        medias = produces or ["application/octet-stream" if binary else "application/json"]
        out["content"] = {media: {"schema": copy.deepcopy(converted)} for media in medias}
        for media in medias:
            conversion.moved(to + pointer("content", media, "schema"), at + "/schema")
        conversion.moved(to + "/content", at + "/schema")
    examples = value.get("examples")
    if isinstance(examples, dict):
        content = out.setdefault("content", {})
        for media, example in examples.items():
            content.setdefault(media, {})["example"] = copy.deepcopy(example)
            conversion.moved(
                to + pointer("content", media, "example"), at + pointer("examples", media)
            )
    headers = value.get("headers")
    if isinstance(headers, dict):
        out["headers"] = {}
        for name, header in headers.items():
            header_at, header_to = at + pointer("headers", name), to + pointer("headers", name)
            if not isinstance(header, dict):
                out["headers"][name] = copy.deepcopy(header)
                continue
            converted_header = {
                k: copy.deepcopy(v)
                for k, v in header.items()
                if k == "description" or str(k).startswith("x-")
            }
            converted_header["schema"] = simple_schema(header)
            conversion.moved(header_to + "/schema", header_at)
            out["headers"][name] = converted_header
    return out

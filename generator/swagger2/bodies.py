"""Request Body Objects from a `body` parameter or from `formData` parameters."""

from __future__ import annotations

import copy
from typing import Any

from ..errors import pointer
from .conversion import Conversion, unknown
from .parameters import PARAMETER_FIELDS
from .schemas import schema
from .simple_schemas import QUERY_STYLES, simple_schema

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Fields each converter rebuilds; any other is copied as it is.
_BODY_FIELDS = frozenset({"name", "in", "schema"})
_FORM_FIELDS = frozenset({*PARAMETER_FIELDS, "name", "in", "required", "allowEmptyValue"})


def body(
    parameter: dict[str, Any], *, at: str, to: str, consumes: list[str], conversion: Conversion
) -> Any:
    """The request body the `body` parameter at `at` declares, one content entry per type."""
    out = unknown(parameter, _BODY_FIELDS)
    out["content"] = {}
    for media in consumes or ["application/json"]:
        out["content"][media] = {"schema": schema(parameter.get("schema", {}))}
        conversion.moved(to + pointer("content", media, "schema"), at + "/schema")
    conversion.moved(to + "/content", at)
    return out


def form(
    parameters: list[tuple[dict[str, Any], str]],
    *,
    to: str,
    consumes: list[str],
    conversion: Conversion,
) -> Any:
    """The request body `formData` parameters (each with its pointer) declare together."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    encoding: dict[str, Any] = {}
    has_file = any(p.get("type") == "file" for p, _ in parameters)
    medias = [m for m in consumes if m in _FORM_TYPES] or [
        _FORM_TYPES[1] if has_file else _FORM_TYPES[0]
    ]
    for parameter, at in parameters:
        name = str(parameter.get("name", ""))
        property_schema = simple_schema(parameter)
        property_schema.update(unknown(parameter, _FORM_FIELDS))
        properties[name] = property_schema
        if parameter.get("required") is True:
            required.append(name)
        collection = parameter.get("collectionFormat", "csv")
        style = QUERY_STYLES.get(collection) if property_schema.get("type") == "array" else None
        if style is not None:
            encoding[name] = {"style": style[0], "explode": style[1]}
        for media in medias:
            conversion.moved(to + pointer("content", media, "schema", "properties", name), at)
    form_schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        form_schema["required"] = required
    content: dict[str, Any] = {}
    for media in medias:
        content[media] = {"schema": copy.deepcopy(form_schema)}
        if encoding and media == _FORM_TYPES[0]:
            content[media]["encoding"] = copy.deepcopy(encoding)
    conversion.moved(to + "/content", parameters[0][1])
    out: dict[str, Any] = {"content": content}
    if required:
        out["required"] = True
    return out

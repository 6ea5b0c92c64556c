"""Request bodies: an object's fields flattened into keyword arguments, anything else as `body`."""

from __future__ import annotations

import re
from typing import Any

from ..errors import pointer
from ..ir import nodes as ir
from ..ir import pytypes as t
from ..ir.naming import pascal_case
from ..ir.runtime_contract import BodyKind
from ._context import ParseContext, text
from .parameters import ArgumentNames, Unsupported, argument_name
from .schema_kinds import schema_example, type_list
from .schemas import SchemaTypes

JSON_MEDIA = re.compile(r"^application/([\w.-]+\+)?json(;.*)?$|^\*/\*$")
FORM_MEDIA = "application/x-www-form-urlencoded"


def request_body(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    operation: dict[str, Any],
    at: str,
    hint: str,
    taken: ArgumentNames,
) -> tuple[ir.RequestBody | None, list[ir.Argument], Any]:
    """The body, the arguments that fill it, and the spec's example of it."""
    if operation.get("requestBody") is None:
        return None, [], None
    body_at = at + "/requestBody"
    body = ctx.mapping(operation["requestBody"], body_at, "requestBody")
    content = ctx.optional_mapping(body, "content", body_at + "/content")
    if not content:
        return None, [], None
    # JSON first, then a form, multipart form data, and raw content in the spec's order.
    media = min(map(str, content), key=lambda m: _PREFERENCE.index(body_kind(m)))
    kind = body_kind(media)
    media_at = body_at + pointer("content", media)
    media_obj = ctx.mapping(content[media], media_at)
    schema = media_obj.get("schema") or {}
    example = _example(ctx, media_obj, media_at)
    required = body.get("required") is True
    description = text(body.get("description"))
    resolved = ctx.resolve(schema)
    if kind in ("bytes", "text"):
        body_type: t.PyType = t.BYTES if kind == "bytes" else t.STR
        argument = ir.Argument(
            argument_name("body", "body", taken), "body", "body", body_type, required, description
        )
        body_ir = ir.RequestBody(media, body_type, required, False, description, kind)
        return body_ir, [argument], None
    body_type = types.annotate(schema, f"{hint}Request")
    flattenable = (
        isinstance(body_type, t.ModelType)
        and isinstance(resolved, dict)
        and isinstance(resolved.get("properties"), dict)
        and not any(k in resolved for k in ("allOf", "oneOf", "anyOf"))
    )
    if kind == "multipart" and not flattenable:
        raise Unsupported(
            media_at + "/schema", "a multipart body that is not an object of properties"
        )
    if not (
        isinstance(body_type, t.ModelType)
        and isinstance(resolved, dict)
        and isinstance(resolved.get("properties"), dict)
        and not any(k in resolved for k in ("allOf", "oneOf", "anyOf"))
    ):
        argument = ir.Argument(
            argument_name("body", "body", taken), "body", "body", body_type, required, description
        )
        body_ir = ir.RequestBody(media, body_type, required, False, description, kind)
        return body_ir, [argument], example
    assert isinstance(resolved, dict) and isinstance(body_type, t.ModelType)
    required_fields = resolved.get("required")
    required_fields = (
        {f for f in required_fields if isinstance(f, str)}
        if isinstance(required_fields, list)
        else set()
    )
    arguments = []
    files = []
    for name, prop in resolved["properties"].items():
        prop_resolved = ctx.resolve(prop)
        prop_resolved = prop_resolved if isinstance(prop_resolved, dict) else {}
        if prop_resolved.get("readOnly") is True:
            continue
        type_ = types.annotate(prop, f"{body_type.name}{pascal_case(str(name))}")
        if kind == "multipart" and _is_file(ctx, prop_resolved):
            file = types.runtime_type("_multipart", "FileInput")
            many = isinstance(type_.without_none(), t.ListType)
            type_ = t.ListType(file) if many else file
            if _nullable(prop_resolved):
                type_ = t.optional(type_)
            files.append(str(name))
        arguments.append(
            ir.Argument(
                name=argument_name(str(name), "body", taken),
                wire_name=str(name),
                location="body",
                type=type_,
                required=required and name in required_fields,
                description=text(prop_resolved.get("description")),
                default=prop_resolved.get("default"),
                example=schema_example(prop_resolved),
            )
        )
    body_ir = ir.RequestBody(media, body_type, required, True, description, kind, frozenset(files))
    return body_ir, arguments, example


_PREFERENCE: tuple[BodyKind, ...] = ("json", "form", "multipart", "bytes", "text")


def body_kind(media_type: str) -> BodyKind:
    """How a request body of this media type is written."""
    essence = media_type.split(";", 1)[0].strip().lower()
    if JSON_MEDIA.match(essence):
        return "json"
    if essence == FORM_MEDIA:
        return "form"
    if essence == "multipart/form-data":
        return "multipart"
    return "text" if essence.startswith("text/") else "bytes"


def _is_file(ctx: ParseContext, schema: dict[str, Any]) -> bool:
    """Whether a multipart property is a file: binary content, or an array of it."""
    if "array" in type_list(schema):
        items = ctx.resolve(schema.get("items"))
        return isinstance(items, dict) and _is_file(ctx, items)
    return schema.get("format") == "binary" or "contentMediaType" in schema


def _nullable(schema: dict[str, Any]) -> bool:
    return schema.get("nullable") is True or "null" in type_list(schema)


def _example(ctx: ParseContext, media: dict[str, Any], at: str) -> Any:
    if media.get("example") is not None:
        return media["example"]
    examples = media.get("examples")
    if isinstance(examples, dict) and examples:
        first = ctx.mapping(next(iter(examples.values())), at + "/examples")
        return first.get("value")
    return None

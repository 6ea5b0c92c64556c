"""Request bodies: an object's fields flattened into keyword arguments, anything else as `body`."""

from __future__ import annotations

import re
from typing import Any

from .. import _ir as ir
from .. import _pytypes as t
from .._errors import pointer
from .._naming import pascal_case
from ._context import ParseContext, text
from .parameters import Unsupported, argument_name
from .schemas import SchemaTypes, schema_example

JSON_MEDIA = re.compile(r"^application/([\w.-]+\+)?json(;.*)?$|^\*/\*$")
FORM_MEDIA = "application/x-www-form-urlencoded"


def request_body(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    operation: dict[str, Any],
    at: str,
    hint: str,
    taken: set[str],
) -> tuple[ir.RequestBody | None, list[ir.Argument], Any]:
    """The body, the arguments that fill it, and the spec's example of it."""
    if operation.get("requestBody") is None:
        return None, [], None
    body_at = at + "/requestBody"
    body = ctx.mapping(operation["requestBody"], body_at, "requestBody")
    content = ctx.optional_mapping(body, "content", body_at + "/content")
    media = next((m for m in content if JSON_MEDIA.match(str(m))), None) or (
        FORM_MEDIA if FORM_MEDIA in content else None
    )
    if media is None:
        if content:
            raise Unsupported(
                body_at + "/content",
                f"request media type(s) {sorted(map(str, content))} (JSON and form bodies only)",
            )
        return None, [], None
    media_at = body_at + pointer("content", media)
    media_obj = ctx.mapping(content[media], media_at)
    schema = media_obj.get("schema") or {}
    example = _example(ctx, media_obj, media_at)
    required = body.get("required") is True
    description = text(body.get("description"))
    resolved = ctx.resolve(schema)
    body_type = types.annotate(schema, f"{hint}Request")
    if not (
        isinstance(body_type, t.ModelType)
        and isinstance(resolved, dict)
        and isinstance(resolved.get("properties"), dict)
        and not any(k in resolved for k in ("allOf", "oneOf", "anyOf"))
    ):
        argument = ir.Argument(
            argument_name("body", "body", taken), "body", "body", body_type, required, description
        )
        return ir.RequestBody(media, body_type, required, False, description), [argument], example
    required_fields = resolved.get("required")
    required_fields = (
        {f for f in required_fields if isinstance(f, str)}
        if isinstance(required_fields, list)
        else set()
    )
    arguments = []
    for name, prop in resolved["properties"].items():
        prop_resolved = ctx.resolve(prop)
        prop_resolved = prop_resolved if isinstance(prop_resolved, dict) else {}
        if prop_resolved.get("readOnly") is True:
            continue
        arguments.append(
            ir.Argument(
                name=argument_name(str(name), "body", taken),
                wire_name=str(name),
                location="body",
                type=types.annotate(prop, f"{body_type.name}{pascal_case(str(name))}"),
                required=required and name in required_fields,
                description=text(prop_resolved.get("description")),
                default=prop_resolved.get("default"),
                example=schema_example(prop_resolved),
            )
        )
    return ir.RequestBody(media, body_type, required, True, description), arguments, example


def _example(ctx: ParseContext, media: dict[str, Any], at: str) -> Any:
    if media.get("example") is not None:
        return media["example"]
    examples = media.get("examples")
    if isinstance(examples, dict) and examples:
        first = ctx.mapping(next(iter(examples.values())), at + "/examples")
        return first.get("value")
    return None

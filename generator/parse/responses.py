"""Responses: the type of each documented answer, and what the method returns."""

from __future__ import annotations

from typing import Any

from ..errors import pointer
from ..ir import nodes as ir
from ..ir import pytypes as t
from ..ir.extensions import Envelope
from ..ir.runtime_contract import AnswerKind
from ._context import ParseContext, text
from .bodies import JSON_MEDIA
from .schema_kinds import has_property
from .schemas import SchemaTypes


def status_order(status: Any) -> tuple[int, str]:
    """Sort key: numeric statuses, then ranges like 4XX, then `default`."""
    code = str(status)
    if code == "default":
        return 999, code
    if code[1:].upper() == "XX" and code[:1].isdigit():
        return int(code[0]) * 100, code
    return (int(code) if code.isdigit() else 998), code


def responses(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    operation: dict[str, Any],
    at: str,
    hint: str,
    envelope: Envelope | None,
) -> list[ir.Response]:
    """Every documented response, in status order."""
    raw = ctx.optional_mapping(operation, "responses", at + "/responses")
    several_successes = len([s for s in raw if str(s).startswith("2")]) > 1
    found = []
    for status in sorted(raw, key=status_order):
        response_at = at + pointer("responses", str(status))
        response = ctx.mapping(raw[status], response_at, "a response")
        code = str(status)
        payload = payload_schema(ctx, response=response, status=code, envelope=envelope)
        content = response.get("content")
        media = (
            tuple((str(m), answer_kind(str(m))) for m in content)
            if isinstance(content, dict)
            else ()
        )
        type_: t.PyType | None = None
        unwrapped = False
        if payload is not None:
            schema, unwrapped = payload
            if unwrapped:
                suffix = "Data"
            elif code.startswith("2"):
                suffix = f"Response{code}" if several_successes else "Response"
            else:
                suffix = f"Error{code.title()}"
            type_ = types.annotate(schema, f"{hint}{suffix}")
        found.append(ir.Response(code, text(response.get("description")), type_, unwrapped, media))
    return found


def answer_kind(media_type: str) -> AnswerKind:
    """How a response of this media type is read."""
    essence = media_type.split(";", 1)[0].strip().lower()
    if JSON_MEDIA.match(essence):
        return "json"
    if essence == "text/event-stream":
        return "events"
    return "text" if essence.startswith("text/") else "bytes"


def result_type(found: list[ir.Response], types: SchemaTypes) -> t.PyType:
    """What the method returns: the union of its answers' types, every media type's."""
    success = [r for r in found if r.status.startswith("2")] or [
        r for r in found if r.status == "default"
    ]
    kinds = {
        "text": t.STR,
        "bytes": t.BYTES,
        "events": types.runtime_type("_events", "EventStream"),
    }
    members: list[t.PyType] = []
    for r in success:
        read = [kinds[kind] for _, kind in r.media if kind != "json"]
        json = [r.type] if r.type is not None else []
        members += json + read if json or read else [t.NONE]
    return t.union(members) if members else t.NONE


def payload_schema(
    ctx: ParseContext, *, response: dict[str, Any], status: str, envelope: Envelope | None
) -> tuple[Any, bool] | None:
    """The JSON schema of a response's payload, and whether it was unwrapped from the
    envelope's data property (2xx answers only)."""
    content = response.get("content")
    if not isinstance(content, dict):
        return None
    media = next((m for m in content if JSON_MEDIA.match(str(m))), None)
    media_obj = content.get(media) if media is not None else None
    if not isinstance(media_obj, dict) or media_obj.get("schema") is None:
        return None
    schema = media_obj["schema"]
    resolved = ctx.resolve(schema)
    if envelope and status.startswith("2") and has_property(resolved, envelope.data):
        return resolved["properties"][envelope.data], True
    return schema, False


def success_schema(
    ctx: ParseContext, *, operation: dict[str, Any], envelope: Envelope | None
) -> Any:
    """The payload schema of the first 2xx response that has one."""
    raw = operation.get("responses")
    if not isinstance(raw, dict):
        return {}
    for status in sorted(raw, key=status_order):
        if str(status).startswith("2"):
            response = ctx.resolve(raw[status])
            if isinstance(response, dict):
                payload = payload_schema(
                    ctx, response=response, status=str(status), envelope=envelope
                )
                if payload is not None:
                    return payload[0]
    return {}

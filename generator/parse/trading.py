"""What a trading client needs beyond the operations: client order ids, answers that executed
nothing, the server's clock and the rate limits, each checked where the spec declares it."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from ..boundary import Identifier
from ..ir import nodes as ir
from ..ir.extensions import (
    ClientOrderId,
    Envelope,
    NotExecuted,
    RateLimitCost,
    RateLimits,
    ServerTime,
    read_extension,
)
from ._context import ParseContext
from .pagination import _at_path
from .responses import success_schema
from .schema_kinds import type_list

# A fresh id must not repeat one the caller made before: at least this many random bits.
_MIN_BITS = 64
_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def alphabet(characters: str) -> str:
    """The characters of a set written like `0-9A-Za-z_-`, as the runtime reads it."""
    chars: list[str] = []
    at = 0
    while at < len(characters):
        if at + 2 < len(characters) and characters[at + 1] == "-":
            low, high = ord(characters[at]), ord(characters[at + 2])
            chars.extend(chr(c) for c in range(low, high + 1))
            at += 3
        else:
            chars.append(characters[at])
            at += 1
    return "".join(dict.fromkeys(chars))


def client_order_id(
    ctx: ParseContext,
    *,
    operation: dict[str, Any],
    at: str,
    body: ir.RequestBody | None,
    body_arguments: list[ir.Argument],
) -> ClientOrderId | None:
    """`x-client-order-id`, refused unless the generator can fill in ids the API accepts."""
    if "x-client-order-id" not in operation:
        return None
    at += "/x-client-order-id"
    declared = read_extension(ClientOrderId, operation["x-client-order-id"], at, ctx.diagnostics)
    if declared is None:
        return None
    by_wire = {a.wire_name: a for a in body_arguments}
    if body is None or not body.flattened or declared.field not in by_wire:
        ctx.diagnostics.error(
            at + "/field",
            f"x-client-order-id field {declared.field!r} is not a property of this "
            "operation's object body",
        )
        return None
    chars = alphabet(declared.characters)
    bad = [c for c in chars if not c.isprintable() or c.isspace()]
    length = declared.length or declared.max_length
    random_part = length - len(declared.prefix)
    bits = random_part * math.log2(len(chars)) if chars and random_part > 0 else 0.0
    problem = None
    if declared.max_length < 1:
        problem = "`max-length` must be at least 1"
    elif bad:
        problem = f"`characters` {declared.characters!r} has unprintable or blank characters"
    elif declared.length < 0 or length > declared.max_length:
        problem = f"`length` {declared.length} is not between 1 and `max-length`"
    elif any(c not in chars for c in declared.prefix):
        problem = f"`prefix` {declared.prefix!r} has characters outside `characters`"
    elif bits < _MIN_BITS:
        problem = (
            f"an id of {max(random_part, 0)} random characters from the {len(chars)} of "
            f"{declared.characters!r} has {bits:.0f} bits: the generator cannot make ids unique "
            f"enough (at least {_MIN_BITS} bits); allow longer ids or more characters"
        )
    if problem is None:
        problem = _schema_refuses(ctx, operation, declared.field, length)
    if problem is not None:
        ctx.diagnostics.error(at, f"x-client-order-id format cannot be honoured: {problem}")
        return None
    return declared


def _schema_refuses(
    ctx: ParseContext, operation: dict[str, Any], field: str, length: int
) -> str | None:
    """Why the body schema of `field` would refuse a generated id, if it would."""
    content = ctx.resolve(operation.get("requestBody") or {}).get("content") or {}
    for media in content.values():
        schema = ctx.resolve(ctx.resolve(media).get("schema") or {})
        prop = ctx.resolve(_at_path(ctx, schema, (field,)) or {})
        if not isinstance(prop, dict):
            continue
        kinds = [k for k in type_list(prop) if k != "null"]
        if kinds and kinds != ["string"]:
            return f"the body property {field!r} is not a string"
        most = prop.get("maxLength")
        if isinstance(most, int) and most < length:
            return f"the body property {field!r} allows at most {most} characters, not {length}"
    return None


def rate_limit_cost(
    ctx: ParseContext, *, operation: dict[str, Any], at: str
) -> RateLimitCost | None:
    """`x-rate-limit` as declared (its names are checked against `x-rate-limits` later)."""
    if "x-rate-limit" not in operation:
        return None
    return read_extension(
        RateLimitCost, operation["x-rate-limit"], at + "/x-rate-limit", ctx.diagnostics
    )


def api_extensions(
    ctx: ParseContext, operations: tuple[ir.Operation, ...], envelope: Envelope | None
) -> tuple[NotExecuted | None, ServerTime | None, RateLimits | None]:
    """The root extensions, checked against the operations."""
    document = ctx.document
    not_executed = None
    if document.get("x-not-executed") is not None:
        not_executed = read_extension(
            NotExecuted, document["x-not-executed"], "/x-not-executed", ctx.diagnostics
        )
        for i, status in enumerate(not_executed.statuses if not_executed else ()):
            if not (status.isdigit() and len(status) == 3 and status[0] in "45"):
                ctx.diagnostics.error(
                    f"/x-not-executed/statuses/{i}", f"{status!r} is not a 4xx or 5xx status"
                )
    limits = None
    if document.get("x-rate-limits") is not None:
        limits = read_extension(
            RateLimits, document["x-rate-limits"], "/x-rate-limits", ctx.diagnostics
        )
    names = {limit.name for limit in limits.limits} if limits else set()
    for name, _ in limits.headers if limits else ():
        if name not in names:
            ctx.diagnostics.error(
                "/x-rate-limits/headers", f"{name!r} is not a limit of x-rate-limits"
            )
    for op in operations:
        for name, _ in op.rate_limit.buckets if op.rate_limit else ():
            if name not in names:
                ctx.diagnostics.error(
                    _operation_pointer(ctx, op.operation_id) + "/x-rate-limit/buckets",
                    f"{name!r} is not a limit declared in x-rate-limits",
                )
    server_time = None
    if document.get("x-server-time") is not None:
        server_time = _server_time(ctx, operations, envelope)
    return not_executed, server_time, limits


def _server_time(
    ctx: ParseContext, operations: tuple[ir.Operation, ...], envelope: Envelope | None
) -> ServerTime | None:
    at = "/x-server-time"
    declared = read_extension(ServerTime, ctx.document[at[1:]], at, ctx.diagnostics)
    if declared is None:
        return None
    op = next((o for o in operations if o.operation_id == declared.operation), None)
    if op is None:
        ctx.diagnostics.error(
            at + "/operation", f"no operation has the operationId {declared.operation!r}"
        )
        return None
    if op.http_method != "GET" or any(a.required for a in op.arguments):
        ctx.diagnostics.error(
            at + "/operation",
            f"{declared.operation!r} must be a GET with no required argument",
        )
        return None
    raw = _raw_operation(ctx, declared.operation)
    answer = success_schema(ctx, operation=raw, envelope=envelope if op.envelope else None)
    found = _at_path(ctx, answer, declared.time) if declared.time else answer
    kinds = type_list(ctx.resolve(found)) if isinstance(ctx.resolve(found), dict) else []
    wanted = ["string"] if declared.unit == "iso" else ["integer", "number", "string"]
    if found is None or not any(k in wanted for k in kinds):
        ctx.diagnostics.error(
            at + "/time",
            f"the answer of {declared.operation!r} has no time at "
            f"{'.'.join(declared.time) or '(the answer)'!r} (wanted a {' or '.join(wanted)})",
        )
        return None
    return replace(declared, endpoint=Identifier(str(op.endpoint_name)))


def _raw_operation(ctx: ParseContext, operation_id: str) -> dict[str, Any]:
    for item in (ctx.document.get("paths") or {}).values():
        item = ctx.resolve(item)
        for method in _HTTP_METHODS:
            raw = item.get(method) if isinstance(item, dict) else None
            if isinstance(raw, dict) and raw.get("operationId") == operation_id:
                return raw
    return {}


def _operation_pointer(ctx: ParseContext, operation_id: str) -> str:
    for path, item in (ctx.document.get("paths") or {}).items():
        item = ctx.resolve(item)
        for method in _HTTP_METHODS:
            raw = item.get(method) if isinstance(item, dict) else None
            if isinstance(raw, dict) and raw.get("operationId") == operation_id:
                return "/paths/" + str(path).replace("~", "~0").replace("/", "~1") + "/" + method
    return ""

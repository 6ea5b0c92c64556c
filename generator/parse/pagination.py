"""`x-pagination`: checked against the operation's arguments and its answer's schema."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..ir import nodes as ir
from ..ir import pytypes as t
from ..ir.extensions import Envelope, Pagination, read_extension
from ._context import ParseContext
from .responses import success_schema
from .schema_kinds import has_property, type_list
from .schemas import SchemaTypes

_NEEDED = {"page": "page", "offset": "offset", "cursor": "cursor"}
_MOVING = ("page", "limit", "offset", "cursor")


def pagination(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    operation: dict[str, Any],
    at: str,
    arguments: list[ir.Argument],
    envelope: Envelope | None,
    hint: str,
) -> tuple[Pagination, t.PyType] | None:
    """The operation's pager with argument names in place of wire names, and its item type."""
    if "x-pagination" not in operation:
        return None
    at += "/x-pagination"
    declared = read_extension(Pagination, operation["x-pagination"], at, ctx.diagnostics)
    if declared is None:
        return None
    needed = _NEEDED[declared.style]
    by_wire = {a.wire_name: a for a in arguments}
    names: dict[str, Any] = {}
    ok = True
    for key in _MOVING:
        wire = getattr(declared, key)
        if wire is None:
            if key == needed:
                ctx.diagnostics.error(
                    at,
                    f"x-pagination style {declared.style!r} needs `{key}` (the parameter that carries it)",
                )
                ok = False
            names[key] = None
        elif wire not in by_wire:
            ctx.diagnostics.error(
                f"{at}/{key}",
                f"x-pagination {key} {wire!r} is not a parameter or body field of this operation",
            )
            ok = False
        else:
            names[key] = str(by_wire[wire].name)
    if not ok:
        return None
    answer = success_schema(ctx, operation=operation, envelope=envelope)
    for key, path in (("items", declared.items), ("total", declared.total)):
        if _at_path(ctx, answer, path) is None:
            ctx.diagnostics.error(
                f"{at}/{key}",
                f"x-pagination {key} path {'.'.join(path)!r} is not in the response schema",
            )
            return None
    resolved = ctx.resolve(_at_path(ctx, answer, declared.items))
    if not isinstance(resolved, dict) or [k for k in type_list(resolved) if k != "null"] != [
        "array"
    ]:
        ctx.diagnostics.error(
            at + "/items",
            f"x-pagination items {'.'.join(declared.items) or '(the response)'!r} is not an array",
        )
        return None
    item_type = types.annotate(resolved.get("items") or {}, f"{hint}Item")
    limit = by_wire.get(declared.limit) if declared.limit else None
    default_limit = (
        limit.default
        if limit and isinstance(limit.default, int) and not isinstance(limit.default, bool)
        else None
    )
    return replace(declared, **names, default_limit=default_limit), item_type


def _at_path(ctx: ParseContext, schema: Any, path: tuple[str, ...]) -> Any:
    """The schema at the dotted property path `path` inside `schema`, or None if undeclared."""
    for part in path:
        resolved = ctx.resolve(schema)
        if not has_property(resolved, part):
            return None
        schema = resolved["properties"][part]
    return schema

"""Paths and operations: one client method per operation, named without collisions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..boundary import Identifier
from ..errors import pointer
from ..ir import nodes as ir
from ..ir import pytypes as t
from ..ir.extensions import Envelope
from ..ir.lock import suffixed
from ..ir.naming import CLIENT_ATTRIBUTES, free_name, pascal_case, snake_case
from ._context import ParseContext, text
from .bodies import request_body
from .pagination import pagination
from .parameters import PATH_TEMPLATE, ArgumentNames, Unsupported, parameters
from .responses import responses, result_type
from .schema_kinds import CONSTRAINT_KEYS
from .schemas import SchemaTypes
from .security import requirements
from .trading import client_order_id, rate_limit_cost

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    scheme_names: set[str],
    declared_schemes: set[str],
    signer_fills: Mapping[str, frozenset[tuple[str, str]]],
    envelope: Envelope | None,
) -> tuple[ir.Operation, ...]:
    """Every operation of `paths` in document order; a broken one is left out with a problem."""
    found: list[ir.Operation] = []
    ids: dict[str, str] = {}
    methods: dict[str, str] = {}  # method name -> the operation's pointer
    locked = ctx.lock.method_names  # no new operation takes one of these
    for path, raw_item in ctx.optional_mapping(ctx.document, "paths", "/paths").items():
        item_at = pointer("paths", str(path))
        if not isinstance(path, str) or not path.startswith("/"):
            ctx.diagnostics.skippable(item_at, f"path {path!r} must start with '/'")
            continue
        item = ctx.mapping(raw_item, item_at, "a path item")
        for method in [key for key in item if key in HTTP_METHODS]:  # in document order
            at = item_at + pointer(method)
            raw = ctx.mapping(item[method], at, "an operation")
            given = raw.get("operationId")
            if given is not None and not isinstance(given, str):
                ctx.diagnostics.skippable(at + "/operationId", "operationId must be a string")
                given = None
            operation_id = given or derived_operation_id(method, path)
            if operation_id in ids:
                ctx.diagnostics.skippable(
                    at + "/operationId",
                    f"duplicate operationId {operation_id!r} (first at {ids[operation_id]}) "
                    "(lenient mode skips the operation)",
                )
                continue
            ids[operation_id] = at
            method_name = _method_name(ctx, operation_id, method, at, methods, locked)
            methods[method_name] = at
            errors_before = len(ctx.diagnostics.errors)
            operation = _operation(
                ctx,
                types,
                path=path,
                method=method,
                raw=raw,
                item=item,
                at=at,
                operation_id=operation_id,
                method_name=Identifier(method_name),
                scheme_names=scheme_names,
                declared_schemes=declared_schemes,
                signer_fills=signer_fills,
                envelope=envelope,
            )
            if operation is not None and len(ctx.diagnostics.errors) == errors_before:
                found.append(operation)
    if methods and not found and not ctx.diagnostics.errors:
        ctx.diagnostics.error(
            "/paths", f"none of the {len(methods)} operations can be generated (see the warnings)"
        )
    for op in found:
        if f"iter_{op.method_name}" in methods:
            ctx.diagnostics.error(
                "/paths",
                f"method iter_{op.method_name}() is both an operation and the pager of {op.method_name}()",
            )
    return tuple(found)


def _method_name(
    ctx: ParseContext,
    operation_id: str,
    method: str,
    at: str,
    methods: dict[str, str],
    locked: set[str],
) -> str:
    """The method of an operation: the name the previous generation gave it, else
    `snake_case(operationId)`, suffixed (with a warning) when the client or another operation,
    or a locked name, has it."""
    previous = ctx.lock.method(operation_id)
    if previous is not None and previous not in CLIENT_ATTRIBUTES and previous not in methods:
        return previous
    name = snake_case(operation_id)
    if not name.lstrip("_")[:1].isalpha():
        # `operationId: '001'`: a method named after digits reads as private, and its endpoint
        # attribute (upper case) would be the same name.
        name = snake_case(f"{method}_{operation_id}")
    free = free_name(name, CLIENT_ATTRIBUTES)
    if free != name:
        ctx.diagnostics.warning(
            at + "/operationId",
            f"operationId {operation_id!r} is the method {free}(): {name} is the client's own",
        )
    unique = suffixed(free, methods.keys() | locked)
    if unique != free:
        first = methods.get(free, "the previous generation of this package")
        ctx.diagnostics.warning(
            at + "/operationId",
            f"operationId {operation_id!r} maps to method {free}(), as does the operation at "
            f"{first}: this one is {unique}()",
        )
    return unique


def _operation(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    path: str,
    method: str,
    raw: dict[str, Any],
    item: dict[str, Any],
    at: str,
    operation_id: str,
    method_name: Identifier,
    scheme_names: set[str],
    declared_schemes: set[str],
    signer_fills: Mapping[str, frozenset[tuple[str, str]]],
    envelope: Envelope | None,
) -> ir.Operation | None:
    hint = pascal_case(operation_id)
    taken = ArgumentNames(ctx.lock, operation_id)
    security = requirements(
        ctx, operation=raw, at=at, scheme_names=scheme_names, declared=declared_schemes
    )
    filled = frozenset(
        fill for alternative in security for name in alternative for fill in signer_fills[name]
    )
    try:
        arguments, schemas = parameters(
            ctx,
            types,
            path=path,
            item=item,
            operation=raw,
            at=at,
            hint=hint,
            taken=taken,
            filled=filled,
        )
        body, body_arguments, example = request_body(
            ctx, types, operation=raw, at=at, hint=hint, taken=taken
        )
    except Unsupported as exc:
        if exc.what:  # (one without a heading has reported its problems already)
            ctx.diagnostics.skippable(
                exc.at, f"{exc.what}: {exc} (lenient mode skips the operation)"
            )
        return None
    found = responses(ctx, types, operation=raw, at=at, hint=hint, envelope=envelope)
    checked = parameter_models(ctx, types, arguments=arguments, schemas=schemas, hint=hint)
    pager = pagination(
        ctx,
        types,
        operation=raw,
        at=at,
        arguments=arguments + body_arguments,
        envelope=envelope,
        hint=hint,
    )
    order_id = client_order_id(ctx, operation=raw, at=at, body=body, body_arguments=body_arguments)
    cost = rate_limit_cost(ctx, operation=raw, at=at)
    return ir.Operation(
        operation_id=operation_id,
        method_name=method_name,
        endpoint_name=Identifier("_" + method_name.upper().lstrip("_")),
        http_method=method.upper(),
        path=path,
        summary=text(raw.get("summary")),
        description=text(raw.get("description")),
        arguments=tuple(sorted(arguments + body_arguments, key=lambda a: not a.required)),
        body=body,
        result_type=result_type(found, types),
        responses=tuple(found),
        security=security,
        idempotent=raw.get("x-idempotent") is True,
        envelope=any(r.unwrapped for r in found if r.status.startswith("2")),
        deprecated=raw.get("deprecated") is True,
        pagination=pager[0] if pager else None,
        page_item_type=pager[1] if pager else None,
        parameter_types=checked,
        request_example=example,
        example=_x_example(ctx, raw=raw, at=at, arguments=arguments + body_arguments),
        client_order_id=order_id,
        rate_limit=cost,
    )


def _x_example(
    ctx: ParseContext, *, raw: dict[str, Any], at: str, arguments: list[ir.Argument]
) -> dict[str, Any] | None:
    """`x-example`, checked: its keys are wire names of arguments and cover the required ones."""
    example = raw.get("x-example")
    if example is None:
        return None
    at += "/x-example"
    if not isinstance(example, dict):
        ctx.diagnostics.error(at, "x-example must be a mapping of argument wire names to values")
        return None
    wires = {a.wire_name for a in arguments}
    unknown = sorted(str(k) for k in example if k not in wires)
    missing = sorted(a.wire_name for a in arguments if a.required and a.wire_name not in example)
    if unknown:
        ctx.diagnostics.error(
            at, f"x-example names {unknown}, which are not arguments of this operation"
        )
    if missing:
        ctx.diagnostics.error(at, f"x-example leaves out the required arguments {missing}")
    return None if unknown or missing else example


_LOCATION_MODELS = {
    "path": "PathParameters",
    "query": "Query",
    "header": "Headers",
    "cookie": "Cookies",
}


def _needs_checking(ctx: ParseContext, schema: Any, depth: int = 0) -> bool:
    schema = ctx.resolve(schema)
    if not isinstance(schema, dict) or depth > 16:
        return False
    declared = schema.get("type")
    kinds = {str(k) for k in declared} if isinstance(declared, list) else {str(declared)}
    # Values the schema constrains, or that the runtime must write exactly (decimals) or spell as
    # the schema says (booleans).
    if CONSTRAINT_KEYS & set(schema) or {"number", "boolean"} & kinds:
        return True
    if schema.get("format") == "decimal":
        return True
    members = [schema.get("items")] + [
        m for key in ("anyOf", "oneOf", "allOf") for m in (schema.get(key) or [])
    ]
    return any(_needs_checking(ctx, m, depth + 1) for m in members if m is not None)


def parameter_models(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    arguments: list[ir.Argument],
    schemas: dict[tuple[str, str], Any],
    hint: str,
) -> tuple[tuple[str, t.PyType], ...]:
    """A model per parameter location whose values the schema constrains beyond their Python
    type, so the runtime checks them before sending as it checks a body."""
    found = []
    for location, suffix in _LOCATION_MODELS.items():
        located = [a for a in arguments if a.location == location]
        if not any(_needs_checking(ctx, schemas.get((a.wire_name, location))) for a in located):
            continue
        schema = {
            "type": "object",
            "properties": {
                a.wire_name: schemas.get((a.wire_name, location)) or {} for a in located
            },
            "required": [a.wire_name for a in located if a.required],
        }
        found.append((location, types.model(schema, f"{hint}{suffix}")))
    return tuple(found)


def derived_operation_id(method: str, path: str) -> str:
    """An operationId for an operation that has none: `get_orders_by_id` for GET /orders/{id}."""
    words = [
        f"by_{m.group(1)}" if m else part
        for part in path.split("/")
        for m in [PATH_TEMPLATE.fullmatch(part)]
    ]
    return "_".join([method, *(w for w in words if w)])

"""Path, query and header parameters of an operation, as keyword arguments."""

from __future__ import annotations

import re
from typing import Any

from ..boundary import Identifier
from ..errors import pointer
from ..ir import nodes as ir
from ..ir.lock import EMPTY, NameLock
from ..ir.naming import METHOD_OPTIONS, free_name, pascal_case, snake_case
from ._context import ParseContext, text
from .schema_kinds import schema_example
from .schemas import SchemaTypes

PATH_TEMPLATE = re.compile(r"\{([^}/]+)\}")
_LOCATIONS = ("path", "query", "header", "cookie")
_SKIPS = " (lenient mode skips the operation)"
# Query styles beside `form`, and what joins an array's items when it is not exploded.
_QUERY_STYLES = {"deepObject": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


class Unsupported(Exception):
    """A construct the generator cannot turn into a method; the operation is skipped or fails.

    `what` heads the message: "unsupported", or "invalid" for a part of the operation the
    spec gets wrong."""

    def __init__(self, at: str, message: str, *, what: str = "unsupported") -> None:
        super().__init__(message)
        self.at = at
        self.what = what


class ArgumentNames:
    """The keyword-argument names of one operation: an argument the previous generation named
    keeps its name; another gets one that no other argument, locked name or per-call option has."""

    def __init__(self, lock: NameLock = EMPTY, operation_id: str = "") -> None:
        self._lock = lock
        self._operation_id = operation_id
        self._locked = lock.argument_names(operation_id)
        self.taken: set[str] = set()

    def name(self, wire: str, location: str) -> Identifier:
        """The name of the argument sent as `wire` in `location`."""
        previous = self._lock.argument(self._operation_id, location, wire)
        if previous is not None and previous not in self.taken | METHOD_OPTIONS:
            self.taken.add(previous)
            return Identifier(previous)
        busy = self.taken | self._locked
        name = snake_case(wire)
        if name in busy and f"{name}_{location}" not in busy:
            name = f"{name}_{location}"
        name = free_name(name, busy | METHOD_OPTIONS)
        self.taken.add(name)
        return Identifier(name)


def argument_name(wire: str, location: str, taken: ArgumentNames) -> Identifier:
    """A keyword-argument name for `wire` that no other argument or per-call option has."""
    return taken.name(wire, location)


def parameters(
    ctx: ParseContext,
    types: SchemaTypes,
    *,
    path: str,
    item: dict[str, Any],
    operation: dict[str, Any],
    at: str,
    hint: str,
    taken: ArgumentNames,
    filled: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[list[ir.Argument], dict[tuple[str, str], Any]]:
    """The operation's parameters merged with its path item's (the operation's win), and the
    schema of each by (wire name, location); those in `filled` (name, location) are left to the
    signer, which adds them."""
    item_at = at.rsplit("/", 1)[0]
    broken: list[str] = []
    merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
    for owner, owner_at in ((item, item_at), (operation, at)):
        for i, raw in enumerate(ctx.optional_list(owner, "parameters", owner_at)):
            param_at = owner_at + pointer("parameters", i)
            param = ctx.mapping(raw, param_at, "a parameter")
            name, given_location = param.get("name"), param.get("in")
            if isinstance(name, int | float) and not isinstance(name, bool):
                # `name: 1` in YAML: the path template `{1}` means the text.
                ctx.diagnostics.skippable(
                    param_at + "/name",
                    f"parameter name {name!r} is a number, not a string; read as {str(name)!r}",
                )
                name = str(name)
            if not isinstance(name, str) or given_location not in _LOCATIONS:
                broken.append(param_at)
                continue
            merged[(name, str(given_location))] = (param, param_at)
    for param_at in broken:
        ctx.diagnostics.skippable(
            param_at,
            "parameter needs a string `name` and `in` (path, query, header or cookie)" + _SKIPS,
        )
    template_names = PATH_TEMPLATE.findall(path)
    declared_path = {name for name, location in merged if location == "path"}
    undeclared = [name for name in template_names if name not in declared_path]
    for name in undeclared:
        ctx.diagnostics.skippable(
            at,
            f"path parameter {{{name}}} of {path!r} has no declaration in `parameters`" + _SKIPS,
        )
    if broken or undeclared:
        raise Unsupported(at, "", what="")
    arguments = []
    schemas: dict[tuple[str, str], Any] = {}
    for position, ((name, where), (param, param_at)) in enumerate(merged.items()):
        location: ir.Location = where  # type: ignore[assignment]  # checked against _LOCATIONS
        if (name, location) in filled:
            continue
        if location == "path" and name not in template_names:
            ctx.diagnostics.skippable(
                param_at,
                f"path parameter {name!r} does not appear in the path {path!r} "
                "(lenient mode leaves the parameter out)",
            )
            continue
        schema = param.get("schema")
        content = param.get("content")
        if schema is None and isinstance(content, dict) and content:
            first = next(iter(content.values()))
            schema = first.get("schema") if isinstance(first, dict) else None
        style = param.get("style", "form" if location in ("query", "cookie") else "simple")
        query_style = location == "query" and style in _QUERY_STYLES
        if style not in ("form", "simple") and not query_style:
            raise Unsupported(param_at + "/style", f"parameter style {style!r} in {location}")
        resolved = ctx.resolve(schema)
        schemas[(name, location)] = schema
        argument = ir.Argument(
            name=argument_name(name, location, taken),
            wire_name=name,
            location=location,
            type=types.annotate(schema, f"{hint}{pascal_case(name)}"),
            required=param.get("required") is True or location == "path",
            description=text(param.get("description")),
            explode=bool(param.get("explode", style == "form")),
            deep_object=style == "deepObject",
            delimiter=_QUERY_STYLES.get(style, ","),
            default=resolved.get("default") if isinstance(resolved, dict) else None,
            example=_example(param, resolved),
            position=position,
        )
        if argument.name != snake_case(name) and snake_case(name) in METHOD_OPTIONS:
            ctx.diagnostics.warning(
                param_at,
                f"parameter {name!r} is the argument {argument.name!r} (not a per-call option)",
            )
        arguments.append(argument)
    return arguments, schemas


def _example(param: dict[str, Any], schema: Any) -> Any:
    if "example" in param:
        return param["example"]
    examples = param.get("examples")
    if isinstance(examples, dict):
        for example in examples.values():
            if isinstance(example, dict) and "value" in example:
                return example["value"]
    return schema_example(schema)

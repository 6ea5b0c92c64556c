"""What a schema is, read from its keys alone: its types, its example, whether it makes a class."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..ir import pytypes as t
from ..ir.nodes import NO_EXAMPLE


def schema_example(schema: Any) -> Any:
    """The schema's `example`, or the first of its `examples` (NO_EXAMPLE when it has neither)."""
    if isinstance(schema, dict):
        if "example" in schema:
            return schema["example"]
        examples = schema.get("examples")
        if isinstance(examples, list) and examples:
            return examples[0]
    return NO_EXAMPLE


def is_class_like(schema: Any) -> bool:
    """Whether a schema becomes a model class (it has properties, or merges several schemas)."""
    if not isinstance(schema, dict):
        return False
    all_of = schema.get("allOf")
    return bool(schema.get("properties")) or (
        isinstance(all_of, list) and len(merged_members(all_of)) > 1
    )


# Keywords a value can break although its Python type is right.
CONSTRAINT_KEYS = frozenset(
    {
        "enum",
        "const",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "pattern",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
    }
)

# Keys that say what a value is; a member of allOf without any only annotates the others.
SHAPING_KEYS = frozenset(
    {
        "$ref",
        "type",
        "properties",
        "items",
        "additionalProperties",
        "allOf",
        "oneOf",
        "anyOf",
        "enum",
        "const",
    }
)


def merged_members(all_of: list[Any]) -> list[Any]:
    """The members of an allOf that shape the value (not only `nullable`, `description`, ...)."""
    return [m for m in all_of if not isinstance(m, dict) or SHAPING_KEYS & m.keys()]


def type_list(schema: dict[str, Any]) -> list[str]:
    """The `type` of a schema as a list (3.1 allows a list, 3.0 a single name)."""
    kind = schema.get("type")
    if isinstance(kind, list):
        return [str(k) for k in kind]
    return [str(kind)] if isinstance(kind, str) else []


def has_property(schema: Any, name: str) -> bool:
    """Whether `schema` declares the property `name`."""
    return (
        isinstance(schema, dict)
        and isinstance(schema.get("properties"), dict)
        and name in schema["properties"]
    )


def has_null_member(schema: dict[str, Any], key: str = "") -> bool:
    members = (schema.get(key) if key else schema.get("anyOf") or schema.get("oneOf")) or []
    if key == "allOf":
        return any(isinstance(m, dict) and m.get("nullable") is True for m in members)
    return any(isinstance(m, dict) and type_list(m) == ["null"] for m in members)


def literal_type(values: list[Any]) -> t.PyType | None:
    if not values or not all(isinstance(v, (str, int, bool)) for v in values):
        return None
    return t.LiteralType(tuple(values))


STRING_FORMATS: dict[str, t.PyType] = {
    "decimal": t.DECIMAL,
    "date-time": t.DATETIME,
    "date": t.DATE,
    "binary": t.BYTES,
}
SCALARS: dict[str, t.PyType] = {
    "integer": t.INT,
    "number": t.DECIMAL,
    "boolean": t.BOOL,
    "null": t.NONE,
}


def redeclared_inline(members: list[Any], resolve: Callable[[Any], Any]) -> list[Any]:
    """allOf members with each referenced schema whose properties another member declares
    again (itself, or through its own allOf members) copied in place of the reference without
    them: a subclass could not narrow their types."""
    declared = [_declared(m, resolve) for m in members]
    out = []
    for i, member in enumerate(members):
        others = set().union(*(d for j, d in enumerate(declared) if j != i))
        if isinstance(member, dict) and "$ref" in member and declared[i] & others:
            out.append(_without(member, others, resolve))
        else:
            out.append(member)
    return out


_MAX_ALLOF_DEPTH = 64


def _declared(
    schema: Any, resolve: Callable[[Any], Any], seen: frozenset[int] = frozenset()
) -> set[str]:
    """The properties `schema` declares, its allOf members' (and theirs) included."""
    schema = resolve(schema)
    if not isinstance(schema, dict) or id(schema) in seen or len(seen) > _MAX_ALLOF_DEPTH:
        return set()
    properties = schema.get("properties")
    found = {str(k) for k in properties} if isinstance(properties, dict) else set()
    members = schema.get("allOf")
    for member in members if isinstance(members, list) else ():
        found |= _declared(member, resolve, seen | {id(schema)})
    return found


def _without(
    schema: Any, names: set[str], resolve: Callable[[Any], Any], seen: frozenset[int] = frozenset()
) -> Any:
    """A copy of `schema` (a reference followed) declaring none of `names`, in its own
    properties or in those of its allOf members."""
    target = resolve(schema)
    if not isinstance(target, dict) or id(target) in seen or len(seen) > _MAX_ALLOF_DEPTH:
        return {}
    copied = {k: v for k, v in target.items() if k not in ("properties", "allOf")}
    properties = target.get("properties")
    if isinstance(properties, dict):
        copied["properties"] = {k: v for k, v in properties.items() if k not in names}
    members = target.get("allOf")
    if isinstance(members, list):
        copied["allOf"] = [
            _without(m, names, resolve, seen | {id(target)}) if _declared(m, resolve) & names else m
            for m in members
        ]
    return copied

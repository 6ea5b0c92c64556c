"""Schemas to Python types, and the named models the models module is generated from."""

from __future__ import annotations

from typing import Any

from ..boundary import Identifier, inert_text
from ..errors import pointer
from ..ir import pytypes as t
from ..ir.naming import MODEL_MODULE_NAMES, pascal_case, unique
from ..ir.nodes import Model, ModelField
from ._context import ParseContext
from .pointers import pointers_by_id
from .schema_kinds import (
    CONSTRAINT_KEYS,
    SCALARS,
    SHAPING_KEYS,
    STRING_FORMATS,
    has_null_member,
    is_class_like,
    literal_type,
    merged_members,
    redeclared_inline,
    type_list,
)

# Keys a model schema may carry to datamodel-code-generator: types, validation and text. Any
# other key (vendor extensions, `customTypePath`, `customBasePath`, ...) could choose code.
_MODEL_KEYS = CONSTRAINT_KEYS | frozenset(
    {
        "$ref",
        "type",
        "properties",
        "required",
        "items",
        "prefixItems",
        "additionalProperties",
        "allOf",
        "oneOf",
        "anyOf",
        "format",
        "nullable",
        "default",
        "description",
        "readOnly",
        "writeOnly",
        "deprecated",
    }
)
_STRING_ONLY = ("pattern", "minLength", "maxLength")  # pydantic cannot apply these to a Decimal
_COMPONENT_PREFIX = "#/components/schemas/"
_MAX_DEPTH = 64


def default_fits(schema: dict[str, Any], value: Any, depth: int = 0) -> bool:
    """Whether `value` is certainly of the type the models module gives `schema` (a schema as
    the models module sees it: inline classes already `$ref`s)."""
    if depth > _MAX_DEPTH:
        return False
    kinds = type_list(schema)
    if value is None:
        return "null" in kinds or schema.get("nullable") is True
    if "$ref" in schema or {"allOf", "oneOf", "anyOf", "prefixItems"} & schema.keys():
        return False
    if "const" in schema:
        return _same(value, schema["const"])
    if "enum" in schema:
        return isinstance(schema["enum"], list) and any(_same(value, v) for v in schema["enum"])
    kinds = [k for k in kinds if k != "null"]
    if not kinds:
        return "properties" not in schema and "items" not in schema and "format" not in schema
    return any(_default_of_kind(schema, kind, value, depth) for kind in kinds)


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _default_of_kind(schema: dict[str, Any], kind: str, value: Any, depth: int) -> bool:
    if kind == "string":
        return isinstance(value, str) and "format" not in schema
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        items = schema.get("items")
        return isinstance(value, list) and (
            not value
            or (isinstance(items, dict) and all(default_fits(items, v, depth + 1) for v in value))
        )
    if kind == "object":
        extra = schema.get("additionalProperties")
        return (
            isinstance(value, dict)
            and not schema.get("properties")
            and (
                not value
                or (
                    isinstance(extra, dict)
                    and all(default_fits(extra, v, depth + 1) for v in value.values())
                )
            )
        )
    return False


class SchemaTypes:
    """Maps schemas to types, naming every class-like schema as a model exactly once."""

    def __init__(self, ctx: ParseContext, *, package: str) -> None:
        self.ctx = ctx
        self.package = package
        self.decimal_module = f"{package}._types"
        self.lock = ctx.lock
        # A new model takes no name the previous generation gave a class.
        self.taken: set[str] = set(MODEL_MODULE_NAMES) | self.lock.class_names
        self._given: set[str] = set()  # names given to models so far
        self._at: dict[int, str] | None = None  # id(schema) -> its pointer, when the lock is used
        self._component_at: dict[str, str] = {}  # component model -> its pointer
        self.models: dict[str, Any] = {}
        # Model -> the spec schema it is made from (kept alive, so its id() is never reused).
        self.sources: dict[Identifier, Any] = {}
        self._named: dict[int, Identifier] = {}  # id(schema) -> its model
        self._components: dict[str, Identifier] = {}  # component name -> its model
        self._name_components()

    # -- types -------------------------------------------------------------------------------

    def runtime_type(self, module: str, name: str) -> t.PyType:
        """A type the package's runtime defines, e.g. `EventStream` of `_events`."""
        return t.Imported(f"{self.package}.{module}", name)

    def annotate(self, schema: Any, hint: str, depth: int = 0) -> t.PyType:
        """The Python type of values matching `schema`, naming inline objects as models."""
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return t.ANY
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            referred: t.PyType
            if ref.startswith(_COMPONENT_PREFIX) and name in self._components:
                referred = t.ModelType(self._components[name])
            else:
                target = self.ctx.resolve(schema)
                if target is schema or not isinstance(target, dict):
                    return t.ANY
                referred = self.annotate(target, pascal_case(name), depth + 1)
            # `nullable` beside a `$ref` applies to whatever the reference stands for.
            return t.optional(referred) if schema.get("nullable") is True else referred
        if id(schema) in self._named:
            return t.ModelType(self._named[id(schema)])
        annotation = self._annotate(schema, hint, depth)
        if schema.get("nullable") is True or "null" in type_list(schema):
            return t.optional(annotation)
        return annotation

    def _annotate(self, schema: dict[str, Any], hint: str, depth: int) -> t.PyType:
        if is_class_like(schema):
            return t.ModelType(self._name(schema, hint))
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(merged := merged_members(all_of)) == 1:
            # `allOf: [{$ref: ...}, {nullable: true}]`: one schema, annotated.
            annotation = self.annotate(merged[0], hint, depth + 1)
            return t.optional(annotation) if has_null_member(schema, "allOf") else annotation
        if "const" in schema:
            return literal_type([schema["const"]]) or t.ANY
        if isinstance(schema.get("enum"), list):
            values = [v for v in schema["enum"] if v is not None]
            found = literal_type(values)
            if found is not None:
                return t.optional(found) if None in schema["enum"] else found
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                if self.is_decimal(schema):
                    return t.optional(t.DECIMAL) if has_null_member(schema) else t.DECIMAL
                return t.union(
                    [
                        self.annotate(member, f"{hint}{i + 1}", depth + 1)
                        for i, member in enumerate(schema[key])
                    ]
                )
        kinds = type_list(schema)
        if kinds == ["null"]:
            return t.NONE
        kinds = [k for k in kinds if k != "null"]
        if len(kinds) > 1:
            return t.union([self._annotate({**schema, "type": k}, hint, depth) for k in kinds])
        kind = kinds[0] if kinds else ("object" if "additionalProperties" in schema else None)
        if kind == "string":
            fmt = schema.get("format")
            return STRING_FORMATS.get(fmt, t.STR) if isinstance(fmt, str) else t.STR
        if kind == "array":
            return t.ListType(self.annotate(schema.get("items"), hint + "Item", depth + 1))
        if kind == "object":
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict):
                return t.DictType(self.annotate(extra, hint + "Value", depth + 1))
            return t.DictType(t.ANY)
        return SCALARS.get(kind or "", t.ANY)

    def is_decimal(self, schema: Any) -> bool:
        """Whether `schema` is a number, a decimal string, or a choice between the two."""
        schema = self.ctx.resolve(schema)
        if not isinstance(schema, dict):
            return False
        members = schema.get("anyOf") or schema.get("oneOf")
        if isinstance(members, list) and members:
            kinds = [self.ctx.resolve(m) for m in members]
            plain = [k for k in kinds if isinstance(k, dict) and type_list(k) != ["null"]]
            types_ = {tuple(type_list(k)) for k in plain}
            return types_ == {("number",), ("string",)} and all(
                k.get("format") in (None, "decimal") for k in plain
            )
        kinds_ = [k for k in type_list(schema) if k != "null"]
        return kinds_ == ["number"] or (kinds_ == ["string"] and schema.get("format") == "decimal")

    # -- models ------------------------------------------------------------------------------

    def _name_components(self) -> None:
        components = self.ctx.document.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        if not isinstance(schemas, dict):
            return
        for name, schema in schemas.items():
            if is_class_like(self.ctx.resolve(schema)) and not (
                isinstance(schema, dict) and "$ref" in schema
            ):
                at = pointer("components", "schemas", str(name))
                model = self._class_name(pascal_case(str(name)), at)
                self._components[str(name)] = model
                self._component_at[model] = at
        for name, schema in schemas.items():
            if str(name) in self._components:
                model = self._components[str(name)]
                self._named[id(schema)] = model
                self.sources[model] = schema
                self.models[model] = self._model_schema(schema, model, root=True)

    def model(self, schema: dict[str, Any], hint: str) -> t.ModelType:
        """A model for a schema the parser puts together itself (an operation's parameters)."""
        return t.ModelType(self._name(schema, hint))

    def _class_name(self, natural: str, at: str | None) -> Identifier:
        """The name the previous generation gave the class of the schema at `at`, else
        `natural` made unique."""
        previous = self.lock.class_name(at) if at is not None else None
        if previous is not None and previous not in MODEL_MODULE_NAMES | self._given:
            self._given.add(previous)
            return Identifier(previous)
        name = unique(natural, self.taken)
        self._given.add(name)
        return Identifier(name)

    def _pointer(self, schema: Any) -> str | None:
        """Where `schema` is in the document (looked up only when names are locked)."""
        if not self.lock.classes:
            return None
        if self._at is None:
            self._at = pointers_by_id(self.ctx.document, None)
        return self._at.get(id(schema))

    def _name(self, schema: dict[str, Any], hint: str) -> Identifier:
        name = self._class_name(pascal_case(hint), self._pointer(schema))
        self._named[id(schema)] = name
        self.sources[name] = schema
        self.models[name] = self._model_schema(schema, name, root=True)
        return name

    def model_records(self) -> tuple[Model, ...]:
        """Every model named so far with its fields, sorted by name."""
        records: dict[Identifier, Model] = {}
        # Typing a field finds the models its inline schemas were named as; should it name one
        # more, that model is recorded too.
        while pending := [name for name in self.sources if name not in records]:
            for name in pending:
                properties: dict[str, tuple[Any, bool]] = {}
                self._collect_properties(self.sources[name], properties)
                records[name] = Model(
                    name,
                    tuple(
                        ModelField(
                            wire, self.annotate(schema, f"{name}{pascal_case(wire)}"), required
                        )
                        for wire, (schema, required) in properties.items()
                    ),
                )
        return tuple(records[name] for name in sorted(records))

    def _collect_properties(
        self, schema: Any, into: dict[str, tuple[Any, bool]], depth: int = 0
    ) -> None:
        """The properties of a model, its allOf members (bases) included, with whether each is
        required; a later declaration of a property replaces an earlier one's schema."""
        schema = self.ctx.resolve(schema)
        if not isinstance(schema, dict) or depth > _MAX_DEPTH:
            return
        members = schema.get("allOf")
        for member in members if isinstance(members, list) else ():
            self._collect_properties(member, into, depth + 1)
        listed = schema.get("required")
        required = {str(n) for n in listed} if isinstance(listed, list) else set()
        properties = schema.get("properties")
        for wire, prop in properties.items() if isinstance(properties, dict) else ():
            into[str(wire)] = (prop, str(wire) in required or into.get(str(wire), (None, False))[1])

    def _model_schema(self, schema: Any, hint: str, root: bool = False, depth: int = 0) -> Any:
        """A copy of `schema` for the models module: inline classes become `$ref`s to models."""
        if depth > _MAX_DEPTH:
            return {}
        if isinstance(schema, list):
            return [
                self._model_schema(s, f"{hint}{i + 1}", depth=depth + 1)
                for i, s in enumerate(schema)
            ]
        if not isinstance(schema, dict):
            return schema
        if not root and "$ref" not in schema and is_class_like(schema):
            name = self._named.get(id(schema)) or self._name(schema, hint)
            return {"$ref": _COMPONENT_PREFIX + name}
        all_of = schema.get("allOf")
        if (
            isinstance(all_of, list)
            and len(merged := merged_members(all_of)) == 1
            and not (SHAPING_KEYS - {"allOf"}) & schema.keys()
            and (schema.get("nullable") is True or has_null_member(schema, "allOf"))
        ):
            # `allOf: [{$ref: ...}], nullable: true` is the referenced schema or null; spelt as
            # that union, as datamodel-code-generator would otherwise merge the nullable away.
            kept = {
                k: self._model_schema(v, hint, depth=depth + 1)
                for k, v in schema.items()
                if k in ("description", "default", "readOnly", "writeOnly", "deprecated")
            }
            inner = self._model_schema(merged[0], hint, depth=depth + 1)
            return {**kept, "anyOf": [inner, {"type": "null"}]}
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key not in _MODEL_KEYS or (key == "nullable" and value is not True):
                # `nullable: false` is the default; datamodel-code-generator takes it to mean
                # that even a field left out is never None, and writes `x: str = None`.
                continue
            if key == "$ref":
                if not isinstance(value, str):
                    continue
                component = value.rsplit("/", 1)[-1]
                if value.startswith(_COMPONENT_PREFIX) and component in self._components:
                    out[key] = _COMPONENT_PREFIX + self._components[component]
                    continue
                target = self.ctx.resolve(schema)
                if target is not schema and isinstance(target, dict):
                    copied = self._model_schema(
                        target,
                        pascal_case(component) if value.startswith(_COMPONENT_PREFIX) else hint,
                        depth=depth + 1,
                    )
                    if isinstance(copied, dict):
                        out.update({k: v for k, v in copied.items() if k not in out})
                continue
            if key == "properties" and isinstance(value, dict):
                value = {
                    str(k): self._model_schema(v, f"{hint}{pascal_case(str(k))}", depth=depth + 1)
                    for k, v in value.items()
                }
            elif key in ("items", "additionalProperties"):
                suffix = "Item" if key == "items" else "Value"
                value = self._model_schema(value, hint + suffix, depth=depth + 1)
            elif key in ("allOf", "oneOf", "anyOf", "prefixItems") and isinstance(value, list):
                # allOf members are merged into this model, so they stay inline.
                if key == "allOf":
                    value = redeclared_inline(value, self.ctx.resolve)
                value = [
                    self._model_schema(s, f"{hint}{i + 1}", root=key == "allOf", depth=depth + 1)
                    for i, s in enumerate(value)
                ]
            elif key == "description" and isinstance(value, str):
                # datamodel-code-generator writes descriptions into docstrings without
                # escaping backslashes.
                value = inert_text(value).replace("\\", "\\\\")
            out[key] = value
        if "default" in out and not default_fits(out, out["default"]):
            # A default the field's type does not hold (`{}` for a model, a text beside an enum
            # that lacks it, a date as text) would be the value pydantic hands out unchecked:
            # the field is left unset instead, as the server applies its defaults anyway.
            del out["default"]
        if self.is_decimal(out):
            return self._exact_decimal(out)
        for key in ("oneOf", "anyOf"):
            if isinstance(out.get(key), list):
                # datamodel-code-generator writes a union's default into each alternative's
                # model, where it need not fit (`default: auto` on an integer): the server
                # applies its defaults anyway, so a union has none in the models.
                out.pop("default", None)
                out[key] = [
                    {k: v for k, v in m.items() if k != "default"} if isinstance(m, dict) else m
                    for m in out[key]
                ]
        return out

    def _exact_decimal(self, out: dict[str, Any]) -> dict[str, Any]:
        """Decimals validate and serialize through the package's exact types."""
        kinds = type_list(out)
        as_string = "string" in kinds or "anyOf" in out or "oneOf" in out
        custom = f"{self.decimal_module}.{'DecimalString' if as_string else 'DecimalNumber'}"
        # A default would be written as the spec's number, not a Decimal: the field is left
        # unset instead, which is how a client leaves the server's default in place.
        kept = {k: v for k, v in out.items() if k in ("description", "readOnly", "writeOnly")}
        exact = {
            k: v
            for k, v in out.items()
            if k not in kept and k not in _STRING_ONLY and k != "default"
        }
        exact.pop("anyOf", None)
        exact.pop("oneOf", None)
        exact["type"] = "string" if as_string else "number"
        exact.pop("nullable", None)
        exact["customTypePath"] = custom
        if "null" in kinds or out.get("nullable") is True or has_null_member(out):
            # datamodel-code-generator drops nullability beside a custom type: spell it as a union.
            return {**kept, "anyOf": [exact, {"type": "null"}]}
        return {**kept, **exact}

    def model_pointers(self) -> dict[str, str]:
        """The JSON pointer of the schema each model is made from (where the document has it)."""
        found: dict[str, str] = dict(self._component_at)
        wanted = {id(schema) for name, schema in self.sources.items() if name not in found}
        at = self._at if self._at is not None else pointers_by_id(self.ctx.document, wanted)
        for name, schema in self.sources.items():
            if name not in found and id(schema) in at:
                found[name] = at[id(schema)]
        return found

    def models_document(self) -> dict[str, Any]:
        """The OpenAPI document datamodel-code-generator renders the models module from."""
        return {
            "openapi": "3.1.0",
            "info": {"title": "models", "version": "1"},
            "paths": {},
            "components": {"schemas": {name: self.models[name] for name in sorted(self.models)}},
        }

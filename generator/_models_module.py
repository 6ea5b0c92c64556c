"""Renders the models module with datamodel-code-generator, called as a library."""

from __future__ import annotations

import ast
import dataclasses
import json
import tempfile
import warnings
from functools import partial
from pathlib import Path
from typing import Any

from . import _ir as ir
from . import _pytypes as t
from ._boundary import Identifier, docstring_line
from ._errors import Diagnostics
from ._forked import Forked
from ._model_parts import ModelsModule, Outline, join, outline, partition

# What a models module may contain: imports from these modules, classes, annotated fields, and
# calls of these callables only. Anything else means a spec value turned into code.
_MODULES = frozenset(
    {"__future__", "typing", "pydantic", "decimal", "datetime", "enum", "uuid", "ipaddress"}
    # Backports of newer typing names; pydantic depends on it, so every package has it.
    | {"typing_extensions"}
)
_CALLABLES = frozenset({"Field", "ConfigDict", "model_rebuild", "AnyUrl"})
_NODES = (
    ast.Module,
    ast.ImportFrom,
    ast.alias,
    ast.ClassDef,
    ast.Expr,
    ast.AnnAssign,
    ast.Assign,
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.Tuple,
    ast.List,
    ast.Dict,
    ast.Constant,
    ast.Call,
    ast.keyword,
    ast.BinOp,
    ast.BitOr,
    ast.UnaryOp,
    ast.USub,
    ast.Load,
    ast.Store,
    ast.Pass,
)


class ModelGenerationError(Exception):
    """datamodel-code-generator failed or produced a module without a class the client needs."""


class ModelAuditError(ModelGenerationError):
    """datamodel-code-generator's module does more than import and define models."""


def render_models(api: ir.Api, diagnostics: Diagnostics) -> tuple[str, ir.Api]:
    """The source of `<package>/models.py`, and `api` with its types pointing at the classes
    that module really defines.

    datamodel-code-generator may name or split a schema differently from what the parser
    expected. Its own record of which class it made from which schema decides: a model it named
    otherwise is used under that name; one it made no single class for is typed as a generic
    (`dict[str, Any]` or `Any`) wherever it is used, a problem lenient mode skips over.
    """
    header = f'"""Pydantic models of {docstring_line(api.title)}, generated from {docstring_line(api.spec_file)}."""'
    if not api.model_names:
        return header + "\n", api
    try:
        module = _generate(api, header)
    except ModelGenerationError as exc:
        # Nothing of the models module is usable (not even one the audit refused, which is
        # never written): every model becomes a generic, if allowed.
        diagnostics.skippable(
            "/components/schemas", f"{exc}; every model is typed as a generic instead"
        )
        return header + "\n", retyped(api, {n: _generic(api, n) for n in api.model_names})
    source, produced, classes = module.source, module.produced, module.classes
    origins: dict[str, set[str]] = {}
    for ref, made_from in produced.items():
        for c in made_from:
            origins.setdefault(c, set()).add(ref)
    replacements: dict[str, t.PyType] = {}
    for name in api.model_names:
        ref = _COMPONENT_PREFIX + name
        if name in classes and (ref in origins.get(name, {ref})):
            continue
        made = sorted({c for c in produced.get(ref, ()) if c in module.fielded})
        if len(made) == 1:
            replacements[name] = t.ModelType(Identifier(made[0]))
            continue
        generic = _generic(api, name)
        split = {
            c
            for r, made_from in produced.items()
            if r == ref or r.startswith(ref + "/")
            for c in made_from
        }
        what = f"it made {', '.join(sorted(split))} instead" if split else "it made none"
        diagnostics.skippable(
            api.model_pointers.get(name, "/components/schemas"),
            f"datamodel-code-generator made no single model class {name!r} of this schema "
            f"({what}); values of it are typed {generic.render()}",
        )
        replacements[name] = generic
    return source, retyped(api, replacements) if replacements else api


_COMPONENT_PREFIX = "#/components/schemas/"


MODEL_PARTS = 2
"""Parts the schemas are split into where they can be: fixed, so that the module made is the same
on every machine; a machine with one core makes them one after the other."""


def _generate(api: ir.Api, header: str) -> ModelsModule:
    """The module (audited), and the classes made from each schema (by `#/components/...` ref).

    Schemas in parts that refer to nothing outside themselves are made by one run per core,
    the other runs in forked processes, and the modules joined.
    """
    # What a run imports on first use (a third of a second), imported once before any fork.
    import datamodel_code_generator.config  # noqa: F401
    import datamodel_code_generator.model.pydantic_v2  # noqa: F401
    import datamodel_code_generator.parser.openapi  # noqa: F401

    schemas = api.models_schema["components"]["schemas"]
    parts = partition(schemas, parts=MODEL_PARTS)
    documents = (
        [
            {**api.models_schema, "components": {"schemas": {n: schemas[n] for n in part}}}
            for part in parts
        ]
        if len(parts) > 1
        else [api.models_schema]
    )
    runs = [partial(_part, document, package=api.package, header=header) for document in documents]
    others = [Forked(run) for run in runs[1:]]
    return join([runs[0](), *(other.result() for other in others)])


def _part(document: dict[str, Any], *, package: str, header: str) -> Outline:
    """The module of a part's schemas, audited and read for joining (in the process that made
    it: auditing the parts audits the module they are joined into)."""
    module = _run(document, package=package, header=header)
    tree = ast.parse(module.source)
    audit_models(tree, package=package)
    return outline(module, tree)


def _run(document: dict[str, Any], *, package: str, header: str) -> ModelsModule:
    """datamodel-code-generator's module of `document`'s schemas."""
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion
    from datamodel_code_generator.parser import LiteralType

    with tempfile.TemporaryDirectory(prefix="models-") as tmp, warnings.catch_warnings():
        record = Path(tmp) / "models.json"
        # It warns about formats it does not know (`uriref`) and types them by the base type,
        # which is what the client does too; the warning says nothing the user can act on.
        warnings.simplefilter("ignore", UserWarning)
        try:
            source = generate(
                json.dumps(document),
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                base_class=f"{package}._types.Model",
                custom_file_header=header,
                disable_timestamp=True,
                # Annotations evaluated as the module runs, not strings pydantic evaluates one
                # by one when each class is made: a quarter of the models' import time.
                disable_future_imports=True,
                snake_case_field=True,
                enum_field_as_literal=LiteralType.All,
                use_annotated=True,
                field_constraints=True,
                use_field_description=True,
                use_schema_description=True,
                strict_nullable=True,
                collapse_root_models=True,
                use_double_quotes=True,
                formatters=[],
                emit_model_metadata=record,
            )
            metadata = json.loads(record.read_text(encoding="utf-8"))
        except Exception as exc:  # the library raises many types; report them as one
            raise ModelGenerationError(f"datamodel-code-generator failed: {exc}") from exc
    if not isinstance(source, str):
        raise ModelGenerationError("datamodel-code-generator made more than one module")
    produced: dict[str, list[str]] = {}
    for entry in metadata.get("models", ()):
        produced.setdefault(str(entry.get("source_ref")), []).append(str(entry.get("class_name")))
    return ModelsModule(source, produced)


def _generic(api: ir.Api, name: str) -> t.PyType:
    """What values of a model without its class are typed: a mapping for objects, else Any."""
    schema = api.models_schema["components"]["schemas"].get(name, {})
    kinds = schema.get("type") if isinstance(schema, dict) else None
    kinds = kinds if isinstance(kinds, list) else [kinds]
    nullable = isinstance(schema, dict) and (schema.get("nullable") is True or "null" in kinds)
    if isinstance(schema, dict) and (
        "object" in kinds or (schema.get("properties") and not set(kinds) - {None, "object"})
    ):
        return t.optional(t.DictType(t.ANY)) if nullable else t.DictType(t.ANY)
    return t.ANY


def retyped(api: ir.Api, replacements: dict[str, t.PyType]) -> ir.Api:
    """`api` with every reference to a replaced model swapped for its replacement."""

    replaced = frozenset(replacements)

    def swap(value: Any) -> Any:
        if isinstance(value, t.PyType) and replaced.isdisjoint(value.models()):
            return value
        if isinstance(value, t.ModelType):
            return replacements.get(value.name, value)
        if isinstance(value, t.UnionType):
            return t.union([swap(m) for m in value.alternatives])
        if isinstance(value, t.PyType) and dataclasses.is_dataclass(value):
            return dataclasses.replace(
                value, **{f.name: swap(getattr(value, f.name)) for f in dataclasses.fields(value)}
            )
        if isinstance(
            value, (ir.Argument, ir.RequestBody, ir.Response, ir.Operation, ir.Model, ir.ModelField)
        ):
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.init}
            swapped = {name: swap(field) for name, field in fields.items()}
            if all(swapped[name] is field for name, field in fields.items()):
                return value
            return dataclasses.replace(value, **swapped)
        if isinstance(value, tuple):
            items = tuple(swap(v) for v in value)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        return value

    models = []
    for model in api.models:
        replacement = replacements.get(model.name)
        if replacement is None:
            models.append(swap(model))
        elif isinstance(replacement, t.ModelType):  # the class the model generator really made
            models.append(dataclasses.replace(swap(model), name=replacement.name))
    return dataclasses.replace(
        api,
        operations=swap(api.operations),
        models=tuple(sorted(models, key=lambda m: str(m.name))),
    )


def audit_models(tree: ast.Module, *, package: str) -> None:
    """Refuse a models module that does anything but import, define models and call Field."""
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise ModelAuditError(
                f"models module contains a {type(node).__name__} (line {getattr(node, 'lineno', '?')})"
            )
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module not in _MODULES and module != f"{package}._types" or node.level:
                raise ModelAuditError(f"models module imports from {module!r}")
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name not in _CALLABLES:
                raise ModelAuditError(
                    f"models module calls {ast.unparse(func)!r} (line {node.lineno})"
                )

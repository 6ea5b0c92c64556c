"""Renders the models module with datamodel-code-generator, called as a library."""

from __future__ import annotations

import ast
import dataclasses
import json
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..boundary import Identifier, docstring_line
from ..errors import Diagnostics
from ..ir import nodes as ir
from ..ir import pytypes as t
from ..ir.lock import EMPTY, NameLock
from ..ir.naming import MODEL_MODULE_NAMES
from .class_names import defined, free_class_name, renamed

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


@dataclass(frozen=True)
class ModelsModule:
    """A models module's source and the classes made from each schema, by `#/components/...` ref."""

    source: str
    produced: dict[str, list[str]]
    classes: frozenset[str] = frozenset()
    """The classes it defines."""
    fielded: frozenset[str] = frozenset()
    """Those of its classes that are more than an empty body."""


class ModelGenerationError(Exception):
    """datamodel-code-generator failed or produced a module without a class the client needs."""


class ModelAuditError(ModelGenerationError):
    """datamodel-code-generator's module does more than import and define models."""


def render_models(
    api: ir.Api, diagnostics: Diagnostics, lock: NameLock = EMPTY
) -> tuple[str, ir.Api]:
    """The source of `<package>/models.py`, and `api` with its types pointing at the classes
    that module really defines. A class made of a part of a model's schema is given the name
    `lock` has for that part.

    datamodel-code-generator may name or split a schema differently from what the parser
    expected. Its own record of which class it made from which schema decides: a model it named
    otherwise is used under that name; one it made no single class for is typed as a generic
    (`dict[str, Any]` or `Any`) wherever it is used, a problem lenient mode skips over.
    """
    header = f'"""Pydantic models of {docstring_line(api.title)}, generated from {docstring_line(api.spec_file)}."""'
    if not api.model_names:
        return header + "\n", api
    try:
        module = _locked(_generate(api, header), api, lock)
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
    api = dataclasses.replace(api, class_pointers=_part_pointers(module, api))
    return source, retyped(api, replacements) if replacements else api


_COMPONENT_PREFIX = "#/components/schemas/"


def _part_pointers(module: ModelsModule, api: ir.Api) -> dict[str, str]:
    """Each class datamodel-code-generator made of a part of a model's schema (not a model of
    the IR), with the JSON pointer of that part: its model's pointer and the part's path."""
    models = set(api.model_names)
    found: dict[str, str] = {}
    for ref in sorted(module.produced):
        model, _, part = ref.removeprefix(_COMPONENT_PREFIX).partition("/")
        at = api.model_pointers.get(model)
        if not ref.startswith(_COMPONENT_PREFIX) or not part or at is None:
            continue
        for name in module.produced[ref]:
            if name not in models and name in module.classes:
                found.setdefault(name, f"{at}/{part}")
    return found


def _locked(module: ModelsModule, api: ir.Api, lock: NameLock) -> ModelsModule:
    """`module` with each class made of a part of a model's schema named as `lock` says for
    that part; a class holding a name locked for another part gets a free name."""
    if not lock.classes:
        return module
    parts = _part_pointers(module, api)
    rename: dict[str, str] = {}
    for name, at in sorted(parts.items()):
        previous = lock.class_name(at)
        if (
            previous is not None
            and previous != name
            and previous not in MODEL_MODULE_NAMES
            and previous not in rename.values()
            and (previous not in module.classes or previous in parts)
        ):
            rename[name] = previous
    locked = lock.class_names
    taken = set(module.classes) | locked | set(rename.values()) | MODEL_MODULE_NAMES
    for name, at in sorted(parts.items()):
        if name in rename:
            continue
        # A class keeps its name unless another takes it, or it is locked to another part.
        if name in rename.values() or (name in locked and lock.class_name(at) != name):
            rename[name] = free_class_name(name, taken)
            taken.add(rename[name])
    if not rename:
        return module
    return ModelsModule(
        renamed(module.source, rename),
        {ref: [rename.get(c, c) for c in made] for ref, made in module.produced.items()},
        frozenset(rename.get(c, c) for c in module.classes),
        frozenset(rename.get(c, c) for c in module.fielded),
    )


def _generate(api: ir.Api, header: str) -> ModelsModule:
    """The module (audited), and the classes made from each schema (by `#/components/...` ref)."""
    module = _run(api.models_schema, package=api.package, header=header)
    tree = ast.parse(module.source)
    audit_models(tree, package=api.package)
    classes, fielded = defined(tree)
    return dataclasses.replace(module, classes=classes, fielded=fielded)


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

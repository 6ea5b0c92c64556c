"""Renders the models module with datamodel-code-generator, called as a library."""

from __future__ import annotations

import ast
import json
import warnings

from . import _ir as ir
from ._boundary import docstring_line

# What a models module may contain: imports from these modules, classes, annotated fields, and
# calls of these callables only. Anything else means a spec value turned into code.
_MODULES = frozenset(
    {"__future__", "typing", "pydantic", "decimal", "datetime", "enum", "uuid", "ipaddress"}
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


def render_models(api: ir.Api) -> str:
    """The source of `<package>/models.py`."""
    header = f'"""Pydantic models of {docstring_line(api.title)}, generated from {docstring_line(api.spec_file)}."""'
    if not api.model_names:
        return header + "\n"
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion
    from datamodel_code_generator.parser import LiteralType

    with warnings.catch_warnings():
        # It warns about formats it does not know (`uriref`) and types them by the base type,
        # which is what the client does too; the warning says nothing the user can act on.
        warnings.simplefilter("ignore", UserWarning)
        try:
            source = generate(
                json.dumps(api.models_schema),
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                base_class=f"{api.package}._types.Model",
                custom_file_header=header,
                disable_timestamp=True,
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
            )
        except Exception as exc:  # the library raises many types; report them as one
            raise ModelGenerationError(f"datamodel-code-generator failed: {exc}") from exc
    assert isinstance(source, str)
    tree = ast.parse(source)
    audit_models(tree, package=api.package)
    defined = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    missing = sorted(set(api.model_names) - defined)
    if missing:
        raise ModelGenerationError(f"models module lacks classes {missing}")
    return source


def audit_models(tree: ast.Module, *, package: str) -> None:
    """Refuse a models module that does anything but import, define models and call Field."""
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise ModelGenerationError(
                f"models module contains a {type(node).__name__} (line {getattr(node, 'lineno', '?')})"
            )
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module not in _MODULES and module != f"{package}._types" or node.level:
                raise ModelGenerationError(f"models module imports from {module!r}")
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
                raise ModelGenerationError(
                    f"models module calls {ast.unparse(func)!r} (line {node.lineno})"
                )

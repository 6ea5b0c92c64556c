"""Renders the models module with datamodel-code-generator, called as a library."""

from __future__ import annotations

import ast
import json
import warnings

from . import _ir as ir

_HEADER = '"""Pydantic models of {title}, generated from {spec}."""'


class ModelGenerationError(Exception):
    """datamodel-code-generator failed or produced a module without a class the client needs."""


def render_models(api: ir.Api) -> str:
    """The source of `<package>/models.py`."""
    header = _HEADER.format(title=api.title, spec=api.spec_file)
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
    defined = {node.name for node in ast.parse(source).body if isinstance(node, ast.ClassDef)}
    missing = sorted(set(api.model_names) - defined)
    if missing:
        raise ModelGenerationError(f"models module lacks classes {missing}")
    return source

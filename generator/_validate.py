"""Validates a spec against the OpenAPI 3.0/3.1 schema with openapi-spec-validator."""

from __future__ import annotations

from typing import Any

from ._errors import Diagnostics, pointer

# Problems the parser reports itself, with a precise pointer.
_REPORTED_BY_PARSER = ("DuplicateOperationIDError", "UnresolvableParameterError")


def validate_spec(document: dict[str, Any], diagnostics: Diagnostics) -> None:
    """Record every schema violation as a recoverable problem with its JSON pointer."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    version = str(document.get("openapi", ""))
    if version.startswith("3.0"):
        validator: Any = OpenAPIV30SpecValidator(document)
    elif version.startswith("3.1"):
        validator = OpenAPIV31SpecValidator(document)
    else:
        diagnostics.error(
            "/openapi", f"unsupported OpenAPI version {version!r} (3.0.x and 3.1.x are supported)"
        )
        return
    found = False
    for error in validator.schema_validator.iter_errors(validator.schema):
        found = True
        _record(error, diagnostics)
    try:
        for error in validator.root_validator(validator.schema_path):
            _record(error, diagnostics)
    except Exception as exc:  # its checks assume what the schema cannot say: a $ref's kind
        if not found:  # otherwise the schema errors above explain it
            diagnostics.error(
                _crash_pointer(exc),
                f"cannot check this object ({type(exc).__name__}: {_short(str(exc), 80)}): "
                "does a $ref here point at the right kind of object?",
            )


def _record(error: Any, diagnostics: Diagnostics) -> None:
    if type(error).__name__ in _REPORTED_BY_PARSER:
        return
    deepest = _deepest(error)
    at = pointer(*getattr(deepest, "absolute_path", ()))
    diagnostics.recoverable(at, f"invalid spec: {_short(deepest.message)}")


def _crash_pointer(exc: BaseException) -> str:
    """The pointer of the innermost object the validator was checking when it failed."""
    parts: tuple[Any, ...] = ()
    trace = exc.__traceback__
    while trace is not None:
        for value in list(trace.tb_frame.f_locals.values()):
            if type(value).__name__ == "SchemaPath" and isinstance(
                getattr(value, "parts", None), tuple
            ):
                parts = value.parts
        trace = trace.tb_next
    return pointer(*parts)


def _deepest(error: Any) -> Any:
    """The most specific leaf under a oneOf/anyOf failure, skipping "use a $ref instead" branches."""
    leaves: list[Any] = []
    stack = [error]
    while stack:
        current = stack.pop()
        context = getattr(current, "context", None)
        if context:
            stack.extend(context)
        else:
            leaves.append(current)
    useful = [e for e in leaves if "'$ref' is a required property" not in e.message] or leaves
    return max(useful, key=lambda e: len(getattr(e, "absolute_path", ())))


def _short(message: str, limit: int = 240) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."

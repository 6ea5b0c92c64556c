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
    for error in validator.iter_errors():
        if type(error).__name__ in _REPORTED_BY_PARSER:
            continue
        deepest = _deepest(error)
        at = pointer(*getattr(deepest, "absolute_path", ()))
        diagnostics.skippable(at, f"invalid spec: {_short(deepest.message)}")


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

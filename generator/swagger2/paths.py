"""Paths, Path Item and Operation Objects, and their parameter lists split into parameters and
a request body (from a `body` parameter or `formData` ones)."""

from __future__ import annotations

import copy
from typing import Any

from ..errors import pointer
from ..load.tree import segments
from .bodies import body, form
from .conversion import Conversion, media_types
from .parameters import parameter
from .responses import response
from .servers import servers

_OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch")


def paths(value: Any, *, conversion: Conversion) -> Any:
    """The OpenAPI 3.0 form of the Paths Object `value`."""
    if not isinstance(value, dict):
        return copy.deepcopy(value)
    out: dict[str, Any] = {}
    for path, item in value.items():
        at = pointer("paths", str(path))
        is_item = isinstance(item, dict) and not str(path).startswith("x-")
        out[path] = (
            path_item(item, at=at, conversion=conversion) if is_item else copy.deepcopy(item)
        )
    return out


def path_item(item: dict[str, Any], *, at: str, conversion: Conversion) -> dict[str, Any]:
    """The OpenAPI 3.0 form of the Path Item at `at`."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key == "parameters":
            shared, _ = parameter_list(
                value, src_at=at, out_at=at, consumes=conversion.consumes, conversion=conversion
            )
            if shared is not None:
                out["parameters"] = shared
        elif key in _OPERATIONS and isinstance(value, dict):
            out[key] = operation(
                value,
                at=at + pointer(key),
                path_parameters=item.get("parameters"),
                path_at=at,
                conversion=conversion,
            )
        else:
            out[key] = copy.deepcopy(value)
    return out


def operation(
    value: dict[str, Any], *, at: str, path_parameters: Any, path_at: str, conversion: Conversion
) -> dict[str, Any]:
    """The OpenAPI 3.0 form of the Operation at `at`; `path_parameters` (at `path_at`) may
    declare its body."""
    consumes = media_types(value.get("consumes"), conversion.consumes)
    produces = media_types(value.get("produces"), conversion.produces)
    out: dict[str, Any] = {}
    parameters, request_body = parameter_list(
        value.get("parameters"), src_at=at, out_at=at, consumes=consumes, conversion=conversion
    )
    if request_body is None:  # a body or form declared on the path item, for this operation's types
        _, request_body = parameter_list(
            path_parameters,
            src_at=path_at,
            out_at=at,
            consumes=consumes,
            conversion=conversion,
            bodies_only=True,
        )
    for key, field in value.items():
        if key == "parameters":
            if parameters is not None:
                out["parameters"] = parameters
        elif key == "responses" and isinstance(field, dict):
            out["responses"] = {}
            for status, status_response in field.items():
                response_at = at + pointer(key, str(status))
                out["responses"][str(status)] = (
                    copy.deepcopy(status_response)
                    if str(status).startswith("x-")
                    else response(
                        status_response,
                        at=response_at,
                        to=response_at,
                        produces=produces,
                        conversion=conversion,
                    )
                )
        elif key == "schemes":
            operation_servers = servers(field, at=at, conversion=conversion)
            if operation_servers:
                out["servers"] = operation_servers
        elif key not in ("consumes", "produces"):
            out[key] = copy.deepcopy(field)
    if request_body is not None:
        out["requestBody"] = request_body[0]
    return out


def parameter_list(
    parameters: Any,
    *,
    src_at: str,
    out_at: str,
    consumes: list[str],
    conversion: Conversion,
    bodies_only: bool = False,
) -> tuple[Any, tuple[Any, str] | None]:
    """Converted non-body parameters, and the request body with the pointer it came from."""
    if parameters is None:
        return None, None
    if not isinstance(parameters, list):
        return copy.deepcopy(parameters), None
    kept: list[Any] = []
    request_body: tuple[Any, str] | None = None
    form_parameters: list[tuple[dict[str, Any], str]] = []
    body_at = out_at + "/requestBody"
    for i, listed in enumerate(parameters):
        at = src_at + pointer("parameters", i)
        target = _shared(listed, conversion=conversion)
        if target is not None and target[1].get("in") == "body":
            if target[0] in conversion.body_parameters and consumes == conversion.consumes:
                request_body = ({"$ref": listed["$ref"]}, at)
            else:
                converted = body(
                    target[1], at=target[2], to=body_at, consumes=consumes, conversion=conversion
                )
                request_body = (converted, at)
        elif target is not None and target[1].get("in") == "formData":
            form_parameters.append((target[1], target[2]))
        elif isinstance(listed, dict) and listed.get("in") == "body":
            converted = body(listed, at=at, to=body_at, consumes=consumes, conversion=conversion)
            request_body = (converted, at)
        elif isinstance(listed, dict) and listed.get("in") == "formData":
            form_parameters.append((listed, at))
        elif not bodies_only:
            to = out_at + pointer("parameters", len(kept))
            conversion.moved(to, at)
            kept.append(parameter(listed, at=at, to=to, conversion=conversion))
    if form_parameters:
        converted = form(form_parameters, to=body_at, consumes=consumes, conversion=conversion)
        request_body = (converted, form_parameters[0][1])
    if request_body is not None:
        conversion.moved(body_at, request_body[1])
    return kept, request_body


def _shared(listed: Any, *, conversion: Conversion) -> tuple[str, dict[str, Any], str] | None:
    """(name, object, pointer) of a `#/parameters/<name>` reference's target."""
    if not isinstance(listed, dict) or not isinstance(listed.get("$ref"), str):
        return None
    ref: str = listed["$ref"]
    if not ref.startswith("#/parameters/"):
        return None
    parts = segments(ref[1:])
    target = conversion.shared_parameters.get(parts[1]) if len(parts) == 2 else None
    if not isinstance(target, dict):
        return None
    return parts[1], target, pointer("parameters", parts[1])

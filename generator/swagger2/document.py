"""The whole document: Swagger 2.0 in, OpenAPI 3.0 out, and diagnostics that speak the pointers
of the original."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import Diagnostics
from ..load import LoadedSpec
from ..load.tree import enclosing
from .components import components
from .conversion import Conversion, unknown
from .paths import paths
from .references import rewrite_refs
from .servers import servers

OPENAPI_VERSION = "3.0.3"
# Fields the converters rebuild; any other field (an extension, or a mistake the validator is
# to report at its original place) is copied as it is.
_ROOT_FIELDS = frozenset(
    {
        "swagger",
        "host",
        "basePath",
        "schemes",
        "consumes",
        "produces",
        "paths",
        "definitions",
        "parameters",
        "responses",
        "securityDefinitions",
        "components",
    }
)


def is_swagger2(document: dict[str, Any]) -> bool:
    """Whether `document` declares itself Swagger 2.0 (`swagger: "2.0"`)."""
    return "swagger" in document and "openapi" not in document


def convert(document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The OpenAPI 3.0 form of a Swagger 2.0 document, and where each node it moved came from."""
    # A pointer into the result that is not in the map, nor below one that is, is where it was.
    conversion = Conversion.of(document)
    out: dict[str, Any] = {"openapi": OPENAPI_VERSION}
    conversion.moved("/openapi", "/swagger")
    out.update(unknown(document, _ROOT_FIELDS))
    for key, kind in (("host", str), ("basePath", str), ("schemes", list)):
        if key in document and not isinstance(document[key], kind):  # for the validator to report
            out[key] = copy.deepcopy(document[key])
    document_servers = servers(document.get("schemes"), at="", conversion=conversion)
    if document_servers:
        out["servers"] = document_servers
    if "paths" in document:
        out["paths"] = paths(document["paths"], conversion=conversion)
    converted_components = components(conversion=conversion)
    if converted_components:
        out["components"] = converted_components
    rewrite_refs(out, named=False, body_parameters=conversion.body_parameters)
    return out, conversion.origins


def convert_spec(spec: LoadedSpec, diagnostics: Diagnostics) -> Diagnostics:
    """Convert a loaded Swagger 2.0 spec in place; the diagnostics returned speak its pointers."""
    if not is_swagger2(spec.document):
        return diagnostics
    version = str(spec.document.get("swagger"))
    if version not in ("2.0", "2"):
        diagnostics.error("/swagger", f"unsupported Swagger version {version!r} (2.0 is supported)")
    spec.document, origins = convert(spec.document)
    # The same lists and settings: what is recorded through either object is recorded once.
    shared = {f.name: getattr(diagnostics, f.name) for f in fields(diagnostics) if f.init}
    return OriginalPointers(**shared, origins=origins)


@dataclass
class OriginalPointers(Diagnostics):
    """Diagnostics about a converted document that record each problem at its original pointer."""

    origins: dict[str, str] = field(default_factory=dict)

    def original(self, at: str) -> str:
        """The pointer in the original document of the node now at `at`."""
        prefix = enclosing(at, self.origins)
        return at if prefix is None else self.origins[prefix] + at[len(prefix) :]

"""Converts a Swagger 2.0 document to OpenAPI 3.0, remembering where each moved node came from.

Written here rather than taken from a library: the Python packages that convert Swagger 2.0
(prance's `convert`, funapi) upload the document to a remote conversion service, which a
generator fed with private or untrusted specs must not do (and cannot, without network access);
pyswagger's successor appswag only upgrades Swagger 1.2 to 2.0; swagger2openapi needs Node.js.
None of them says where a converted node came from, and every message about a converted spec
has to point into the file its author wrote.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from ._errors import Diagnostics, pointer
from .load import LoadedSpec

OPENAPI_VERSION = "3.0.3"
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_OPERATIONS = ("get", "put", "post", "delete", "options", "head", "patch")
# Keywords a Swagger 2.0 non-body parameter, header or items object shares with a Schema Object.
_SCHEMA_KEYWORDS = (
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
)
# collectionFormat -> (style, explode) of a query parameter; None: OpenAPI 3 has no equivalent.
_QUERY_STYLES: dict[str, tuple[str, bool] | None] = {
    "csv": ("form", False),
    "multi": ("form", True),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "tsv": None,
}
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}
# Maps whose keys are names chosen by the author, so a key like `default` or `example` there
# holds an object of the spec rather than example data.
_NAMED_MAPS = frozenset(
    {
        "paths",
        "properties",
        "schemas",
        "parameters",
        "responses",
        "requestBodies",
        "headers",
        "securitySchemes",
        "content",
        "encoding",
    }
)
_DATA_KEYS = frozenset({"example", "examples", "default", "enum"})
# Fields each converter rebuilds; any other field (an extension, or a mistake the validator is
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
_PARAMETER_FIELDS = frozenset({*_SCHEMA_KEYWORDS, "collectionFormat", "x-nullable"})
_BODY_FIELDS = frozenset({"name", "in", "schema"})
_FORM_FIELDS = frozenset({*_PARAMETER_FIELDS, "name", "in", "required", "allowEmptyValue"})
_RESPONSE_FIELDS = frozenset({"schema", "headers", "examples"})


def is_swagger2(document: dict[str, Any]) -> bool:
    """Whether `document` declares itself Swagger 2.0 (`swagger: "2.0"`)."""
    return "swagger" in document and "openapi" not in document


def convert(document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The OpenAPI 3.0 form of a Swagger 2.0 document, and where each node it moved came from."""
    # A pointer into the result that is not in the map, nor below one that is, is where it was.
    converter = _Converter(document)
    return converter.run(), converter.origins


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
        prefix = at
        while True:
            if prefix in self.origins:
                return self.origins[prefix] + at[len(prefix) :]
            if not prefix:
                return at
            prefix = prefix.rsplit("/", 1)[0]


def _parts(ref: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in ref.split("/")[1:]]


class _Converter:
    def __init__(self, document: dict[str, Any]) -> None:
        self.src = document
        self.origins: dict[str, str] = {}
        self.consumes = self._media_types(document.get("consumes"))
        self.produces = self._media_types(document.get("produces"))
        parameters = document.get("parameters")
        self.shared_parameters: dict[str, Any] = parameters if isinstance(parameters, dict) else {}
        self.body_parameters = {
            name
            for name, p in self.shared_parameters.items()
            if isinstance(p, dict) and p.get("in") == "body"
        }

    def moved(self, to: str, frm: str) -> None:
        if to != frm:
            self.origins[to] = frm

    # -- document --------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        src = self.src
        out: dict[str, Any] = {"openapi": OPENAPI_VERSION}
        self.moved("/openapi", "/swagger")
        out.update(_unknown(src, _ROOT_FIELDS))
        for key, kind in (("host", str), ("basePath", str), ("schemes", list)):
            if key in src and not isinstance(src[key], kind):  # left for the validator to report
                out[key] = copy.deepcopy(src[key])
        servers = self._servers(src.get("schemes"), "")
        if servers:
            out["servers"] = servers
        if "paths" in src:
            out["paths"] = self._paths(src["paths"])
        components = self._components()
        if components:
            out["components"] = components
        self._rewrite_refs(out, named=False)
        return out

    def _servers(self, schemes: Any, at: str) -> list[dict[str, Any]]:
        host, base_path = self.src.get("host"), self.src.get("basePath")
        if not isinstance(host, str) and not isinstance(base_path, str):
            return []
        base = base_path if isinstance(base_path, str) else ""
        if base and not base.startswith("/"):
            base = "/" + base
        origin = at + "/schemes" if schemes is not None and at else "/host"
        if not isinstance(host, str):
            urls, origin = [base], "/basePath"
        else:
            listed = (
                [s for s in schemes if s in ("http", "https")] if isinstance(schemes, list) else []
            )
            # A scheme list is a set; OpenAPI's first server is the default, and that one is https.
            ordered = sorted(set(listed), key=("https", "http").index) or ["https"]
            urls = [f"{scheme}://{host}{base}" for scheme in ordered]
        for i in range(len(urls)):
            self.moved(at + pointer("servers", i), origin)
        self.moved(at + "/servers", origin)
        return [{"url": url} for url in urls]

    def _components(self) -> dict[str, Any]:
        src = self.src
        existing = src.get("components")
        components: dict[str, Any] = copy.deepcopy(existing) if isinstance(existing, dict) else {}
        if isinstance(components.get("schemas"), dict):  # put there by a bundler
            components["schemas"] = {k: self._schema(v) for k, v in components["schemas"].items()}
        sections: tuple[tuple[str, str, Callable[[Any, str, str], Any]], ...] = (
            ("definitions", "schemas", lambda schema, at, to: self._schema(schema)),
            ("responses", "responses", lambda r, at, to: self._response(r, at, to, self.produces)),
            ("securityDefinitions", "securitySchemes", lambda s, at, to: self._security_scheme(s)),
        )
        for section, kind, conversion in sections:
            entries = src.get(section)
            if entries is None:
                continue
            self.moved(pointer("components", kind), pointer(section))
            if not isinstance(entries, dict):
                components[kind] = copy.deepcopy(entries)
                continue
            if not isinstance(components.get(kind), dict):
                components[kind] = {}
            for name, entry in entries.items():
                to = pointer("components", kind, name)
                components[kind][name] = conversion(entry, pointer(section, name), to)
        for name, parameter in self.shared_parameters.items():
            at, to = pointer("parameters", name), pointer("components", "parameters", name)
            if name in self.body_parameters:
                to = pointer("components", "requestBodies", name)
                components.setdefault("requestBodies", {})[name] = self._body(
                    parameter, at, to, self.consumes
                )
            elif not (isinstance(parameter, dict) and parameter.get("in") == "formData"):
                components.setdefault("parameters", {})[name] = self._parameter(parameter, at, to)
            self.moved(to, at)
        return components

    # -- paths and operations --------------------------------------------------------------

    def _paths(self, paths: Any) -> Any:
        if not isinstance(paths, dict):
            return copy.deepcopy(paths)
        out: dict[str, Any] = {}
        for path, item in paths.items():
            at = pointer("paths", str(path))
            is_item = isinstance(item, dict) and not str(path).startswith("x-")
            out[path] = self._path_item(item, at) if is_item else copy.deepcopy(item)
        return out

    def _path_item(self, item: dict[str, Any], at: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key == "parameters":
                shared, _ = self._parameter_list(value, at, at, self.consumes)
                if shared is not None:
                    out["parameters"] = shared
            elif key in _OPERATIONS and isinstance(value, dict):
                out[key] = self._operation(value, at + pointer(key), item.get("parameters"), at)
            else:
                out[key] = copy.deepcopy(value)
        return out

    def _operation(
        self, operation: dict[str, Any], at: str, path_parameters: Any, path_at: str
    ) -> dict[str, Any]:
        consumes = self._media_types(operation.get("consumes"), self.consumes)
        produces = self._media_types(operation.get("produces"), self.produces)
        out: dict[str, Any] = {}
        parameters, body = self._parameter_list(operation.get("parameters"), at, at, consumes)
        if body is None:  # a body or form declared on the path item, for this operation's types
            _, body = self._parameter_list(path_parameters, path_at, at, consumes, bodies_only=True)
        for key, value in operation.items():
            if key == "parameters":
                if parameters is not None:
                    out["parameters"] = parameters
            elif key == "responses" and isinstance(value, dict):
                out["responses"] = {}
                for status, response in value.items():
                    response_at = at + pointer(key, str(status))
                    out["responses"][str(status)] = (
                        copy.deepcopy(response)
                        if str(status).startswith("x-")
                        else self._response(response, response_at, response_at, produces)
                    )
            elif key == "schemes":
                servers = self._servers(value, at)
                if servers:
                    out["servers"] = servers
            elif key not in ("consumes", "produces"):
                out[key] = copy.deepcopy(value)
        if body is not None:
            out["requestBody"] = body[0]
        return out

    def _parameter_list(
        self,
        parameters: Any,
        src_at: str,
        out_at: str,
        consumes: list[str],
        *,
        bodies_only: bool = False,
    ) -> tuple[Any, tuple[Any, str] | None]:
        """Converted non-body parameters, and the request body with the pointer it came from."""
        if parameters is None:
            return None, None
        if not isinstance(parameters, list):
            return copy.deepcopy(parameters), None
        kept: list[Any] = []
        body: tuple[Any, str] | None = None
        form: list[tuple[dict[str, Any], str]] = []
        for i, parameter in enumerate(parameters):
            at = src_at + pointer("parameters", i)
            target = self._shared(parameter)
            if target is not None and target[1].get("in") == "body":
                if target[0] in self.body_parameters and consumes == self.consumes:
                    body = ({"$ref": parameter["$ref"]}, at)
                else:
                    body = (self._body(target[1], target[2], out_at + "/requestBody", consumes), at)
            elif target is not None and target[1].get("in") == "formData":
                form.append((target[1], target[2]))
            elif isinstance(parameter, dict) and parameter.get("in") == "body":
                body = (self._body(parameter, at, out_at + "/requestBody", consumes), at)
            elif isinstance(parameter, dict) and parameter.get("in") == "formData":
                form.append((parameter, at))
            elif not bodies_only:
                to = out_at + pointer("parameters", len(kept))
                self.moved(to, at)
                kept.append(self._parameter(parameter, at, to))
        if form:
            body = (self._form(form, out_at + "/requestBody", consumes), form[0][1])
        if body is not None:
            self.moved(out_at + "/requestBody", body[1])
        return kept, body

    def _shared(self, parameter: Any) -> tuple[str, dict[str, Any], str] | None:
        """(name, object, pointer) of a `#/parameters/<name>` reference's target."""
        if not isinstance(parameter, dict) or not isinstance(parameter.get("$ref"), str):
            return None
        ref: str = parameter["$ref"]
        if not ref.startswith("#/parameters/"):
            return None
        parts = _parts(ref[1:])
        target = self.shared_parameters.get(parts[1]) if len(parts) == 2 else None
        if not isinstance(target, dict):
            return None
        return parts[1], target, pointer("parameters", parts[1])

    # -- parameters, bodies, responses -----------------------------------------------------

    def _parameter(self, parameter: Any, at: str, to: str) -> Any:
        if not isinstance(parameter, dict) or "$ref" in parameter:
            return copy.deepcopy(parameter)
        out = _unknown(parameter, _PARAMETER_FIELDS)
        if out.get("in") != "query":  # only query parameters may be empty in OpenAPI 3
            out.pop("allowEmptyValue", None)
        out["schema"] = self._simple_schema(parameter)
        self.moved(to + "/schema", at)
        location = parameter.get("in")
        if parameter.get("type") == "array":
            collection = parameter.get("collectionFormat", "csv")
            style = _QUERY_STYLES.get(collection) if location in ("query", "cookie") else None
            if style is not None:
                out["style"], out["explode"] = style
            elif collection not in ("csv", None):
                out["x-collectionFormat"] = collection
        return out

    def _simple_schema(self, obj: dict[str, Any]) -> dict[str, Any]:
        """The Schema Object for a non-body parameter, header or items object."""
        schema: dict[str, Any] = {}
        for key in _SCHEMA_KEYWORDS:
            if key in obj:
                value = obj[key]
                schema[key] = (
                    self._simple_schema(value)
                    if key == "items" and isinstance(value, dict)
                    else copy.deepcopy(value)
                )
        if obj.get("x-nullable") is True:
            schema["nullable"] = True
        if schema.get("type") == "file":
            schema["type"], schema["format"] = "string", "binary"
        return schema

    def _body(self, parameter: dict[str, Any], at: str, to: str, consumes: list[str]) -> Any:
        out = _unknown(parameter, _BODY_FIELDS)
        out["content"] = {}
        for media in consumes or ["application/json"]:
            out["content"][media] = {"schema": self._schema(parameter.get("schema", {}))}
            self.moved(to + pointer("content", media, "schema"), at + "/schema")
        self.moved(to + "/content", at)
        return out

    def _form(
        self, parameters: list[tuple[dict[str, Any], str]], to: str, consumes: list[str]
    ) -> Any:
        properties: dict[str, Any] = {}
        required: list[str] = []
        encoding: dict[str, Any] = {}
        has_file = any(p.get("type") == "file" for p, _ in parameters)
        medias = [m for m in consumes if m in _FORM_TYPES] or [
            _FORM_TYPES[1] if has_file else _FORM_TYPES[0]
        ]
        for parameter, at in parameters:
            name = str(parameter.get("name", ""))
            schema = self._simple_schema(parameter)
            schema.update(_unknown(parameter, _FORM_FIELDS))
            properties[name] = schema
            if parameter.get("required") is True:
                required.append(name)
            collection = parameter.get("collectionFormat", "csv")
            style = _QUERY_STYLES.get(collection) if schema.get("type") == "array" else None
            if style is not None:
                encoding[name] = {"style": style[0], "explode": style[1]}
            for media in medias:
                self.moved(to + pointer("content", media, "schema", "properties", name), at)
        schema_: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema_["required"] = required
        content: dict[str, Any] = {}
        for media in medias:
            content[media] = {"schema": copy.deepcopy(schema_)}
            if encoding and media == _FORM_TYPES[0]:
                content[media]["encoding"] = copy.deepcopy(encoding)
        self.moved(to + "/content", parameters[0][1])
        out: dict[str, Any] = {"content": content}
        if required:
            out["required"] = True
        return out

    def _response(self, response: Any, at: str, to: str, produces: list[str]) -> Any:
        if not isinstance(response, dict) or "$ref" in response:
            return copy.deepcopy(response)
        out = _unknown(response, _RESPONSE_FIELDS)
        if "schema" in response:
            schema = self._schema(response["schema"])
            binary = isinstance(schema, dict) and schema.get("format") == "binary"
            medias = produces or ["application/octet-stream" if binary else "application/json"]
            out["content"] = {media: {"schema": copy.deepcopy(schema)} for media in medias}
            for media in medias:
                self.moved(to + pointer("content", media, "schema"), at + "/schema")
            self.moved(to + "/content", at + "/schema")
        examples = response.get("examples")
        if isinstance(examples, dict):
            content = out.setdefault("content", {})
            for media, example in examples.items():
                content.setdefault(media, {})["example"] = copy.deepcopy(example)
                self.moved(
                    to + pointer("content", media, "example"), at + pointer("examples", media)
                )
        headers = response.get("headers")
        if isinstance(headers, dict):
            out["headers"] = {}
            for name, header in headers.items():
                header_at, header_to = at + pointer("headers", name), to + pointer("headers", name)
                if not isinstance(header, dict):
                    out["headers"][name] = copy.deepcopy(header)
                    continue
                converted = {
                    k: copy.deepcopy(v)
                    for k, v in header.items()
                    if k == "description" or str(k).startswith("x-")
                }
                converted["schema"] = self._simple_schema(header)
                self.moved(header_to + "/schema", header_at)
                out["headers"][name] = converted
        return out

    def _security_scheme(self, scheme: Any) -> Any:
        if not isinstance(scheme, dict):
            return copy.deepcopy(scheme)
        out = {k: copy.deepcopy(v) for k, v in scheme.items() if str(k).startswith("x-")}
        if "description" in scheme:
            out["description"] = copy.deepcopy(scheme["description"])
        kind = scheme.get("type")
        if kind == "basic":
            out.update(type="http", scheme="basic")
        elif kind == "apiKey":
            out.update(type="apiKey", name=scheme.get("name"), **{"in": scheme.get("in")})
        elif kind == "oauth2" and scheme.get("flow") in _OAUTH2_FLOWS:
            flow_name, urls = _OAUTH2_FLOWS[scheme["flow"]]
            flow = {url: scheme.get(url) for url in urls}
            flow["scopes"] = copy.deepcopy(scheme.get("scopes") or {})
            out.update(type="oauth2", flows={flow_name: flow})
        else:
            return copy.deepcopy(scheme)
        return out

    # -- schemas and references ------------------------------------------------------------

    def _schema(self, schema: Any) -> Any:
        """A copy of a Swagger 2.0 Schema Object in its OpenAPI 3.0 form."""
        converted = copy.deepcopy(schema)
        for node in _schemas_within(converted):
            if node.get("type") == "file":
                node["type"], node["format"] = "string", "binary"
            if "x-nullable" in node:
                if node.pop("x-nullable") is True:
                    node["nullable"] = True
            if isinstance(node.get("discriminator"), str):
                node["discriminator"] = {"propertyName": node["discriminator"]}
        return converted

    def _rewrite_refs(self, node: Any, *, named: bool) -> None:
        """Point every `$ref` at the object's new home (`#/definitions/X` -> `#/components/...`)."""
        stack: list[tuple[Any, bool]] = [(node, named)]
        while stack:
            current, is_named = stack.pop()
            if isinstance(current, list):
                stack.extend((item, False) for item in current)
                continue
            if not isinstance(current, dict):
                continue
            ref = current.get("$ref")
            if isinstance(ref, str):
                current["$ref"] = self._new_ref(ref)
            for key, value in current.items():
                if key == "$ref" or (
                    not is_named and (key in _DATA_KEYS or str(key).startswith("x-"))
                ):
                    continue
                stack.append((value, not is_named and key in _NAMED_MAPS))

    def _new_ref(self, ref: str) -> str:
        file, hash_, fragment = ref.partition("#")
        if file or not hash_:
            return ref
        parts = fragment.split("/")
        if len(parts) < 3 or parts[0]:
            return ref
        kind = parts[1]
        if kind == "definitions":
            home = "schemas"
        elif kind == "parameters":
            name = _parts(fragment)[1]
            home = "requestBodies" if name in self.body_parameters else "parameters"
        elif kind == "responses":
            home = "responses"
        else:
            return ref
        return "#/components/" + home + "/" + "/".join(parts[2:])

    @staticmethod
    def _media_types(value: Any, default: list[str] | None = None) -> list[str]:
        if isinstance(value, list):
            return [str(v) for v in value]
        return list(default or [])


def _unknown(obj: dict[str, Any], converted: frozenset[str]) -> dict[str, Any]:
    """A copy of each field of `obj` that is not in `converted`."""
    return {k: copy.deepcopy(v) for k, v in obj.items() if k not in converted}


def _schemas_within(schema: Any) -> Iterator[dict[str, Any]]:
    """Every Schema Object in `schema`, itself included (without following `$ref`)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield node
        for key in ("items", "additionalProperties", "not"):
            if isinstance(node.get(key), dict):
                stack.append(node[key])
        for key in ("allOf", "anyOf", "oneOf"):
            if isinstance(node.get(key), list):
                stack.extend(node[key])
        if isinstance(node.get("items"), list):
            stack.extend(node["items"])
        if isinstance(node.get("properties"), dict):
            stack.extend(node["properties"].values())

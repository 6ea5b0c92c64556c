"""Builds the IR from a loaded spec: names, types, operations, security, extensions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import _ir as ir
from ._errors import Diagnostics, pointer
from ._loader import LoadedSpec, read_confined, resolve_pointer
from ._naming import identifier, pascal_case, snake_case, unique

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PATH_TEMPLATE = re.compile(r"\{([^}/]+)\}")
# Names the generated modules import or define; a model of the same name would shadow them.
RESERVED_CLASS_NAMES = frozenset(
    {
        "Any",
        "Annotated",
        "BaseModel",
        "ConfigDict",
        "Decimal",
        "DecimalNumber",
        "DecimalString",
        "Endpoint",
        "Enum",
        "Field",
        "Iterator",
        "Literal",
        "Model",
        "NotGiven",
        "Pagination",
        "RawResponse",
        "RootModel",
        "UUID",
        "AwareDatetime",
        "date",
        "datetime",
        "httpx",
    }
)
# Per-call options every method takes; a spec parameter of the same name gets a trailing `_`.
RESERVED_ARGUMENTS = frozenset({"self", "timeout", "max_retries", "extra_headers"})
_JSON_MEDIA = re.compile(r"^application/([\w.-]+\+)?json$|^\*/\*$")
_FORM_MEDIA = "application/x-www-form-urlencoded"
_SIGNING_PARTS = frozenset({"timestamp", "method", "path", "query", "body"})
_ALGORITHMS = {"hmac-sha256": "sha256", "hmac-sha384": "sha384", "hmac-sha512": "sha512"}


def build_api(spec: LoadedSpec, diagnostics: Diagnostics) -> ir.Api:
    """Turn a validated spec into the IR; problems go to `diagnostics`."""
    return _Parser(spec, diagnostics).api()


class _Parser:
    def __init__(self, spec: LoadedSpec, diagnostics: Diagnostics) -> None:
        self.spec = spec
        self.doc = spec.document
        self.diag = diagnostics
        self.decimal_path = ""
        self.taken: set[str] = set(RESERVED_CLASS_NAMES)
        self.models: dict[str, Any] = {}
        self.memo: dict[int, str] = {}
        self.component_classes: dict[str, str] = {}

    # -- document level ----------------------------------------------------------------------

    def api(self) -> ir.Api:
        info = self.doc.get("info") or {}
        stem = Path(self.spec.path).stem
        package = str(info.get("x-package-name") or f"{snake_case(stem)}_client")
        if not package.isidentifier():
            self.diag.error(
                "/info/x-package-name", f"{package!r} is not a valid Python package name"
            )
        client_class = str(info.get("x-client-class") or f"{pascal_case(stem)}Client")
        self.decimal_path = f"{package}._types"
        self._name_components()
        schemes = self._security_schemes()
        envelope = self._envelope()
        operations = self._operations({s.name for s in schemes}, envelope)
        error = self.doc.get("x-error") or {}
        api = ir.Api(
            spec_file=Path(self.spec.path).name,
            title=str(info.get("title") or stem),
            version=_package_version(str(info.get("version") or "")),
            description=_text(info.get("description")),
            package=package,
            client_class=identifier(client_class),
            env_prefix=str(info.get("x-env-prefix") or snake_case(stem).upper()),
            servers=self._servers(),
            operations=operations,
            security_schemes=schemes,
            envelope=envelope,
            error_code_keys=_strings(error.get("code")),
            error_message_keys=_strings(error.get("message")),
            model_names=tuple(sorted(self.models)),
            models_schema=self._models_document(),
        )
        return api

    def _servers(self) -> tuple[ir.Server, ...]:
        servers = []
        for i, server in enumerate(self.doc.get("servers") or []):
            url = str(server.get("url") or "")
            for name, variable in (server.get("variables") or {}).items():
                url = url.replace("{" + name + "}", str(variable.get("default", "")))
            if "{" in url:
                self.diag.recoverable(
                    pointer("servers", i, "url"), f"server URL {url!r} has an undeclared variable"
                )
            servers.append(
                ir.Server(
                    url.rstrip("/"),
                    _text(server.get("description")),
                    bool(server.get("x-unverified")),
                )
            )
        return tuple(servers)

    def _envelope(self) -> ir.Envelope | None:
        raw = self.doc.get("x-envelope")
        if raw is None:
            return None
        if not isinstance(raw, dict) or not raw.get("data"):
            self.diag.error(
                "/x-envelope", "x-envelope needs at least `data` (the payload property)"
            )
            return None
        return ir.Envelope(
            data=str(raw["data"]),
            code=str(raw.get("code") or "code"),
            message=str(raw.get("message") or "message"),
            success=tuple(str(s) for s in raw.get("success") or ()),
        )

    # -- security ----------------------------------------------------------------------------

    def _security_schemes(self) -> tuple[ir.SecurityScheme, ...]:
        raw = ((self.doc.get("components") or {}).get("securitySchemes")) or {}
        schemes = []
        for name, scheme in raw.items():
            at = pointer("components", "securitySchemes", name)
            scheme = self._deref(scheme, at)
            parsed = self._security_scheme(name, scheme, at)
            if parsed is not None:
                schemes.append(parsed)
        return tuple(schemes)

    def _security_scheme(
        self, name: str, scheme: dict[str, Any], at: str
    ) -> ir.SecurityScheme | None:
        kind = scheme.get("type")
        description = _text(scheme.get("description"))
        if "x-signing" in scheme:
            signing = self._signing(scheme["x-signing"], at + "/x-signing")
            if signing is None:
                return None
            names = [
                n
                for _, t in signing.headers
                for n in re.findall(r"\{(\w+)\}", t)
                if n not in ("timestamp", "signature")
            ]
            names.insert(
                1 if names else 0, signing.secret
            )  # key, secret, then the rest: the usual order
            credentials = tuple(dict.fromkeys(names))
            return ir.SecurityScheme(name, "signing", credentials, description, signing=signing)
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
            return ir.SecurityScheme(
                name, "bearer", (str(scheme.get("x-credential") or "token"),), description
            )
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            return ir.SecurityScheme(name, "basic", ("username", "password"), description)
        if kind == "apiKey":
            credential = str(scheme.get("x-credential") or "api_key")
            return ir.SecurityScheme(
                name,
                "apiKey",
                (credential,),
                description,
                str(scheme.get("name", "")),
                str(scheme.get("in", "header")),
            )
        self.diag.recoverable(
            at,
            f"security scheme type {kind!r} is not supported; operations using it send no credentials",
        )
        return None

    def _signing(self, raw: Any, at: str) -> ir.SigningScheme | None:
        if not isinstance(raw, dict):
            self.diag.error(at, "x-signing must be a mapping")
            return None
        hook = raw.get("hook")
        algorithm = str(raw.get("algorithm", "hmac-sha256"))
        if algorithm not in _ALGORITHMS:
            self.diag.error(
                at + "/algorithm",
                f"unknown algorithm {algorithm!r}; expected one of {sorted(_ALGORITHMS)}",
            )
        encoding = str(raw.get("encoding", "hex"))
        if encoding not in ("hex", "base64"):
            self.diag.error(
                at + "/encoding", f"unknown encoding {encoding!r}; expected hex or base64"
            )
        prehash = tuple(str(p) for p in raw.get("prehash") or ())
        for i, part in enumerate(prehash):
            if part not in _SIGNING_PARTS:
                self.diag.error(
                    f"{at}/prehash/{i}",
                    f"unknown prehash part {part!r}; expected one of {sorted(_SIGNING_PARTS)}",
                )
        if not prehash:
            self.diag.error(at + "/prehash", "x-signing needs a non-empty prehash list")
        choices = {
            "path": ("full", "relative"),
            "query-order": ("declared", "sorted"),
            "timestamp": ("milliseconds", "seconds"),
        }
        values = {}
        for key, allowed in choices.items():
            values[key] = str(raw.get(key, allowed[0]))
            if values[key] not in allowed:
                self.diag.error(
                    f"{at}/{key}", f"{key} must be one of {list(allowed)}, not {values[key]!r}"
                )
        headers = raw.get("headers") or {}
        if not isinstance(headers, dict) or not any(
            "{signature}" in str(v) for v in headers.values()
        ):
            self.diag.error(
                at + "/headers", "x-signing headers must send the {signature} somewhere"
            )
            headers = headers if isinstance(headers, dict) else {}
        hook_module = hook_source = None
        if hook:
            hook_file = read_confined(
                Path(self.spec.path).parent, str(hook), at=at + "/hook", diagnostics=self.diag
            )
            if hook_file is not None:
                hook_path, hook_source = hook_file
                hook_module = "_" + snake_case(hook_path.stem)
                self.spec.extra_files.append(hook_path)
                if not re.search(r"^def sign\(", hook_source, re.MULTILINE):
                    self.diag.error(
                        at + "/hook",
                        f"hook module {hook!r} must define `def sign(message: bytes, secret: str) -> str`",
                    )
        return ir.SigningScheme(
            algorithm=_ALGORITHMS.get(algorithm, "sha256"),
            encoding=encoding,
            prehash=prehash,
            path=values["path"],
            query_order=values["query-order"],
            timestamp=values["timestamp"],
            secret=str(raw.get("secret") or "api_secret"),
            headers=tuple((str(k), str(v)) for k, v in headers.items()),
            hook_module=hook_module,
            hook_source=hook_source,
            hook_dependencies=tuple(str(d) for d in raw.get("hook-dependencies") or ()),
        )

    # -- operations --------------------------------------------------------------------------

    def _operations(
        self, scheme_names: set[str], envelope: ir.Envelope | None
    ) -> tuple[ir.Operation, ...]:
        operations: list[ir.Operation] = []
        ids: dict[str, str] = {}
        methods: dict[str, str] = {}
        for path, item in (self.doc.get("paths") or {}).items():
            item_at = pointer("paths", path)
            if not isinstance(item, dict):
                continue
            item = self._deref(item, item_at)
            for method in [key for key in item if key in HTTP_METHODS]:  # in document order
                at = item_at + pointer(method)
                raw = item[method]
                operation_id = str(raw.get("operationId") or _derived_operation_id(method, path))
                if operation_id in ids:
                    self.diag.error(
                        at + "/operationId",
                        f"duplicate operationId {operation_id!r} (first at {ids[operation_id]})",
                    )
                    continue
                ids[operation_id] = at
                method_name = snake_case(operation_id)
                if method_name in methods:
                    self.diag.error(
                        at + "/operationId",
                        f"operationId {operation_id!r} maps to method {method_name}(), as does {methods[method_name]}",
                    )
                    continue
                methods[method_name] = at
                errors_before = len(self.diag.errors)
                operation = self._operation(
                    path, method, raw, item, at, operation_id, method_name, scheme_names, envelope
                )
                if operation is not None and len(self.diag.errors) == errors_before:
                    operations.append(operation)
        for op in operations:
            if f"iter_{op.method_name}" in methods:
                self.diag.error(
                    "/paths",
                    f"method iter_{op.method_name}() is both an operation and the pager of {op.method_name}()",
                )
        return tuple(operations)

    def _operation(
        self,
        path: str,
        method: str,
        raw: dict[str, Any],
        item: dict[str, Any],
        at: str,
        operation_id: str,
        method_name: str,
        scheme_names: set[str],
        envelope: ir.Envelope | None,
    ) -> ir.Operation | None:
        hint = pascal_case(operation_id)
        taken = set(RESERVED_ARGUMENTS)
        try:
            arguments = self._parameters(path, item, raw, at, hint, taken)
            body, body_arguments, example = self._request_body(raw, at, hint, taken)
        except _Unsupported as exc:
            self.diag.recoverable(exc.at, f"unsupported: {exc} (lenient mode skips the operation)")
            return None
        responses = self._responses(raw, at, hint, envelope)
        success = [r for r in responses if r.status.startswith("2")] or [
            r for r in responses if r.status == "default"
        ]
        types = list(dict.fromkeys(r.type or "None" for r in success)) or ["None"]
        result_type = " | ".join(t for t in types if t != "None") or "None"
        if "None" in types and result_type != "None":
            result_type += " | None"
        security = self._operation_security(raw, at, scheme_names)
        pagination = self._pagination(raw, at, arguments + body_arguments, success, envelope, hint)
        return ir.Operation(
            operation_id=operation_id,
            method_name=method_name,
            http_method=method.upper(),
            path=path,
            summary=_text(raw.get("summary")),
            description=_text(raw.get("description")),
            arguments=tuple(sorted(arguments + body_arguments, key=lambda a: not a.required)),
            body=body,
            result_type=result_type,
            responses=tuple(responses),
            security=security,
            idempotent=bool(raw.get("x-idempotent")),
            envelope=any(r.unwrapped for r in success),
            deprecated=bool(raw.get("deprecated")),
            pagination=pagination,
            request_example=example,
        )

    def _parameters(
        self,
        path: str,
        item: dict[str, Any],
        raw: dict[str, Any],
        at: str,
        hint: str,
        taken: set[str],
    ) -> list[ir.Argument]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, owner_at in ((item, at.rsplit("/", 1)[0]), (raw, at)):
            for i, param in enumerate(owner.get("parameters") or []):
                param_at = owner_at + pointer("parameters", i)
                param = self._deref(param, param_at)
                if not isinstance(param, dict) or "name" not in param or "in" not in param:
                    self.diag.error(param_at, "parameter needs `name` and `in`")
                    continue
                merged[(str(param["name"]), str(param["in"]))] = (param, param_at)
        template_names = _PATH_TEMPLATE.findall(path)
        declared_path = {name for name, location in merged if location == "path"}
        for name in template_names:
            if name not in declared_path:
                self.diag.error(
                    at, f"path parameter {{{name}}} of {path!r} has no declaration in `parameters`"
                )
        for (name, location), (_, param_at) in merged.items():
            if location == "path" and name not in template_names:
                self.diag.error(
                    param_at, f"path parameter {name!r} does not appear in the path {path!r}"
                )
        arguments = []
        for (name, location), (param, param_at) in merged.items():
            if location == "cookie":
                raise _Unsupported(param_at, f"cookie parameter {name!r}")
            schema = param.get("schema")
            if schema is None and isinstance(param.get("content"), dict) and param["content"]:
                schema = next(iter(param["content"].values())).get("schema")
            style = param.get("style", "form")
            if style not in ("form", "simple"):
                raise _Unsupported(param_at + "/style", f"parameter style {style!r}")
            arguments.append(
                ir.Argument(
                    name=_argument_name(name, location, taken),
                    wire_name=name,
                    location=location,  # type: ignore[arg-type]
                    type=self.annotate(schema, f"{hint}{pascal_case(name)}", param_at + "/schema"),
                    required=bool(param.get("required")) or location == "path",
                    description=_text(param.get("description")),
                    explode=bool(param.get("explode", style == "form")),
                    default=(schema or {}).get("default") if isinstance(schema, dict) else None,
                )
            )
        return arguments

    def _request_body(
        self, raw: dict[str, Any], at: str, hint: str, taken: set[str]
    ) -> tuple[ir.RequestBody | None, list[ir.Argument], Any]:
        if "requestBody" not in raw:
            return None, [], None
        body_at = at + "/requestBody"
        body = self._deref(raw["requestBody"], body_at)
        content = body.get("content") or {}
        media = next((m for m in content if _JSON_MEDIA.match(m)), None) or (
            _FORM_MEDIA if _FORM_MEDIA in content else None
        )
        if media is None:
            if content:
                raise _Unsupported(
                    body_at + "/content",
                    f"request media type(s) {sorted(content)} (JSON and form bodies only)",
                )
            return None, [], None
        media_at = body_at + pointer("content", media)
        media_obj = content[media] or {}
        schema = media_obj.get("schema") or {}
        example = media_obj.get("example")
        if (
            example is None
            and isinstance(media_obj.get("examples"), dict)
            and media_obj["examples"]
        ):
            first = self._deref(next(iter(media_obj["examples"].values())), media_at + "/examples")
            example = first.get("value") if isinstance(first, dict) else None
        required = bool(body.get("required"))
        resolved = self._resolve(schema)
        body_type = self.annotate(schema, f"{hint}Request", media_at + "/schema")
        flattenable = (
            isinstance(resolved, dict)
            and isinstance(resolved.get("properties"), dict)
            and not any(k in resolved for k in ("allOf", "oneOf", "anyOf"))
            and body_type.isidentifier()
        )
        if not flattenable:
            argument = ir.Argument(
                _argument_name("body", "body", taken),
                "body",
                "body",
                body_type,
                required,
                _text(body.get("description")),
            )
            return (
                ir.RequestBody(media, body_type, required, False, _text(body.get("description"))),
                [argument],
                example,
            )
        required_fields = set(resolved.get("required") or [])
        arguments = []
        for name, prop in resolved["properties"].items():
            prop_resolved = self._resolve(prop)
            if isinstance(prop_resolved, dict) and prop_resolved.get("readOnly"):
                continue
            arguments.append(
                ir.Argument(
                    name=_argument_name(name, "body", taken),
                    wire_name=name,
                    location="body",
                    type=self.annotate(
                        prop,
                        f"{body_type}{pascal_case(name)}",
                        media_at + "/schema/properties/" + name,
                    ),
                    required=required and name in required_fields,
                    description=_text(
                        (prop_resolved or {}).get("description")
                        if isinstance(prop_resolved, dict)
                        else ""
                    ),
                    default=prop_resolved.get("default")
                    if isinstance(prop_resolved, dict)
                    else None,
                )
            )
        return (
            ir.RequestBody(media, body_type, required, True, _text(body.get("description"))),
            arguments,
            example,
        )

    def _responses(
        self, raw: dict[str, Any], at: str, hint: str, envelope: ir.Envelope | None
    ) -> list[ir.Response]:
        responses = []
        raw_responses = raw.get("responses") or {}
        for status in sorted(raw_responses, key=_status_order):
            response_at = at + pointer("responses", status)
            response = self._deref(raw_responses[status], response_at)
            if not isinstance(response, dict):
                continue
            content = response.get("content") or {}
            type_ = None
            status = str(status)
            payload = self._payload_schema(response, status, envelope)
            unwrapped = payload is not None and payload[2]
            if payload is not None:
                schema, schema_at, _ = payload
                suffix = "Response" if status.startswith("2") else f"Error{status.title()}"
                if unwrapped:
                    suffix = "Data"
                elif len(
                    [s for s in raw_responses if str(s).startswith("2")]
                ) > 1 and status.startswith("2"):
                    suffix = f"Response{status}"
                type_ = self.annotate(schema, f"{hint}{suffix}", response_at + schema_at)
            elif (
                content
                and status.startswith("2")
                and not any(_JSON_MEDIA.match(m) for m in content)
            ):
                type_ = "str" if any(m.startswith("text/") for m in content) else None
            responses.append(
                ir.Response(status, _text(response.get("description")), type_, unwrapped)
            )
        return responses

    @staticmethod
    def _has_property(schema: Any, name: str) -> bool:
        return (
            isinstance(schema, dict)
            and isinstance(schema.get("properties"), dict)
            and name in schema["properties"]
        )

    def _operation_security(
        self, raw: dict[str, Any], at: str, scheme_names: set[str]
    ) -> tuple[tuple[str, ...], ...]:
        requirements = raw["security"] if "security" in raw else self.doc.get("security") or []
        alternatives = []
        for i, requirement in enumerate(requirements or []):
            names = tuple(requirement or {})
            unknown = [n for n in names if n not in scheme_names]
            if unknown:
                where = at + pointer("security", i) if "security" in raw else pointer("security", i)
                self.diag.recoverable(
                    where,
                    f"security scheme(s) {unknown} are not declared in components.securitySchemes",
                )
                continue
            alternatives.append(names)
        return tuple(alternatives)

    def _pagination(
        self,
        raw: dict[str, Any],
        at: str,
        arguments: list[ir.Argument],
        success: list[ir.Response],
        envelope: ir.Envelope | None,
        hint: str,
    ) -> ir.Pagination | None:
        spec = raw.get("x-pagination")
        if spec is None:
            return None
        at += "/x-pagination"
        style = spec.get("style") if isinstance(spec, dict) else None
        if style not in ("page", "offset", "cursor"):
            self.diag.error(
                at + "/style", f"x-pagination style must be page, offset or cursor, not {style!r}"
            )
            return None
        by_wire = {a.wire_name: a for a in arguments}
        names: dict[str, str | None] = {}
        needed = {"page": ("page",), "offset": ("offset",), "cursor": ("cursor",)}[style]
        for key in ("page", "limit", "offset", "cursor"):
            wire = spec.get(key)
            if wire is None:
                if key in needed:
                    self.diag.error(
                        at,
                        f"x-pagination style {style!r} needs `{key}` (the parameter that carries it)",
                    )
                names[key] = None
                continue
            if wire not in by_wire:
                self.diag.error(
                    f"{at}/{key}",
                    f"x-pagination {key} {wire!r} is not a parameter or body field of this operation",
                )
                names[key] = None
                continue
            names[key] = by_wire[wire].name
        items = tuple(p for p in str(spec.get("items") or "").split(".") if p)
        schema = self._success_schema(raw, envelope)
        for part in items:
            resolved = self._resolve(schema)
            if not self._has_property(resolved, part):
                self.diag.error(
                    at + "/items",
                    f"x-pagination items path {'.'.join(items)!r} is not in the response schema",
                )
                return None
            schema = resolved["properties"][part]
        resolved = self._resolve(schema)
        if not isinstance(resolved, dict) or resolved.get("type") not in (
            "array",
            ["array"],
            ["array", "null"],
            ["null", "array"],
        ):
            self.diag.error(
                at + "/items",
                f"x-pagination items {'.'.join(items) or '(the response)'!r} is not an array",
            )
            return None
        item_type = self.annotate(resolved.get("items") or {}, f"{hint}Item", at)
        limit_arg = by_wire.get(str(spec.get("limit"))) if spec.get("limit") else None
        default_limit = (
            limit_arg.default if limit_arg and isinstance(limit_arg.default, int) else None
        )
        return ir.Pagination(
            style=style,
            items=items,
            item_type=item_type,
            page=names["page"],
            limit=names["limit"],
            offset=names["offset"],
            cursor=names["cursor"],
            next_cursor=tuple(p for p in str(spec.get("next-cursor") or "").split(".") if p),
            default_limit=default_limit,
        )

    def _payload_schema(
        self, response: dict[str, Any], status: str, envelope: ir.Envelope | None
    ) -> tuple[Any, str, bool] | None:
        """The JSON schema of a response's payload, its pointer under the response, and whether
        it was unwrapped from the envelope's data property (2xx answers only)."""
        content = response.get("content") or {}
        media = next((m for m in content if _JSON_MEDIA.match(m)), None)
        if media is None or (content[media] or {}).get("schema") is None:
            return None
        schema = content[media]["schema"]
        at = pointer("content", media, "schema")
        resolved = self._resolve(schema)
        if envelope and status.startswith("2") and self._has_property(resolved, envelope.data):
            return resolved["properties"][envelope.data], at, True
        return schema, at, False

    def _success_schema(self, raw: dict[str, Any], envelope: ir.Envelope | None) -> Any:
        for status in sorted(raw.get("responses") or {}, key=_status_order):
            if str(status).startswith("2"):
                payload = self._payload_schema(
                    self._resolve(raw["responses"][status]) or {}, str(status), envelope
                )
                if payload is not None:
                    return payload[0]
        return {}

    # -- schemas and types -------------------------------------------------------------------

    def _name_components(self) -> None:
        schemas = ((self.doc.get("components") or {}).get("schemas")) or {}
        for name, schema in schemas.items():
            if _is_class_like(self._resolve(schema)) and not (
                isinstance(schema, dict) and "$ref" in schema
            ):
                self.component_classes[name] = unique(pascal_case(name), self.taken)
        for name, schema in schemas.items():
            if name in self.component_classes:
                class_name = self.component_classes[name]
                self.memo[id(schema)] = class_name
                self.models[class_name] = self._model_schema(schema, class_name, root=True)

    def _resolve(self, schema: Any, depth: int = 0) -> Any:
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and depth < 50:
            try:
                schema = resolve_pointer(self.doc, schema["$ref"][1:])
            except KeyError:
                return {}
            depth += 1
        return schema

    def _deref(self, node: Any, at: str) -> Any:
        resolved = self._resolve(node)
        if not isinstance(resolved, dict):
            self.diag.error(at, "expected a mapping")
            return {}
        return resolved

    def annotate(self, schema: Any, hint: str, at: str) -> str:
        """The Python type of values matching `schema`, hoisting inline objects into named models."""
        if not isinstance(schema, dict):
            return "Any"
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            if ref.startswith("#/components/schemas/") and name in self.component_classes:
                return _nullable(self.component_classes[name], schema.get("nullable") is True)
            target = self._resolve(schema)
            return self.annotate(target, pascal_case(name), at)
        if id(schema) in self.memo:
            return self.memo[id(schema)]
        annotation = self._annotate(schema, hint, at)
        nullable = schema.get("nullable") is True or _type_list(schema).count("null") > 0
        return _nullable(annotation, nullable)

    def _annotate(self, schema: dict[str, Any], hint: str, at: str) -> str:
        if _is_class_like(schema):
            return self._hoist(schema, hint)
        if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
            return self.annotate(schema["allOf"][0], hint, at + "/allOf/0")
        if "const" in schema:
            return _literal([schema["const"]]) or "Any"
        if isinstance(schema.get("enum"), list):
            values = [v for v in schema["enum"] if v is not None]
            literal = _literal(values)
            if literal:
                return literal + (" | None" if None in schema["enum"] else "")
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                members = []
                for i, member in enumerate(schema[key]):
                    members.append(self.annotate(member, f"{hint}{i + 1}", f"{at}/{key}/{i}"))
                return _union(members)
        if _type_list(schema) == ["null"]:
            return "None"
        types = [t for t in _type_list(schema) if t != "null"]
        if len(types) > 1:
            return _union([self._annotate({**schema, "type": t}, hint, at) for t in types])
        kind = types[0] if types else ("object" if "additionalProperties" in schema else None)
        fmt = schema.get("format")
        if kind == "string":
            return {
                "decimal": "Decimal",
                "date-time": "datetime",
                "date": "date",
                "binary": "bytes",
            }.get(str(fmt), "str")
        if kind == "integer":
            return "int"
        if kind == "number":
            return "Decimal"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array":
            return f"list[{self.annotate(schema.get('items') or {}, hint + 'Item', at + '/items')}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            value = (
                self.annotate(extra, hint + "Value", at + "/additionalProperties")
                if isinstance(extra, dict)
                else "Any"
            )
            return f"dict[str, {value}]"
        return "Any"

    def _hoist(self, schema: dict[str, Any], hint: str) -> str:
        name = unique(pascal_case(hint), self.taken)
        self.memo[id(schema)] = name
        self.models[name] = self._model_schema(schema, name, root=True)
        return name

    def _model_schema(self, schema: Any, hint: str, root: bool = False) -> Any:
        """A copy of `schema` for the models module: inline classes become `$ref`s to named models."""
        if isinstance(schema, list):
            return [self._model_schema(s, f"{hint}{i + 1}") for i, s in enumerate(schema)]
        if not isinstance(schema, dict):
            return schema
        if not root and "$ref" not in schema and _is_class_like(schema):
            name = self.memo.get(id(schema)) or self._hoist(schema, hint)
            return {"$ref": f"#/components/schemas/{name}"}
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                name = value.rsplit("/", 1)[-1]
                if value.startswith("#/components/schemas/") and name in self.component_classes:
                    value = f"#/components/schemas/{self.component_classes[name]}"
                elif value.startswith("#/components/schemas/"):
                    value = self._model_schema(self._resolve(schema), pascal_case(name))
                    out.update({k: v for k, v in value.items() if k not in out})
                    continue
                else:
                    out.update(self._model_schema(self._resolve(schema), hint))
                    continue
            elif key == "properties" and isinstance(value, dict):
                value = {
                    k: self._model_schema(v, f"{hint}{pascal_case(k)}") for k, v in value.items()
                }
            elif key in ("items", "additionalProperties", "not"):
                value = self._model_schema(value, f"{hint}{'Item' if key == 'items' else 'Value'}")
            elif key in ("allOf", "oneOf", "anyOf", "prefixItems") and isinstance(value, list):
                # allOf members are merged into this model, so they stay inline rather than becoming models.
                value = [
                    self._model_schema(s, f"{hint}{i + 1}", root=key == "allOf")
                    for i, s in enumerate(value)
                ]
            elif key in ("example", "examples", "discriminator") or key.startswith("x-"):
                continue
            out[key] = value
        types = _type_list(out)
        if "number" in types or (("string" in types) and out.get("format") == "decimal"):
            custom = (
                f"{self.decimal_path}.{'DecimalNumber' if 'number' in types else 'DecimalString'}"
            )
            for string_only in ("pattern", "minLength", "maxLength"):
                out.pop(string_only, None)  # pydantic cannot apply these to a Decimal
            if "null" in types or out.get("nullable") is True:
                # datamodel-code-generator drops nullability beside a custom type; spell it as a union.
                kept = {
                    k: v
                    for k, v in out.items()
                    if k in ("description", "default", "title", "readOnly", "writeOnly")
                }
                exact = {k: v for k, v in out.items() if k not in kept and k != "nullable"}
                exact["type"] = next(t for t in types if t != "null")
                exact["customTypePath"] = custom
                return {**kept, "anyOf": [exact, {"type": "null"}]}
            out["customTypePath"] = custom
        return out

    def _models_document(self) -> dict[str, Any]:
        return {
            "openapi": "3.1.0",
            "info": {"title": "models", "version": "1"},
            "paths": {},
            "components": {"schemas": {name: self.models[name] for name in sorted(self.models)}},
        }


class _Unsupported(Exception):
    """A construct the generator cannot turn into a method; the operation is skipped or fails."""

    def __init__(self, at: str, message: str) -> None:
        super().__init__(message)
        self.at = at


def _is_class_like(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    return (
        bool(schema.get("properties"))
        or isinstance(schema.get("allOf"), list)
        and len(schema["allOf"]) > 1
        or (isinstance(schema.get("allOf"), list) and bool(schema.get("properties")))
    )


def _type_list(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return [str(k) for k in kind]
    return [str(kind)] if kind else []


def _literal(values: list[Any]) -> str | None:
    if not values or not all(isinstance(v, (str, int, bool)) for v in values):
        return None
    return f"Literal[{', '.join(repr(v) for v in values)}]"


def _union(members: list[str]) -> str:
    flat: list[str] = []
    for member in members:
        for part in _split_union(member):
            if part not in flat:
                flat.append(part)
    if "Any" in flat:
        return "Any"
    non_null = [p for p in flat if p != "None"]
    return " | ".join(non_null + (["None"] if "None" in flat else [])) or "None"


def _split_union(annotation: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in annotation:
        depth += char == "["
        depth -= char == "]"
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


def _nullable(annotation: str, nullable: bool) -> str:
    if not nullable or annotation == "Any" or "None" in _split_union(annotation):
        return annotation
    return f"{annotation} | None"


def _argument_name(wire: str, location: str, taken: set[str]) -> str:
    name = snake_case(wire)
    if name in taken:
        name = f"{name}_{location}" if f"{name}_{location}" not in taken else name
    if name in RESERVED_ARGUMENTS:
        name += "_"
    return unique(name, taken)


def _derived_operation_id(method: str, path: str) -> str:
    words = [
        f"by_{m.group(1)}" if m else part
        for part in path.split("/")
        for m in [_PATH_TEMPLATE.fullmatch(part)]
    ]
    return "_".join([method, *(w for w in words if w)])


def _status_order(status: Any) -> tuple[int, str]:
    text = str(status)
    return (
        999
        if text == "default"
        else int(text[0]) * 100
        if text[1:].upper() == "XX"
        else int(text)
        if text.isdigit()
        else 998
    ), text


def _text(value: Any) -> str:
    return str(value).strip() if value else ""


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value)


def _package_version(version: str) -> str:
    match = re.fullmatch(r"v?(\d+(?:\.\d+)*)", version.strip())
    return match.group(1) if match else "0.1.0"

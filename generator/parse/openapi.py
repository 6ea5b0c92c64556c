"""The document: info, package and class names, servers, and the whole Api."""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from ..boundary import Identifier
from ..errors import Diagnostics, pointer
from ..ir import nodes as ir
from ..ir.extensions import Envelope, ErrorBodyKeys, read_extension
from ..ir.lock import NameLock
from ..ir.naming import (
    BUILTIN_NAMES,
    CLIENT_MODULE_NAMES,
    pascal_case,
    snake_case,
    taken_package_name,
)
from ..ir.pytypes import ModelType
from ..load import LoadedSpec
from ._context import ParseContext, text
from .operations import operations
from .schemas import SchemaTypes
from .security import credentials, security_schemes
from .trading import api_extensions

_PACKAGE_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_CLASS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ENV_PREFIX = re.compile(r"[A-Z_][A-Z0-9_]*")
_VARIABLE = re.compile(r"\{([^{}]*)\}")
# A scheme, then no whitespace or control character (a project URL is one metadata line).
_ABSOLUTE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]+")


def build_api(
    spec: LoadedSpec,
    diagnostics: Diagnostics,
    *,
    lock: Callable[[str], NameLock] | None = None,
) -> ir.Api:
    """Turn a validated spec into the IR; problems go to `diagnostics`. `lock` gives the names
    the previous generation of a package gave (by package name), which every item that still
    exists keeps."""
    ctx = ParseContext(spec, diagnostics)
    info = ctx.optional_mapping(ctx.document, "info", "/info")
    stem = Path(spec.path).stem
    package = _package_name(ctx, info, stem)
    if lock is not None:
        ctx.lock = lock(package)
    client_class = _client_class(ctx, info, stem)
    env_prefix = _env_prefix(ctx, info, stem)
    types = SchemaTypes(ctx, package=package)
    schemes = security_schemes(ctx)
    schemes, constructor_credentials = credentials(ctx, schemes=schemes, env_prefix=env_prefix)
    declared = ctx.optional_mapping(
        ctx.optional_mapping(ctx.document, "components", "/components"),
        "securitySchemes",
        "/components/securitySchemes",
    )
    envelope = (
        read_extension(Envelope, ctx.document["x-envelope"], "/x-envelope", diagnostics)
        if ctx.document.get("x-envelope") is not None
        else None
    )
    error_keys = (
        read_extension(ErrorBodyKeys, ctx.document["x-error"], "/x-error", diagnostics)
        if ctx.document.get("x-error") is not None
        else None
    )
    found = operations(
        ctx,
        types,
        scheme_names={s.name for s in schemes},
        declared_schemes={str(n) for n in declared},
        signer_fills={s.name: s.signer_fills for s in schemes},
        envelope=envelope,
    )
    not_executed, server_time, rate_limits = api_extensions(ctx, found, envelope)
    license_expression, license_name = _license(ctx, info)
    return ir.Api(
        spec_file=Path(spec.path).name,
        title=text(info.get("title")) or stem,
        version=package_version(text(info.get("version"))),
        description=text(info.get("description")),
        package=package,
        client_class=client_class,
        env_prefix=env_prefix,
        servers=_servers(ctx),
        operations=found,
        security_schemes=schemes,
        credentials=constructor_credentials,
        envelope=envelope,
        error_keys=error_keys,
        models=types.model_records(),
        parameter_models=frozenset(
            type_.name
            for op in found
            for _, type_ in op.parameter_types
            if isinstance(type_, ModelType)
        ),
        models_schema=types.models_document(),
        model_pointers=types.model_pointers(),
        license_expression=license_expression,
        license_name=license_name,
        urls=_project_urls(ctx, info),
        not_executed=not_executed,
        server_time=server_time,
        rate_limits=rate_limits,
    )


def _license(ctx: ParseContext, info: dict[str, Any]) -> tuple[str, str]:
    """`info.license` as (SPDX expression, "") or, when its name is none, ("", name)."""
    license_object = info.get("license")
    license_info = license_object if isinstance(license_object, dict) else {}
    for key in ("identifier", "name"):
        value = license_info.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        try:
            return canonicalize_license_expression(value), ""
        except InvalidLicenseExpression:
            if key == "identifier":
                ctx.diagnostics.skippable(
                    "/info/license/identifier",
                    f"{value!r} is not an SPDX license expression (e.g. MIT, Apache-2.0)",
                )
    return "", text(license_info.get("name"))


def _project_urls(ctx: ParseContext, info: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Documentation (`externalDocs`), Contact (`info.contact`) and License URLs."""
    holders = {
        "Documentation": ("/externalDocs", ctx.document.get("externalDocs")),
        "Contact": ("/info/contact", info.get("contact")),
        "License": ("/info/license", info.get("license")),
    }
    urls = []
    for label, (at, holder) in holders.items():
        url = holder.get("url") if isinstance(holder, dict) else None
        if url is None:
            continue
        if not isinstance(url, str) or not _ABSOLUTE_URL.fullmatch(url):
            ctx.diagnostics.skippable(
                at + "/url",
                f"{url!r} is not an absolute URL, so it cannot be a project URL of the package",
            )
            continue
        urls.append((label, url))
    return tuple(urls)


def _package_name(ctx: ParseContext, info: dict[str, Any], stem: str) -> Identifier:
    given = info.get("x-package-name")
    name = given if isinstance(given, str) else f"{snake_case(stem).lstrip('_')}_client"
    if (
        not _PACKAGE_NAME.fullmatch(name)
        or keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or taken_package_name(name)
        or name in BUILTIN_NAMES
    ):
        fallback = "api_client"
        ctx.diagnostics.error(
            "/info/x-package-name" if given is not None else "",
            f"{name!r} cannot be the package name (a lower-case Python identifier, not a "
            f"keyword, that no standard or installed module has); set info.x-package-name, e.g. {fallback!r}",
        )
        return Identifier(fallback)
    return Identifier(name)


def _client_class(ctx: ParseContext, info: dict[str, Any], stem: str) -> Identifier:
    given = info.get("x-client-class")
    name = given if isinstance(given, str) else f"{pascal_case(stem).lstrip('_')}Client"
    if (
        not _CLASS_NAME.fullmatch(name)
        or keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or name in CLIENT_MODULE_NAMES
        or name in BUILTIN_NAMES
        or name.endswith("WithRawResponse")
    ):
        ctx.diagnostics.error(
            "/info/x-client-class" if given is not None else "",
            f"{name!r} cannot be the client class: it must be a Python identifier, not a "
            "keyword, that the client module does not already use",
        )
        return Identifier("Client")
    return Identifier(name)


def _env_prefix(ctx: ParseContext, info: dict[str, Any], stem: str) -> str:
    given = info.get("x-env-prefix")
    prefix = given if isinstance(given, str) else snake_case(stem).lstrip("_").upper()
    if not _ENV_PREFIX.fullmatch(prefix):
        ctx.diagnostics.error(
            "/info/x-env-prefix",
            f"x-env-prefix {prefix!r} must be upper-case letters, digits and underscores",
        )
        return "API"
    return prefix


def _servers(ctx: ParseContext) -> tuple[ir.Server, ...]:
    servers = []
    for i, raw in enumerate(ctx.optional_list(ctx.document, "servers", "/servers")):
        at = pointer("servers", i)
        server = ctx.mapping(raw, at, "a server")
        url = server.get("url")
        if not isinstance(url, str):
            ctx.diagnostics.skippable(at + "/url", "a server needs a string `url`")
            continue
        variables = ctx.optional_mapping(server, "variables", at + "/variables")
        for name, variable in variables.items():
            default = variable.get("default") if isinstance(variable, dict) else None
            if not isinstance(default, (str, int, float)) or isinstance(default, bool):
                ctx.diagnostics.skippable(
                    at + pointer("variables", str(name), "default"),
                    f"server variable {name!r} needs a string default",
                )
                continue
            url = url.replace("{" + str(name) + "}", str(default))
        if _VARIABLE.search(url):
            ctx.diagnostics.skippable(at + "/url", f"server URL {url!r} has an undeclared variable")
        servers.append(
            ir.Server(
                url.rstrip("/"), text(server.get("description")), server.get("x-unverified") is True
            )
        )
    return tuple(servers)


def package_version(version: str) -> str:
    """A PEP 440 version from the API's version string (`v2.1` -> `2.1`), else 0.1.0."""
    match = re.fullmatch(r"v?(\d+(?:\.\d+)*)", version.strip())
    return match.group(1) if match else "0.1.0"

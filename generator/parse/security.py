"""Security schemes, their credentials, `x-signing`, and which schemes each operation needs."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement

from .. import _ir as ir
from .._boundary import Code, Identifier
from .._errors import pointer
from .._extensions import SigningScheme, read_extension
from .._naming import CONSTRUCTOR_NAMES, free_name, snake_case
from ._context import ParseContext, text

_TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")
_SIGN_FUNCTION = re.compile(r"^def sign\(", re.MULTILINE)


def security_schemes(ctx: ParseContext) -> tuple[ir.SecurityScheme, ...]:
    """Every usable scheme of `components.securitySchemes`, in document order."""
    components = ctx.optional_mapping(ctx.document, "components", "/components")
    at = pointer("components", "securitySchemes")
    schemes = []
    for name, raw in ctx.optional_mapping(components, "securitySchemes", at).items():
        scheme_at = at + pointer(name)
        parsed = _scheme(ctx, name=str(name), raw=ctx.mapping(raw, scheme_at), at=scheme_at)
        if parsed is not None:
            schemes.append(parsed)
    return tuple(schemes)


def _scheme(
    ctx: ParseContext, *, name: str, raw: dict[str, Any], at: str
) -> ir.SecurityScheme | None:
    kind = raw.get("type")
    description = text(raw.get("description"))
    http_scheme = str(raw.get("scheme", "")).lower()
    renamed = raw.get("x-credential")
    if renamed is not None and not isinstance(renamed, str):
        ctx.diagnostics.error(at + "/x-credential", "x-credential must be a string")
        renamed = None
    if "x-signing" in raw:
        return _signing_scheme(
            ctx, name=name, raw=raw["x-signing"], at=at + "/x-signing", description=description
        )
    if kind == "http" and http_scheme == "bearer":
        return ir.SecurityScheme(name, "bearer", (renamed or "token",), description)
    if kind == "http" and http_scheme == "basic":
        return ir.SecurityScheme(name, "basic", ("username", "password"), description)
    if kind == "apiKey":
        location = raw.get("in", "header")
        if location not in ("header", "query"):
            ctx.diagnostics.skippable(
                at + "/in", f"apiKey in {location!r} is not supported (header and query are)"
            )
            return None
        credential = renamed or snake_case(name)
        return ir.SecurityScheme(
            name, "apiKey", (credential,), description, str(raw.get("name", "")), location
        )
    ctx.diagnostics.skippable(
        at,
        f"security scheme type {kind!r} is not supported; operations using it send no credentials",
    )
    return None


def _signing_scheme(
    ctx: ParseContext, *, name: str, raw: Any, at: str, description: str
) -> ir.SecurityScheme | None:
    errors_before = len(ctx.diagnostics.errors)
    headers = raw.get("headers") if isinstance(raw, dict) else None
    if not (isinstance(headers, dict) and any("{signature}" in str(v) for v in headers.values())):
        ctx.diagnostics.error(
            at + "/headers", "x-signing headers must send the {signature} somewhere"
        )
    signing = read_extension(SigningScheme, raw, at, ctx.diagnostics)
    if signing is None:
        return None
    if not signing.prehash:
        ctx.diagnostics.error(at + "/prehash", "x-signing needs a non-empty prehash list")
    names = [
        n
        for _, template in signing.headers
        for n in _TEMPLATE_FIELD.findall(template)
        if n not in ("timestamp", "signature")
    ]
    names.insert(1 if names else 0, signing.secret)  # key, secret, then the rest: the usual order
    credentials = tuple(dict.fromkeys(names))
    hook = (
        _hook(ctx, signing.hook_file, signing.hook_dependencies, at + "/hook")
        if signing.hook_file
        else None
    )
    if len(ctx.diagnostics.errors) > errors_before:
        return None
    signing = replace(
        signing,
        credentials=credentials,
        hook=Code(f"{hook.module}.sign") if hook else None,
    )
    return ir.SecurityScheme(name, "signing", credentials, description, signing=signing, hook=hook)


def _hook(ctx: ParseContext, file: str, dependencies: tuple[str, ...], at: str) -> ir.Hook | None:
    from ..load import read_confined

    folder = ctx.spec.root or ctx.spec.path.parent
    found = read_confined(folder, file, at=at, diagnostics=ctx.diagnostics)
    if found is None:
        return None
    path, source = found
    if not _SIGN_FUNCTION.search(source):
        ctx.diagnostics.error(
            at, f"hook module {file!r} must define `def sign(message: bytes, secret: str) -> str`"
        )
        return None
    ctx.spec.extra_files.append(path)
    for i, dependency in enumerate(dependencies):
        _check_requirement(ctx, dependency, at.rsplit("/", 1)[0] + pointer("hook-dependencies", i))
    stem = snake_case(Path(file).stem).lstrip("_")
    return ir.Hook(Identifier("_hook_" + stem), source, dependencies, extra=stem.replace("_", "-"))


def _check_requirement(ctx: ParseContext, dependency: str, at: str) -> None:
    """A hook dependency must name a package: the extra installs it from an index."""
    try:
        requirement = Requirement(dependency)
    except InvalidRequirement as exc:
        ctx.diagnostics.error(at, f"{dependency!r} is not a requirement (PEP 508): {exc}")
        return
    if requirement.url:
        ctx.diagnostics.error(
            at,
            f"{dependency!r} installs from a URL; name a package and versions instead"
            " (e.g. cryptography>=42)",
        )


def credentials(
    ctx: ParseContext, *, schemes: tuple[ir.SecurityScheme, ...], env_prefix: str
) -> tuple[tuple[ir.SecurityScheme, ...], tuple[ir.Credential, ...]]:
    """The constructor's credential arguments; a name the constructor already uses is renamed."""
    taken = set(CONSTRUCTOR_NAMES)
    renamed: dict[str, str] = {}
    ordered: list[ir.Credential] = []
    for scheme in schemes:
        for credential in scheme.credentials:
            if credential in renamed:
                continue
            name = free_name(snake_case(credential), taken)
            if name != credential:
                ctx.diagnostics.warning(
                    pointer("components", "securitySchemes", scheme.name),
                    f"credential {credential!r} is named {name!r} in Python",
                )
            taken.add(name)
            renamed[credential] = name
            ordered.append(ir.Credential(Identifier(name), f"{env_prefix}_{name.upper()}"))
    fixed = tuple(
        replace(s, credentials=tuple(renamed[c] for c in s.credentials))
        if any(renamed[c] != c for c in s.credentials)
        else s
        for s in schemes
    )
    return fixed, tuple(ordered)


def requirements(
    ctx: ParseContext,
    *,
    operation: dict[str, Any],
    at: str,
    scheme_names: set[str],
    declared: set[str],
) -> tuple[tuple[str, ...], ...]:
    """The alternatives of scheme names an operation accepts (each alternative needs all its schemes)."""
    own = "security" in operation
    raw = operation["security"] if own else ctx.document.get("security")
    where = at + "/security" if own else "/security"
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.diagnostics.error(where, "`security` must be a list of requirements")
        return ()
    alternatives = []
    for i, requirement in enumerate(raw):
        if requirement is None:
            requirement = {}
        if not isinstance(requirement, dict):
            ctx.diagnostics.error(where + pointer(i), "a security requirement must be a mapping")
            continue
        names = tuple(str(n) for n in requirement)
        unknown = [n for n in names if n not in declared]
        if unknown:
            ctx.diagnostics.skippable(
                where + pointer(i),
                f"security scheme(s) {unknown} are not declared in components.securitySchemes",
            )
            continue
        if all(n in scheme_names for n in names):
            alternatives.append(names)
    return tuple(alternatives)

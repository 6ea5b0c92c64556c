"""Security schemes, their credentials, `x-signing`, and which schemes each operation needs."""

from __future__ import annotations

import re
import string
from dataclasses import replace
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement

from ..boundary import Code, Identifier
from ..errors import pointer
from ..ir import nodes as ir
from ..ir.extensions import Digest, SigningScheme, read_extension
from ..ir.naming import CONSTRUCTOR_NAMES, free_name, snake_case
from ._context import ParseContext, text

_PLACEHOLDER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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


# What a placeholder can name besides credentials and derived values, and where.
_ATTEMPT_VALUES = frozenset({"timestamp", "nonce"})
_REQUEST_PARTS = frozenset({"method", "host", "path", "query", "target", "body", "content_type"})


def _signing_scheme(
    ctx: ParseContext, *, name: str, raw: Any, at: str, description: str
) -> ir.SecurityScheme | None:
    errors_before = len(ctx.diagnostics.errors)
    signing = read_extension(SigningScheme, raw, at, ctx.diagnostics)
    if signing is None:
        return None
    derived = [d.name for d in signing.derived]
    # Credentials: the secret, those listed, and every other name a header or parameter uses.
    names: list[str] = [] if signing.request_hook_file and not signing.message else [signing.secret]
    names += signing.credentials
    taken = _ATTEMPT_VALUES | _REQUEST_PARTS | {"signature"} | set(derived)
    uses_signature = False
    for where, template in (
        *((pointer("headers", h), t) for h, t in signing.headers),
        *((pointer("parameters", i, "value"), p.value) for i, p in enumerate(signing.parameters)),
        *(
            (pointer("derived", d.name, "message") + _part_pointer(d.message, i), part)
            for d in signing.derived
            for i, part in enumerate(_templates(d.message))
        ),
    ):
        for field in _placeholders(ctx, template, at + where) or ():
            if field in _REQUEST_PARTS:
                ctx.diagnostics.error(
                    at + where,
                    f"{{{field}}} is a part of the request: only `message` can use it",
                )
            elif field == "signature" and where.startswith("/derived"):
                ctx.diagnostics.error(at + where, "a derived value cannot use the {signature}")
            elif field == "signature":
                uses_signature = True
            elif field not in taken:
                names.append(field)
    if names and names[0] == signing.secret:  # key, secret, then the rest: the usual order
        rest = [n for n in names[1:] if n != signing.secret]
        names = rest[:1] + [signing.secret] + rest[1:]
    credentials = tuple(dict.fromkeys(names))
    known = _ATTEMPT_VALUES | set(credentials)
    for value in signing.derived:
        if not _PLACEHOLDER.fullmatch(value.name):
            ctx.diagnostics.error(
                at + pointer("derived", value.name), "a derived value's name must be a plain name"
            )
        known = known | {value.name}
        if value.name in credentials or value.name in _REQUEST_PARTS | _ATTEMPT_VALUES:
            ctx.diagnostics.error(
                at + pointer("derived", value.name),
                f"derived value {value.name!r} has the name of a credential or a placeholder",
            )
    _check_parts(ctx, signing.message, at + "/message", known | _REQUEST_PARTS)
    if signing.message and not uses_signature:
        ctx.diagnostics.error(
            at, "x-signing must send the {signature} somewhere: in a header or a parameter"
        )
    if uses_signature and not signing.message:
        ctx.diagnostics.error(at, "x-signing sends a {signature} but has no `message` to sign")
    if not signing.message and not signing.request_hook_file:
        ctx.diagnostics.error(at, "x-signing needs a `message` to sign, or a `request-hook`")
    if signing.hook_file and not signing.message:
        ctx.diagnostics.error(at + "/hook", "a `hook` signs the `message`: declare one")
    hook = (
        _hook(ctx, signing.hook_file, signing.hook_dependencies, at + "/hook", _SIGN)
        if signing.hook_file
        else None
    )
    request_hook = (
        _hook(
            ctx,
            signing.request_hook_file,
            signing.hook_dependencies,
            at + "/request-hook",
            _SIGN_REQUEST,
        )
        if signing.request_hook_file
        else None
    )
    if len(ctx.diagnostics.errors) > errors_before:
        return None
    signing = replace(
        signing,
        credentials=credentials,
        hook=Code(f"{hook.module}.sign") if hook else None,
        request_hook=Code(f"{request_hook.module}.sign_request") if request_hook else None,
    )
    hooks = tuple(h for h in (hook, request_hook) if h is not None)
    return ir.SecurityScheme(
        name, "signing", credentials, description, signing=signing, hooks=hooks
    )


def _templates(parts: tuple[Any, ...]) -> list[str]:
    """The templates of a message's parts, digests' included, depth first."""
    found: list[str] = []
    for part in parts:
        found += _templates(part.of) if isinstance(part, Digest) else [part]
    return found


def _part_pointer(parts: tuple[Any, ...], index: int) -> str:
    """Where the `index`-th template of `parts` (depth first) stands under the message."""
    for i, part in enumerate(parts):
        where = pointer(i) if len(parts) > 1 else ""
        if isinstance(part, Digest):
            inner = _templates(part.of)
            if index < len(inner):
                return where + "/of" + _part_pointer(part.of, index)
            index -= len(inner)
        elif index == 0:
            return where
        else:
            index -= 1
    return ""


def _placeholders(ctx: ParseContext, template: str, at: str) -> list[str] | None:
    """The placeholder names of a template, or None (with an error) when it is malformed."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        ctx.diagnostics.error(at, f"template {template!r} is malformed: {exc}")
        return None
    names = []
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if not _PLACEHOLDER.fullmatch(field) or spec or conversion:
            ctx.diagnostics.error(
                at,
                f"placeholder {{{field}}} in {template!r} must be a plain name such as {{timestamp}}",
            )
            return None
        names.append(field)
    return names


def _check_parts(
    ctx: ParseContext, parts: tuple[Any, ...], at: str, known: frozenset[str] | set[str]
) -> None:
    """Every placeholder of a message's parts names a value it can use."""
    for i, part in enumerate(parts):
        where = at + pointer(i) if len(parts) > 1 else at
        if isinstance(part, Digest):
            _check_parts(ctx, part.of, where + "/of", known)
            continue
        for field in _placeholders(ctx, part, where) or ():
            if field not in known:
                what = "is sent, not signed" if field == "signature" else "is unknown"
                ctx.diagnostics.error(
                    where,
                    f"placeholder {{{field}}} {what} here; a message can use "
                    + ", ".join(f"{{{n}}}" for n in sorted(known)),
                )


_SIGN = ("sign", "def sign(message: bytes, secret: str) -> str")
_SIGN_REQUEST = (
    "sign_request",
    "def sign_request(request, credentials, clock, nonce) -> None",
)


def _hook(
    ctx: ParseContext,
    file: str,
    dependencies: tuple[str, ...],
    at: str,
    function: tuple[str, str],
) -> ir.Hook | None:
    from ..load import read_confined

    folder = ctx.spec.root or ctx.spec.path.parent
    found = read_confined(folder, file, at=at, diagnostics=ctx.diagnostics)
    if found is None:
        return None
    path, source = found
    name, signature = function
    if not re.search(rf"^def {name}\(", source, re.MULTILINE):
        ctx.diagnostics.error(at, f"hook module {file!r} must define `{signature}`")
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
    """The constructor's credential arguments: a credential the previous generation named
    keeps its name; another is renamed when the constructor or a locked credential has it."""
    lock = ctx.lock
    taken = set(CONSTRUCTOR_NAMES) | lock.credential_names
    keys = list(dict.fromkeys(c for scheme in schemes for c in scheme.credentials))
    renamed: dict[str, str] = {}
    for credential in keys:  # locked ones first: a new credential cannot take their names
        locked = lock.credential(credential)
        if (
            locked is not None
            and locked not in CONSTRUCTOR_NAMES
            and locked not in renamed.values()
        ):
            renamed[credential] = locked
    ordered: list[ir.Credential] = []
    for scheme in schemes:
        for credential in scheme.credentials:
            if credential not in renamed:
                name = free_name(snake_case(credential), taken)
                if name != credential:
                    ctx.diagnostics.warning(
                        pointer("components", "securitySchemes", scheme.name),
                        f"credential {credential!r} is named {name!r} in Python",
                    )
                taken.add(name)
                renamed[credential] = name
            name = renamed[credential]
            if all(c.name != name for c in ordered):
                ordered.append(ir.Credential(Identifier(name), f"{env_prefix}_{name.upper()}"))
    fixed = tuple(
        replace(
            s,
            credentials=tuple(renamed[c] for c in s.credentials),
            credential_keys=s.credentials,
        )
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

"""The `x-` extensions a spec can declare: each is one dataclass whose fields say their spec key,
their type, their allowed values and their documentation.

The same dataclass is what the parser produces, what the template renders (as a constructor call
of the runtime class of the same name) and where the reference table in `specs/README.md` comes
from, so a new field is one change here (and its use in the runtime).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

from ._boundary import Code
from ._errors import Diagnostics, pointer, type_name

T = TypeVar("T")


def option(
    key: str,
    doc: str,
    *,
    default: Any = MISSING,
    choices: Mapping[str, Any] | tuple[str, ...] | None = None,
    render: bool = True,
) -> Any:
    """A field read from the spec key `key`; `choices` lists (or maps to runtime values) the allowed ones.

    A field with `render=False` is read and documented but not passed to the runtime class.
    """
    metadata = {"key": key, "doc": doc, "choices": choices, "render": render}
    if isinstance(default, (tuple, str, int, bool, type(None))) or default is MISSING:
        return field(default=default, metadata=metadata)
    raise TypeError("extension defaults are immutable values")


def derived(doc: str, *, default: Any = ()) -> Any:
    """A field the parser fills in from other parts of the spec, not from a key of its own."""
    return field(default=default, metadata={"doc": doc, "render": True})


@dataclass(frozen=True, kw_only=True)
class SigningScheme:
    """`x-signing` on a security scheme: an HMAC signature over parts of each request."""

    algorithm: str = option(
        "algorithm",
        "HMAC hash function",
        default="sha256",
        choices={"hmac-sha256": "sha256", "hmac-sha384": "sha384", "hmac-sha512": "sha512"},
    )
    encoding: str = option(
        "encoding", "how the signature bytes are written", default="hex", choices=("hex", "base64")
    )
    prehash: tuple[str, ...] = option(
        "prehash",
        "the parts concatenated into the signed message, in order",
        choices=("timestamp", "method", "path", "query", "body"),
    )
    secret: str = option("secret", "the credential that keys the HMAC", default="api_secret")
    headers: tuple[tuple[str, str], ...] = option(
        "headers",
        "header name to value template; `{timestamp}`, `{signature}` and `{<credential>}` are filled in",
    )
    credentials: tuple[str, ...] = derived("credential arguments, from `secret` and `headers`")
    path: str = option(
        "path",
        "sign the full URL path or the path relative to the server URL",
        default="full",
        choices=("full", "relative"),
    )
    query_order: str = option(
        "query-order",
        "query parameters signed in declared or in sorted order",
        default="declared",
        choices=("declared", "sorted"),
    )
    timestamp: str = option(
        "timestamp",
        "unit of `{timestamp}`",
        default="milliseconds",
        choices=("milliseconds", "seconds"),
    )
    hook_file: str | None = option(
        "hook",
        "a Python file beside the spec defining `sign(message: bytes, secret: str) -> str`, "
        "used when the secret is a PEM key",
        default=None,
        render=False,
    )
    hook_dependencies: tuple[str, ...] = option(
        "hook-dependencies",
        "requirements the hook imports, installed as the package's optional extra",
        default=(),
        render=False,
    )
    hook: Code | None = derived("the hook's `sign` function", default=None)


@dataclass(frozen=True, kw_only=True)
class Envelope:
    """`x-envelope` at the root: every answer wraps its payload with a code and a message."""

    data: str = option("data", "the property holding the payload")
    code: str = option("code", "the property holding the API's code", default="code")
    message: str = option("message", "the property holding the API's message", default="message")
    success: tuple[str, ...] = option(
        "success", "codes that mean success; any other code raises", default=()
    )


@dataclass(frozen=True, kw_only=True)
class ErrorBodyKeys:
    """`x-error` at the root: keys of an error body holding the API's own code and message."""

    code: tuple[str, ...] = option(
        "code", "keys tried in order for the code", default=("code", "errorCode", "error_code")
    )
    message: tuple[str, ...] = option(
        "message",
        "keys tried in order for the message",
        default=("message", "msg", "detail", "error"),
    )


@dataclass(frozen=True, kw_only=True)
class Pagination:
    """`x-pagination` on an operation: how its pages are fetched one after another."""

    style: str = option(
        "style", "how the next page is asked for", choices=("page", "offset", "cursor")
    )
    items: tuple[str, ...] = option("items", "dot path of the item list in the answer", default=())
    page: str | None = option("page", "parameter carrying the page number", default=None)
    limit: str | None = option("limit", "parameter carrying the page size", default=None)
    offset: str | None = option("offset", "parameter carrying the offset", default=None)
    cursor: str | None = option("cursor", "parameter carrying the cursor", default=None)
    next_cursor: tuple[str, ...] = option(
        "next-cursor", "dot path of the next cursor in the answer", default=()
    )
    total: tuple[str, ...] = option(
        "total", "dot path of the total item count in the answer; the pager stops there", default=()
    )
    max_pages: int = option(
        "max-pages",
        "the most pages the pager fetches before it raises PaginationError",
        default=1000,
    )
    default_limit: int | None = derived("the limit parameter's default", default=None)


EXTENSIONS: dict[str, type[Any]] = {
    "x-signing": SigningScheme,
    "x-envelope": Envelope,
    "x-error": ErrorBodyKeys,
    "x-pagination": Pagination,
}
_DOTTED = {"items", "next-cursor", "total"}


def read_extension(cls: type[T], raw: Any, at: str, diagnostics: Diagnostics) -> T | None:
    """The extension `cls` read from `raw`; every problem is recorded with its pointer."""
    if not isinstance(raw, dict):
        diagnostics.error(at, f"{_spec_name(cls)} must be a mapping, not {type_name(raw)}")
        return None
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    ok = True
    for f in fields(cls):  # type: ignore[arg-type]
        key = f.metadata.get("key")
        if key is None:
            continue
        where = at + pointer(key)
        if key not in raw or raw[key] is None:
            if f.default is MISSING:
                diagnostics.error(at, f"{_spec_name(cls)} needs `{key}` ({f.metadata['doc']})")
                ok = False
            continue
        value = _coerce(raw[key], hints[f.name], key, where, diagnostics)
        if value is _INVALID:
            ok = False
            continue
        value = _check_choices(value, f.metadata["choices"], key, where, diagnostics)
        if value is _INVALID:
            ok = False
            continue
        values[f.name] = value
    return cls(**values) if ok else None


_INVALID: Any = object()


def _coerce(value: Any, hint: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        hint = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
        return _wrong(key, "a string", value, at, diagnostics)
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return _wrong(key, "an integer", value, at, diagnostics)
    if origin is tuple and args[0] is str:
        if key in _DOTTED and isinstance(value, str):
            return tuple(part for part in value.split(".") if part)
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
            return tuple(str(v) for v in value)
        return _wrong(key, "a string or a list of strings", value, at, diagnostics)
    if origin is tuple:  # tuple[tuple[str, str], ...]: a mapping of strings
        if isinstance(value, dict) and all(
            isinstance(v, (str, int)) and not isinstance(v, bool) for v in value.values()
        ):
            return tuple((str(k), str(v)) for k, v in value.items())
        return _wrong(key, "a mapping of strings", value, at, diagnostics)
    raise TypeError(f"no reader for {hint!r}")


def _check_choices(value: Any, choices: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    if choices is None:
        return value
    allowed = list(choices)
    parts = value if isinstance(value, tuple) else (value,)
    bad = [(i, p) for i, p in enumerate(parts) if p not in allowed]
    for i, part in bad:
        where = at + pointer(i) if isinstance(value, tuple) else at
        diagnostics.error(where, f"`{key}` {part!r} is not one of {allowed}")
    if bad:
        return _INVALID
    if isinstance(choices, Mapping):
        return choices[value]
    return value


def _wrong(key: str, expected: str, value: Any, at: str, diagnostics: Diagnostics) -> Any:
    diagnostics.error(at, f"`{key}` must be {expected}, not {type_name(value)}")
    return _INVALID


def _spec_name(cls: type[Any]) -> str:
    return next(name for name, c in EXTENSIONS.items() if c is cls)


def extension_table() -> str:
    """The Markdown reference of every extension field, as `specs/README.md` shows it."""
    rows = ["| extension | key | meaning | allowed | default |", "|---|---|---|---|---|"]
    for name, cls in EXTENSIONS.items():
        for f in fields(cls):
            key = f.metadata.get("key")
            if key is None:
                continue
            choices = f.metadata["choices"]
            allowed = ", ".join(f"`{c}`" for c in choices) if choices else ""
            default = f.default
            if isinstance(choices, Mapping):  # the table speaks in spec values
                default = next((k for k, v in choices.items() if v == default), default)
            default = "required" if default is MISSING else _default_text(default)
            rows.append(f"| `{name}` | `{key}` | {f.metadata['doc']} | {allowed} | {default} |")
    return "\n".join(rows)


def _default_text(value: Any) -> str:
    if value in ((), None):
        return "none"
    if isinstance(value, tuple):
        return ", ".join(f"`{v}`" for v in value)
    return f"`{value}`"

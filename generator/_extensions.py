"""The `x-` extensions a spec can declare: each is one dataclass whose fields say their spec key,
their type, their allowed values and their documentation.

The same dataclass is what the parser produces, what the template renders (as a constructor call
of the runtime class of the same name) and where the reference table in `specs/README.md` comes
from, so a new field is one change here (and its use in the runtime).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
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
    reader: Callable[[Any, str, str, Diagnostics], Any] | None = None,
) -> Any:
    """A field read from the spec key `key`; `choices` lists (or maps to runtime values) the allowed ones.

    A field with `render=False` is read and documented but not passed to the runtime class;
    `reader` reads a nested value (it records its problems and returns _INVALID on one).
    """
    metadata = {"key": key, "doc": doc, "choices": choices, "render": render, "reader": reader}
    if isinstance(default, (tuple, str, int, bool, type(None))) or default is MISSING:
        return field(default=default, metadata=metadata)
    raise TypeError("extension defaults are immutable values")


def filled_in(doc: str, *, default: Any = ()) -> Any:
    """A field the parser fills in from other parts of the spec, not from a key of its own."""
    return field(default=default, metadata={"doc": doc, "render": True})


_HASHES = {"sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
_HMACS = {"hmac-sha256": "sha256", "hmac-sha384": "sha384", "hmac-sha512": "sha512"}


@dataclass(frozen=True)
class Digest:
    """A part of a signed message: a hash of other parts."""

    algorithm: str
    of: tuple[Any, ...]
    encoding: str = "hex"


@dataclass(frozen=True)
class SignerParameter:
    """A parameter the signer adds to every request."""

    name: str
    value: str
    location: str = "params"
    first: bool = False


@dataclass(frozen=True)
class DerivedValue:
    """A value signed from credentials, usable as a placeholder."""

    name: str
    message: tuple[Any, ...]
    algorithm: str = ""
    encoding: str = ""


def _read_message(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`message` (or a digest's `of`): a template, or a list of templates and digests."""
    items = value if isinstance(value, list) else [value]
    if not items:
        return _wrong(key, "a template or a non-empty list of parts", value, at, diagnostics)
    parts: list[Any] = []
    for i, item in enumerate(items):
        where = at + pointer(i) if isinstance(value, list) else at
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict) and set(item) <= {"digest", "of", "encoding"}:
            algorithm = item.get("digest")
            encoding = item.get("encoding", "hex")
            if algorithm not in _HASHES:
                diagnostics.error(
                    where + "/digest", f"`digest` {algorithm!r} is not one of {list(_HASHES)}"
                )
                return _INVALID
            if encoding not in ("hex", "base64", "raw"):
                diagnostics.error(
                    where + "/encoding",
                    f"`encoding` {encoding!r} is not one of ['hex', 'base64', 'raw']",
                )
                return _INVALID
            if item.get("of") in (None, "", []):
                diagnostics.error(where, "a digest needs `of`: the parts it hashes")
                return _INVALID
            inner = _read_message(item["of"], "of", where + "/of", diagnostics)
            if inner is _INVALID:
                return _INVALID
            parts.append(Digest(algorithm, inner, encoding))
        else:
            return _wrong(
                key, "a template or a digest ({digest, of, encoding})", item, where, diagnostics
            )
    return tuple(parts)


def _read_parameters(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`parameters`: a list of {name, value, in, first}."""
    if not isinstance(value, list):
        return _wrong(key, "a list of parameters", value, at, diagnostics)
    read: list[SignerParameter] = []
    for i, item in enumerate(value):
        where = at + pointer(i)
        if not isinstance(item, dict) or not set(item) <= {"name", "value", "in", "first"}:
            return _wrong(key, "a list of {name, value, in, first}", item, where, diagnostics)
        name, text, location = item.get("name"), item.get("value"), item.get("in", "params")
        first = item.get("first", False)
        if not isinstance(name, str) or not name or not isinstance(text, (str, int)):
            diagnostics.error(where, "a signer parameter needs a string `name` and `value`")
            return _INVALID
        if location not in ("query", "form", "params") or not isinstance(first, bool):
            diagnostics.error(
                where, "`in` must be query, form or params, and `first` true or false"
            )
            return _INVALID
        read.append(SignerParameter(name, str(text), location, first))
    return tuple(read)


def _read_derived(value: Any, key: str, at: str, diagnostics: Diagnostics) -> Any:
    """`derived`: a mapping of names to {message, algorithm, encoding}."""
    if not isinstance(value, dict):
        return _wrong(key, "a mapping of names to derived values", value, at, diagnostics)
    read: list[DerivedValue] = []
    for name, item in value.items():
        where = at + pointer(str(name))
        if not isinstance(item, dict) or not set(item) <= {"message", "algorithm", "encoding"}:
            return _wrong(key, "{message, algorithm, encoding}", item, where, diagnostics)
        algorithm = item.get("algorithm", "")
        encoding = item.get("encoding", "")
        if algorithm and algorithm not in _HMACS:
            diagnostics.error(
                where + "/algorithm", f"`algorithm` {algorithm!r} is not one of {list(_HMACS)}"
            )
            return _INVALID
        if encoding and encoding not in ("hex", "hex-upper", "base64"):
            diagnostics.error(
                where + "/encoding",
                f"`encoding` {encoding!r} is not one of ['hex', 'hex-upper', 'base64']",
            )
            return _INVALID
        if "message" not in item:
            diagnostics.error(where, "a derived value needs a `message`")
            return _INVALID
        message = _read_message(item["message"], "message", where + "/message", diagnostics)
        if message is _INVALID:
            return _INVALID
        read.append(DerivedValue(str(name), message, _HMACS.get(algorithm, ""), encoding))
    return tuple(read)


def message_text(parts: tuple[Any, ...]) -> str:
    """A message's parts as one line of text: templates as written, digests as `sha512-hex(...)`."""
    return "".join(
        f"{p.algorithm}-{p.encoding}({message_text(p.of)})" if isinstance(p, Digest) else p
        for p in parts
    )


@dataclass(frozen=True, kw_only=True)
class SigningScheme:
    """`x-signing` on a security scheme: what the signer adds to each request and what it signs."""

    headers: tuple[tuple[str, str], ...] = option(
        "headers",
        "header name to value template; placeholders are filled in",
        default=(),
    )
    message: tuple[Any, ...] = option(
        "message",
        "what is signed: a template, or a list of templates and digests "
        "(`{digest: sha256, of: ..., encoding: hex}`)",
        default=(),
        reader=_read_message,
    )
    credentials: tuple[str, ...] = option(
        "credentials",
        "credentials the hooks read, beyond those the placeholders and `secret` name",
        default=(),
    )
    algorithm: str = option("algorithm", "HMAC hash function", default="sha256", choices=_HMACS)
    encoding: str = option(
        "encoding",
        "how the signature bytes are written",
        default="hex",
        choices=("hex", "hex-upper", "base64"),
    )
    secret: str = option("secret", "the credential that keys the HMAC", default="api_secret")
    secret_encoding: str = option(
        "secret-encoding",
        "the secret's form: its UTF-8 text, or base64 decoded before use",
        default="text",
        choices=("text", "base64"),
    )
    path: str = option(
        "path",
        "`{path}`: the full URL path or the path relative to the server URL",
        default="full",
        choices=("full", "relative"),
    )
    query_order: str = option(
        "query-order",
        "query parameters sent and signed in declared order, or sorted by name",
        default="declared",
        choices=("declared", "sorted"),
    )
    timestamp: str = option(
        "timestamp",
        "how `{timestamp}` is written",
        default="milliseconds",
        choices=(
            "milliseconds",
            "seconds",
            "microseconds",
            "iso-milliseconds",
            "iso-seconds",
            "iso-seconds-naive",
        ),
    )
    timestamp_offset: int = option(
        "timestamp-offset", "seconds added to the clock for `{timestamp}` (an expiry)", default=0
    )
    nonce: str = option(
        "nonce",
        "the source of `{nonce}`, fresh per request: random (uuid4, 32 hex digits), or the "
        "clock's milliseconds made to increase from request to request",
        default="uuid",
        choices=("uuid", "hex", "increasing"),
    )
    query_encoding: str = option(
        "query-encoding",
        "`{query}` and `{target}` in the message: the query as sent, or percent-decoded",
        default="encoded",
        choices=("encoded", "decoded"),
    )
    parameters: tuple[SignerParameter, ...] = option(
        "parameters",
        "parameters the signer adds: `{name, value, in, first}` (`in`: query, form or params)",
        default=(),
        reader=_read_parameters,
    )
    derived: tuple[DerivedValue, ...] = option(
        "derived",
        "named values signed from credentials: `{message, algorithm, encoding}`",
        default=(),
        reader=_read_derived,
    )
    hook_file: str | None = option(
        "hook",
        "a Python file beside the spec defining `sign(message: bytes, secret: str) -> str`, "
        "which signs the message instead of the HMAC",
        default=None,
        render=False,
    )
    request_hook_file: str | None = option(
        "request-hook",
        "a Python file beside the spec defining `sign_request(request, credentials, clock, "
        "nonce) -> None`, run after the declared signing",
        default=None,
        render=False,
    )
    hook_dependencies: tuple[str, ...] = option(
        "hook-dependencies",
        "requirements the hooks import, installed as the package's optional extra",
        default=(),
        render=False,
    )
    hook: Code | None = filled_in("the hook's `sign` function", default=None)
    request_hook: Code | None = filled_in("the request hook's `sign_request`", default=None)


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
    default_limit: int | None = filled_in("the limit parameter's default", default=None)


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
    keys = [str(f.metadata["key"]) for f in fields(cls) if "key" in f.metadata]  # type: ignore[arg-type]
    unknown = [str(k) for k in raw if k not in keys and not str(k).startswith("x-")]
    for key in unknown:
        diagnostics.error(
            at + pointer(key),
            f"`{key}` is not a key of {_spec_name(cls)} (its keys: {', '.join(keys)})",
        )
    ok = not unknown
    for f in fields(cls):  # type: ignore[arg-type]
        if "key" not in f.metadata:
            continue
        key = str(f.metadata["key"])
        where = at + pointer(key)
        if key not in raw or raw[key] is None:
            if f.default is MISSING:
                diagnostics.error(at, f"{_spec_name(cls)} needs `{key}` ({f.metadata['doc']})")
                ok = False
            continue
        reader = f.metadata["reader"]
        value = (
            reader(raw[key], key, where, diagnostics)
            if reader
            else _coerce(raw[key], key, where, diagnostics, hints[f.name])
        )
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


def _coerce(value: Any, key: str, at: str, diagnostics: Diagnostics, hint: Any) -> Any:
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

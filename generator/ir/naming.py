"""Turns names from a spec into Python identifiers."""

from __future__ import annotations

import builtins
import functools
import keyword
import re
import sys

from .runtime_contract import CLIENT_ATTRIBUTES

__all__ = ["CLIENT_ATTRIBUTES"]  # kept here beside the other reserved names

_WORD_BOUNDARY = re.compile(r"[^0-9A-Za-z]+")
_CAMEL_SPLIT = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def words(name: str) -> list[str]:
    """Split camelCase, PascalCase, snake_case, kebab-case and spaced names into lower-case words."""
    parts: list[str] = []
    for chunk in _WORD_BOUNDARY.split(name):
        parts.extend(p.lower() for p in _CAMEL_SPLIT.split(chunk) if p)
    return parts


@functools.cache  # names repeat across a large spec's schemas, properties and operations
def snake_case(name: str) -> str:
    """`placeOrder` -> `place_order`, made a valid identifier."""
    return identifier("_".join(words(name)) or "value")


@functools.cache
def pascal_case(name: str) -> str:
    """`place_order` -> `PlaceOrder`, made a valid identifier."""
    return identifier("".join(w[:1].upper() + w[1:] for w in words(name)) or "Model")


def identifier(name: str) -> str:
    """Make `name` a valid, non-keyword Python identifier."""
    if name[:1].isdigit():
        name = "_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def unique(name: str, taken: set[str]) -> str:
    """Return `name`, or `name2`, `name3`, ... whichever is not in `taken`; record it."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}{n}"
    taken.add(candidate)
    return candidate


# Names the models module imports or defines (datamodel-code-generator's imports, the package's
# base model and exact decimal types): a model of the same name would shadow them.
MODEL_MODULE_NAMES = frozenset(
    {
        "Any",
        "Annotated",
        "AwareDatetime",
        "BaseModel",
        "ConfigDict",
        "Decimal",
        "DecimalNumber",
        "DecimalString",
        "Enum",
        "Field",
        "Literal",
        "Model",
        "RootModel",
        "UUID",
        "date",
        "datetime",
        "annotations",
    }
)
# Parameters of the constructor and the names its body uses.
CONSTRUCTOR_NAMES = frozenset(
    {
        "self",
        "base_url",
        "http_client",
        "timeout",
        "max_retries",
        "clock",
        "nonce",
        "headers",
        "rate_limiter",
        "recv_window",
        "os",
        "super",
    }
)
# Per-call options every operation method takes.
METHOD_OPTIONS = frozenset({"self", "timeout", "max_retries", "extra_headers"})
# Names the client module binds at module level, and the builtins it uses.
CLIENT_MODULE_NAMES = frozenset(
    {
        "annotations",
        "os",
        "httpx",
        "models",
        "Any",
        "Callable",
        "Iterator",
        "AsyncIterator",
        "AsyncEventStream",
        "AsyncBaseClient",
        "raw_response_async",
        "_Api",
        "cast",
        "ApiDefinition",
        "Literal",
        "Mapping",
        "cached_property",
        "Decimal",
        "date",
        "datetime",
        "NOT_GIVEN",
        "NotGiven",
        "DEFAULT_MAX_RETRIES",
        "BaseClient",
        "Endpoint",
        "Envelope",
        "ErrorBodyKeys",
        "Pagination",
        "RawResponse",
        "raw_response",
        "ApiKeyScheme",
        "BasicScheme",
        "BearerScheme",
        "Credentials",
        "SigningScheme",
    }
)
# Distributions a generated package imports or installs beside it, and this generator itself.
_DEPENDENCY_PACKAGES = frozenset(
    {
        "httpx",
        "httpcore",
        "h11",
        "anyio",
        "idna",
        "sniffio",
        "certifi",
        "pydantic",
        "pydantic_core",
        "annotated_types",
        "typing_extensions",
        "typing_inspection",
        "cryptography",
        "cffi",
        "generator",
    }
)


def taken_package_name(name: str) -> bool:
    """Whether a package of this name would shadow the standard library or a dependency."""
    return (
        name in sys.stdlib_module_names
        or name in sys.builtin_module_names
        or name in _DEPENDENCY_PACKAGES
    )


BUILTIN_NAMES = frozenset(dir(builtins))


def free_name(name: str, taken: frozenset[str] | set[str]) -> str:
    """`name`, or `name_` (`name_2`, ...) when it is taken."""
    if name not in taken:
        return name
    candidate, n = f"{name}_", 1
    while candidate in taken:
        n += 1
        candidate = f"{name}_{n}"
    return candidate

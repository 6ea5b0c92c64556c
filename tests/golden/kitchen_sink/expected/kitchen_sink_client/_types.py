"""Types shared by the client and its models: exact decimals, the not-given marker, JSON codec."""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Final, Literal

import pydantic
from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer

__all__ = [
    "NOT_GIVEN",
    "DecimalNumber",
    "DecimalString",
    "Model",
    "NotGiven",
    "adapter",
    "dumps",
    "loads",
    "writes_exact_numbers",
]


class NotGiven:
    """Marks an argument the caller left out, as distinct from an explicit None."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


def _exact(value: Any) -> Any:
    # A float has already lost digits; refuse it rather than send a rounded price.
    if isinstance(value, float):
        raise ValueError(f"float {value!r} is not exact: pass a Decimal or a decimal string")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"{value} is not a finite decimal")
    return value


def _decimal_text(value: Decimal) -> str:
    return format(value, "f")


DecimalString = Annotated[
    Decimal,
    BeforeValidator(_exact),
    PlainSerializer(_decimal_text, return_type=str),
]
"""A decimal that travels as a JSON string (`"0.001"`)."""


def _number_text(value: Decimal) -> str:
    return _decimal_text(value)


DecimalNumber = Annotated[
    Decimal,
    BeforeValidator(_exact),
    PlainSerializer(_number_text, return_type=str, when_used="json"),
]
"""A decimal that travels as a JSON number (`0.001`), written with its exact digits.

It stays a Decimal when dumped in Python mode, which is how request bodies holding one are
written (see `dumps`); pydantic's own JSON output gives its exact text as a string.
"""


class Model(BaseModel):
    """Base of every generated model: built on first use, keeps fields the spec does not list."""

    model_config = ConfigDict(defer_build=True, populate_by_name=True, extra="allow")


@cache
def adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    """The (cached) pydantic adapter of a type."""
    # Callers use its validator and serializer directly, skipping TypeAdapter's own wrappers
    # (about 2 us a call).
    return pydantic.TypeAdapter(tp)


def writes_exact_numbers(tp: Any) -> bool:
    """Whether values of `tp` hold a DecimalNumber anywhere, so `dumps` must write them."""
    schema_adapter = adapter(tp)
    schema_adapter.rebuild()  # builds a deferred model's schema, as its first use would
    pending: list[Any] = [schema_adapter.core_schema]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if node.get("function") is _number_text:
                return True
            pending.extend(node.values())
        elif isinstance(node, (list, tuple)):
            pending.extend(node)
    return False


def loads(content: bytes | str) -> Any:
    """Parse JSON, reading every non-integer number as an exact Decimal."""
    # As json.loads does, minus building a new decoder on every call.
    if not isinstance(content, str):
        content = content.decode(json.detect_encoding(content), "surrogatepass")
    return _DECODER.decode(content)


_DECODER: Final = json.JSONDecoder(parse_float=Decimal)


def dumps(value: Any) -> bytes:
    """Serialize to compact JSON, writing every Decimal as a bare number with its exact digits."""
    # Neither the standard library nor pydantic writes a Decimal as a JSON number without going
    # through float, so this writer does: strings go through the standard library's escaping,
    # every other value is written here, and nothing is rewritten after the fact. (simplejson's
    # use_decimal does the same, at the price of a dependency in every generated package.)
    parts: list[str] = []
    _write(value, parts.append)
    return "".join(parts).encode()


_escape: Final = json.encoder.encode_basestring


def _write(value: Any, out: Callable[[str], object]) -> None:
    if isinstance(value, str):
        out(_escape(value))
    elif value is None:
        out("null")
    elif value is True:
        out("true")
    elif value is False:
        out("false")
    elif isinstance(value, int):
        out(int.__repr__(value))
    elif isinstance(value, Decimal):
        out(_decimal_text(_exact(value)))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a JSON number")
        out(float.__repr__(value))
    elif isinstance(value, dict):
        out("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                out(",")
            out(_escape(key if isinstance(key, str) else str(_json_default(key))))
            out(":")
            _write(item, out)
        out("}")
    elif isinstance(value, (list, tuple, set, frozenset)):
        out("[")
        for index, item in enumerate(value):
            if index:
                out(",")
            _write(item, out)
        out("]")
    else:
        _write(_json_default(value), out)


def _json_default(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python", by_alias=True, exclude_unset=True)
    if hasattr(value, "isoformat"):  # datetime, date, time: RFC 3339, as in query strings
        return value.isoformat()
    return str(value)  # UUID and other scalars pydantic keeps as objects in Python mode

"""Types shared by the client and its models: exact decimals, the not-given marker, JSON codec."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, SerializationInfo

__all__ = [
    "EXACT_NUMBERS",
    "NOT_GIVEN",
    "DecimalNumber",
    "DecimalString",
    "Model",
    "NotGiven",
    "dumps",
    "loads",
    "unmark_numbers",
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


def _number_json(value: Decimal, info: SerializationInfo) -> str:
    text = _decimal_text(value)
    # In request bodies (context EXACT_NUMBERS) the marked text becomes a bare JSON number.
    return _MARK + text if info.context is EXACT_NUMBERS else text


DecimalNumber = Annotated[
    Decimal,
    BeforeValidator(_exact),
    PlainSerializer(_number_json, return_type=str, when_used="json"),
]
"""A decimal that travels as a JSON number (`0.001`), written with its exact digits."""


class Model(BaseModel):
    """Base of every generated model: built on first use, keeps fields the spec does not list."""

    model_config = ConfigDict(defer_build=True, populate_by_name=True, extra="allow")


def loads(content: bytes | str) -> Any:
    """Parse JSON, reading every non-integer number as an exact Decimal."""
    # As json.loads does, minus building a new decoder on every call.
    if not isinstance(content, str):
        content = content.decode(json.detect_encoding(content), "surrogatepass")
    return _DECODER.decode(content)


_DECODER: Final = json.JSONDecoder(parse_float=Decimal)


def dumps(value: Any) -> bytes:
    """Serialize to compact JSON, writing Decimals as exact numbers."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)
    return unmark_numbers(text.encode())


def unmark_numbers(data: bytes) -> bytes:
    """Turn every marked decimal string in serialized JSON into a bare number with its digits."""
    # Neither the standard library nor pydantic writes a Decimal as a JSON number without going
    # through float, so decimals are first written as strings behind a mark that begins with two
    # control characters (no order field carries them), and the quotes and mark are removed here.
    return _MARKED.sub(rb"\1", data) if _MARK_JSON in data else data


_MARK = "\x00\x01"
_MARK_JSON = json.dumps(_MARK)[1:-1].encode()
_MARKED = re.compile(b'"' + re.escape(_MARK_JSON) + rb"(-?[0-9.E+-]+)\"")
EXACT_NUMBERS: Final = {"exact_numbers": True}
"""Serialization context under which DecimalNumber fields are written as marked numbers."""


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return _MARK + _decimal_text(_exact(value))
    if isinstance(value, BaseModel):
        return value.model_dump(mode="python", by_alias=True, exclude_unset=True)
    if hasattr(value, "isoformat"):  # datetime, date, time: RFC 3339, as in query strings
        return value.isoformat()
    return str(value)  # UUID and other scalars pydantic keeps as objects in Python mode

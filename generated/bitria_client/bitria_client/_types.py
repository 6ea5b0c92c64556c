"""Types shared by the client and its models: exact decimals, the not-given marker, JSON codec."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer

__all__ = ["NOT_GIVEN", "DecimalNumber", "DecimalString", "Model", "NotGiven", "dumps", "loads"]


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

DecimalNumber = Annotated[Decimal, BeforeValidator(_exact)]
"""A decimal that travels as a JSON number (`0.001`), written with its exact digits."""


class Model(BaseModel):
    """Base of every generated model: built on first use, keeps fields the spec does not list."""

    model_config = ConfigDict(defer_build=True, populate_by_name=True, extra="allow")


def loads(content: bytes | str) -> Any:
    """Parse JSON, reading every non-integer number as an exact Decimal."""
    return json.loads(content, parse_float=Decimal)


def dumps(value: Any) -> bytes:
    """Serialize to compact JSON, writing Decimals as exact numbers."""
    # The standard library writes Decimal only through float; this writer keeps every digit.
    parts: list[str] = []
    _write(value, parts)
    return "".join(parts).encode()


def _write(value: Any, out: list[str]) -> None:
    if value is None or isinstance(value, (bool, str, int)):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, Decimal):
        out.append(_decimal_text(_exact(value)))
    elif isinstance(value, dict):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            out.append("," if i else "")
            out.append(json.dumps(str(key), ensure_ascii=False) + ":")
            _write(item, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            out.append("," if i else "")
            _write(item, out)
        out.append("]")
    elif isinstance(value, BaseModel):
        _write(value.model_dump(mode="python", by_alias=True, exclude_unset=True), out)
    elif isinstance(value, float):
        _exact(value)
    elif hasattr(value, "isoformat"):  # datetime, date, time: RFC 3339, as in query strings
        out.append(json.dumps(value.isoformat()))
    else:
        out.append(json.dumps(str(value), ensure_ascii=False))

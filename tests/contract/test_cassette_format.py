"""The cassette format itself: exact numbers in YAML and JSON, typed call arguments, comparison."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, Literal

import pytest

from tests.support import cassette as cz

TRICKY: list[Any] = [
    Decimal("65000.5"),
    Decimal("0.00012340"),
    Decimal("1E+5"),
    Decimal("-0.0"),
    Decimal("100"),
    Decimal("1234567890.123456789012345678901234567890"),
    12345678901234567890,
    0,
    "0.001",
    "65000.50",
    "1e5",
    "yes",
    "NO",
    "null",
    "2025-01-01T00:00:00Z",
    "2025-01-01",
    "00000",
    "",
    "line one\nline two",
    True,
    None,
    [],
    {},
]


@pytest.mark.parametrize("value", TRICKY, ids=repr)
def test_yaml_round_trip_keeps_type_and_digits(value: Any) -> None:
    back = cz.yaml_load(cz.yaml_dump({"v": value}))["v"]
    assert type(back) is type(value)
    assert cz.json_dumps(back) == cz.json_dumps(value)


def test_json_numbers_keep_their_digits_through_a_cassette() -> None:
    wire = b'{"a":65000.50,"b":"0.010","c":1E+5,"d":7,"e":[0.1,null,true]}'
    data = cz.json_loads(wire)
    assert cz.json_dumps(cz.yaml_load(cz.yaml_dump(data))) == wire


def test_plain_yaml_floats_read_as_exact_decimals() -> None:
    assert cz.yaml_load("x: 0.1\ny: 30000.50\nz: '0.1'\nw: 2025-01-01") == {
        "x": Decimal("0.1"),
        "y": Decimal("30000.50"),
        "z": "0.1",
        "w": "2025-01-01",
    }


def test_floats_are_refused_on_the_wire() -> None:
    with pytest.raises(TypeError, match="float"):
        cz.json_dumps({"price": 0.1})


def _method(
    *,
    qty: Decimal,
    price: Decimal | None = None,
    when: dt.datetime | None = None,
    ids: list[str] | None = None,
    side: Literal["buy", "sell"] = "buy",
    n: int = 0,
) -> None: ...


def test_call_kwargs_follow_the_annotations() -> None:
    kwargs = cz.call_kwargs(
        _method,
        {"qty": "0.010", "when": "2025-01-01T00:00:00Z", "ids": ["a"], "side": "sell", "n": 5},
    )
    assert kwargs == {
        "qty": Decimal("0.010"),
        "when": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        "ids": ["a"],
        "side": "sell",
        "n": 5,
    }
    assert str(kwargs["qty"]) == "0.010"
    with pytest.raises(TypeError, match="no argument"):
        cz.call_kwargs(_method, {"quantity": "1"})


def test_call_data_writes_decimals_and_dates_as_strings() -> None:
    when = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    assert cz.call_data({"q": Decimal("0.50"), "t": when, "u": uuid.UUID(int=1)}) == {
        "q": "0.50",
        "t": "2025-01-01T00:00:00+00:00",
        "u": "00000000-0000-0000-0000-000000000001",
    }


@pytest.mark.parametrize(
    ("actual", "expected", "complaint"),
    [
        ({"p": Decimal("0.1")}, {"p": Decimal("0.10")}, "digits changed"),
        ({"p": "0.1"}, {"p": Decimal("0.1")}, "expected the number"),
        ({"p": Decimal("0.1")}, {"p": "0.1"}, "expected the string"),
        ({}, {"p": 1}, "lost"),
        ({"p": 1, "q": 2}, {"p": 1}, "not recorded"),
        ({"p": True}, {"p": 1}, "expected the number"),
        ({"p": [1]}, {"p": [1, 2]}, "2 items"),
        ({"t": dt.datetime(2025, 1, 1, 1, tzinfo=dt.UTC)}, {"t": "2025-01-01T00:00:00Z"}, "got"),
    ],
)
def test_differences_find_every_change(actual: Any, expected: Any, complaint: str) -> None:
    found = list(cz.differences(actual, expected))
    assert found and complaint in found[0]


def test_differences_accept_the_same_value_in_model_form() -> None:
    actual = {
        "t": dt.datetime(2024, 6, 10, 6, 13, 20, tzinfo=dt.UTC),
        "id": uuid.UUID("497f6eca-6276-4993-bfeb-53cbbbba6f08"),
        "n": Decimal("200"),
        "s": "0.001",
    }
    expected = {
        "t": "2024-06-10T06:13:20+00:00",
        "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
        "n": 200,
        "s": "0.001",
    }
    assert not list(cz.differences(actual, expected))


def test_every_committed_cassette_loads_and_reads_back_exactly() -> None:
    paths = cz.all_cassettes()
    assert len(paths) >= 180
    for path in paths:
        recorded = cz.load(path)
        assert cz.json_dumps(cz.yaml_load(path.read_text())) == cz.json_dumps(
            cz.yaml_load(cz.HEADER_COMMENT + cz.yaml_dump(recorded.to_data()))
        ), path

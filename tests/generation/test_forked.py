"""A forked call gives its caller the value or the exception it gives when made in-process."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from generator._forked import Forked


def test_the_value_comes_from_the_child() -> None:
    parent = os.getpid()
    assert Forked(os.getpid).result() != parent
    assert Forked(lambda: {"a": [1, 2]}).result() == {"a": [1, 2]}


def test_a_failing_call_raises_in_the_caller() -> None:
    calls: list[int] = []

    def fail() -> None:
        calls.append(os.getpid())
        raise ValueError("bad schema")

    with pytest.raises(ValueError, match="bad schema"):
        Forked(fail).result()
    assert calls == [os.getpid()]  # made again here; the child's attempt is not this list's


def test_a_value_that_does_not_pickle_is_computed_here() -> None:
    def three() -> int:
        return 3

    def make() -> Callable[[], int]:
        return three

    assert Forked(make).result()() == 3

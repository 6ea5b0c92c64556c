"""The validation runs once, in a worker process; an exception there reaches the caller with the
worker's traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from generator.errors import Diagnostics
from generator.validate import background, validation


def test_problems_come_from_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def validate(document: dict[str, Any], diagnostics: Diagnostics) -> None:
        seen.append(os.getpid())
        diagnostics.error("/info", f"checked in {os.getpid()}")

    monkeypatch.setattr(validation, "validate_spec", validate)
    diagnostics = Diagnostics(Path("spec.yaml"))
    assert background.BackgroundValidation({"openapi": "3.1.0"}, diagnostics).join(diagnostics) == 1
    (problem,) = diagnostics.errors
    assert problem.message != f"checked in {os.getpid()}"  # made in another process
    assert seen == []  # and not again here


def test_a_failure_in_the_worker_is_raised_once_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []

    def validate(document: dict[str, Any], diagnostics: Diagnostics) -> None:
        calls.append(os.getpid())
        raise RuntimeError("validator broke")

    monkeypatch.setattr(validation, "validate_spec", validate)
    diagnostics = Diagnostics(Path("spec.yaml"))
    check = background.BackgroundValidation({"openapi": "3.1.0"}, diagnostics)
    with pytest.raises(RuntimeError, match="validator broke") as raised:
        check.join(diagnostics)
    assert calls == []  # the call was not made again in this process
    cause = raised.value.__cause__
    assert cause is not None and "in validate" in str(cause)  # the worker's traceback
    assert "raise RuntimeError" in str(cause)

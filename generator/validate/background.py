"""openapi-spec-validator's check of a document in a worker process, beside the parser."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from ..errors import Diagnostics, Problem

NICENESS = 10
"""How much lower the worker's priority is: it gives way to the model generation."""

# What a forked worker inherits instead of receiving it pickled (a large document takes a while
# to pickle): the document and diagnostics of each validation, by its number.
_INHERITED: dict[int, tuple[dict[str, Any], Diagnostics]] = {}
_NUMBERS = itertools.count()


def _check(
    document: dict[str, Any], diagnostics: Diagnostics
) -> tuple[list[Problem], list[Problem]]:
    # Problems go into an empty copy of the diagnostics, which locates them the same way.
    found = replace(diagnostics, errors=[], warnings=[])
    from .validation import validate_spec

    validate_spec(document, found)
    return found.errors, found.warnings


def _check_inherited(number: int) -> tuple[list[Problem], list[Problem]]:
    return _check(*_INHERITED[number])


class BackgroundValidation:
    """openapi-spec-validator's check of a document, run by a forked worker process where the
    platform has fork (on a large spec it takes as long as much of the rest together), else on
    `join`. An exception in the worker is raised by `join`, its traceback in the worker as its
    cause."""

    def __init__(self, document: dict[str, Any], diagnostics: Diagnostics) -> None:
        self._diagnostics = diagnostics
        self._document = document
        self._joined = False
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[tuple[list[Problem], list[Problem]]] | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        number = next(_NUMBERS)
        _INHERITED[number] = (document, diagnostics)
        try:
            # The worker is forked as the call is submitted, so it inherits `_INHERITED`.
            self._pool = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("fork"),
                initializer=os.nice,
                initargs=(NICENESS,),
            )
            self._future = self._pool.submit(_check_inherited, number)
        except (AssertionError, OSError):  # a daemon process has no children: checked on join
            self._close()
        finally:
            del _INHERITED[number]

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._future = None

    def join(self, diagnostics: Diagnostics) -> int:
        """Put the validation's problems first among `diagnostics`' (as if it ran first);
        the number of errors it found."""
        if self._joined:
            return 0
        self._joined = True
        try:
            if self._future is not None:
                errors, warnings = self._future.result()
            else:
                errors, warnings = _check(self._document, self._diagnostics)
        finally:
            self._close()
        diagnostics.put_first(errors, warnings)
        return len(errors)

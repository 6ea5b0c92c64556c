"""openapi-spec-validator's check of a document in a forked process, beside the parser."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .._errors import Diagnostics, Problem
from .._forked import Forked


class BackgroundValidation:
    """openapi-spec-validator's check of a document, run in a forked process where the
    platform has fork: on a large spec it takes as long as much of the rest together."""

    def __init__(self, document: dict[str, Any], diagnostics: Diagnostics) -> None:
        self._diagnostics = diagnostics
        self._document = document
        self._joined = False
        # It gives way to the processes making models, and finishes while the package renders.
        self._validation = Forked(self._check, niceness=10)

    def _check(self) -> tuple[list[Problem], list[Problem]]:
        # Problems go into an empty copy of the diagnostics, which locates them the same way.
        found = replace(self._diagnostics, errors=[], warnings=[])
        from .validation import validate_spec

        validate_spec(self._document, found)
        return found.errors, found.warnings

    def join(self, diagnostics: Diagnostics) -> int:
        """Put the validation's problems first among `diagnostics`' (as if it ran first);
        the number of errors it found."""
        if self._joined:
            return 0
        self._joined = True
        errors, warnings = self._validation.result()
        diagnostics.errors[:0] = errors
        diagnostics.warnings[:0] = warnings
        return len(errors)

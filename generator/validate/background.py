"""openapi-spec-validator's check of a document in a forked process, beside the parser."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.process
from dataclasses import replace
from typing import Any

from .._errors import Diagnostics


class BackgroundValidation:
    """openapi-spec-validator's check of a document, run in a forked process where the
    platform has fork: on a large spec it takes as long as everything else together."""

    def __init__(self, document: dict[str, Any], diagnostics: Diagnostics) -> None:
        # Problems go into an empty copy of `diagnostics`, which locates them the same way.
        self._found = replace(diagnostics, errors=[], warnings=[])
        self._document = document
        self._child: multiprocessing.process.BaseProcess | None = None
        self._joined = False
        if "fork" in multiprocessing.get_all_start_methods():
            # Imported here, once, so that no child spends its time importing it again.
            import openapi_spec_validator  # noqa: F401

            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            child = context.Process(target=self._run, args=(send,), daemon=True)
            try:
                child.start()
                self._child = child
            except (AssertionError, OSError):  # a daemon process has no children: validate here
                self._receive.close()
            send.close()

    def _run(self, send: multiprocessing.connection.Connection) -> None:
        try:
            self._check()
            send.send((self._found.errors, self._found.warnings))
        except BaseException as exc:  # reported by the parent, which validates again itself
            send.send(exc)
        finally:
            send.close()

    def _check(self) -> None:
        from .validation import validate_spec

        validate_spec(self._document, self._found)

    def join(self, diagnostics: Diagnostics) -> int:
        """Put the validation's problems first among `diagnostics`' (as if it ran first);
        the number of errors it found."""
        if self._joined:
            return 0
        self._joined = True
        result: object = None
        if self._child is not None:
            try:
                result = self._receive.recv()
            except EOFError:
                result = None
            self._child.join()
            self._receive.close()
        if not isinstance(result, tuple):
            self._found = replace(self._found, errors=[], warnings=[])
            self._check()
            result = (self._found.errors, self._found.warnings)
        errors, warnings = result
        diagnostics.errors[:0] = errors
        diagnostics.warnings[:0] = warnings
        return len(errors)

"""How reading one file reports a problem: fatal (DocumentError) or recoverable (Report)."""

from __future__ import annotations

from collections.abc import Callable

# Called with (pointer, message, line, recoverable); a recoverable problem lets loading go on.
Report = Callable[[str, str, int | None, bool], None]


class DocumentError(Exception):
    """A file cannot be read as a document at all; the first problem stops it."""

    def __init__(self, at: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.at, self.message, self.line = at, message, line

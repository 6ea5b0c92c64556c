"""Errors and warnings about a spec, each pointing at a file and a JSON pointer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def pointer(*parts: str | int) -> str:
    """Build a JSON pointer (RFC 6901) from path segments."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec: where it is and what it is."""

    file: Path
    pointer: str
    message: str
    line: int | None = None

    def located(self, lines: dict[str, int] | None) -> Problem:
        """This problem with the line of its pointer (or of the nearest parent) filled in."""
        if self.line or not lines:
            return self
        at = self.pointer
        while at and at not in lines:
            at = at.rsplit("/", 1)[0]
        return Problem(self.file, self.pointer, self.message, lines.get(at))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        at = f" at {self.pointer}" if self.pointer else ""
        return f"{where}{at}: {self.message}"


class SpecError(Exception):
    """A spec cannot be turned into a client; `problems` says why and where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Diagnostics:
    """Collects problems; in lenient mode the recoverable ones become warnings.

    A problem names the spec file unless `file` says which other file it is in; then `at` is a
    pointer inside that file.
    """

    file: Path
    lenient: bool = False
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(
        self, at: str, message: str, *, file: Path | None = None, line: int | None = None
    ) -> None:
        """Record a problem that makes the spec unusable."""
        self.errors.append(Problem(file or self.file, self.original(at), message, line))

    def skippable(
        self, at: str, message: str, *, file: Path | None = None, line: int | None = None
    ) -> None:
        """Record a problem lenient mode skips over (a warning there, an error otherwise)."""
        problem = Problem(file or self.file, self.original(at), message, line)
        (self.warnings if self.lenient else self.errors).append(problem)

    def warning(
        self, at: str, message: str, *, file: Path | None = None, line: int | None = None
    ) -> None:
        """Record something worth saying that does not stop generation in either mode."""
        self.warnings.append(Problem(file or self.file, self.original(at), message, line))

    def original(self, at: str) -> str:
        """Where in the file as written the node now at `at` stands (the same, unless converted)."""
        return at

    def put_first(self, errors: list[Problem], warnings: list[Problem]) -> None:
        """Put problems found by a check that runs beside the rest before those found so far,
        as if the check had run first."""
        self.errors[:0] = errors
        self.warnings[:0] = warnings

    def withdraw(self, errors: list[Problem]) -> None:
        """Drop errors that another problem explains (a model run fails on an invalid spec)."""
        self.errors[:] = [p for p in self.errors if p not in errors]

    def raise_if_errors(self, locate: Callable[[Problem], Problem] | None = None) -> None:
        """Raise SpecError with every error recorded so far, each located by `locate`."""
        if self.errors:
            raise SpecError([locate(p) if locate else p for p in self.errors])


def type_name(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)

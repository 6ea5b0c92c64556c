"""The change report: changes classified for the code that calls a client, as text and JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Literal

Level = Literal["breaking", "addition", "other"]
Bump = Literal["major", "minor", "patch"]
LEVELS: tuple[Level, ...] = ("breaking", "addition", "other")
HEADINGS = {"breaking": "Breaking", "addition": "Added", "other": "Other"}


@dataclass(frozen=True)
class Change:
    """One change: where, what, whether it breaks calling code, and why."""

    level: Level
    kind: str
    subject: str
    change: str
    reason: str

    @property
    def line(self) -> str:
        """The change as one line of text."""
        return f"{self.subject}: {self.change} ({self.reason})"


@dataclass(frozen=True)
class Report:
    """Every change between an old and a new client surface."""

    old: str
    new: str
    changes: tuple[Change, ...]

    def of_level(self, level: Level) -> tuple[Change, ...]:
        """The changes classified `level`."""
        return tuple(c for c in self.changes if c.level == level)

    @property
    def breaking(self) -> bool:
        """Whether any change can break code that calls the client."""
        return any(c.level == "breaking" for c in self.changes)

    @property
    def bump(self) -> Bump | None:
        """The version bump the surface changes call for; None when the surface is the same."""
        if self.breaking:
            return "major"
        if self.of_level("addition"):
            return "minor"
        return "patch" if self.changes else None

    def counts(self) -> str:
        """`2 breaking, 1 added, 0 other`."""
        return ", ".join(
            f"{len(self.of_level(level))} {HEADINGS[level].lower()}" for level in LEVELS
        )

    def sections(self) -> list[tuple[str, tuple[Change, ...]]]:
        """(heading, changes) for each level that has changes, breaking first."""
        return [(HEADINGS[lv], self.of_level(lv)) for lv in LEVELS if self.of_level(lv)]

    def text(self) -> str:
        """The whole report as text, breaking changes first."""
        lines = [f"{self.old} -> {self.new}: {self.counts()}"]
        for heading, changes in self.sections():
            lines += ["", heading, *(f"- {c.line}" for c in changes)]
        return "\n".join(lines) + "\n"

    def json(self) -> str:
        """The whole report as JSON a CI job can gate on."""
        data: dict[str, Any] = {
            "old": self.old,
            "new": self.new,
            "breaking": self.breaking,
            "bump": self.bump,
            "counts": {level: len(self.of_level(level)) for level in LEVELS},
            "changes": [asdict(c) for c in self.changes],
        }
        return json.dumps(data, indent=2, sort_keys=True) + "\n"


def backticked(text: str) -> str:
    """`text` between backticks, as the report shows code."""
    return f"`{text}`"

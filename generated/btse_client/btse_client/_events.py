"""Server-sent events: a `text/event-stream` answer read as the events it carries; no I/O.

The format is a few lines of the HTML standard (section 9.2, "Server-sent events"), so it is read
here rather than through a dependency every package would have to install.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from ._types import loads

__all__ = ["EventStream", "ServerSentEvent", "parse_events"]


@dataclass(frozen=True)
class ServerSentEvent:
    """One event of a stream: its type, its data (lines joined by newlines), and its id."""

    event: str = "message"
    data: str = ""
    id: str = ""
    """The last id the stream set, as the standard's "last event ID" (it carries over)."""
    retry: int | None = None
    """The reconnection time in milliseconds, if this event set one."""

    def json(self) -> Any:
        """The data parsed as JSON (non-integer numbers as exact Decimals)."""
        return loads(self.data)


EventStream: TypeAlias = Iterator[ServerSentEvent]
"""What a streaming method returns: the events, read as they arrive."""


def parse_events(lines: Iterable[str]) -> Generator[ServerSentEvent, None, None]:
    """The events of a stream given line by line (without line endings)."""
    data: list[str] = []
    event = last_id = ""
    retry: int | None = None
    for line in lines:
        if not line:  # a blank line dispatches the event, if it has data
            if data:
                yield ServerSentEvent(event or "message", "\n".join(data), last_id, retry)
            data, event, retry = [], "", None
            continue
        if line.startswith(":"):  # a comment, e.g. a keep-alive
            continue
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            data.append(value)
        elif name == "event":
            event = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            retry = int(value)
    # An event the stream ended before dispatching is incomplete: the standard discards it.

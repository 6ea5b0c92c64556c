"""Server-sent events: a `text/event-stream` answer read as the events it carries; no I/O.

The format is a few lines of the HTML standard (section 9.2, "Server-sent events"), so it is read
here rather than through a dependency every package would have to install.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

from ._types import loads

__all__ = ["AsyncEventStream", "EventParser", "EventStream", "ServerSentEvent", "parse_events"]


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
AsyncEventStream: TypeAlias = AsyncIterator[ServerSentEvent]
"""What a streaming method of an asynchronous client returns: the events, read as they arrive."""


class EventParser:
    """Reads a stream line by line (without line endings), giving each event as it completes.

    An event the stream ends before dispatching is incomplete: the standard discards it.
    """

    __slots__ = ("_data", "_event", "_last_id", "_retry")

    def __init__(self) -> None:
        self._data: list[str] = []
        self._event = self._last_id = ""
        self._retry: int | None = None

    def feed(self, line: str) -> ServerSentEvent | None:
        """The event this line completes, if it does."""
        if not line:  # a blank line dispatches the event, if it has data
            data, self._data = self._data, []
            event, self._event = self._event, ""
            retry, self._retry = self._retry, None
            if data:
                return ServerSentEvent(event or "message", "\n".join(data), self._last_id, retry)
            return None
        if line.startswith(":"):  # a comment, e.g. a keep-alive
            return None
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None


def parse_events(lines: Iterable[str]) -> Generator[ServerSentEvent, None, None]:
    """The events of a stream given line by line (without line endings)."""
    parser = EventParser()
    for line in lines:
        event = parser.feed(line)
        if event is not None:
            yield event

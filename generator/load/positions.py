"""Where a reader of YAML events or JSON tokens is: the JSON pointer the next value takes."""

from __future__ import annotations

from ..errors import pointer


class OpenCollection:
    """A mapping or sequence being read: its pointer, and the key or index its next value takes."""

    __slots__ = ("at", "index", "is_map", "key", "keys")

    def __init__(self, at: str, *, is_map: bool) -> None:
        self.at = at
        self.is_map = is_map
        self.key: str | None = None  # of a mapping: the key read, whose value comes next
        self.index = 0  # of a sequence: the index of the next item
        self.keys: set[str] = set()  # of a mapping: the keys read so far, where they are counted

    def value_pointer(self) -> str:
        """The pointer of the value read now: the pending key's, or the next item's."""
        if self.is_map:
            key, self.key = self.key or "", None  # a mapping's value follows its key
            return self.at + pointer(key)
        self.index += 1
        return self.at + pointer(self.index - 1)

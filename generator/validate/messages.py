"""What a validator error says: its most specific causes, and a message of bounded length."""

from __future__ import annotations

from typing import Any


def leaves(error: Any) -> list[Any]:
    """The most specific errors under a oneOf/anyOf failure, one per place."""
    # Branches that only say "use a $ref instead" are skipped, and so is a place that has a more
    # specific error below it.
    leaves: list[Any] = []
    stack = [error]
    while stack:
        current = stack.pop()
        context = getattr(current, "context", None)
        if context:
            stack.extend(context)
        else:
            leaves.append(current)
    useful = [e for e in leaves if "'$ref' is a required property" not in e.message] or leaves
    by_place: dict[tuple[Any, ...], list[Any]] = {}
    for leaf in useful:
        by_place.setdefault(tuple(getattr(leaf, "absolute_path", ())), []).append(leaf)
    deepest = [
        place
        for place in by_place
        if not any(len(other) > len(place) and other[: len(place)] == place for other in by_place)
    ]
    # Of several errors at one place, one that is not about the JSON type says more.
    return [
        min(by_place[place], key=lambda e: getattr(e, "validator", None) == "type")
        for place in sorted(deepest, key=str)
    ]


def short(message: str, limit: int = 240) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."

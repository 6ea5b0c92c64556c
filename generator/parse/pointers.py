"""Where each mapping of a document is: its JSON pointer, by the mapping's id()."""

from __future__ import annotations

from typing import Any


def pointers_by_id(document: Any, wanted: set[int] | None) -> dict[int, str]:
    """The pointer of each mapping of `document` by its id() (the first met, depth first), or
    of those in `wanted` only, stopping when each is found."""
    found: dict[int, str] = {}
    pending: list[tuple[Any, str]] = [(document, "")]
    while pending and (wanted is None or len(found) < len(wanted)):
        node, at = pending.pop()
        if isinstance(node, dict):
            if wanted is None or id(node) in wanted:
                found.setdefault(id(node), at)
            # Only collections can hold a model's schema: scalars are not visited. The segment
            # is escaped inline, as `pointer` would: this runs for every collection.
            pending.extend(
                (v, f"{at}/{str(k).replace('~', '~0').replace('/', '~1')}")
                for k, v in node.items()
                if isinstance(v, dict | list)
            )
        else:
            pending.extend(
                (v, f"{at}/{i}") for i, v in enumerate(node) if isinstance(v, dict | list)
            )
    return found

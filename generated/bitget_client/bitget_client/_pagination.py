"""Pagination: which page to ask for next, and when the listing has ended; no I/O.

A listing ends on an empty page; on a page the server already gave (one that ignores the page
argument) or a cursor it already gave; once the items reach the total the answer declares; and
on a page shorter than the ones before it. A short first page is followed by one more request,
since a server may give fewer items than asked for on every page (a clamped page size). After
`max_pages` pages the iterator raises PaginationError rather than run on without end.

`Pager` makes every decision; `paginate` and `paginate_async` only fetch the pages it asks for.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import Any, NamedTuple

import pydantic

from ._exceptions import PaginationError
from ._types import NotGiven

__all__ = ["DEFAULT_MAX_PAGES", "Pager", "Pagination", "paginate", "paginate_async"]

DEFAULT_MAX_PAGES = 1000


class Pagination(NamedTuple):
    """How an operation pages: which arguments move, where items, cursor and total are."""

    # A NamedTuple, not a frozen dataclass: every package imports it, and a frozen dataclass
    # costs about 0.6 ms of import time to create.

    style: str
    items: tuple[str, ...] = ()
    page: str | None = None
    limit: str | None = None
    offset: str | None = None
    cursor: str | None = None
    next_cursor: tuple[str, ...] = ()
    default_limit: int | None = None
    total: tuple[str, ...] = ()
    """Where an answer declares how many items the whole listing has, if it does."""
    max_pages: int = DEFAULT_MAX_PAGES


class Pager:
    """The arguments of each page in turn, decided from the page before."""

    def __init__(self, pagination: Pagination, arguments: dict[str, Any], name: str) -> None:
        self.pagination = pagination
        self.name = name
        self.arguments = dict(arguments)
        """The arguments of the next page to fetch."""
        limit: Any = self.arguments.get(pagination.limit) if pagination.limit else None
        self._limit: int | None = pagination.default_limit if _absent(limit) else int(limit)
        for key, start in ((pagination.page, 1), (pagination.offset, 0)):
            if key and pagination.style in ("page", "offset") and _absent(self.arguments.get(key)):
                self.arguments[key] = start
        self._previous: list[Any] | None = None
        self._longest = 0
        self._count = 0
        self._pages = 0
        self._cursors: set[Any] = set()
        self._more = True

    def next_arguments(self) -> dict[str, Any] | None:
        """The arguments of the next page to fetch, None once the listing has ended; past the
        page cap, PaginationError."""
        if not self._more:
            return None
        if self._pages >= self.pagination.max_pages:
            p = self.pagination
            key = p.cursor or p.page or p.offset
            raise PaginationError(
                f"{self.name}: stopped after {p.max_pages} pages with more to come; "
                f"to go on, call it again with {key}={self.arguments.get(key or '')!r}"
            )
        return self.arguments

    def take(self, result: Any) -> list[Any]:
        """The new items of a fetched page (and whether another is to be fetched, decided)."""
        items, self._more = self.turn(result)
        return items

    def turn(self, result: Any) -> tuple[list[Any], bool]:
        """The new items of a fetched page, and whether another page is to be fetched."""
        p = self.pagination
        items = list(walk(result, p.items) or [])
        if not items or items == self._previous:
            return [], False
        self._previous = items
        self._pages += 1
        self._count += len(items)
        total = walk(result, p.total) if p.total else None
        if isinstance(total, int) and not isinstance(total, bool) and self._count >= total:
            return items, False
        if p.style == "cursor" and p.cursor:
            cursor = walk(result, p.next_cursor)
            if cursor in (None, "") or cursor in self._cursors:
                return items, False
            self._cursors.add(cursor)
            self.arguments[p.cursor] = cursor
        else:
            short = len(items) < self._longest and (self._limit is None or len(items) < self._limit)
            self._longest = max(self._longest, len(items))
            if short:
                return items, False
            if p.style == "page" and p.page:
                self.arguments[p.page] += 1
            elif p.style == "offset" and p.offset:
                self.arguments[p.offset] += len(items)
            else:
                return items, False
        return items, True


def paginate(
    fetch: Callable[..., Any], arguments: dict[str, Any], pagination: Pagination, name: str
) -> Iterator[Any]:
    """Call `fetch` page after page, yielding each item, until the listing ends."""
    pager = Pager(pagination, arguments, name)
    while (page := pager.next_arguments()) is not None:
        yield from pager.take(fetch(**page))


async def paginate_async(
    fetch: Callable[..., Awaitable[Any]],
    arguments: dict[str, Any],
    pagination: Pagination,
    name: str,
) -> AsyncIterator[Any]:
    """Await `fetch` page after page, yielding each item, until the listing ends."""
    pager = Pager(pagination, arguments, name)
    while (page := pager.next_arguments()) is not None:
        for item in pager.take(await fetch(**page)):
            yield item


def _absent(value: Any) -> bool:
    return value is None or isinstance(value, NotGiven)


def walk(value: Any, path: Sequence[str]) -> Any:
    """Follow wire names (`pagination`, `next_cursor`) through models and dicts."""
    for name in path:
        if value is None:
            return None
        if isinstance(value, dict):
            value = value.get(name)
        elif isinstance(value, pydantic.BaseModel):
            value = _field_by_alias(value, name)
        else:
            value = getattr(value, name, None)
    return value


def _field_by_alias(model: pydantic.BaseModel, name: str) -> Any:
    for attribute, info in type(model).model_fields.items():
        if (info.alias or attribute) == name:
            return getattr(model, attribute)
    return (model.model_extra or {}).get(name)

"""The line of each node of a YAML file, read from libyaml's events without building the document."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml
from yaml import events as ev

from ..errors import pointer
from .positions import OpenCollection

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_lines(source: bytes, wanted: Iterable[str] | None = None) -> dict[str, int]:
    """Map JSON pointers to the 1-based lines where their values (or mapping keys) start; given
    `wanted`, only those pointers and the nodes above them, all that locating them takes (the
    subtrees around them are skipped, not mapped)."""
    lines: dict[str, int] = {}
    kept = None if wanted is None else _with_ancestors(wanted)
    if kept is not None and not kept:
        return lines
    stack: list[OpenCollection] = []
    events: Any = yaml.parse(source, Loader=_Loader)
    try:
        for event in events:
            kind = type(event)
            if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                stack.pop()
                continue
            if kind not in _NODE_EVENTS:
                continue
            line = event.start_mark.line + 1
            opens = kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent
            at = ""
            if stack:
                top = stack[-1]
                if top.is_map and top.key is None:  # this event is a key
                    key: str = event.value if kind is ev.ScalarEvent else ""
                    top.key = key
                    if kept is None or top.at + pointer(key) in kept:
                        lines[top.at + pointer(key)] = line
                    if opens:
                        stack.append(OpenCollection("\x00", is_map=kind is ev.MappingStartEvent))
                    continue
                at = top.value_pointer()
            if kept is not None and at not in kept:
                if opens:
                    _skip(events)
                continue
            lines.setdefault(at, line)  # a mapping key's line wins over its value's
            if opens:
                stack.append(OpenCollection(at, is_map=kind is ev.MappingStartEvent))
    except yaml.YAMLError:
        pass
    return lines


_NODE_EVENTS = (ev.ScalarEvent, ev.AliasEvent, ev.MappingStartEvent, ev.SequenceStartEvent)
_OPENING = (ev.MappingStartEvent, ev.SequenceStartEvent)
_CLOSING = (ev.MappingEndEvent, ev.SequenceEndEvent)


def _skip(events: Any) -> None:
    """Read the events of the collection just opened, up to and including its end."""
    depth = 1
    for event in events:
        kind = type(event)
        if kind in _OPENING:
            depth += 1
        elif kind in _CLOSING:
            depth -= 1
            if not depth:
                return


def _with_ancestors(pointers: Iterable[str]) -> set[str]:
    """`pointers` and every pointer above one of them."""
    found: set[str] = set()
    for at in pointers:
        while at not in found:
            found.add(at)
            at = at.rsplit("/", 1)[0] if "/" in at else ""
    return found

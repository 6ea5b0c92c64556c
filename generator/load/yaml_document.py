"""Builds a document from libyaml's event stream, without recursion, within the limits.

PyYAML's loaders have no bound on alias expansion, accept duplicate keys silently and construct
non-JSON types (dates, sets, binary); building from the events checks each of these, and reports
every problem with its JSON pointer and line.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable
from typing import Any

import yaml
from yaml import events as ev

from ..errors import pointer
from .document_error import DocumentError, Report
from .limits import ALIAS_BUDGET, MAX_DEPTH, MAX_INT_DIGITS
from .tree import copy_tree

# libyaml is several times faster on large specs; fall back to pure Python where it is missing.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_MAP_TAGS = (None, "!", _TAG + "map")
_SEQ_TAGS = (None, "!", _TAG + "seq")


def build_yaml(source: bytes, *, report: Report) -> tuple[Any, LineTree | None]:
    """The JSON value a YAML file holds, with the lines of its nodes (None where the document's
    keys are not the file's: duplicate, alias or merge keys); DocumentError if it cannot be read."""
    reader = _Yaml(report)
    # Building allocates a node per value, and no reference cycles: the cyclic garbage
    # collector would scan the growing heap again and again for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = reader.build(source)
    finally:
        if collecting:
            gc.enable()
    return document, reader.tree if reader.exact else None


class LineTree:
    """The lines of a collection's keys or items as the file has them, and the trees of the
    collections among them; recorded while the document is built, it gives the lines
    `yaml_lines` maps without reading the file again."""

    __slots__ = ("line", "lines", "below")

    def __init__(self, line: int | None, *, is_map: bool) -> None:
        self.line = line
        self.lines: Any = {} if is_map else []  # key -> its line, or each item's line
        self.below: dict[Any, LineTree] = {}  # key or index -> the tree of a collection there

    def lines_of(self, pointers: Iterable[str]) -> dict[str, int]:
        """The entries `yaml_lines` has for `pointers` and every node above them."""
        found: dict[str, int] = {} if self.line is None else {"": self.line}
        for at in pointers:
            tree: LineTree | None = self
            prefix = ""
            for segment in at.split("/")[1:]:
                if tree is None:
                    break
                where: Any
                if isinstance(tree.lines, dict):
                    where = segment.replace("~1", "/").replace("~0", "~")
                    if pointer(where) != "/" + segment or where not in tree.lines:
                        break
                elif segment.isascii() and segment.isdigit() and str(int(segment)) == segment:
                    where = int(segment)
                    if where >= len(tree.lines):
                        break
                else:
                    break
                prefix += "/" + segment
                found[prefix] = tree.lines[where]
                tree = tree.below.get(where)
        return found


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


class _Frame(LineTree):
    """A collection being read; once read, the tree of its lines."""

    __slots__ = ("container", "is_map", "key", "key_line", "anchor", "size", "merged", "segment")

    def __init__(self, container: Any, anchor: str | None, segment: str, line: int | None) -> None:
        self.container = container
        self.is_map = is_map = type(container) is dict
        self.line = line
        self.lines = {} if is_map else []
        self.below = {}
        self.key: Any = _NO_KEY
        self.key_line: int | None = None
        self.anchor = anchor
        self.size = 1
        self.merged: set[str] | None = None  # keys a merge (<<) put in, once there are any
        self.segment = segment


_NO_KEY = object()
_MERGE = object()


class _Yaml:
    """Builds a document from libyaml events, without recursion, within the limits above."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open: set[str] = set()
        self.budget = ALIAS_BUDGET
        self.integer_keys: list[tuple[str, str, int | None]] = []
        self.tags: dict[str, str] = {}  # plain scalar -> its resolved tag
        self.tree: LineTree | None = None
        self.exact = True  # whether the tree's keys are those of the file as written

    def at(self, *extra: str) -> str:
        return pointer(*[f.segment for f in self.stack[1:]], *extra)

    def here(self) -> str:
        """The pointer of the value being read now."""
        if not self.stack:
            return ""
        top = self.stack[-1]
        if not top.is_map:
            return self.at(str(len(top.container)))
        return self.at() if top.key is _NO_KEY or top.key is _MERGE else self.at(top.key)

    def build(self, source: bytes) -> Any:
        result: Any = None
        tree: LineTree | None = None  # of the collection just ended
        documents = 0
        events: Any = yaml.parse(source, Loader=_Loader)
        try:
            for event in events:
                kind = type(event)
                anchor: str | None = None
                if kind is ev.ScalarEvent:
                    value: Any = self.scalar(event)
                    size, anchor = 1, event.anchor
                elif kind is ev.AliasEvent:
                    value, size = self.alias(event)
                elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                    self.start(event, kind is ev.MappingStartEvent)
                    continue
                elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                    frame = self.stack.pop()
                    value, size, anchor = frame.container, frame.size, frame.anchor
                    tree = frame
                    if anchor is not None:
                        self.open.discard(anchor)
                elif kind is ev.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise DocumentError(
                            "", "the file holds more than one YAML document", _line(event)
                        )
                    continue
                else:
                    continue
                if anchor is not None:
                    self.anchors[anchor] = (value, size)
                if self.stack:
                    self.add(value, size, event, tree)
                else:
                    result = value
                    self.tree = tree or LineTree(_line(event), is_map=False)
                tree = None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise DocumentError(
                self.at(), f"invalid YAML: {exc.problem}", mark.line + 1 if mark else None
            ) from exc
        except yaml.reader.ReaderError as exc:
            line = source.count(b"\n", 0, max(exc.position, 0)) + 1
            raise DocumentError("", f"invalid YAML: {exc.reason}", line) from exc
        except yaml.YAMLError as exc:
            raise DocumentError("", f"invalid YAML: {exc}") from exc
        self.report_integer_keys()
        if result is _MERGE:
            self.exact = False
            return None
        return result

    def scalar(self, event: ev.ScalarEvent) -> Any:
        value: str = event.value
        if "\x00" in value:
            self.report(self.here(), "a string contains a NUL character", _line(event), True)
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return value
            tag = self.tags.get(value)
            if tag is None:  # the tag of a plain scalar depends on its text alone
                tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
                self.tags[value] = tag
        if tag == _TAG + "str" or tag == _TAG + "timestamp":  # JSON has no dates: keep the text
            return value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return _CONSTRUCTOR.bool_values[value.lower()]
        if tag == _TAG + "merge":
            return _MERGE
        node = yaml.ScalarNode(tag, value)
        if tag == _TAG + "int":
            try:
                return _CONSTRUCTOR.construct_yaml_int(node)
            except ValueError as exc:
                raise DocumentError(
                    self.here(),
                    f"an integer of {len(value)} characters is longer than the {MAX_INT_DIGITS} digits allowed",
                    _line(event),
                ) from exc
        if tag == _TAG + "float":
            return _CONSTRUCTOR.construct_yaml_float(node)
        raise DocumentError(self.here(), f"unsupported YAML tag {tag!r}", _line(event))

    def alias(self, event: ev.AliasEvent) -> tuple[Any, int]:
        name = event.anchor
        if name in self.open:
            raise DocumentError(
                self.here(), f"the YAML alias *{name} refers to itself", _line(event)
            )
        if name not in self.anchors:
            raise DocumentError(self.here(), f"the YAML alias *{name} has no anchor", _line(event))
        value, size = self.anchors[name]
        self.budget -= size
        if self.budget < 0:
            raise DocumentError(
                self.here(),
                f"YAML aliases expand to more than {ALIAS_BUDGET} extra nodes (an alias bomb?)",
                _line(event),
            )
        return (copy_tree(value) if size > 1 else value), size

    def start(self, event: Any, is_map: bool) -> None:
        segment = ""
        if self.stack:
            top = self.stack[-1]
            if top.is_map:
                if top.key is _NO_KEY:
                    raise DocumentError(self.at(), "a mapping key must be a string", _line(event))
                segment = "<<" if top.key is _MERGE else top.key
            else:
                segment = str(len(top.container))
        if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            raise DocumentError(
                self.at(segment), f"unsupported YAML tag {event.tag!r}", _line(event)
            )
        if len(self.stack) >= MAX_DEPTH:
            raise DocumentError(
                self.at(segment), f"nested deeper than {MAX_DEPTH} levels", _line(event)
            )
        if event.anchor is not None:
            self.open.add(event.anchor)
        self.stack.append(_Frame({} if is_map else [], event.anchor, segment, _line(event)))

    def add(self, value: Any, size: int, event: Any, tree: LineTree | None) -> None:
        """Add a value to the collection being read; `tree` is the value's, if a collection."""
        top = self.stack[-1]
        top.size += size
        if not top.is_map:
            if tree is None:
                top.lines.append(event.start_mark.line + 1)
            else:
                top.below[len(top.container)] = tree
                top.lines.append(tree.line)
            top.container.append("<<" if value is _MERGE else value)
            return
        if top.key is _NO_KEY:
            top.key = self.key(value, event)
            top.key_line = _line(event)
            if top.key is _MERGE or type(event) is not ev.ScalarEvent:
                self.exact = False  # a merge or an alias as a key: the file has other keys
            return
        key, top.key = top.key, _NO_KEY
        container: dict[str, Any] = top.container
        if key is not _MERGE:
            top.lines[key] = top.key_line
            if tree is not None:
                top.below[key] = tree
        if key is _MERGE:
            self.merge(top, value, event)
        elif key in container and (top.merged is None or key not in top.merged):
            self.exact = False
            self.report(
                self.at(key),
                f"duplicate mapping key {key!r} (the last one is used)",
                top.key_line,
                True,
            )
            container[key] = value
        else:
            container[key] = "<<" if value is _MERGE else value

    def key(self, value: Any, event: Any) -> Any:
        if value is _MERGE or isinstance(value, str):
            return value
        if isinstance(value, dict | list):
            raise DocumentError(self.at(), "a mapping key must be a string", _line(event))
        text = event.value if isinstance(event, ev.ScalarEvent) else json.dumps(value)
        self.integer_keys.append((self.at(text), text, _line(event)))
        return text

    def merge(self, top: _Frame, value: Any, event: Any) -> None:
        for source in value if isinstance(value, list) else [value]:
            if not isinstance(source, dict):
                raise DocumentError(
                    self.at("<<"),
                    "a YAML merge (<<) needs a mapping or a list of them",
                    _line(event),
                )
            for key, item in source.items():
                if key not in top.container:
                    top.container[key] = item
                    top.merged = top.merged or set()
                    top.merged.add(key)

    def report_integer_keys(self) -> None:
        if not self.integer_keys:
            return
        at, text, line = self.integer_keys[0]
        more = len(self.integer_keys) - 1
        others = f" ({more} more key(s) like it in this file)" if more else ""
        self.report(
            at, f"mapping key {text} is not a string; read as {text!r}{others}", line, False
        )

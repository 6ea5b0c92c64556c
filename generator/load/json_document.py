"""Reads JSON text as untrusted input: `json` with duplicate keys, lone surrogates, over-long
integers and deep nesting reported, each problem with its JSON pointer and line."""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import pointer
from .document_error import DocumentError, Report
from .limits import MAX_DEPTH, MAX_INT_DIGITS
from .positions import OpenCollection

_ESCAPED_TROUBLE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')
_JSON_INT = re.compile(r"-?\d+")


def parse_json(text: str, *, report: Report) -> Any:
    """The JSON value `text` holds; DocumentError at the first problem that stops reading."""
    trouble = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal trouble
        value = dict(items)
        trouble = trouble or len(value) != len(items)
        return value

    try:
        value = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise DocumentError("", f"invalid JSON: {exc.msg}", exc.lineno) from exc
    except (ValueError, RecursionError):  # an integer over the digit limit, or deep nesting
        _JsonScan(text, report=report).run()
        raise DocumentError("", "invalid JSON") from None
    if trouble or _ESCAPED_TROUBLE.search(text) or _depth(value) > MAX_DEPTH:
        _JsonScan(text, report=report).run()
    return value


def _depth(value: Any) -> int:
    deepest = 0
    stack = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            node = node.values()
        elif not isinstance(node, list):
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node if isinstance(child, dict | list))
    return deepest


def json_lines(text: str) -> dict[str, int]:
    """Map JSON pointers to the 1-based lines where their values (or object keys) start."""
    lines: dict[str, int] = {}
    _JsonScan(text, lines=lines).run()
    return lines


class _JsonScan:
    """Walks JSON text token by token: lines of pointers, and problems with their line."""

    def __init__(
        self, text: str, *, report: Report | None = None, lines: dict[str, int] | None = None
    ) -> None:
        self.text = text
        self.report = report
        self.lines = lines

    def problem(self, at: str, message: str, line: int, recoverable: bool = False) -> None:
        if self.report is None:
            return
        if not recoverable:
            raise DocumentError(at, message, line)
        self.report(at, message, line, True)

    def run(self) -> None:
        stack: list[OpenCollection] = []
        line, last = 1, 0
        for match in _JSON_TOKEN.finditer(self.text):
            token = match.group()
            line += self.text.count("\n", last, match.start())
            last = match.start()
            if token in ",:":
                continue
            if token in "}]":
                if stack:
                    stack.pop()
                continue
            at = ""
            if stack:
                top = stack[-1]
                if top.is_map and top.key is None:  # a key
                    key = self.string(token, top.at, line)
                    at = top.at + pointer(key)
                    if key in top.keys:
                        self.problem(
                            at, f"duplicate key {key!r} (the last one is used)", line, True
                        )
                    top.keys.add(key)
                    top.key = key
                    if self.lines is not None:
                        self.lines[at] = line
                    continue
                at = top.value_pointer()
            if self.lines is not None:
                self.lines.setdefault(at, line)
            if token in "{[":
                if len(stack) >= MAX_DEPTH:
                    self.problem(at, f"nested deeper than {MAX_DEPTH} levels", line)
                stack.append(OpenCollection(at, is_map=token == "{"))
            elif token.startswith('"'):
                self.string(token, at, line)
            elif _JSON_INT.fullmatch(token) and len(token.lstrip("-")) > MAX_INT_DIGITS:
                self.problem(
                    at,
                    f"an integer of {len(token)} characters is longer than the {MAX_INT_DIGITS} digits allowed",
                    line,
                )

    def string(self, token: str, at: str, line: int) -> str:
        try:
            value = json.loads(token) if "\\" in token else token[1:-1]
        except ValueError:
            return token[1:-1]
        if not isinstance(value, str):
            return token
        if "\x00" in value:
            self.problem(at, "a string contains a NUL character", line, recoverable=True)
        if _LONE_SURROGATE.search(value):
            self.problem(at, "a string contains a lone surrogate (not Unicode text)", line)
        return value

"""How one spec file is read, by its syntax: YAML, JSON or text (a `$ref`'d description)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .document_error import DocumentError, Report
from .json_document import json_lines, parse_json
from .yaml_document import LineTree, build_yaml
from .yaml_lines import yaml_lines

_TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html"})


def syntax(path: Path) -> str:
    """How a file is read: "json", "text" (Markdown and plain text, for a `$ref`'d description)
    or "yaml" (anything else: YAML also reads JSON)."""
    suffix = path.suffix.lower()
    return "json" if suffix == ".json" else "text" if suffix in _TEXT_SUFFIXES else "yaml"


def parse(source: bytes, *, syntax: str, report: Report) -> tuple[Any, LineTree | None]:
    """The JSON value a YAML or JSON file holds (a text file: its text), with the lines of its
    nodes when reading it recorded them; DocumentError if it cannot be read."""
    text = _text(source)
    if syntax == "yaml":
        return build_yaml(source, report=report)
    if syntax == "text":
        return text, None
    return parse_json(text, report=report), None


def line_map(
    source: bytes, *, syntax: str = "yaml", wanted: Iterable[str] | None = None
) -> dict[str, int]:
    """Map JSON pointers to the 1-based lines where their values (or mapping keys) start; given
    `wanted`, at least those pointers and the nodes above them."""
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}
    if syntax == "text":
        return {}
    if syntax == "json":
        return json_lines(text)
    return yaml_lines(source, wanted)


def _text(source: bytes) -> str:
    try:
        text = source.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = source.count(b"\n", 0, exc.start) + 1
        raise DocumentError("", "the file is not UTF-8 text (an invalid byte)", line) from exc
    nul = text.find("\x00")
    if nul >= 0:
        raise DocumentError("", "the file contains a NUL byte", text.count("\n", 0, nul) + 1)
    return text

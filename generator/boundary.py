"""The one way a value from a spec reaches a generated file.

A template may only write `Code` (Python source built here or by the naming code), an
`Identifier` (checked on construction), a `PyType` (renders itself from identifiers and literals)
into Python files, and `Markdown` into Markdown files. The template environment refuses anything
else, so a plain string from a spec cannot be interpolated by accident.
"""

from __future__ import annotations

import keyword
import math
import re
import unicodedata
from dataclasses import MISSING, fields, is_dataclass
from decimal import Decimal
from typing import Any

import jinja2

_ASCII_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Every character that ends a line for Python, str.splitlines or a Markdown renderer.
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Characters that can start markup; an underscore inside a word (`get_order`) cannot.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]{}<>#|!~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")


class BoundaryError(Exception):
    """A template tried to write a value that did not pass through this module."""


class Code(str):
    """A fragment of Python source that is safe to write as it is."""

    __slots__ = ()


class Identifier(Code):
    """A Python identifier: ASCII, not a keyword; only the naming code should make these."""

    __slots__ = ()

    def __new__(cls, name: str) -> Identifier:
        if not _ASCII_IDENTIFIER.fullmatch(name) or keyword.iskeyword(name):
            raise BoundaryError(f"{name!r} is not a safe Python identifier")
        return super().__new__(cls, name)


class Renders:
    """A value built of checked parts that renders itself as code (the IR's types)."""

    def render(self) -> Code:
        """The value as Python source."""
        raise NotImplementedError


class Markdown(str):
    """Markdown text that renders as the characters it holds: no markup, no HTML."""

    __slots__ = ()


def literal(value: Any) -> Code:
    """A Python literal that evaluates to `value` (str, int, float, bool, None, and containers)."""
    if value is None or isinstance(value, (bool, int)):
        return Code(repr(value))
    if isinstance(value, str):
        return Code(_string_literal(value))
    if isinstance(value, float):
        return Code(repr(value) if math.isfinite(value) else f'float("{value}")')
    if isinstance(value, Decimal):
        return Code(f'Decimal("{value}")')
    if isinstance(value, tuple):
        inner = ", ".join(literal(v) for v in value)
        return Code(f"({inner},)" if len(value) == 1 else f"({inner})")
    if isinstance(value, list):
        return Code("[" + ", ".join(literal(v) for v in value) + "]")
    if isinstance(value, (set, frozenset)):
        items = sorted(value, key=repr)
        return Code(
            "frozenset({" + ", ".join(literal(v) for v in items) + "})" if items else "frozenset()"
        )
    if isinstance(value, dict):
        return Code("{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}")
    raise BoundaryError(f"no literal for a {type(value).__name__}")


def _string_literal(text: str) -> str:
    # repr escapes backslashes, control characters and lone surrogates. Double quotes are what
    # ruff would choose; in a single-quoted repr every `'` is escaped and no `"` is.
    single = repr(text)
    if single.startswith('"'):
        return single
    return '"' + single[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'


def constructor(obj: Any, *, name: str | None = None) -> Code:
    """`Class(field=literal, ...)` for a dataclass, leaving out fields equal to their default."""
    if not is_dataclass(obj) or isinstance(obj, type):
        raise BoundaryError(f"{obj!r} is not a dataclass instance")
    arguments = []
    for f in fields(obj):
        if not f.init or f.metadata.get("render") is False:
            continue
        value = getattr(obj, f.name)
        if f.default is not MISSING and value == f.default:
            continue
        arguments.append(f"{f.name}={_expression(value)}")
    return Code(f"{name or type(obj).__name__}({', '.join(arguments)})")


def _expression(value: Any) -> Code:
    """A field's value: code as it is, a dataclass as its constructor, a tuple item by item, and
    anything else as a literal (an Identifier is a value here)."""
    if type(value) is Code:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return constructor(value)
    if isinstance(value, tuple) and any(is_dataclass(v) for v in value):
        inner = ", ".join(_expression(v) for v in value)
        return Code(f"({inner},)" if len(value) == 1 else f"({inner})")
    return literal(value)


def inert_text(text: str) -> str:
    """Text with no control characters, lone surrogates or odd line breaks; lines end in \\n."""
    text = unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text))
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text).replace("\t", "    "))


def docstring_line(text: str) -> Code:
    """One line of docstring text that cannot close or escape the docstring around it."""
    line = inert_text(text).replace("\n", " ").replace("\\", "\\\\").rstrip()
    # A quote next to another quote, or last on the line (before a closing \"\"\"), is escaped:
    # no run of three can form.
    return Code(re.sub(r'"(?="|$)', r'\\"', line))


def markdown(text: str, *, inline: bool = True) -> Markdown:
    """Text for a Markdown file that shows exactly these characters (inline: on one line)."""
    clean = inert_text(text).replace("&", "&amp;")
    clean = _MARKDOWN_SPECIAL.sub(r"\\\1", clean)
    if inline:
        clean = " ".join(clean.split())
    else:
        clean = "\n".join(line.rstrip() for line in clean.splitlines()).strip()
        clean = re.sub(r"^(\s*)([-+]|\d+[.)])(\s)", r"\1\\\2\3", clean, flags=re.MULTILINE)
    return Markdown(clean)


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


def markdown_code(code: str, language: str = "python") -> Markdown:
    """A fenced code block whose fence no backtick run inside can close."""
    fence = "`" * max(3, _longest_backtick_run(code) + 1)
    return Markdown(f"{fence}{language}\n{inert_text(code).rstrip()}\n{fence}")


def markdown_code_span(code: str) -> Markdown:
    """Inline code (`like this`) whose delimiters no backtick run inside can close."""
    text = " ".join(inert_text(code).split())
    ticks = "`" * (_longest_backtick_run(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markdown(f"{ticks}{pad}{text}{pad}{ticks}")


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> str:
    markdown_file = (context.name or "").endswith(".md.jinja")
    if isinstance(value, Renders) and not markdown_file:
        return value.render()
    if isinstance(value, Markdown if markdown_file else Code):
        return value
    raise BoundaryError(
        f"template {context.name} writes a {type(value).__name__} ({str(value)[:60]!r}) "
        f"that did not pass through a rendering filter"
    )


def environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """A template environment that writes only values made safe by this module."""
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_finalize,
    )
    env.filters.update(
        literal=literal,
        constructor=constructor,
        docstring_line=docstring_line,
        markdown=markdown,
        markdown_code=markdown_code,
        markdown_code_span=markdown_code_span,
    )
    return env

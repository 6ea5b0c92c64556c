"""The classes of a models module: what each defines, and renaming classes throughout it.

A class datamodel-code-generator makes of a part of a model's schema (`...Item`, `Meta1`) is
named by it alone; where the previous generation named the class of that part otherwise, the
class is renamed back, where it is defined and wherever it is used.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator, Mapping


def defined(tree: ast.Module) -> tuple[frozenset[str], frozenset[str]]:
    """The classes a module defines, and those of them that are more than an empty body."""
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    return (
        frozenset(node.name for node in classes),
        frozenset(node.name for node in classes if _has_fields(node)),
    )


def free_class_name(name: str, taken: set[str] | frozenset[str]) -> str:
    """`name` with its number replaced by the first one (from 1) no class in `taken` has."""
    base = name.rstrip("0123456789") or name
    number = 1
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def _has_fields(node: ast.ClassDef) -> bool:
    """Whether a class is more than an empty body (`pass`, a docstring, a model_config)."""
    return bool(node.bases and not _is_model_base(node)) or any(
        isinstance(item, ast.AnnAssign) for item in node.body
    )


def _is_model_base(node: ast.ClassDef) -> bool:
    return all(isinstance(b, ast.Name) and b.id == "Model" for b in node.bases)


def _references(tree: ast.AST, lines: list[str]) -> Iterator[tuple[str, int, int, int]]:
    """Each name used in `tree`, with its line (from 0) and start and end byte in that line:
    names in the code, and in the strings of forward references (`Optional["Node"]`)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            assert node.end_col_offset is not None
            yield node.id, node.lineno - 1, node.col_offset, node.end_col_offset
        elif isinstance(node, ast.AnnAssign):
            yield from _forward_references(node.annotation, lines)
        elif isinstance(node, ast.ClassDef):
            for base in node.bases:
                yield from _forward_references(base, lines)
        stack.extend(ast.iter_child_nodes(node))


def _forward_references(
    annotation: ast.expr, lines: list[str]
) -> Iterator[tuple[str, int, int, int]]:
    """The names inside the strings of an annotation, outside calls (`Field(...)`'s texts)."""
    stack: list[ast.AST] = [annotation]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Call):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            line = lines[node.lineno - 1].encode()
            literal = line[node.col_offset : node.end_col_offset]
            if node.end_lineno != node.lineno or literal[1:-1] != node.value.encode():
                continue  # not a plain one-line string: no forward reference
            try:
                inner = ast.parse(node.value, mode="eval")
            except SyntaxError:
                continue
            for name in ast.walk(inner):
                if isinstance(name, ast.Name):
                    assert name.end_col_offset is not None
                    start = node.col_offset + 1
                    yield (
                        name.id,
                        node.lineno - 1,
                        start + name.col_offset,
                        start + name.end_col_offset,
                    )
        stack.extend(ast.iter_child_nodes(node))


@functools.lru_cache(maxsize=8)
def _pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names)) + r")\b")


def _mentions(rename: Mapping[str, str]) -> re.Pattern[str]:
    """A pattern that finds any of the names `rename` renames."""
    return _pattern(frozenset(rename))


def renamed(text: str, rename: Mapping[str, str]) -> str:
    """Python source with each class of `rename` renamed where it is defined and wherever it is
    used (forward references in strings included; texts inside calls such as `Field(...)` are
    left as they are)."""
    if not rename or not _mentions(rename).search(text):
        return text
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    edits = [
        (row, start, end, rename[name])
        for name, row, start, end in _references(tree, lines)
        if name in rename
    ]
    raw = [line.encode() for line in lines]
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name in rename:
            match = re.search(
                rb"\bclass\s+(" + re.escape(node.name.encode()) + rb")\b", raw[node.lineno - 1]
            )
            assert match is not None
            edits.append((node.lineno - 1, match.start(1), match.end(1), rename[node.name]))
    for row, start, end, new in sorted(edits, reverse=True):
        raw[row] = raw[row][:start] + new.encode() + raw[row][end:]
    return b"".join(raw).decode()

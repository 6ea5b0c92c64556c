"""The models' schemas split into parts that refer to nothing outside themselves, and the models
modules made of each part joined into one.

datamodel-code-generator takes a few milliseconds per schema, seconds on a spec of a thousand,
all on one core. Schemas that never refer to each other (directly or through others) can be made
into classes by separate runs, one per core. The runs name their classes on their own, so where
two runs made a class of the same name, the join gives one of them a new name throughout its
part: a class made from a component of that name keeps it, else the earlier part's.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_PREFIX = "#/components/schemas/"
SPLIT_AT = 300
"""The fewest schemas worth a second run: below it, starting one costs more than it saves."""


@dataclass(frozen=True)
class ModelsModule:
    """A models module's source and the classes made from each schema, by `#/components/...` ref."""

    source: str
    produced: dict[str, list[str]]


def partition(schemas: dict[str, Any], *, parts: int) -> list[list[str]]:
    """`schemas`' names in at most `parts` groups of about equal size, none referring to a
    schema of another; one group when the schemas are few or cannot be split that way."""
    names = sorted(schemas)
    if parts < 2 or len(names) < SPLIT_AT:
        return [names]
    groups = _connected(schemas)
    if groups is None:
        return [names]
    weight = {n: len(json.dumps(schemas[n], sort_keys=True, default=str)) for n in names}
    sized = sorted(groups, key=lambda g: (-sum(weight[n] for n in g), g[0]))
    bins: list[list[str]] = [[] for _ in range(parts)]
    loads = [0] * parts
    for group in sized:
        lightest = loads.index(min(loads))
        bins[lightest].extend(group)
        loads[lightest] += sum(weight[n] for n in group)
    if max(loads) > 0.75 * sum(loads):  # one group dominates: a split gains little
        return [names]
    return [sorted(b) for b in bins if b]


def _connected(schemas: dict[str, Any]) -> list[list[str]] | None:
    """The groups of schemas joined by references (either way); None if one refers elsewhere."""
    parent = {n: n for n in schemas}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for name, schema in schemas.items():
        for ref in _refs(schema):
            target = ref[len(_PREFIX) :].split("/", 1)[0] if ref.startswith(_PREFIX) else None
            if target is None or target not in parent:
                return None
            parent[root(name)] = root(target)
    groups: dict[str, list[str]] = {}
    for name in sorted(schemas):
        groups.setdefault(root(name), []).append(name)
    return list(groups.values())


def _refs(node: Any) -> Iterator[str]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def join(modules: list[ModelsModule]) -> ModelsModule:
    """One module of the classes of `modules` (made from schemas with no reference between
    them): the first one's header, every import, each part's classes in its own order.

    A class that two runs made alike, to the names it refers to, is kept once, as one run
    would have made it.
    """
    if len(modules) == 1:
        return modules[0]
    trees = [ast.parse(m.source) for m in modules]
    renames, dropped = _renames(modules, trees)
    header: list[str] = []
    imports: dict[str, set[str]] = {}
    bodies: list[str] = []
    for index, (module, tree) in enumerate(zip(modules, trees, strict=True)):
        rename = renames[index]
        source = _renamed(module.source, tree, rename) if rename else module.source
        tree = ast.parse(source) if rename else tree
        lines = source.splitlines(keepends=True)
        for number, node in enumerate(tree.body):
            if isinstance(node, ast.ImportFrom) and not node.level:
                imports.setdefault(node.module or "", set()).update(
                    a.name if a.asname is None else f"{a.name} as {a.asname}" for a in node.names
                )
            elif number == 0 and _is_docstring(node):
                header = header or lines[: node.end_lineno]
            elif not (isinstance(node, ast.ClassDef) and node.name in dropped[index]):
                bodies.append("".join(lines[node.lineno - 1 : node.end_lineno]).rstrip("\n"))
    import_lines = [
        f"from {module} import {', '.join(sorted(names))}\n" for module, names in imports.items()
    ]
    source = "".join(header) + "\n" + "".join(import_lines) + "\n\n" + "\n\n\n".join(bodies)
    produced: dict[str, list[str]] = {}
    for module, rename in zip(modules, renames, strict=True):
        for ref, made in module.produced.items():
            produced.setdefault(ref, []).extend(rename.get(c, c) for c in made)
    return ModelsModule(source + "\n", produced)


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _renames(
    modules: list[ModelsModule], trees: list[ast.Module]
) -> tuple[list[dict[str, str]], list[set[str]]]:
    """Per module, its classes that need another name (a name another module gave a class too,
    or one that another module imports), and those it drops as made alike by an earlier one."""
    imported = [
        {a.asname or a.name for n in t.body if isinstance(n, ast.ImportFrom) for a in n.names}
        for t in trees
    ]
    reserved = set().union(*imported)
    classes = [_class_sources(m.source, t) for m, t in zip(modules, trees, strict=True)]
    component = [  # the classes made from a whole component schema
        {
            c
            for ref, made in m.produced.items()
            if ref.startswith(_PREFIX) and "/" not in ref[len(_PREFIX) :]
            for c in made
        }
        for m in modules
    ]
    owner: dict[str, int] = {}
    for index, names in enumerate(classes):
        for name in names:
            if name in reserved and name not in imported[index]:
                continue  # it would hide another module's import: always renamed
            if name not in owner or (
                name in component[index] and name not in component[owner[name]]
            ):
                owner[name] = index
    # Made alike: the same text, referring only to classes that are kept once too.
    alike = {
        (index, name)
        for index, names in enumerate(classes)
        for name, text in names.items()
        if name in owner and owner[name] != index and classes[owner[name]][name] == text
    }
    while True:
        broken = {
            (index, name)
            for index, name in alike
            if any(
                used != name and (index, used) not in alike
                for used in _names(classes[index][name])
                if used in classes[index]
            )
        }
        if not broken:
            break
        alike -= broken
    taken = reserved | {n for names in classes for n in names}
    renames: list[dict[str, str]] = []
    dropped: list[set[str]] = []
    for index, names in enumerate(classes):
        rename: dict[str, str] = {}
        for name in names:
            if owner.get(name) == index or (index, name) in alike:
                continue
            base = name.rstrip("0123456789") or name
            number = 1
            while f"{base}{number}" in taken:
                number += 1
            rename[name] = f"{base}{number}"
            taken.add(rename[name])
        renames.append(rename)
        dropped.append({name for i, name in alike if i == index})
    return renames, dropped


def _class_sources(source: str, tree: ast.Module) -> dict[str, str]:
    """Each top-level class's source, by name."""
    lines = source.splitlines(keepends=True)
    return {
        node.name: "".join(lines[node.lineno - 1 : node.end_lineno])
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def _names(text: str) -> set[str]:
    """The names a class's source refers to."""
    return {n.id for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Name)}


def _renamed(source: str, tree: ast.Module, rename: dict[str, str]) -> str:
    """`source` with each class of `rename` renamed where it is defined and wherever it is used."""
    lines = [line.encode() for line in source.splitlines(keepends=True)]
    edits: list[tuple[int, int, int, str]] = []  # line, start byte, end byte, new name
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in rename and isinstance(node.ctx, ast.Load):
            assert node.end_col_offset is not None
            edits.append((node.lineno - 1, node.col_offset, node.end_col_offset, rename[node.id]))
        elif isinstance(node, ast.ClassDef) and node.name in rename:
            line = lines[node.lineno - 1]
            match = re.search(rb"\bclass\s+(" + re.escape(node.name.encode()) + rb")\b", line)
            assert match is not None
            edits.append((node.lineno - 1, match.start(1), match.end(1), rename[node.name]))
    for row, start, end, new in sorted(edits, reverse=True):
        lines[row] = lines[row][:start] + new.encode() + lines[row][end:]
    return b"".join(lines).decode()

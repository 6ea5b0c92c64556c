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
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

_PREFIX = "#/components/schemas/"
SPLIT_AT = 300
"""The fewest schemas worth a second run: below it, starting one costs more than it saves."""


@dataclass(frozen=True)
class ModelsModule:
    """A models module's source and the classes made from each schema, by `#/components/...` ref."""

    source: str
    produced: dict[str, list[str]]
    classes: frozenset[str] = frozenset()
    """The classes it defines (once read)."""
    fielded: frozenset[str] = frozenset()
    """Those of its classes that are more than an empty body."""


def partition(schemas: dict[str, Any], *, parts: int) -> list[list[str]]:
    """`schemas`' names in at most `parts` groups of about equal size, none referring to a
    schema of another; one group when the schemas are few or cannot be split that way."""
    names = sorted(schemas)
    if parts < 2 or len(names) < SPLIT_AT:
        return [names]
    groups = _connected(schemas)
    if groups is None:
        return [names]
    weighed = [
        (sum(len(json.dumps(schemas[n], sort_keys=True, default=str)) for n in g), g)
        for g in groups
    ]
    bins: list[list[str]] = [[] for _ in range(parts)]
    loads = [0] * parts
    for weight, group in sorted(weighed, key=lambda item: (-item[0], item[1][0])):
        lightest = loads.index(min(loads))
        bins[lightest].extend(group)
        loads[lightest] += weight
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


@dataclass(frozen=True)
class Outline:
    """What joining needs of a models module: its parts as source text, read once."""

    module: ModelsModule
    header: str
    """The module's docstring line(s)."""
    imports: dict[str, frozenset[str]]
    """Names imported from each module (`name` or `name as alias`)."""
    statements: tuple[tuple[str | None, str], ...]
    """Everything after the imports, in order: each class (its name) or other statement (None)."""

    @property
    def bound(self) -> set[str]:
        """The names its imports bind."""
        return {n.rsplit(" as ", 1)[-1] for names in self.imports.values() for n in names}

    @property
    def classes(self) -> dict[str, str]:
        return {name: text for name, text in self.statements if name is not None}


def outline(module: ModelsModule, tree: ast.Module) -> Outline:
    """`module` (parsed into `tree`) read into its header, imports and top-level statements."""
    lines = module.source.splitlines(keepends=True)
    header = ""
    imports: dict[str, set[str]] = {}
    statements: list[tuple[str | None, str]] = []
    for number, node in enumerate(tree.body):
        text = "".join(lines[node.lineno - 1 : node.end_lineno])
        if isinstance(node, ast.ImportFrom) and not node.level:
            imports.setdefault(node.module or "", set()).update(
                a.name if a.asname is None else f"{a.name} as {a.asname}" for a in node.names
            )
        elif number == 0 and _is_docstring(node):
            header = text
        else:
            statements.append((node.name if isinstance(node, ast.ClassDef) else None, text))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    module = replace(
        module,
        classes=frozenset(node.name for node in classes),
        fielded=frozenset(node.name for node in classes if _has_fields(node)),
    )
    return Outline(
        module,
        header,
        {m: frozenset(names) for m, names in imports.items()},
        tuple(statements),
    )


def join(parts: list[Outline]) -> ModelsModule:
    """One module of the classes of `parts` (made from schemas with no reference between
    them): the first one's header, every import, each part's classes in its own order.

    A class that two runs made alike, to the names it refers to, is kept once, as one run
    would have made it.
    """
    if len(parts) == 1:
        return parts[0].module
    renames, dropped = _renames(parts)
    classes: set[str] = set()
    fielded: set[str] = set()
    for part, rename, drop in zip(parts, renames, dropped, strict=True):
        classes.update(rename.get(c, c) for c in part.module.classes - drop)
        fielded.update(rename.get(c, c) for c in part.module.fielded - drop)
    imports: dict[str, set[str]] = {}
    bodies: list[str] = []
    for part, rename, drop in zip(parts, renames, dropped, strict=True):
        for module, names in part.imports.items():
            imports.setdefault(module, set()).update(names)
        for name, text in part.statements:
            if name is None or name not in drop:
                bodies.append(_renamed(text, rename).rstrip("\n"))
    import_lines = [
        f"from {module} import {', '.join(sorted(names))}\n" for module, names in imports.items()
    ]
    source = parts[0].header + "\n" + "".join(import_lines) + "\n\n" + "\n\n\n".join(bodies)
    produced: dict[str, list[str]] = {}
    for part, rename in zip(parts, renames, strict=True):
        for ref, made in part.module.produced.items():
            produced.setdefault(ref, []).extend(rename.get(c, c) for c in made)
    return ModelsModule(source + "\n", produced, frozenset(classes), frozenset(fielded))


def _has_fields(node: ast.ClassDef) -> bool:
    """Whether a class is more than an empty body (`pass`, a docstring, a model_config)."""
    return bool(node.bases and not _is_model_base(node)) or any(
        isinstance(item, ast.AnnAssign) for item in node.body
    )


def _is_model_base(node: ast.ClassDef) -> bool:
    return all(isinstance(b, ast.Name) and b.id == "Model" for b in node.bases)


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _renames(parts: list[Outline]) -> tuple[list[dict[str, str]], list[set[str]]]:
    """Per part, its classes that need another name (a name another part gave a class too,
    or one that another part imports), and those it drops as made alike by an earlier one."""
    imported = [part.bound for part in parts]
    reserved = set().union(*imported)
    classes = [part.classes for part in parts]
    component = [  # the classes made from a whole component schema
        {
            c
            for ref, made in part.module.produced.items()
            if ref.startswith(_PREFIX) and "/" not in ref[len(_PREFIX) :]
            for c in made
        }
        for part in parts
    ]
    owner: dict[str, int] = {}
    for index, names in enumerate(classes):
        for name in names:
            if name in reserved and name not in imported[index]:
                continue  # it would hide another part's import: always renamed
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
    uses = {key: _names(classes[key[0]][key[1]]) for key in alike}
    while True:
        broken = {
            (index, name)
            for index, name in alike
            if any(
                used != name and used in classes[index] and (index, used) not in alike
                for used in uses[(index, name)]
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


def _names(text: str) -> set[str]:
    """The names a statement's source refers to (forward references in strings included)."""
    return {name for name, *_ in _references(ast.parse(text), text.splitlines(keepends=True))}


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


def _mentions(rename: dict[str, str]) -> re.Pattern[str]:
    """A pattern that finds any of the names `rename` renames."""
    return _pattern(frozenset(rename))


def _renamed(text: str, rename: dict[str, str]) -> str:
    """A top-level statement's source with each class of `rename` renamed where it is defined
    and wherever it is used."""
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

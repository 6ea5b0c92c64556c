"""Bundles every file a spec's `$ref`s name into its root document.

Bundling knows no OpenAPI version: a target another file holds is placed once in the root
document, at the home of its kind (`components/<kind>/` when the root is OpenAPI 3, the
`definitions`-style maps when it is Swagger 2.0), or inlined where no home exists; every other
reference to it then points at that one place, which is also what makes recursion across files
work. Each placed tree remembers the file and pointer it came from, so problems found later in
the bundled document are reported in the file that holds them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from ..errors import Diagnostics, pointer
from .document_error import DocumentError
from .files import confined, read_bounded, refusal
from .kinds import homes_of, is_data, kind_of
from .limits import MAX_DEPTH, MAX_REF_CHAIN
from .syntax import parse, syntax
from .tree import copy_tree, normal_fragment, resolve_or_none, resolve_pointer, segments

if TYPE_CHECKING:
    from .loaded import LoadedSpec

_SAME = object()  # walking a node leaves it where it is
_DONE = object()  # ... and has walked its keys already
_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class _Visit:
    """A tree to walk: where it sits in the bundled document and where it came from."""

    node: Any
    file: Path
    source: list[str]  # segments of its pointer inside `file`
    target: list[str]  # segments of its pointer in the bundled document
    kind: str | None = None  # what it was placed as, for a `$ref` at its top
    chain: frozenset[tuple[Path, str]] = frozenset()  # targets inlined around it


class Bundler:
    """Rewrites references to other files into references inside the root document."""

    def __init__(
        self, spec: LoadedSpec, *, diagnostics: Diagnostics, real: Path, root: Path
    ) -> None:
        self.spec = spec
        self.diagnostics = diagnostics
        self.real = real
        self.root = root
        self.shown: dict[Path, Path] = {real: spec.path}  # real path -> path as reported
        self.documents: dict[Path, Any] = {}
        self.homes: dict[tuple[Path, str], str] = {}  # (file, pointer) -> pointer in the bundle
        self.queue: list[_Visit] = []
        self.local: list[tuple[str, str]] = []  # (pointer of a $ref, its target) in the bundle
        self.homes_of: dict[str, tuple[str, ...]] = {}
        self.unreadable: set[Path] = set()
        self.too_deep = False
        self.placed: set[int] = set()  # trees placed at a home, walked as visits of their own

    # -- files ---------------------------------------------------------------------------------

    def parse(self, real: Path, source: bytes) -> Any:
        """The document in `real`; None after reporting why it cannot be read."""
        shown = self.shown[real]

        def report(at: str, message: str, line: int | None, recoverable: bool) -> None:
            if recoverable:
                self.diagnostics.skippable(at, message, file=shown, line=line)
            else:
                self.diagnostics.warning(at, message, file=shown, line=line)

        try:
            document, lines = parse(source, syntax=syntax(real), report=report)
        except DocumentError as exc:
            self.diagnostics.error(exc.at, exc.message, file=shown, line=exc.line)
            document, lines = None, None
        self.documents[real] = document
        self.spec.sources[shown] = source
        if lines is not None:
            self.spec.line_trees[shown] = lines
        return document

    def document(self, real: Path) -> Any:
        if real in self.documents:
            return self.documents[real]
        shown = self.spec.path.parent / os.path.relpath(real, self.real.parent)
        self.shown[real] = shown
        self.spec.extra_files.append(real)
        source = read_bounded(real)
        if source is None:
            self.documents[real] = None
            self.unreadable.add(real)
            return None
        return self.parse(real, source)

    # -- walking -------------------------------------------------------------------------------

    def run(self) -> None:
        document = self.spec.document
        self.homes_of = homes_of(document)
        self.claim_root_homes(document)
        self.queue.append(_Visit(document, self.real, [], []))
        while self.queue:
            visit = self.queue.pop()
            self.walk(visit.node, visit, visit.source, visit.target, visit.kind)
        self.check_chains()

    def claim_root_homes(self, document: dict[str, Any]) -> None:
        """A root entry like `components/schemas/Pet: {$ref: pet.yaml}` is that target's home."""
        for container in self.homes_of.values():
            entries = resolve_or_none(document, pointer(*container))
            if not isinstance(entries, dict):
                continue
            for name, entry in entries.items():
                ref = entry.get("$ref") if isinstance(entry, dict) else None
                if not isinstance(ref, str) or ref.startswith("#") or _REMOTE.match(ref):
                    continue
                file_part, _, fragment = ref.partition("#")
                real = self.confine(self.real, file_part)
                if real is not None:
                    self.homes.setdefault(
                        (real, normal_fragment(fragment)), pointer(*container, name)
                    )

    def walk(
        self, node: Any, visit: _Visit, source: list[str], target: list[str], kind: str | None
    ) -> Any:
        """Walk `node`; what should stand in its place if not itself (_SAME)."""
        if len(target) > MAX_DEPTH:
            if not self.too_deep:  # once: every sibling at this depth would say the same
                self.too_deep = True
                self.diagnostics.error(
                    pointer(*source),
                    f"nested deeper than {MAX_DEPTH} levels once its references are followed",
                    file=self.shown[visit.file],
                )
            return _SAME
        items: list[tuple[Any, Any]]
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                outcome = self.reference(node, ref, visit, source, target, kind)
                if outcome is not _SAME:
                    return outcome
            items = list(node.items())
        elif isinstance(node, list):
            items = list(enumerate(node))
        else:
            return _SAME
        self.walk_children(node, items, visit, source, target, placed=self.placed)
        return _SAME

    def walk_children(
        self,
        node: Any,
        items: list[tuple[Any, Any]],
        visit: _Visit,
        source: list[str],
        target: list[str],
        *,
        placed: Container[int],
    ) -> None:
        """Walk each collection among `items` (the keys and values of `node`), except data, a
        `$ref` and a tree in `placed` (walked as a visit of its own); put what replaces one in
        `node`."""
        for key, value in items:
            if (
                isinstance(value, dict | list)
                and key != "$ref"
                and not is_data(source, key, value)
                and id(value) not in placed
            ):
                segment = str(key)
                source.append(segment)
                target.append(segment)
                replacement = self.walk(value, visit, source, target, None)
                if replacement is not _SAME and replacement is not _DONE:
                    node[key] = replacement
                source.pop()
                target.pop()

    def reference(
        self,
        node: dict[str, Any],
        ref: str,
        visit: _Visit,
        source: list[str],
        target: list[str],
        kind: str | None,
    ) -> Any:
        """Point `node`'s `$ref` inside the bundle: _SAME (walk its other keys), _DONE (walked) or
        the value to put in its place."""
        file, shown = visit.file, self.shown[visit.file]
        at = pointer(*source, "$ref")
        if _REMOTE.match(ref):
            self.diagnostics.error(
                at,
                f"remote $ref {ref!r} is not supported (only files next to the spec)",
                file=shown,
            )
            return _SAME
        file_part, _, fragment = ref.partition("#")
        fragment = normal_fragment(fragment)
        real = self.confine(file, file_part) if file_part else file
        if real is None:
            self.diagnostics.error(at, f"$ref {ref!r}: {refusal(unquote(file_part))}", file=shown)
            return _SAME
        document = self.document(real)
        if document is None:
            if real in self.unreadable:  # (a file that does not parse is reported by itself)
                self.diagnostics.error(
                    at, f"$ref {ref!r}: {refusal(unquote(file_part))}", file=shown
                )
            return _SAME
        try:
            found = resolve_pointer(document, fragment)
        except KeyError:
            self.diagnostics.error(
                at,
                f"$ref {ref!r} does not resolve: no {fragment or '/'!r} in {real.name}",
                file=shown,
            )
            return _SAME
        here = pointer(*target)
        if real == self.real:
            node["$ref"] = "#" + fragment
            self.local.append((here, fragment))
            return _SAME
        key = (real, fragment)
        if not isinstance(found, dict):
            return self.inline_value(found, visit, source, ref)
        home = self.homes.get(key)
        if home is None:
            home = self.place(key, found, kind_of(fragment, source, kind))
        if home == here:  # this root entry is the home: the content goes here
            return self.inline(node, found, key, visit, source, target, kind)
        if home is not None:
            node["$ref"] = "#" + home
            self.local.append((here, home))
            return _SAME
        return self.inline(node, found, key, visit, source, target, kind)

    def place(self, key: tuple[Path, str], found: dict[str, Any], kind: str | None) -> str | None:
        """Copy a target into the root at the home of its kind; its pointer, or None if no home."""
        container_path = self.homes_of.get(kind or "")
        if container_path is None:
            return None
        container: Any = self.spec.document
        for part in container_path:
            if not isinstance(container, dict):
                return None
            container = container.setdefault(part, {})
        if not isinstance(container, dict):
            return None
        real, fragment = key
        parts = [p for p in fragment.split("/") if p]
        base = _name(parts[-1] if parts else real.stem)
        name, n = base, 1
        while name in container:
            n += 1
            name = f"{base}{n}"
        home = pointer(*container_path, name)
        self.homes[key] = home
        copied = copy_tree(found)
        container[name] = copied
        self.placed.add(id(copied))
        self.spec.origins[home] = (self.shown[real], fragment)
        self.queue.append(_Visit(copied, real, segments(fragment), [*container_path, name], kind))
        return home

    def inline(
        self,
        node: dict[str, Any],
        found: dict[str, Any],
        key: tuple[Path, str],
        visit: _Visit,
        source: list[str],
        target: list[str],
        kind: str | None,
    ) -> Any:
        """Put a copy of the target in place of the reference; the reference's siblings win."""
        real, fragment = key
        if key in visit.chain or len(visit.chain) >= MAX_REF_CHAIN:
            self.diagnostics.error(
                pointer(*source, "$ref"),
                f"$ref {node['$ref']!r} is circular: it leads back to itself with no place to "
                f"break the cycle (a schema, parameter or response can refer to itself)",
                file=self.shown[visit.file],
            )
            return _DONE
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        self.walk_children(siblings, list(siblings.items()), visit, source, target, placed=())
        copied = copy_tree(found)
        node.clear()
        node.update(copied)
        self.spec.origins[pointer(*target)] = (self.shown[real], fragment)
        inner = _Visit(node, real, segments(fragment), list(target), kind, visit.chain | {key})
        for name in siblings:
            node.pop(name, None)
        replacement = self.walk(node, inner, inner.source, inner.target, kind)
        node.update(siblings)
        return _DONE if replacement is _SAME else replacement

    def inline_value(self, found: Any, visit: _Visit, source: list[str], ref: str) -> Any:
        """A `$ref` to a string, number or list stands where no Reference Object is allowed."""
        shown = self.shown[visit.file]
        at = pointer(*source, "$ref")
        self.diagnostics.skippable(
            at, f"$ref {ref!r} points at a {type(found).__name__}, not an object", file=shown
        )
        return copy_tree(found) if self.diagnostics.lenient else _SAME

    def check_chains(self) -> None:
        """Refuse references that only lead to other references, in a cycle or a runaway chain."""
        document = self.spec.document
        settled: set[str] = set()
        for here, first in self.local:
            chain = [here]
            current = first
            while current not in settled:
                node = resolve_or_none(document, current)
                ref = node.get("$ref") if isinstance(node, dict) else None
                if not isinstance(ref, str) or not ref.startswith("#"):
                    break
                if current in chain or len(chain) > MAX_REF_CHAIN:
                    file, at = self.spec.origin(here + "/$ref")
                    if current in chain:
                        cycle = [*chain[chain.index(current) :], current]
                        message = f"$ref {'#' + first!r} is circular: {' -> '.join(cycle[:8])}"
                    else:
                        message = f"$ref {'#' + first!r} starts a chain of more than {MAX_REF_CHAIN} references"
                    self.diagnostics.error(at, message, file=file)
                    settled.update(chain)
                    break
                chain.append(current)
                current = ref[1:]
            settled.update(chain[1:])

    # -- names ---------------------------------------------------------------------------------

    def confine(self, file: Path, file_part: str) -> Path | None:
        """The real path the file part of a reference in `file` names, if references may reach it."""
        relative = unquote(file_part)
        if not relative or Path(relative).is_absolute() or "\x00" in relative:
            return None
        return confined(self.root, os.path.relpath(file.parent / relative, self.root))


def _name(raw: str) -> str:
    return _NAME_UNSAFE.sub("_", raw).strip("_") or "_"

"""Loads a spec (YAML or JSON) and bundles every file its `$ref`s name into one document.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from . import _documents as documents
from ._documents import MAX_DEPTH, copy_tree, line_map
from ._errors import Diagnostics, Problem, SpecError, pointer

__all__ = ["LoadedSpec", "line_map", "load_spec", "read_confined", "resolve_pointer"]

MAX_REF_CHAIN = 64  # references followed in a row before the chain counts as runaway

# Where reusable objects live in the root, by kind (named as OpenAPI 3 names the component maps).
_HOMES: dict[str, dict[str, tuple[str, ...]]] = {
    "3": {
        kind: ("components", kind)
        for kind in (
            "schemas",
            "parameters",
            "responses",
            "headers",
            "examples",
            "requestBodies",
            "securitySchemes",
            "links",
            "callbacks",
        )
    },
    "2": {"schemas": ("definitions",), "parameters": ("parameters",), "responses": ("responses",)},
}
# The kind of object a `$ref` stands for, from the key it sits under (or its parent's key).
_SCHEMA_PARENTS = frozenset(
    {"properties", "patternProperties", "definitions", "$defs", "dependentSchemas", "schemas"}
    | {"allOf", "anyOf", "oneOf", "prefixItems"}
)
_SCHEMA_KEYS = frozenset(
    {"schema", "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then"}
    | {"else", "unevaluatedProperties", "unevaluatedItems", "additionalItems", "contentSchema"}
)
_KIND_PARENTS = {
    "parameters": "parameters",
    "responses": "responses",
    "headers": "headers",
    "examples": "examples",
    "requestBodies": "requestBodies",
    "securitySchemes": "securitySchemes",
    "links": "links",
    "callbacks": "callbacks",
}
# Values that are data, not OpenAPI objects: a `$ref` key inside them is not a reference.
_DATA_KEYS = frozenset({"example", "default", "enum", "const"})
# Maps whose keys the author names (a property may be called `default`).
_NAMED_MAPS = frozenset(
    {"properties", "patternProperties", "responses", "definitions", "$defs", "dependentSchemas"}
    | {"schemas", "parameters", "headers", "examples", "requestBodies", "securitySchemes"}
    | {"links", "callbacks", "pathItems", "paths", "webhooks", "content", "encoding"}
)
_SAME = object()  # walking a node leaves it where it is
_DONE = object()  # ... and has walked its keys already
_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class LoadedSpec:
    """A spec document with every `$ref` pointing inside it."""

    path: Path
    document: dict[str, Any]
    source: bytes
    extra_files: list[Path] = field(default_factory=list)
    root: Path | None = None
    """The folder tree its `$ref`s and hooks may read (None: the spec's own folder)."""
    # Bundled pointer -> (file as reported, pointer inside it) for every tree placed from a file.
    origins: dict[str, tuple[Path, str]] = field(default_factory=dict)
    sources: dict[Path, bytes] = field(default_factory=dict)
    _line_maps: dict[Path, dict[str, int]] = field(default_factory=dict)

    def lines(self, file: Path | None = None) -> dict[str, int]:
        """Map each JSON pointer of `file` (default the root) to its 1-based line, on first use."""
        file = file or self.path
        if file not in self._line_maps:
            source = self.source if file == self.path else self.sources.get(file, b"")
            self._line_maps[file] = line_map(source, syntax=documents.syntax(file))
        return self._line_maps[file]

    def origin(self, at: str) -> tuple[Path, str]:
        """The file and the pointer inside it that a pointer of the bundled document comes from."""
        prefix = at
        while prefix not in self.origins:
            if not prefix:
                return self.path, at
            prefix = prefix.rsplit("/", 1)[0]
        file, inside = self.origins[prefix]
        return file, inside + at[len(prefix) :]

    def locate(self, problem: Problem, *, bundled: bool = True) -> Problem:
        """`problem` with its line filled in; if its pointer is one of the bundled document
        (`bundled`), first moved to the file and pointer that part of the document comes from."""
        if problem.line:
            return problem
        file, at = problem.file, problem.pointer
        if bundled and file == self.path:
            file, at = self.origin(at)
        return Problem(file, at, problem.message).located(self.lines(file))


def resolve_pointer(document: Any, ref: str) -> Any:
    """Follow a JSON pointer (`/components/schemas/Order`) inside `document`; KeyError if absent."""
    node = document
    for raw in ref.lstrip("/").split("/") if ref.strip("/") else []:
        part = unquote(raw).replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise KeyError(part)
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(part)
    return node


def read_confined(
    spec_dir: Path, relative: str, *, at: str, diagnostics: Diagnostics
) -> tuple[Path, str] | None:
    """The real path and UTF-8 text of a file the spec names (a hook); None, with an error, if it
    is outside `spec_dir`, not a regular file, too big or not text."""
    real = documents.confined(spec_dir.resolve(), relative)
    data = documents.read_bounded(real) if real is not None else None
    if real is None or data is None:
        diagnostics.error(at, documents.refusal(relative))
        return None
    try:
        return real, data.decode("utf-8")
    except UnicodeDecodeError:
        diagnostics.error(at, f"{relative!r} is not UTF-8 text")
        return None


def load_spec(path: Path, diagnostics: Diagnostics, *, root: Path | None = None) -> LoadedSpec:
    """Load `path` and bundle the files it refers to, which must lie inside `root` (by default
    the spec's own folder); every `$ref` is checked to resolve."""
    real = path.resolve()
    source = documents.read_bounded(real)
    if source is None:
        raise SpecError([Problem(path, "", documents.refusal(path.name))])
    spec = LoadedSpec(path=path, document={}, source=source, root=root)
    bundler = _Bundler(spec, diagnostics, real, (root or real.parent).resolve())
    document = bundler.parse(real, source)

    def in_its_file(problem: Problem) -> Problem:  # the bundler names each problem's own file
        return spec.locate(problem, bundled=False)

    diagnostics.raise_if_errors(in_its_file)
    if not isinstance(document, dict):
        message = "the document is not a mapping (expected an OpenAPI object)"
        raise SpecError([Problem(path, "", message, 1)])
    spec.document = document
    bundler.run()
    diagnostics.raise_if_errors(in_its_file)
    return spec


@dataclass
class _Visit:
    """A tree to walk: where it sits in the bundled document and where it came from."""

    node: Any
    file: Path
    source: list[str]  # segments of its pointer inside `file`
    target: list[str]  # segments of its pointer in the bundled document
    kind: str | None = None  # what it was placed as, for a `$ref` at its top
    chain: frozenset[tuple[Path, str]] = frozenset()  # targets inlined around it


class _Bundler:
    """Rewrites references to other files into references inside the root document."""

    def __init__(self, spec: LoadedSpec, diagnostics: Diagnostics, real: Path, root: Path) -> None:
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
            document = documents.parse(source, syntax=documents.syntax(real), report=report)
        except documents.DocumentError as exc:
            self.diagnostics.error(exc.at, exc.message, file=shown, line=exc.line)
            document = None
        self.documents[real] = document
        self.spec.sources[shown] = source
        return document

    def document(self, real: Path) -> Any:
        if real in self.documents:
            return self.documents[real]
        shown = self.spec.path.parent / os.path.relpath(real, self.real.parent)
        self.shown[real] = shown
        self.spec.extra_files.append(real)
        source = documents.read_bounded(real)
        if source is None:
            self.documents[real] = None
            self.unreadable.add(real)
            return None
        return self.parse(real, source)

    # -- walking -------------------------------------------------------------------------------

    def run(self) -> None:
        document = self.spec.document
        self.homes_of = _HOMES["2" if "swagger" in document else "3"]
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
                    self.homes.setdefault((real, _normal(fragment)), pointer(*container, name))

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
        for key, value in items:
            if (
                isinstance(value, dict | list)
                and key != "$ref"
                and not _is_data(source, key, value)
                and id(value) not in self.placed
            ):
                segment = str(key)
                source.append(segment)
                target.append(segment)
                replacement = self.walk(value, visit, source, target, None)
                if replacement is not _SAME and replacement is not _DONE:
                    node[key] = replacement
                source.pop()
                target.pop()
        return _SAME

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
        fragment = _normal(fragment)
        real = self.confine(file, file_part) if file_part else file
        if real is None:
            self.diagnostics.error(
                at, f"$ref {ref!r}: {documents.refusal(unquote(file_part))}", file=shown
            )
            return _SAME
        document = self.document(real)
        if document is None:
            if real in self.unreadable:  # (a file that does not parse is reported by itself)
                self.diagnostics.error(
                    at, f"$ref {ref!r}: {documents.refusal(unquote(file_part))}", file=shown
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
            home = self.place(key, found, self._kind(fragment, source, kind))
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
        self.queue.append(_Visit(copied, real, _segments(fragment), [*container_path, name], kind))
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
        for name, value in siblings.items():
            if isinstance(value, dict | list) and not _is_data(source, name, value):
                source.append(name)
                target.append(name)
                replacement = self.walk(value, visit, source, target, None)
                if replacement is not _SAME and replacement is not _DONE:
                    siblings[name] = replacement
                source.pop()
                target.pop()
        copied = copy_tree(found)
        node.clear()
        node.update(copied)
        self.spec.origins[pointer(*target)] = (self.shown[real], fragment)
        inner = _Visit(node, real, _segments(fragment), list(target), kind, visit.chain | {key})
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
        return documents.confined(self.root, os.path.relpath(file.parent / relative, self.root))

    @staticmethod
    def _kind(fragment: str, source: list[str], kind: str | None) -> str | None:
        parts = _segments(fragment)
        if len(parts) == 3 and parts[0] == "components":
            return parts[1]
        if len(parts) == 2 and parts[0] == "definitions":
            return "schemas"
        if len(source) >= 2 and source[-2] in _SCHEMA_PARENTS:
            return "schemas"
        if source and source[-1] in _SCHEMA_KEYS:
            return "schemas"
        if len(source) >= 2 and source[-2] in _KIND_PARENTS:
            return _KIND_PARENTS[source[-2]]
        if source and source[-1] == "requestBody":
            return "requestBodies"
        return kind  # given only for the top of a placed tree: it is what it was placed as


def _is_data(source: list[str], key: Any, value: Any) -> bool:
    """Whether `value`, under `key` in the node at `source`, is example or default data."""
    if source and source[-1] in _NAMED_MAPS:
        return False
    if key in _DATA_KEYS:
        return True
    if key == "examples":
        return isinstance(value, list)  # JSON Schema's list of examples, not Example Objects
    return key == "value" and len(source) >= 2 and source[-2] == "examples"


def resolve_or_none(document: Any, at: str) -> Any:
    """The value at `at` in `document`, or None."""
    try:
        return resolve_pointer(document, at)
    except KeyError:
        return None


def _normal(fragment: str) -> str:
    """A JSON pointer fragment in one spelling: percent-decoded, with a leading `/`."""
    fragment = unquote(fragment)
    return "" if fragment.strip("/") == "" else "/" + fragment.lstrip("/")


def _segments(at: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in at.split("/")[1:]] if at else []


def _name(raw: str) -> str:
    return _NAME_UNSAFE.sub("_", raw).strip("_") or "_"

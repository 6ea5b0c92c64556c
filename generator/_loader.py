"""Loads a spec file (YAML or JSON), bundling local-file `$ref`s into one document."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from ._errors import Diagnostics, Problem, SpecError, pointer

# libyaml is several times faster on large specs; fall back to pure Python where it is missing.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class LoadedSpec:
    """A spec document with every `$ref` pointing inside it."""

    path: Path
    document: dict[str, Any]
    source: bytes
    extra_files: list[Path] = field(default_factory=list)
    _lines: dict[str, int] | None = None

    def lines(self) -> dict[str, int]:
        """Map each JSON pointer of the root file to its 1-based line (computed on first use)."""
        if self._lines is None:
            self._lines = line_map(self.source) if _is_yaml(self.path) else {}
        return self._lines


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in {".yaml", ".yml"}


def read_document(path: Path) -> tuple[Any, bytes]:
    """Parse one YAML or JSON file; a syntax error becomes a SpecError with its line."""
    try:
        source = path.read_bytes()
    except OSError as exc:
        raise SpecError([Problem(path, "", f"cannot read file: {exc.strerror}")]) from exc
    try:
        if _is_yaml(path):
            return yaml.load(source, Loader=_Loader), source
        return json.loads(source), source
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SpecError([Problem(path, "", f"invalid YAML: {exc.problem}", line)]) from exc
    except yaml.YAMLError as exc:
        raise SpecError([Problem(path, "", f"invalid YAML: {exc}")]) from exc
    except json.JSONDecodeError as exc:
        raise SpecError([Problem(path, "", f"invalid JSON: {exc.msg}", exc.lineno)]) from exc


def line_map(source: bytes) -> dict[str, int]:
    """Map JSON pointers to the lines where their YAML nodes start."""
    lines: dict[str, int] = {}
    try:
        root = yaml.compose(source, Loader=_Loader)
    except yaml.YAMLError:
        return lines
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, at = stack.pop()
        lines.setdefault(at, node.start_mark.line + 1)  # a mapping key's line wins over its value's
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = at + pointer(str(key.value))
                lines[child] = key.start_mark.line + 1
                stack.append((value, child))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, at + pointer(i)) for i, item in enumerate(node.value))
    return lines


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


def load_spec(path: Path, diagnostics: Diagnostics) -> LoadedSpec:
    """Load `path`, bundle its local-file references, and check every `$ref` resolves."""
    document, source = read_document(path)
    if not isinstance(document, dict):
        raise SpecError(
            [Problem(path, "", "the document is not a mapping (expected an OpenAPI object)")]
        )
    spec = LoadedSpec(path=path, document=document, source=source)
    _Bundler(spec, diagnostics).run()
    diagnostics.raise_if_errors(spec.lines)
    return spec


class _Bundler:
    """Rewrites references to other files into references inside the root document."""

    def __init__(self, spec: LoadedSpec, diagnostics: Diagnostics) -> None:
        self.spec = spec
        self.diagnostics = diagnostics
        self.root = spec.path.resolve()
        self.files: dict[Path, Any] = {self.root: spec.document}
        self.hoisted: dict[tuple[Path, str], str] = {}
        self.inlining: set[tuple[Path, str]] = set()

    def run(self) -> None:
        self._walk(self.spec.document, self.root, "")

    def _walk(self, node: Any, base: Path, at: str) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                target = self._rewrite(ref, base, at + "/$ref")
                if isinstance(target, str):
                    node["$ref"] = target
                else:  # content inlined from another file, its own references already rewritten
                    siblings = {k: v for k, v in node.items() if k != "$ref"}
                    node.clear()
                    node.update(target)
                    for key, value in siblings.items():
                        self._walk(value, base, at + pointer(key))
                    node.update(siblings)
                    return
            for key, value in node.items():
                if key != "$ref":
                    self._walk(value, base, at + pointer(key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                self._walk(item, base, at + pointer(i))

    def _rewrite(self, ref: str, base: Path, at: str) -> str | dict[str, Any]:
        """The root-relative reference for `ref`, or the content to inline in its place."""
        target_file, _, fragment = ref.partition("#")
        if target_file.startswith(("http://", "https://")):
            self.diagnostics.error(at, f"remote $ref {ref!r} is not supported (only local files)")
            return ref
        file = (base.parent / target_file).resolve() if target_file else base
        document = self._document(file, at, ref)
        if document is None:
            return ref
        try:
            target = resolve_pointer(document, fragment)
        except KeyError:
            self.diagnostics.error(
                at, f"$ref {ref!r} does not resolve: no {fragment or '/'!r} in {file.name}"
            )
            return ref
        if file == self.root:
            return "#" + fragment
        parts = [p for p in fragment.split("/") if p]
        if len(parts) == 3 and parts[0] == "components":
            return "#" + self._hoist(file, parts[1], parts[2], target)
        if not isinstance(target, dict):
            self.diagnostics.error(at, f"$ref {ref!r} does not point at an object")
            return ref
        key = (file, fragment)
        if key in self.inlining:
            self.diagnostics.error(at, f"$ref {ref!r} is circular")
            return ref
        self.inlining.add(key)
        copied = copy.deepcopy(target)
        self._walk(copied, file, at)
        self.inlining.discard(key)
        return copied

    def _document(self, file: Path, at: str, ref: str) -> Any:
        if file not in self.files:
            try:
                self.files[file], _ = read_document(file)
            except SpecError as exc:
                self.diagnostics.error(at, f"$ref {ref!r}: {exc}")
                return None
            self.spec.extra_files.append(file)
        return self.files[file]

    def _hoist(self, file: Path, kind: str, name: str, target: Any) -> str:
        """Copy a component from another file into the root's components; return its pointer."""
        key = (file, f"/components/{kind}/{name}")
        if key in self.hoisted:
            return self.hoisted[key]
        components = self.spec.document.setdefault("components", {}).setdefault(kind, {})
        base_name, n = name, 1
        while name in components:
            n += 1
            name = f"{base_name}{n}"
        at = pointer("components", kind, name)
        self.hoisted[key] = at
        copied = copy.deepcopy(target)
        components[name] = copied
        self._walk(copied, file, at)
        return at


MAX_FILE_BYTES = 64 * 1024 * 1024


def read_confined(
    spec: LoadedSpec, relative: str, at: str, diagnostics: Diagnostics
) -> tuple[Path, str | None]:
    """A text file inside the spec's folder tree (symlinks resolved), or None with an error."""
    folder = spec.path.resolve().parent
    path = (folder / relative).resolve()
    refused = f"{relative!r} is not a readable file inside the spec's folder"
    if (
        not path.is_relative_to(folder)
        or not path.is_file()
        or path.stat().st_size > MAX_FILE_BYTES
    ):
        diagnostics.error(at, refused)
        return path, None
    try:
        return path, path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        diagnostics.error(at, refused)
        return path, None

"""A loaded spec: its bundled document, the files it was read from, and where each part came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from .syntax import line_map, syntax
from .tree import enclosing
from .yaml_document import LineTree


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
    # The lines of each file's nodes, where reading the file recorded them.
    line_trees: dict[Path, LineTree] = field(default_factory=dict, repr=False)
    _line_maps: dict[Path, dict[str, int]] = field(default_factory=dict)

    def lines(self, file: Path | None = None) -> dict[str, int]:
        """Map each JSON pointer of `file` (default the root) to its 1-based line, on first use."""
        file = file or self.path
        if file not in self._line_maps:
            self._line_maps[file] = line_map(self._source(file), syntax=syntax(file))
        return self._line_maps[file]

    def _source(self, file: Path) -> bytes:
        return self.source if file == self.path else self.sources.get(file, b"")

    def origin(self, at: str) -> tuple[Path, str]:
        """The file and the pointer inside it that a pointer of the bundled document comes from."""
        prefix = enclosing(at, self.origins)
        if prefix is None:
            return self.path, at
        file, inside = self.origins[prefix]
        return file, inside + at[len(prefix) :]

    def locate(self, problem: Problem, *, bundled: bool = True) -> Problem:
        """`problem` with its line filled in; if its pointer is one of the bundled document
        (`bundled`), first moved to the file and pointer that part of the document comes from."""
        if problem.line:
            return problem
        file, at = self._moved(problem, bundled=bundled)
        tree = self.line_trees.get(file)
        lines = self.lines(file) if tree is None else tree.lines_of([at])
        return Problem(file, at, problem.message).located(lines)

    def locate_all(self, problems: list[Problem]) -> list[Problem]:
        """`problems` each as `locate` returns it; of a file whose lines are neither recorded
        nor mapped yet, only the lines these problems need are read."""
        moved = [None if p.line else self._moved(p, bundled=True) for p in problems]
        wanted: dict[Path, list[str]] = {}
        for file, at in filter(None, moved):
            if file not in self._line_maps and file not in self.line_trees:
                wanted.setdefault(file, []).append(at)
        partial = {
            file: line_map(self._source(file), syntax=syntax(file), wanted=pointers)
            for file, pointers in wanted.items()
        }
        located = []
        for problem, where in zip(problems, moved, strict=True):
            if where is None:
                located.append(problem)
                continue
            file, at = where
            if file in self.line_trees:
                lines = self.line_trees[file].lines_of([at])
            else:
                lines = partial[file] if file in partial else self._line_maps[file]
            located.append(Problem(file, at, problem.message).located(lines))
        return located

    def _moved(self, problem: Problem, *, bundled: bool) -> tuple[Path, str]:
        if bundled and problem.file == self.path:
            return self.origin(problem.pointer)
        return problem.file, problem.pointer

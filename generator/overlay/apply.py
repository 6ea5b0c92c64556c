"""Applying overlays (OpenAPI Overlay Specification 1.0 and 1.1): ordered actions, each selecting nodes of
the bundled document with an RFC 9535 JSONPath and updating them, copying a node into them (1.1)
or removing them.

An overlay is applied after bundling and before validation, so the result is validated and
parsed like any spec. It is untrusted input: it is read within the same bounds as a spec file,
it reads no other file (a `$ref` it adds must point inside the document), what it adds may not
nest deeper than a spec may, and the nodes its actions add, copies included, are counted against
a budget. A target that selects nothing is an error (a warning when lenient): a vendor release
that renamed a path must not silently lose what the overlay adds there. Every problem names the
overlay file, the line, `actions[i]` and its target; a problem found later inside a value an
overlay added is reported at that value in the overlay.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..errors import Diagnostics, pointer, type_name
from ..load.document_error import DocumentError
from ..load.files import confined, read_bounded
from ..load.limits import MAX_DEPTH, MAX_FILE_BYTES, OVERLAY_NODE_BUDGET
from ..load.syntax import parse, syntax
from ..load.tree import copy_tree
from . import is_beside, real_path

if TYPE_CHECKING:
    from jsonpath import JSONPathEnvironment

    from ..load.loaded import LoadedSpec

_VERSION = re.compile(r"1\.([01])\.\d+")
_ROOT_KEYS = {"overlay", "info", "extends", "actions"}
_INFO_KEYS = {(1, 0): {"title", "version"}, (1, 1): {"title", "version", "description"}}
_ACTION_KEYS = {
    (1, 0): {"target", "description", "update", "remove"},
    (1, 1): {"target", "description", "update", "remove", "copy"},
}
_ABSENT = object()
_NULL_HINT = " (a key with nothing after it is null in YAML: leave the key out to change nothing there, or remove the node with `remove: true`)"


@dataclass(frozen=True)
class Action:
    """One action of an overlay, with the index it has in the file."""

    index: int
    target: str
    update: Any = _ABSENT
    copy: str | None = None
    remove: bool = False

    @property
    def at(self) -> str:
        return pointer("actions", self.index)

    @property
    def label(self) -> str:
        return f"actions[{self.index}] ({self.target})"


@dataclass
class Overlay:
    """An overlay file, checked against the Overlay Specification's schema for its version."""

    path: Path
    version: tuple[int, int]
    actions: list[Action]
    extends: str | None = None


def apply_overlays(spec: LoadedSpec, overlays: Sequence[Path], diagnostics: Diagnostics) -> None:
    """Apply `overlays` to the bundled document of `spec`, in order. Two overlays named after the
    spec (`.overlay.yaml` and `.overlay.json`, say) are an error: which applies first is unclear."""
    found_beside = [p for p in overlays if is_beside(p, spec.path)]
    if len(found_beside) > 1:
        names = ", ".join(p.name for p in found_beside)
        diagnostics.error("", f"more than one overlay is named after this spec: {names}")
        return
    for path in overlays:
        overlay = read_overlay(path, spec, diagnostics)
        if overlay is None:
            continue
        _check_extends(overlay, spec, diagnostics)
        _Applier(spec, overlay, diagnostics).run()


def read_overlay(path: Path, spec: LoadedSpec, diagnostics: Diagnostics) -> Overlay | None:
    """The overlay in `path`, its source and lines kept in `spec` for locating problems; None
    after reporting why it cannot be used."""
    # The overlay a spec's name finds must be a file in its folder; one named explicitly is read
    # where it is.
    beside = is_beside(path, spec.path)
    real = confined(real_path(spec.path).parent, path.name) if beside else real_path(path)
    source = read_bounded(real) if real is not None else None
    if real is None or source is None:
        message = f"cannot use the overlay {path.name!r}: only regular files of up to {MAX_FILE_BYTES // (1024 * 1024)} MB can be read"
        diagnostics.error("", message, file=path)
        return None
    spec.sources[path] = source
    spec.extra_files.append(real)

    def report(at: str, message: str, line: int | None, recoverable: bool) -> None:
        if recoverable:
            diagnostics.skippable(at, message, file=path, line=line)
        else:
            diagnostics.warning(at, message, file=path, line=line)

    try:
        document, lines = parse(source, syntax=syntax(path), report=report)
    except DocumentError as exc:
        diagnostics.error(exc.at, exc.message, file=path, line=exc.line)
        return None
    if lines is not None:
        spec.line_trees[path] = lines
    return _Reader(path, diagnostics).read(document)


class _Reader:
    """Checks an overlay document against the schema of its version."""

    def __init__(self, path: Path, diagnostics: Diagnostics) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.ok = True

    def error(self, at: str, message: str) -> None:
        self.ok = False
        self.diagnostics.error(at, message, file=self.path)

    def read(self, document: Any) -> Overlay | None:
        if not isinstance(document, dict):
            self.error("", f"an overlay is a mapping, not {type_name(document)}")
            return None
        raw_version = document.get("overlay", _ABSENT)
        if raw_version is _ABSENT:
            self.error("", "missing `overlay`: the Overlay Specification version, 1.0.0 or 1.1.0")
            return None
        match = _VERSION.fullmatch(raw_version) if isinstance(raw_version, str) else None
        if match is None:
            shown = raw_version if isinstance(raw_version, str) else type_name(raw_version)
            self.error(
                "/overlay",
                f"unsupported overlay version {shown!r}: 1.0.x and 1.1.x are supported (a string)",
            )
            return None
        version = (1, int(match.group(1)))
        self.unknown_keys(document, "", _ROOT_KEYS, "an overlay")
        self.read_info(document.get("info", _ABSENT), version)
        extends = document.get("extends")
        if extends is not None and not isinstance(extends, str):
            self.error(
                "/extends",
                f"`extends` must be a URI reference (a string), not {type_name(extends)}",
            )
            extends = None
        actions = self.read_actions(document.get("actions", _ABSENT), version)
        if not self.ok:
            return None
        return Overlay(self.path, version, actions, extends)

    def read_info(self, info: Any, version: tuple[int, int]) -> None:
        if info is _ABSENT:
            self.error("", "missing `info` (with `title` and `version`)")
            return
        if not isinstance(info, dict):
            self.error("/info", f"`info` must be a mapping, not {type_name(info)}")
            return
        for key in ("title", "version"):
            if key not in info:
                self.error("/info", f"missing `info.{key}` (a string)")
        for key in _INFO_KEYS[version] & info.keys():
            if not isinstance(info[key], str):
                self.error(
                    pointer("info", key),
                    f"`info.{key}` must be a string, not {type_name(info[key])}",
                )
        self.unknown_keys(info, "/info", _INFO_KEYS[version], "`info`")

    def read_actions(self, actions: Any, version: tuple[int, int]) -> list[Action]:
        if actions is _ABSENT:
            self.error("", "missing `actions` (a list of at least one action)")
            return []
        if not isinstance(actions, list) or not actions:
            what = "an empty list" if actions == [] else type_name(actions)
            self.error("/actions", f"`actions` must be a list of at least one action, not {what}")
            return []
        read: list[Action] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(actions):
            at = pointer("actions", index)
            if not isinstance(raw, dict):
                self.error(at, f"actions[{index}] must be a mapping, not {type_name(raw)}")
                continue
            same = seen.setdefault(json.dumps(raw, sort_keys=True, default=str), index)
            if same != index:
                self.error(
                    at, f"actions[{index}] is the same as actions[{same}] (actions must be unique)"
                )
            action = self.read_action(raw, index, version)
            if action is not None:
                read.append(action)
        return read

    def read_action(
        self, raw: dict[str, Any], index: int, version: tuple[int, int]
    ) -> Action | None:
        at = pointer("actions", index)
        self.unknown_keys(raw, at, _ACTION_KEYS[version], f"actions[{index}]")
        target = raw.get("target", _ABSENT)
        if not isinstance(target, str):
            missing = target is _ABSENT
            self.error(
                at if missing else at + "/target",
                f"actions[{index}]: "
                + (
                    "missing `target` (a JSONPath)"
                    if missing
                    else f"`target` must be a JSONPath string, not {type_name(target)}"
                ),
            )
            return None
        label = f"actions[{index}] ({target})"
        remove = raw.get("remove", False)
        if not isinstance(remove, bool):
            self.error(
                at + "/remove", f"{label}: `remove` must be true or false, not {type_name(remove)}"
            )
            return None
        copy = raw.get("copy")
        if copy is not None and not isinstance(copy, str):
            self.error(
                at + "/copy", f"{label}: `copy` must be a JSONPath string, not {type_name(copy)}"
            )
            return None
        description = raw.get("description")
        if description is not None and not isinstance(description, str):
            self.error(
                at + "/description",
                f"{label}: `description` must be a string, not {type_name(description)}",
            )
        update = raw.get("update", _ABSENT)
        if update is not _ABSENT and copy is not None:
            self.error(at, f"{label}: give `update` or `copy`, not both")
            return None
        if remove and (update is not _ABSENT or copy is not None):
            which = "update" if update is not _ABSENT else "copy"
            self.diagnostics.warning(
                at + "/" + which,
                f"{label}: `{which}` has no effect beside `remove: true`",
                file=self.path,
            )
        elif not remove and update is _ABSENT and copy is None:
            self.diagnostics.warning(
                at,
                f"{label} changes nothing: it has no `update`, `copy` or `remove: true`",
                file=self.path,
            )
        return Action(index, target, update, copy, remove)

    def unknown_keys(self, node: dict[str, Any], at: str, allowed: set[str], what: str) -> None:
        for key in node:
            if key not in allowed and not key.startswith("x-"):
                known = ", ".join(f"`{k}`" for k in sorted(allowed))
                self.error(
                    pointer(*_split(at), key),
                    f"unknown key {key!r} in {what} (known: {known}, and `x-` extensions)",
                )


def _split(at: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in at.split("/")[1:]] if at else []


def _check_extends(overlay: Overlay, spec: LoadedSpec, diagnostics: Diagnostics) -> None:
    """A relative `extends` must name the spec the overlay is applied to; an absolute URI (the
    vendor's published file) cannot be compared without fetching it, and is not."""
    if overlay.extends is None:
        return
    parts = urlsplit(overlay.extends)
    if parts.scheme or parts.netloc or not parts.path:
        return
    named = real_path(real_path(overlay.path).parent / unquote(parts.path))
    if named != real_path(spec.path):
        diagnostics.error(
            "/extends",
            f"the overlay extends {overlay.extends!r}, not {spec.path.name!r} it is applied to",
            file=overlay.path,
        )


class _Applier:
    """Applies one overlay's actions in order, each to the result of the one before."""

    def __init__(self, spec: LoadedSpec, overlay: Overlay, diagnostics: Diagnostics) -> None:
        self.spec = spec
        self.overlay = overlay
        self.diagnostics = diagnostics
        self.budget = OVERLAY_NODE_BUDGET

    def error(self, at: str, message: str) -> None:
        self.diagnostics.error(at, message, file=self.overlay.path)

    def run(self) -> None:
        for action in self.overlay.actions:
            self.apply(action)
            if self.budget < 0:
                return  # over budget: the actions after it would only add to it

    def select(
        self, action: Action, expression: str, at: str
    ) -> list[tuple[tuple[Any, ...], Any]] | None:
        """The normalized path and value of each node `expression` selects; None after an error."""
        from jsonpath import JSONPathError

        try:
            return [
                (tuple(m.parts), m.obj)
                for m in _jsonpath().finditer(expression, self.spec.document)
            ]
        except JSONPathError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.error(
                at,
                f"actions[{action.index}]: {expression!r} is not an RFC 9535 JSONPath query: {reason}",
            )
            return None

    def apply(self, action: Action) -> None:
        matches = self.select(action, action.target, action.at + "/target")
        if matches is None:
            return
        if not matches:
            self.diagnostics.skippable(
                action.at + "/target",
                f"{action.label} selects nothing in {self.spec.path.name}",
                file=self.overlay.path,
            )
            return
        if action.remove:
            self.remove(action, matches)
            return
        if action.copy is not None:
            sources = self.select(action, action.copy, action.at + "/copy")
            if sources is None:
                return
            if len(sources) != 1:
                self.error(
                    action.at + "/copy",
                    f"{action.label}: `copy` {action.copy!r} must select exactly one node, not {len(sources)}",
                )
                return
            # A copy first: the target may be the source, or lie inside it.
            source = copy_tree(sources[0][1])
            self.update(action, matches, source, action.at + "/copy", whole=True)
        elif action.update is not _ABSENT:
            self.update(action, matches, action.update, action.at + "/update", whole=False)

    # -- remove --------------------------------------------------------------------------------

    def remove(self, action: Action, matches: list[tuple[tuple[Any, ...], Any]]) -> None:
        if any(not parts for parts, _ in matches):
            self.error(
                action.at + "/target", f"{action.label}: the document root cannot be removed"
            )
            return
        # Every container is found before anything moves: removing list items shifts the rest.
        places = [(self.container(parts), parts[-1], parts) for parts, _ in matches]
        for container, key, parts in places:
            if isinstance(container, dict):
                container.pop(key, None)
                self.forget(pointer(*parts))
        by_list: dict[int, tuple[list[Any], str, set[int]]] = {}
        for container, key, parts in places:
            if isinstance(container, list):
                at = pointer(*parts[:-1])
                by_list.setdefault(id(container), (container, at, set()))[2].add(key)
        for items, at, indexes in by_list.values():
            for index in sorted(indexes, reverse=True):
                del items[index]
                self.forget(f"{at}/{index}")
                self.shift(at, index)

    def container(self, parts: tuple[Any, ...]) -> Any:
        node: Any = self.spec.document
        for part in parts[:-1]:
            node = node[part]
        return node

    def shift(self, at: str, removed: int) -> None:
        """Move the recorded origins of the items after `removed` in the list at `at` one up."""
        moved = {}
        for key in list(self.spec.origins):
            if not key.startswith(at + "/"):
                continue
            index, _, rest = key[len(at) + 1 :].partition("/")
            if index.isdigit() and int(index) > removed:
                moved[f"{at}/{int(index) - 1}" + ("/" + rest if rest else "")] = (
                    self.spec.origins.pop(key)
                )
        self.spec.origins.update(moved)

    def forget(self, at: str) -> None:
        """Drop the recorded origins of a removed node and of what was below it."""
        for key in [k for k in self.spec.origins if k == at or k.startswith(at + "/")]:
            del self.spec.origins[key]

    # -- update and copy ---------------------------------------------------------------------------

    def update(
        self,
        action: Action,
        matches: list[tuple[tuple[Any, ...], Any]],
        value: Any,
        source: str,
        *,
        whole: bool,
    ) -> None:
        """Merge `value` (at `source` in the overlay; `whole`: a copied node, located as one)
        into every selected node."""
        kinds = {_kind(node) for _, node in matches}
        if len(kinds) > 1:
            listed = " and ".join(sorted(f"{k}s" for k in kinds))
            self.error(
                action.at + "/target",
                f"{action.label} selects {listed} together: the nodes an update or copy selects must all be of one kind",
            )
            return
        kind = kinds.pop()
        if not whole and not self.confined_refs(action, value, source):
            return
        if kind == "mapping" and not isinstance(value, dict):
            self.error(
                source,
                f"{action.label} selects mappings: the value merged into them must be a mapping, not {type_name(value)}",
            )
            return
        if kind == "primitive":
            if self.overlay.version < (1, 1):
                self.error(
                    action.at + "/target",
                    f"{action.label} selects values that are not mappings or lists; in overlay 1.0 select the mapping holding them (overlay 1.1.0 replaces them)",
                )
                return
            if isinstance(value, dict | list):
                self.error(
                    source,
                    f"{action.label} selects values that are not mappings or lists: the value that replaces them must be one too, not {type_name(value)}",
                )
                return
        for parts, node in matches:
            where = _Placement(self, action, source, whole=whole)
            if kind == "mapping":
                where.merge(node, value, list(parts), [])
            elif kind == "list":
                items = (
                    value if isinstance(value, list) and self.overlay.version >= (1, 1) else [value]
                )
                for offset, item in enumerate(items):
                    inside = [offset] if items is value else []
                    node.append(where.placed(item, [*parts, len(node)], inside))
            else:
                self.container(parts)[parts[-1]] = where.placed(value, list(parts), [])
            if self.budget < 0:
                self.error(
                    source,
                    f"{action.label}: the overlay adds more than {OVERLAY_NODE_BUDGET:,} nodes to the document (copies counted)",
                )
                return

    def confined_refs(self, action: Action, value: Any, source: str) -> bool:
        """Whether every `$ref` in `value` points inside the document: an overlay reads no file."""
        for inside, ref in _refs(value, []):
            if not ref.startswith("#"):
                self.error(
                    source + pointer(*inside),
                    f"{action.label}: $ref {ref!r} names another file; a $ref an overlay adds must point inside the document (#/...)",
                )
                return False
        return True


class _Placement:
    """Puts copies of one action's value into one selected node, recording where each came from."""

    def __init__(self, applier: _Applier, action: Action, source: str, *, whole: bool) -> None:
        self.applier = applier
        self.action = action
        self.source = source
        self.whole = whole

    def placed(self, value: Any, target: list[Any], inside: list[Any]) -> Any:
        """A copy of `value` (at `inside` below the action's value) to put at `target`."""
        nodes, depth = _size(value)
        self.applier.budget -= nodes
        if len(target) + depth > MAX_DEPTH:
            self.applier.error(
                self.source + pointer(*inside),
                f"{self.action.label}: the value would nest deeper than {MAX_DEPTH} levels in the document",
            )
            return value
        at_source = self.source if self.whole else self.source + pointer(*inside)
        self.applier.spec.origins[pointer(*target)] = (self.applier.overlay.path, at_source)
        return copy_tree(value)

    def merge(
        self, node: dict[str, Any], value: dict[str, Any], target: list[Any], inside: list[Any]
    ) -> None:
        """Merge `value` into `node` as the Overlay Specification says: a key only in `value` is
        added, primitives replace primitives, lists are concatenated, mappings merged."""
        for key, new in value.items():
            here, there = [*target, key], [*inside, key]
            if key not in node:
                node[key] = self.placed(new, here, there)
                continue
            old = node[key]
            if isinstance(old, dict) and isinstance(new, dict):
                self.merge(old, new, here, there)
            elif isinstance(old, list) and isinstance(new, list):
                for offset, item in enumerate(new):
                    old.append(self.placed(item, [*here, len(old)], [*there, offset]))
            elif not isinstance(old, dict | list) and not isinstance(new, dict | list):
                node[key] = self.placed(new, here, there)
            else:
                self.applier.error(
                    self.source + ("" if self.whole else pointer(*there)),
                    f"{self.action.label}: cannot merge {type_name(new)} into {type_name(old)} at {pointer(*here)}"
                    + (_NULL_HINT if new is None else ""),
                )


def _kind(node: Any) -> str:
    return (
        "mapping" if isinstance(node, dict) else "list" if isinstance(node, list) else "primitive"
    )


def _size(value: Any) -> tuple[int, int]:
    """How many nodes `value` has, and how deep it nests (a primitive: 0)."""
    nodes, deepest = 0, 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if isinstance(node, dict | list):
            children = node.values() if isinstance(node, dict) else node
            deepest = max(deepest, depth + 1)
            stack.extend((child, depth + 1) for child in children)
    return nodes, deepest


def _refs(value: Any, inside: list[Any]) -> Iterator[tuple[list[Any], str]]:
    """Each string `$ref` in `value`, with the path to it."""
    stack: list[tuple[Any, list[Any]]] = [(value, inside)]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                yield [*at, "$ref"], ref
            stack.extend((child, [*at, key]) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, [*at, i]) for i, child in enumerate(node))


@cache
def _jsonpath() -> JSONPathEnvironment:
    """RFC 9535 JSONPath and nothing beyond it (no key selectors, no other operators); imported
    on first use, as only a spec with an overlay needs it."""
    from jsonpath import JSONPathEnvironment

    return JSONPathEnvironment(strict=True)

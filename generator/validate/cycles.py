"""Loops of `$ref`, allOf, anyOf, oneOf and not in a document, found before validating: the
validator would follow them without end."""

from __future__ import annotations

from typing import Any

from ..errors import pointer

COMPOSITION = ("allOf", "anyOf", "oneOf")


def cycles(document: Any) -> list[tuple[str, list[str], bool]]:
    """Each loop of `$ref`, allOf, anyOf, oneOf, not: (start, chain, whether $refs alone)."""
    # A schema that refers to itself through a property or array items defines something.
    edges: dict[str, list[tuple[str, bool]]] = {}  # node -> (next node, through a $ref)
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        node, at = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#"):
                edges.setdefault(at, []).append((ref[1:], True))
            for key in COMPOSITION:
                if isinstance(node.get(key), list):
                    for i in range(len(node[key])):
                        edges.setdefault(at, []).append((at + pointer(key, i), False))
            if isinstance(node.get("not"), dict):
                edges.setdefault(at, []).append((at + "/not", False))
            stack.extend((v, at + pointer(str(k))) for k, v in node.items() if k != "$ref")
        elif isinstance(node, list):
            stack.extend((v, at + pointer(i)) for i, v in enumerate(node))
    loops = []
    for component in _strongly_connected(edges):
        start = min(component)
        chain, only_refs = _loop(edges, start, component)
        loops.append((start, chain, only_refs))
    return sorted(loops)


def _strongly_connected(edges: dict[str, list[tuple[str, bool]]]) -> list[set[str]]:
    """The node sets of `edges` that contain a loop (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i][0]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:  # returning to the caller: pass the lowest index up
                caller = work[-1][0]
                low[caller] = min(low[caller], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                looped = any(t == node for t, _ in edges.get(node, []))
                if len(component) > 1 or looped:
                    found.append(component)
    return found


def _loop(
    edges: dict[str, list[tuple[str, bool]]], start: str, component: set[str]
) -> tuple[list[str], bool]:
    """A shortest chain from `start` back to itself inside `component`, and if it is $refs only."""
    came_from: dict[str, tuple[str, bool]] = {}
    queue = [start]
    for node in queue:
        for target, through_ref in edges.get(node, []):
            if target in component and target not in came_from:
                came_from[target] = (node, through_ref)
                if target == start:
                    break
                queue.append(target)
        if start in came_from:
            break
    chain, only_refs, at = [start], True, start
    while True:
        at, through_ref = came_from[at]
        only_refs = only_refs and through_ref
        chain.append(at)
        if at == start:
            break
    return chain[::-1], only_refs

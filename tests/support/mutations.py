"""Seeded structural mutations of a spec, as a careless or hostile author would write them.

`mutate(document, rng)` returns a description and the bytes of the mutated spec file. Each
mutation is a small edit of one kind: a key deleted, a value of another JSON type, integer keys,
`$ref` cycles, deep nesting, names with quotes / CR / NUL / surrogates, and raw-text damage that a
YAML dump cannot produce (invalid UTF-8, NUL bytes, alias bombs, duplicate keys, huge integers).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import yaml

Node = Any
Path_ = tuple[Any, ...]

WEIRD_STRINGS = (
    'a"b',
    "a'b",
    '"""',
    "a\rb",
    "a\nb",
    "a\x00b",
    "a\ud800b",
    "a\\b",
    "",
    " ",
    "class",
    "None",
    "self",
    "123",
    "__init__",
    "é中",
    "{x}",
    "#",
    "a" * 300,
)
OTHER_VALUES: tuple[Any, ...] = (None, 0, -1, 1.5, True, "x", [], {}, ["x"], {"x": 1}, "#/x")


def _walk(node: Node, path: Path_ = ()) -> list[tuple[Path_, Node]]:
    found = [(path, node)]
    stack = [(path, node)]
    while stack:
        at, current = stack.pop()
        children = (
            current.items()
            if isinstance(current, dict)
            else enumerate(current)
            if isinstance(current, list)
            else ()
        )
        for key, child in children:
            found.append(((*at, key), child))
            if isinstance(child, dict | list):
                stack.append(((*at, key), child))
    return found


def _get(document: Node, path: Path_) -> Node:
    for part in path:
        document = document[part]
    return document


def _set(document: Node, path: Path_, value: Node) -> None:
    _get(document, path[:-1])[path[-1]] = value


def _dump(document: Node) -> bytes:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True).encode(
        "utf-8", "surrogatepass"
    )


def _containers(document: Node, kind: type) -> list[tuple[Path_, Node]]:
    return [(p, n) for p, n in _walk(document) if isinstance(n, kind) and n]


def delete_key(document: Node, rng: random.Random) -> tuple[str, bytes]:
    path, node = rng.choice(_containers(document, dict))
    key = rng.choice(sorted(node, key=str))
    del node[key]
    return f"delete {_show((*path, key))}", _dump(document)


def change_type(document: Node, rng: random.Random) -> tuple[str, bytes]:
    path, _ = rng.choice(_walk(document)[1:])
    value = rng.choice(OTHER_VALUES)
    _set(document, path, value)
    return f"{_show(path)} = {value!r}", _dump(document)


def integer_keys(document: Node, rng: random.Random) -> tuple[str, bytes]:
    mappings = [(p, n) for p, n in _containers(document, dict) if any(str(k).isdigit() for k in n)]
    if not mappings or rng.random() < 0.3:
        path, node = rng.choice(_containers(document, dict))
        key = rng.choice(sorted(node, key=str))
        node[rng.choice([404, 1, 0, True, 2.5])] = node.pop(key)
        return f"an integer/bool/float key in {_show(path)}", _dump(document)
    path, node = rng.choice(mappings)
    for key in list(node):
        node[int(key) if str(key).isdigit() else key] = node.pop(key)
    return f"integer keys in {_show(path)}", _dump(document)


def ref_cycle(document: Node, rng: random.Random) -> tuple[str, bytes]:
    components = document.setdefault("components", {})
    kind = rng.choice(["schemas", "parameters", "responses", "paths", "self"])
    if kind == "paths" and document.get("paths"):
        names = list(document["paths"])
        a, b = names[0], rng.choice(names)
        document["paths"][a] = {"$ref": "#/paths/" + b.replace("~", "~0").replace("/", "~1")}
        document["paths"][b] = {"$ref": "#/paths/" + a.replace("~", "~0").replace("/", "~1")}
        return f"path items {a} <-> {b}", _dump(document)
    if kind == "self":
        schemas = components.setdefault("schemas", {})
        schemas["Self"] = {
            "type": "object",
            "properties": {"me": {"$ref": "#/components/schemas/Self"}},
        }
        _reference_somewhere(document, rng, "#/components/schemas/Self")
        return "a schema that contains itself (legal recursion)", _dump(document)
    items = components.setdefault(kind, {})
    length = rng.choice([1, 2, 3])
    for i in range(length):
        items[f"Loop{i}"] = {"$ref": f"#/components/{kind}/Loop{(i + 1) % length}"}
    _reference_somewhere(document, rng, f"#/components/{kind}/Loop0", kind)
    return f"a cycle of {length} {kind}", _dump(document)


def _reference_somewhere(
    document: Node, rng: random.Random, ref: str, kind: str = "schemas"
) -> None:
    key = {"schemas": "schema", "parameters": "parameters", "responses": "responses"}[kind]
    places = [(p, n) for p, n in _walk(document) if isinstance(n, dict) and key in n]
    if not places:
        return
    _, node = rng.choice(places)
    if kind == "parameters" and isinstance(node[key], list):
        node[key].append({"$ref": ref})
    elif kind == "responses" and isinstance(node[key], dict):
        node[key]["299"] = {"$ref": ref}
    else:
        node[key] = {"$ref": ref}


def deep_nesting(document: Node, rng: random.Random) -> tuple[str, bytes]:
    places = [(p, n) for p, n in _walk(document) if isinstance(n, dict) and "schema" in n]
    depth = rng.choice([20, 45, 60, 200])
    schema: Node = {"type": "string"}
    for i in range(depth):
        schema = (
            {"type": "array", "items": schema}
            if i % 2
            else {"type": "object", "properties": {"x": schema}}
        )
    if places:
        path, node = rng.choice(places)
        node["schema"] = schema
        return f"{depth} levels of schema at {_show(path)}/schema", _dump(document)
    document["x-deep"] = schema
    return f"{depth} levels under /x-deep", _dump(document)


def weird_name(document: Node, rng: random.Random) -> tuple[str, bytes]:
    weird = rng.choice(WEIRD_STRINGS)
    names = [
        (p, n)
        for p, n in _walk(document)
        if p
        and p[-1]
        in (
            "operationId",
            "name",
            "title",
            "x-package-name",
            "x-client-class",
            "x-credential",
            "secret",
            "url",
            "description",
            "x-env-prefix",
        )
        and isinstance(n, str)
    ]
    keys = [
        (p, n)
        for p, n in _containers(document, dict)
        if p and p[-1] in ("schemas", "properties", "paths", "securitySchemes", "variables")
    ]
    if keys and (not names or rng.random() < 0.4):
        path, node = rng.choice(keys)
        key = rng.choice(sorted(node, key=str))
        node[key + weird if isinstance(key, str) and rng.random() < 0.5 else weird] = node.pop(key)
        return f"key {_show((*path, key))} renamed to {weird!r}", _dump(document)
    path, value = rng.choice(names)
    _set(document, path, weird if rng.random() < 0.5 else value + weird)
    return f"{_show(path)} = {weird!r}", _dump(document)


def bad_reference(document: Node, rng: random.Random) -> tuple[str, bytes]:
    refs = [
        (p, n) for p, n in _walk(document) if isinstance(n, dict) and isinstance(n.get("$ref"), str)
    ]
    target = rng.choice(
        [
            "#/components/schemas/Nope",
            "../../../../etc/passwd",
            "/dev/zero",
            "https://x.test/a.yaml",
            "#/",
            "#",
            "other.yaml",
            "#/paths",
            "%ZZ",
            "#/components/schemas/~2",
        ]
    )
    if refs:
        path, node = rng.choice(refs)
        node["$ref"] = target
        return f"{_show(path)}/$ref = {target!r}", _dump(document)
    document.setdefault("components", {}).setdefault("schemas", {})["R"] = {"$ref": target}
    return f"/components/schemas/R/$ref = {target!r}", _dump(document)


def ref_chain(document: Node, rng: random.Random) -> tuple[str, bytes]:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    length = rng.choice([10, 70, 1000])
    for i in range(length):
        schemas[f"Chain{i}"] = {"$ref": f"#/components/schemas/Chain{i + 1}"}
    schemas[f"Chain{length}"] = {"type": "string"}
    _reference_somewhere(document, rng, "#/components/schemas/Chain0")
    return f"a chain of {length} schema references", _dump(document)


def raw_text(document: Node, rng: random.Random) -> tuple[str, bytes]:
    text = _dump(document)
    lines = text.split(b"\n")
    at = rng.randrange(len(lines))
    damage = rng.choice(["utf8", "nul", "bomb", "recursive", "duplicate", "bigint", "tab", "tag"])
    if damage == "utf8":
        lines[at] += b" \xff\xfe"
    elif damage == "nul":
        lines[at] += b"\x00"
    elif damage == "bomb":
        lines.append(b"x-bomb:")
        lines.append(b'  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]')
        for old, new in zip("abcdefgh", "bcdefghi", strict=True):
            lines.append(f"  {new}: &{new} [{','.join(['*' + old] * 9)}]".encode())
    elif damage == "recursive":
        lines.append(b"x-loop: &loop\n  again: *loop")
    elif damage == "duplicate":
        first = next((line for line in lines if line and not line.startswith(b" ")), b"openapi: 3")
        lines.append(first)
    elif damage == "bigint":
        lines.append(b"x-big: " + b"9" * rng.choice([4301, 100_000]))
    elif damage == "tab":
        lines[at] = b"\t" + lines[at]
    else:
        lines.append(b"x-tagged: !!python/object/apply:os.system [touch /tmp/pwned]")
    return f"raw text: {damage} at line {at + 1}", b"\n".join(lines)


MUTATIONS: tuple[Callable[[Node, random.Random], tuple[str, bytes]], ...] = (
    delete_key,
    change_type,
    integer_keys,
    ref_cycle,
    deep_nesting,
    weird_name,
    bad_reference,
    ref_chain,
    raw_text,
)


def mutate(document: Node, rng: random.Random) -> tuple[str, bytes]:
    """One random mutation of `document` (which it changes); its description and file bytes."""
    mutation = rng.choice(MUTATIONS)
    description, data = mutation(document, rng)
    return f"{mutation.__name__}: {description}", data


def _show(path: Path_) -> str:
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)

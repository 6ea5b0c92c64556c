"""Validates a spec against the OpenAPI 3.0/3.1 schema with openapi-spec-validator."""

# openapi-spec-validator reports what its nested schema checks find relative to the schema, and
# fails on loops of references and on structure its schema pass has already found wrong: each
# problem is moved to its absolute pointer here, loops are found before validating, and a check
# that fails is reported at the node it was checking.

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from ._errors import Diagnostics, Problem, pointer

# Problems the parser reports itself, with a precise pointer.
_REPORTED_BY_PARSER = ("DuplicateOperationIDError", "UnresolvableParameterError")


def validate_spec(document: dict[str, Any], diagnostics: Diagnostics) -> None:
    """Record every schema violation as a recoverable problem with its JSON pointer."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    version = str(document.get("openapi", ""))
    if version.startswith("3.0"):
        base: Any = OpenAPIV30SpecValidator
    elif version.startswith("3.1"):
        base = OpenAPIV31SpecValidator
    else:
        diagnostics.error(
            "/openapi", f"unsupported OpenAPI version {version!r} (3.0.x and 3.1.x are supported)"
        )
        return
    document = _string_keys(document, diagnostics)
    cycles = _cycles(document)
    for at, chain, only_refs in cycles:
        if only_refs:
            diagnostics.error(at, f"$ref cycle {' -> '.join(chain)}: no object at its end")
        else:
            diagnostics.skippable(
                at, f"schema contains itself through {' -> '.join(chain)}: it defines nothing"
            )
    _Validation(base, document, diagnostics, quiet_recursion=bool(cycles)).run()


class _Validation:
    """One run of the validator's two passes: the document schema, then its keyword checks."""

    def __init__(
        self,
        base: Any,
        document: dict[str, Any],
        diagnostics: Diagnostics,
        *,
        quiet_recursion: bool,
    ) -> None:
        self.document = document
        self.diagnostics = diagnostics
        self.quiet_recursion = quiet_recursion
        self.reported: list[str] = []
        self.seen: set[tuple[str, str]] = set()
        self.first_pass: set[str] = set()
        self.crashed_at: tuple[Any, ...] | None = None
        keywords = {
            name: _locating(cls, self, "default" if name == "default" else None)
            for name, cls in base.keyword_validators.items()
        }
        self.validator = type("LocatingValidator", (base,), {"keyword_validators": keywords})(
            document
        )

    def run(self) -> None:
        for error in self.validator.schema_validator.iter_errors(self.document):
            self.report(error)
        registry = self.validator.keyword_validators_registry
        root = self.validator.schema_path
        doc = self.document
        if isinstance(doc.get("tags"), list):
            self.check(("tags",), lambda: registry["tags"](root / "tags"))
        paths = doc.get("paths")
        for url, item in paths.items() if isinstance(paths, dict) else ():
            if isinstance(item, dict) and not str(url).startswith("x-"):
                self.check(("paths", url), partial(registry["path"], url, root / "paths" / url))
        components = doc.get("components")
        schemas = components.get("schemas") if isinstance(components, dict) else None
        for name in schemas if isinstance(schemas, dict) else ():
            schema = root / "components" / "schemas" / name
            self.check(("components", "schemas", name), partial(registry["schema"], schema))

    def check(self, at: tuple[Any, ...], errors: Callable[[], Iterator[Any]]) -> None:
        """Report the errors of one keyword check; a check that breaks is a problem at its node."""
        self.crashed_at = None
        try:
            for error in errors():
                self.report(error)
        except RecursionError:
            if not self.quiet_recursion:
                where = _canonical(self.document, list(self.crashed_at or at))
                self.diagnostics.skippable(
                    where,
                    "cannot be checked: it contains itself without end "
                    "(through $ref, allOf, anyOf, oneOf, not or items)",
                )
        except Exception as exc:  # its checks assume what the schema pass checked
            where = _canonical(self.document, list(self.crashed_at or at))
            item = _canonical(self.document, list(at))
            if not any(p.startswith(item) or item.startswith(p) for p in self.reported):
                reason = _short(f"{type(exc).__name__}: {exc}", 120)
                self.diagnostics.skippable(where, f"invalid spec: cannot be checked ({reason})")

    def report(self, error: Any) -> None:
        if type(error).__name__ in _REPORTED_BY_PARSER:
            return
        second_pass = getattr(error, "located_in_spec", False)
        for leaf in _leaves(error):
            at = _canonical(self.document, list(getattr(leaf, "absolute_path", ())))
            message = f"invalid spec: {_short(leaf.message)}"
            if (at, message) in self.seen or (second_pass and at in self.first_pass):
                continue  # the schema pass already said what is wrong there
            self.seen.add((at, message))
            if not second_pass:
                self.first_pass.add(at)
            self.reported.append(at)
            self.diagnostics.skippable(at, message)


def _locating(cls: Any, run: _Validation, suffix: str | None) -> Any:
    """`cls` whose errors carry the absolute path of the node it checked (plus `suffix`)."""
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        node = next((a for a in args if hasattr(a, "parts")), None)
        parts = tuple(node.parts) if node is not None else ()
        if suffix:
            parts += (suffix,)
        try:
            for error in cls.__call__(self, *args, **kwargs):
                if not getattr(error, "located_in_spec", False):
                    if not isinstance(error, OpenAPIValidationError):
                        error = OpenAPIValidationError.create_from(error)
                    error.path.extendleft(reversed(parts))
                    error.located_in_spec = True
                yield error
        except Exception:
            if run.crashed_at is None:
                run.crashed_at = parts
            raise

    members: dict[str, Any] = {"__call__": __call__}
    if hasattr(cls, "_get_schema_checker"):

        def _get_schema_checker(self: Any, schema: Any, schema_value: Any) -> Any:
            return _every_error(cls._get_schema_checker(self, schema, schema_value))

        members["_get_schema_checker"] = _get_schema_checker
    if hasattr(cls, "_collect_properties"):
        members["_collect_properties"] = _collect_properties
    return type(cls.__name__, (cls,), members)


def _collect_properties(self: Any, schema: Any) -> set[str]:
    """Every property name reachable from `schema` through allOf, anyOf, oneOf, items and not."""
    # The library's own version follows a schema that contains itself (an array of itself) forever.
    names: set[str] = set()
    seen: set[int] = set()
    stack = [schema]
    while stack:
        current = stack.pop()
        value = current.read_value()
        if id(value) in seen or not isinstance(value, dict):
            continue
        seen.add(id(value))
        if "properties" in current:
            names.update(str(k) for k in (current / "properties").keys())
        for key in _COMPOSITION:
            if key in current:
                stack.extend(current / key)
        for key in ("items", "not"):
            if key in current:
                stack.append(current / key)
    return names


def _every_error(checker: Any) -> Any:
    """A schema checker that raises one error holding every problem, not only the first."""
    from jsonschema.validators import validator_for  # type: ignore[import-untyped]
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:  # the OAS dialects' meta-schemas, as the library's own check_schema resolves them
        from openapi_schema_validator._specifications import REGISTRY
    except ImportError:
        return checker
    bound = checker.func if isinstance(checker, partial) else checker
    options = dict(checker.keywords) if isinstance(checker, partial) else {}
    dialect = getattr(bound, "__self__", None)
    if dialect is None or not hasattr(dialect, "META_SCHEMA"):
        return checker
    meta = validator_for(dialect.META_SCHEMA, default=dialect)
    format_checker = options.get("format_checker", dialect.FORMAT_CHECKER)

    def check(value: Any) -> None:
        checking = meta(dialect.META_SCHEMA, format_checker=format_checker, registry=REGISTRY)
        errors = list(checking.iter_errors(value))
        if errors:
            raise OpenAPIValidationError("invalid schema", context=errors)

    return check


def _canonical(document: Any, parts: list[Any]) -> str:
    """The JSON pointer of the node at `parts`, where each `$ref` on the way is followed."""
    node, at = document, ""
    for part in parts:
        for _ in range(64):  # a chain of references; cycles are reported before validating
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str) or part in node or not ref.startswith("#"):
                break
            target = _resolve(document, ref[1:])
            if target is None:
                break
            node, at = target, ref[1:]
        if isinstance(node, dict):
            node = node.get(part, node.get(str(part)))
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
        at += pointer(part)
    return at


def _resolve(document: Any, at: str) -> Any:
    node = document
    for raw in at.split("/")[1:] if at else []:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


_COMPOSITION = ("allOf", "anyOf", "oneOf")


def _cycles(document: Any) -> list[tuple[str, list[str], bool]]:
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
            for key in _COMPOSITION:
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


def _string_keys(document: dict[str, Any], diagnostics: Diagnostics) -> dict[str, Any]:
    """`document` with every mapping key a string; each other key (`200:`) is a warning."""
    found: list[str] = []

    def rebuilt(node: Any, at: str) -> Any:
        if isinstance(node, dict):
            for key in node:
                if not isinstance(key, str):
                    found.append(at + pointer(str(key)))
            return {str(k): rebuilt(v, at + pointer(str(k))) for k, v in node.items()}
        if isinstance(node, list):
            return [rebuilt(v, at + pointer(i)) for i, v in enumerate(node)]
        return node

    if not _has_other_keys(document):
        return document
    result: dict[str, Any] = rebuilt(document, "")
    for at in found:
        key = at.rsplit("/", 1)[1]
        diagnostics.warnings.append(
            Problem(diagnostics.file, at, f"key {key} is not a string; read as {key!r}")
        )
    return result


def _has_other_keys(document: Any) -> bool:
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if any(not isinstance(k, str) for k in node):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _leaves(error: Any) -> list[Any]:
    """The most specific errors under a oneOf/anyOf failure, one per place."""
    # Branches that only say "use a $ref instead" are skipped, and so is a place that has a more
    # specific error below it.
    leaves: list[Any] = []
    stack = [error]
    while stack:
        current = stack.pop()
        context = getattr(current, "context", None)
        if context:
            stack.extend(context)
        else:
            leaves.append(current)
    useful = [e for e in leaves if "'$ref' is a required property" not in e.message] or leaves
    by_place: dict[tuple[Any, ...], list[Any]] = {}
    for leaf in useful:
        by_place.setdefault(tuple(getattr(leaf, "absolute_path", ())), []).append(leaf)
    deepest = [
        place
        for place in by_place
        if not any(len(other) > len(place) and other[: len(place)] == place for other in by_place)
    ]
    # Of several errors at one place, one that is not about the JSON type says more.
    return [
        min(by_place[place], key=lambda e: getattr(e, "validator", None) == "type")
        for place in sorted(deepest, key=str)
    ]


def _short(message: str, limit: int = 240) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."

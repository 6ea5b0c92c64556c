"""The library's keyword validators, subclassed so that each error carries the absolute path of
the node it checked, a schema check reports every problem, and a self-containing schema ends."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, Protocol

from .compiled import compiled_check
from .cycles import COMPOSITION


class Run(Protocol):
    """A validation run: where its validator crashed, if it did."""

    crashed_at: tuple[Any, ...] | None


def locating(cls: Any, *, run: Run, suffix: str | None) -> Any:
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

        def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
            cls.__init__(self, *args, **kwargs)
            # The library keeps the ids of the schemas it has seen in lists: a set makes its
            # check of each schema constant time rather than linear in the size of the spec.
            self.visited_schema_ids = _Ids()
            self.meta_checked_schema_ids = _Ids()

        members["__init__"] = __init__
    return type(cls.__name__, (cls,), members)


class _Ids(list[int]):
    """A list of ids, as the library's schema validator keeps them, with a set's membership test."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int] = set()

    def append(self, item: int) -> None:
        self._members.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


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
        for key in COMPOSITION:
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
    valid = compiled_check(dialect.META_SCHEMA, format_checker=format_checker, registry=REGISTRY)

    def check(value: Any) -> None:
        if valid is not None and valid(value):
            return
        checking = meta(dialect.META_SCHEMA, format_checker=format_checker, registry=REGISTRY)
        errors = list(checking.iter_errors(value))
        if errors:
            raise OpenAPIValidationError("invalid schema", context=errors)

    return check

"""jsonschema-rs verdicts on the same schemas the Python validator checks, so that the Python
validator (whose errors say where and why) runs only on what is invalid.

On a large OpenAPI 3.1 spec the Python validator spends seconds proving valid what jsonschema-rs
proves valid in milliseconds. A compiled check is only a shortcut: whenever it finds a problem,
or jsonschema-rs is not installed, the Python validator decides, so messages and verdicts stay
the library's own. It is at least as strict as the Python check: it knows more formats, and it
checks the formats the Python check knows with the Python check's own functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Verdict = Callable[[Any], bool]

# By the identity of the schema and format checker, which each entry keeps alive: no other
# object can take their ids while the entry stands.
_cache: dict[tuple[int, int], tuple[object, object, Verdict | None]] = {}


def compiled_check(
    schema: Mapping[str, Any], *, format_checker: Any = None, registry: Any = None
) -> Verdict | None:
    """Whether a value is valid against `schema`, by jsonschema-rs; None where it cannot say.

    `format_checker` is a jsonschema `FormatChecker` whose formats are asserted (none without
    it), and `registry` a `referencing.Registry` holding the resources `schema` refers to.
    The result is cached for the life of the process, by the identity of its arguments.
    """
    key = (id(schema), id(format_checker))
    if key not in _cache:
        verdict = _compile(schema, format_checker=format_checker, registry=registry)
        _cache[key] = (schema, format_checker, verdict)
    return _cache[key][2]


def _compile(schema: Mapping[str, Any], *, format_checker: Any, registry: Any) -> Verdict | None:
    try:
        import jsonschema_rs
    except ImportError:
        return None
    options: dict[str, Any] = {"validate_formats": False}
    if format_checker is not None:
        options = {
            "validate_formats": True,
            "formats": {
                name: (lambda value, name=name: bool(format_checker.conforms(value, name)))
                for name in format_checker.checkers
            },
        }
    if registry is not None:
        options["registry"] = jsonschema_rs.Registry(
            [(str(uri), registry.contents(str(uri))) for uri in registry]
        )
    try:
        # offline: every resource it may need is in `registry`; nothing is fetched.
        validator = jsonschema_rs.validator_for(dict(schema), offline=True, **options)
    except Exception:  # a schema it cannot compile is left to the Python validator
        return None

    def is_valid(value: Any) -> bool:
        try:
            return bool(validator.is_valid(value))
        except Exception:  # e.g. a value it cannot convert: the Python validator decides
            return False

    return is_valid

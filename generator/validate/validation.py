"""Validates a spec against the OpenAPI 3.0/3.1 schema with openapi-spec-validator."""

# openapi-spec-validator reports what its nested schema checks find relative to the schema, and
# fails on loops of references and on structure its schema pass has already found wrong: each
# problem is moved to its absolute pointer here, loops are found before validating, and a check
# that fails is reported at the node it was checking.

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from ..errors import Diagnostics
from .compiled import compiled_check
from .cycles import cycles
from .locating import locating
from .messages import leaves, short
from .pointers import canonical
from .string_keys import string_keys

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
    document = string_keys(document, diagnostics)
    loops = cycles(document)
    for at, chain, only_refs in loops:
        if only_refs:
            diagnostics.error(at, f"$ref cycle {' -> '.join(chain)}: no object at its end")
        else:
            diagnostics.skippable(
                at, f"schema contains itself through {' -> '.join(chain)}: it defines nothing"
            )
    Validation(
        base=base, document=document, diagnostics=diagnostics, quiet_recursion=bool(loops)
    ).run()


class Validation:
    """One run of the validator's two passes: the document schema, then its keyword checks."""

    def __init__(
        self,
        *,
        base: Any,
        document: dict[str, Any],
        diagnostics: Diagnostics,
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
            name: locating(cls, run=self, suffix="default" if name == "default" else None)
            for name, cls in base.keyword_validators.items()
        }
        self.validator = type("LocatingValidator", (base,), {"keyword_validators": keywords})(
            document
        )

    def run(self) -> None:
        from jsonschema.validators import validator_for  # type: ignore[import-untyped]

        schema = self.validator.schema_validator.schema  # the OpenAPI version's own schema
        valid = compiled_check(schema)
        if valid is None or not valid(self.document):
            for error in validator_for(schema)(schema).iter_errors(self.document):
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
                where = canonical(self.document, list(self.crashed_at or at))
                self.diagnostics.skippable(
                    where,
                    "cannot be checked: it contains itself without end "
                    "(through $ref, allOf, anyOf, oneOf, not or items)",
                )
        except Exception as exc:  # its checks assume what the schema pass checked
            where = canonical(self.document, list(self.crashed_at or at))
            item = canonical(self.document, list(at))
            if not any(p.startswith(item) or item.startswith(p) for p in self.reported):
                reason = short(f"{type(exc).__name__}: {exc}", 120)
                self.diagnostics.skippable(where, f"invalid spec: cannot be checked ({reason})")

    def report(self, error: Any) -> None:
        if type(error).__name__ in _REPORTED_BY_PARSER:
            return
        second_pass = getattr(error, "located_in_spec", False)
        for leaf in leaves(error):
            at = canonical(self.document, list(getattr(leaf, "absolute_path", ())))
            message = f"invalid spec: {short(leaf.message)}"
            if (at, message) in self.seen or (second_pass and at in self.first_pass):
                continue  # the schema pass already said what is wrong there
            self.seen.add((at, message))
            if not second_pass:
                self.first_pass.add(at)
            self.reported.append(at)
            self.diagnostics.skippable(at, message)

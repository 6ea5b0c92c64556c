"""The `x-` extensions: declared once, read generically, rendered as their runtime classes."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path
from typing import Any

import pytest

from generator.boundary import constructor
from generator.errors import Diagnostics
from generator.ir.extensions import (
    EXTENSIONS,
    ClientOrderId,
    Envelope,
    NotExecuted,
    Pagination,
    RateLimit,
    RateLimitCost,
    RateLimits,
    ServerTime,
    SigningScheme,
    extension_table,
    read_extension,
)
from templates.runtime import _auth, _endpoint, _pagination, _ratelimit
from tests.support.paths import SPECS

RUNTIME_CLASSES: dict[type[Any], type[Any]] = {
    SigningScheme: _auth.SigningScheme,
    Envelope: _endpoint.Envelope,
    EXTENSIONS["x-error"]: _endpoint.ErrorBodyKeys,
    Pagination: _pagination.Pagination,
    ClientOrderId: _endpoint.ClientOrderId,
    NotExecuted: _endpoint.NotExecuted,
    ServerTime: _endpoint.ServerTime,
    RateLimits: _ratelimit.RateLimits,
    RateLimitCost: _ratelimit.RateLimitCost,
    RateLimit: _ratelimit.RateLimit,
}


def test_the_spec_readme_shows_the_current_table() -> None:
    readme = (SPECS / "README.md").read_text(encoding="utf-8")
    shown = readme.split("<!-- extension-table -->\n")[1].split("\n<!-- /extension-table -->")[0]
    assert shown == extension_table(), (
        "specs/README.md is out of date: paste generator.ir.extensions.extension_table() there"
    )


@pytest.mark.parametrize("declared", list(RUNTIME_CLASSES), ids=lambda c: c.__name__)
def test_rendered_fields_are_runtime_parameters_with_the_same_defaults(declared: type[Any]) -> None:
    runtime = RUNTIME_CLASSES[declared]
    assert declared.__name__ == runtime.__name__
    parameters = inspect.signature(runtime).parameters
    for f in dataclasses.fields(declared):
        if f.metadata.get("render") is False:
            assert f.name not in parameters
            continue
        assert f.name in parameters, f"{runtime.__name__} takes no {f.name}"
        runtime_default = parameters[f.name].default
        if f.default is dataclasses.MISSING:
            assert runtime_default is inspect.Parameter.empty
        else:
            # Fields equal to their default are left out of the rendered call, so the runtime
            # must assume the same value.
            assert runtime_default == f.default, f.name


def test_a_read_extension_renders_as_a_call_that_builds_the_runtime_object() -> None:
    diagnostics = Diagnostics(Path("spec.yaml"))
    raw = {"data": "result", "message": "msg", "success": "0"}
    envelope = read_extension(Envelope, raw, "/x-envelope", diagnostics)
    assert diagnostics.errors == [] and envelope is not None
    call = constructor(envelope)
    assert call == 'Envelope(data="result", message="msg", success=("0",))'
    built = eval(call, {"Envelope": _endpoint.Envelope})
    assert built == _endpoint.Envelope(data="result", message="msg", success=("0",))


@pytest.mark.parametrize(
    ("raw", "pointer", "message"),
    [
        ("nope", "/x-pagination", "must be a mapping, not a string"),
        ({"style": "pages"}, "/x-pagination/style", "'pages' is not one of"),
        ({"style": "page", "max-pages": "9"}, "/x-pagination/max-pages", "must be an integer"),
        ({"style": "page", "items": {"a": 1}}, "/x-pagination/items", "a string or a list"),
        ({}, "/x-pagination", "needs `style`"),
    ],
)
def test_wrong_values_are_reported_at_their_key(raw: Any, pointer: str, message: str) -> None:
    diagnostics = Diagnostics(Path("spec.yaml"))
    assert read_extension(Pagination, raw, "/x-pagination", diagnostics) is None
    assert [(p.pointer, message in p.message) for p in diagnostics.errors] == [(pointer, True)]


def test_choices_map_spec_values_to_runtime_values() -> None:
    diagnostics = Diagnostics(Path("spec.yaml"))
    raw = {"algorithm": "hmac-sha384", "message": "{body}", "headers": {"S": "{signature}"}}
    scheme = read_extension(SigningScheme, raw, "/s", diagnostics)
    assert scheme is not None and scheme.algorithm == "sha384"
    assert "| `x-signing` | `algorithm` |" in extension_table()
    assert "`hmac-sha256` |" in extension_table()  # the default, in spec terms

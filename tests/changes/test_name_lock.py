"""Regenerating over the previous package after an unrelated change to the spec renames and
reshapes nothing calling code already uses: five specs (ours and corpus ones) times five kinds
of change, each regenerated in place over the package generated before it."""

from __future__ import annotations

import functools
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import generate
from generator.errors import Diagnostics
from generator.load import load_spec
from generator.pipeline import surface_at
from generator.release.changes import compare
from generator.release.surface import Surface
from tests.support.paths import ROOT

SPECS = {
    "bitget": ROOT / "specs" / "bitget.yaml",
    "hummingbot": ROOT / "specs" / "hummingbot.yaml",
    "binance": ROOT / "tests" / "corpus" / "binance-spot-api.yaml",
    "petstore": ROOT / "tests" / "corpus" / "oai-petstore-expanded.yaml",
    "uspto": ROOT / "tests" / "corpus" / "oai-uspto.yaml",
}
HELPERS = {"bitget": ["bitget_signing.py"]}

Change = Callable[[dict[str, Any], Surface], str]
"""Changes a document in place; returns a word on what it did, for the failure message."""


def _first(mapping: dict[str, Any], key: str, value: Any) -> None:
    """Put `key: value` first in `mapping`, keeping the order of the rest."""
    rest = dict(mapping)
    mapping.clear()
    mapping[key] = value
    mapping.update(rest)


def _schemas(document: dict[str, Any]) -> dict[str, Any]:
    components = document.setdefault("components", {})
    schemas: dict[str, Any] = components.setdefault("schemas", {})
    return schemas


def _object(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def add_component_named_like_an_inline_class(document: dict[str, Any], old: Surface) -> str:
    inline = sorted(m.name for m in old.models if not m.pointer.startswith("/components/"))
    names = inline[:3] + [c.name for c in old.classes][:2]
    for name in names or [f"{old.models[0].name}Item" if old.models else "Thing"]:
        _first(_schemas(document), name, _object(added={"type": "string"}))
    return f"components {names}"


def add_operation_whose_method_collides(document: dict[str, Any], old: Surface) -> str:
    method = next(m for m in old.methods if m.operation_id)
    # Another operationId that maps to the same method name.
    words = method.name.strip("_").split("_")
    colliding = words[0] + "".join(w.capitalize() for w in words[1:])
    if colliding == method.operation_id:
        colliding = method.name.upper()
    operation = {
        "operationId": colliding,
        "responses": {"200": {"description": "ok"}},
    }
    _first(document["paths"], "/added-first", {"get": operation})
    return f"operation {colliding!r} beside {method.name}()"


def grow_past_three_hundred_schemas(document: dict[str, Any], old: Surface) -> str:
    schemas = _schemas(document)
    for i in reversed(range(320)):
        _first(
            schemas,
            f"Added{i}",
            _object(
                meta=_object(tag={"type": "string"}),
                items={"type": "array", "items": _object(n={"type": "integer"})},
            ),
        )
    return "320 schemas"


def add_colliding_parameter_and_credential(document: dict[str, Any], old: Surface) -> str:
    done = []
    for item in document["paths"].values():
        operation = next((item[m] for m in ("get", "post") if m in item), None)
        parameters = operation.get("parameters") if isinstance(operation, dict) else None
        plain = [p for p in parameters or () if isinstance(p, dict) and "in" in p]
        if plain and isinstance(operation, dict):
            where = "header" if plain[0]["in"] != "header" else "query"
            added = {"name": plain[0]["name"], "in": where, "schema": {"type": "string"}}
            operation["parameters"] = [added, *operation["parameters"]]
            done.append(f"{where} parameter {plain[0]['name']!r}")
            break
    keys = [k for s in old.schemes for k in s.credential_keys] or ["api_key"]
    schemes = document.setdefault("components", {}).setdefault("securitySchemes", {})
    scheme = {"type": "apiKey", "in": "header", "name": "X-Added", "x-credential": keys[0].upper()}
    _first(schemes, "AddedFirst", scheme)
    done.append(f"credential {keys[0].upper()!r}")
    return ", ".join(done)


def reverse_the_order(document: dict[str, Any], old: Surface) -> str:
    def reverse(mapping: dict[str, Any]) -> None:
        items = list(mapping.items())
        mapping.clear()
        mapping.update(reversed(items))

    reverse(document["paths"])
    for kind in ("schemas", "securitySchemes"):
        reverse(document.get("components", {}).get(kind, {}))
    return "paths, schemas and schemes reversed"


CHANGES: dict[str, Change] = {
    "inline-name-taken": add_component_named_like_an_inline_class,
    "method-collides": add_operation_whose_method_collides,
    "growth": grow_past_three_hundred_schemas,
    "argument-and-credential-collide": add_colliding_parameter_and_credential,
    "order": reverse_the_order,
}


@functools.cache
def _document(name: str) -> str:
    spec = SPECS[name]
    return json.dumps(load_spec(spec, Diagnostics(spec, lenient=True)).document)


@functools.cache
def _baseline(name: str, base: Path) -> Path:
    """The package generated from the spec, once per spec (written as JSON beside its helpers)."""
    folder = base / name
    (folder / "spec").mkdir(parents=True)
    for helper in HELPERS.get(name, []):
        shutil.copy(SPECS[name].parent / helper, folder / "spec" / helper)
    (folder / "spec" / f"{name}.json").write_text(_document(name))
    generate([folder / "spec" / f"{name}.json"], folder / "out", lenient=True, use_cache=False)
    return folder


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("name-lock")


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("name", SPECS)
def test_an_unrelated_change_renames_nothing(name: str, change: str, base: Path) -> None:
    baseline = _baseline(name, base)
    trial = base / f"{name}-{change}"
    shutil.copytree(baseline, trial)
    spec = trial / "spec" / f"{name}.json"
    (package,) = [p for p in (trial / "out").iterdir() if not p.name.startswith(".")]
    old = surface_at(package)
    document = json.loads(spec.read_text())
    what = CHANGES[change](document, old)
    spec.write_text(json.dumps(document))

    result = generate([spec], trial / "out", lenient=True, use_cache=False)

    new = surface_at(package)
    report = compare(old, new)
    breaking = [c.line for c in report.of_level("breaking")]
    assert not breaking, f"{what}: {breaking}"
    for method in old.methods:
        after = new.method(method.name)
        assert after is not None and after.operation_id == method.operation_id, what
        assert [
            a.name
            for a in after.arguments
            if (a.location, a.wire_name) in {(b.location, b.wire_name) for b in method.arguments}
        ] == [a.name for a in method.arguments], what
    assert {m.pointer: m.name for m in old.models}.items() <= {
        m.pointer: m.name for m in new.models
    }.items(), what
    assert {(c.pointer, c.name) for c in old.classes} <= {(c.pointer, c.name) for c in new.classes}
    old_credentials = {
        k: c for s in old.schemes for k, c in zip(s.credential_keys, s.credentials, strict=True)
    }
    new_credentials = {
        k: c for s in new.schemes for k, c in zip(s.credential_keys, s.credentials, strict=True)
    }
    assert old_credentials.items() <= new_credentials.items(), what
    models = (package / package.name / "models.py").read_text()
    for class_name in [m.name for m in old.models] + [c.name for c in old.classes]:
        assert f"\nclass {class_name}(" in models, what
    if change == "method-collides":
        assert any("maps to method" in w.message for w in result.warnings), result.warnings


def test_diff_names_a_spec_as_regenerating_over_the_package_would(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.__main__ import main

    baseline = _baseline("petstore", base)
    trial = base / "petstore-diff"
    shutil.copytree(baseline, trial)
    spec = trial / "spec" / "petstore.json"
    (package,) = [p for p in (trial / "out").iterdir() if not p.name.startswith(".")]
    document = json.loads(spec.read_text())
    add_operation_whose_method_collides(document, surface_at(package))
    spec.write_text(json.dumps(document))

    code = main(["diff", str(package), str(spec), "--json", "--fail-on-breaking", "--lenient"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0, report
    assert [c["level"] for c in report["changes"]] == ["addition"]

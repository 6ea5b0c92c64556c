"""Seeded random overlays on a project spec: each is applied, validated and parsed, or refused
with a SpecError whose problems name a file in the spec's folder and a pointer or line; nothing
else (no other exception).

OVERLAY_FUZZ (default 120) sets how many; the seed is fixed so a failure repeats.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import traceback
from pathlib import Path
from typing import Any

from generator import SpecError
from generator.pipeline import load_api
from tests.support.paths import SPECS

COUNT = int(os.environ.get("OVERLAY_FUZZ", "120"))
SEED = 20261208

TARGETS = [
    "$",
    "$.info",
    "$.info.title",
    "$.paths",
    "$.paths.*",
    "$.paths.*.*",
    "$.paths.*.*.parameters",
    "$.paths.*.*.parameters[*]",
    "$.paths.*.*.parameters[?@.in == 'query']",
    "$.paths.*.*.parameters[0]",
    "$.paths.*.*.parameters[-1].name",
    "$.paths.*[?@.requestBody]",
    "$..schema",
    "$..properties",
    "$..properties.*.type",
    "$..[?@.type == 'string']",
    "$.components.schemas.*",
    "$.components.schemas[?length(@.properties) > 2]",
    "$.components.securitySchemes.*",
    "$.components.securitySchemes.*['x-signing']",
    "$.components.securitySchemes.*['x-signing'].headers",
    "$.servers",
    "$.servers[0].url",
    "$['x-envelope']",
    "$.nothing.here",
    "$.paths[?match(@.x, '[')]",
    "$..*",
    "$.paths.*.*.responses['200']",
    "paths",  # no root
    "$.paths[",  # not a query
    "$.paths.*~",  # not RFC 9535
]
KEYS = [
    "description",
    "type",
    "x-idempotent",
    "operationId",
    "name",
    "in",
    "$ref",
    "required",
    "format",
    "enum",
    "items",
    "properties",
    "headers",
    "prehash",
    "x-signing",
    "schema",
]


def value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.choice(["str", "int", "bool", "null", "list", "map", "map", "ref"])
    if depth > 4 and kind in ("list", "map"):
        kind = "str"
    if kind == "str":
        return rng.choice(["", "decimal", "string", "query", "{signature}", "#/nowhere", "x"])
    if kind == "int":
        return rng.choice([0, -1, 10**30, 3])
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "null":
        return None
    if kind == "list":
        return [value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if kind == "ref":
        return {"$ref": rng.choice(["#/components/schemas/Order", "#/nowhere", "other.yaml", "#"])}
    return {rng.choice(KEYS): value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def random_overlay(rng: random.Random) -> dict[str, Any]:
    actions: list[dict[str, Any]] = []
    for _ in range(rng.randint(1, 4)):
        action: dict[str, Any] = {"target": rng.choice(TARGETS)}
        what = rng.choice(["update", "update", "remove", "copy", "nothing"])
        if what == "update":
            action["update"] = value(rng)
        elif what == "remove":
            action["remove"] = rng.random() < 0.9
        elif what == "copy":
            action["copy"] = rng.choice(TARGETS)
        actions.append(action)
    document: dict[str, Any] = {
        "overlay": rng.choice(["1.0.0", "1.1.0", "1.1.0", "1.2.0"]),
        "info": {"title": "fuzz", "version": "1"},
        "actions": actions,
    }
    if rng.random() < 0.1:
        del document["info"]["title"]
    return document


def run_one(spec: Path, overlay: dict[str, Any], folder: Path) -> str:
    """ "applied", "refused", or a description of the crash."""
    folder.mkdir()
    target = folder / spec.name
    shutil.copyfile(spec, target)
    for hook in spec.parent.glob("*.py"):
        shutil.copyfile(hook, folder / hook.name)
    change = folder / "change.json"
    change.write_text(json.dumps(overlay))
    try:
        load_api(target, lenient=True, overlays=[change])
    except SpecError as exc:
        unlocated = [
            str(p)
            for p in exc.problems
            if not p.file.resolve().is_relative_to(folder.resolve()) or not (p.pointer or p.line)
        ]
        return f"unlocated: {unlocated}" if unlocated else "refused"
    except Exception as exc:  # the point of the test: any other outcome is a crash
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}: {exc}"
    return "applied"


def test_random_overlays_are_applied_or_refused_with_a_location(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    specs = sorted(SPECS.glob("*.yaml"))
    outcomes: dict[str, list[str]] = {}
    for index in range(COUNT):
        overlay = random_overlay(rng)
        outcome = run_one(specs[index % len(specs)], overlay, tmp_path / f"o{index}")
        outcomes.setdefault(outcome, []).append(json.dumps(overlay)[:300])
    assert {"applied", "refused"} <= outcomes.keys(), "both outcomes must be exercised"
    crashes = {k: v[:2] for k, v in outcomes.items() if k not in ("applied", "refused")}
    assert crashes == {}

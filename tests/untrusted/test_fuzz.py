"""Seeded mutations of the project's specs: each generates a package that imports and constructs
its client, or is refused with a SpecError whose problems carry file and pointer (output
untouched); nothing else.

FUZZ_MUTATIONS (default 160, about a minute) sets how many; FUZZ_SEED the seed; FUZZ_REPORT a
file to which every outcome is written, crashes first (mutation, where, exception).
"""

from __future__ import annotations

import asyncio
import importlib
import os
import random
import shutil
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator import SpecError, generate
from generator.pipeline import _build as render_package_files
from tests.support import mutations
from tests.support.paths import ROOT, SPECS, on_path

COUNT = int(os.environ.get("FUZZ_MUTATIONS", "160"))
SEED = int(os.environ.get("FUZZ_SEED", "20261201"))
# Formatting, writing and importing a package cost more than building it: every 8th mutation
# goes the whole way (and a refusal must leave its output directory absent); the others stop
# once the package's files are rendered.
FULL_EVERY = 8
# Where the model and code generation live (the IR, names, models, rendering): crashes there are
# listed by the second test; any other crash fails the first.
_GENERATION_MODULES = {
    "_ir.py",
    "_naming.py",
    "_pytypes.py",
    "_boundary.py",
    "_models_module.py",
    "_render.py",
}


@dataclass
class Outcome:
    mutation: str
    kind: str  # "generated", "refused", or "crash"
    detail: str = ""
    generation_side: bool = False


def _crash_site(exc: BaseException) -> tuple[str, bool]:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if Path(f.filename).resolve().is_relative_to(ROOT / "generator")]
    last = ours[-1] if ours else frames[-1]
    where = f"{Path(last.filename).name}:{last.lineno} in {last.name}"
    path = Path(last.filename).resolve()
    in_parser = path.is_relative_to(ROOT / "generator" / "parse")
    return where, in_parser or path.name in _GENERATION_MODULES


def _import(out: Path, package: str) -> None:
    """Import the generated package and construct its clients, then put back the modules of the
    same name that other tests imported (the committed packages share the names)."""

    def ours(name: str) -> bool:
        return name == package or name.startswith(package + ".")

    saved = {name: module for name, module in sys.modules.items() if ours(name)}
    for name in saved:
        del sys.modules[name]
    try:
        with on_path(out / package):
            importlib.invalidate_caches()
            module = importlib.import_module(package)
            clients = [
                n
                for n in module.__all__
                if n.endswith("Client") and isinstance(getattr(module, n), type)
            ]
            for name in clients:  # the client and the asynchronous one
                client = getattr(module, name)(base_url="https://fuzz.example.test")
                if hasattr(client, "aclose"):
                    asyncio.run(client.aclose())
                else:
                    client.close()
    finally:
        for name in [name for name in sys.modules if ours(name)]:
            del sys.modules[name]
        sys.modules.update(saved)


def _run_one(spec: Path, data: bytes, folder: Path, index: int, description: str) -> Outcome:
    shutil.copytree(SPECS, folder, ignore=shutil.ignore_patterns("*.yaml", "*.md"))
    target = folder / spec.name
    target.write_bytes(data)
    out = folder / "out"
    try:
        if index % FULL_EVERY == 0:
            result = generate([target], out, use_cache=False)
            for package in result.packages:
                _import(out, package)
        else:
            render_package_files(target, False)
    except SpecError as exc:
        bad = [
            p
            for p in exc.problems
            if not p.file.resolve().is_relative_to(folder.resolve()) or not (p.pointer or p.line)
        ]
        if out.exists() and any(out.iterdir()):
            return Outcome(description, "crash", "refused, but the output directory was written")
        if bad:
            text = "; ".join(str(p) for p in bad)[:300]
            generated_code = any("is not valid Python" in p.message for p in bad)
            return Outcome(description, "crash", f"unlocated problem: {text}", generated_code)
        return Outcome(description, "refused", str(exc.problems[0])[:200])
    except Exception as exc:  # the point of the test: name every other outcome
        where, generation_side = _crash_site(exc)
        message = f"{type(exc).__name__}: {str(exc)[:200]}"
        return Outcome(description, "crash", f"{where}: {message}", generation_side)
    return Outcome(description, "generated")


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    rng = random.Random(SEED)
    specs = sorted(SPECS.glob("*.yaml"))
    originals = {spec: yaml.safe_load(spec.read_text()) for spec in specs}
    root = tmp_path_factory.mktemp("fuzz")
    results = []
    for index in range(COUNT):
        spec = specs[index % len(specs)]
        document = yaml.safe_load(yaml.safe_dump(originals[spec]))  # a fresh copy
        description, data = mutations.mutate(document, rng)
        description = f"#{index} {spec.name}: {description}"
        outcome = _run_one(spec, data, root / f"m{index}", index, description)
        results.append(outcome)
        shutil.rmtree(root / f"m{index}", ignore_errors=True)
    report = os.environ.get("FUZZ_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as stream:
            counts = {
                k: sum(o.kind == k for o in results) for k in ("generated", "refused", "crash")
            }
            stream.write(f"seed {SEED}, {COUNT} mutations: {counts}\n")
            for outcome in sorted(results, key=lambda o: o.kind != "crash"):
                side = " generation" if outcome.generation_side else ""
                stream.write(f"[{outcome.kind}{side}] {outcome.mutation}\n    {outcome.detail}\n")
    return results


def test_mutations_are_generated_or_refused_with_a_location(outcomes: list[Outcome]) -> None:
    kinds = {o.kind for o in outcomes}
    assert {"generated", "refused"} <= kinds, "the mutations no longer exercise both outcomes"
    crashes = [
        f"{o.mutation}\n    {o.detail}"
        for o in outcomes
        if o.kind == "crash" and not o.generation_side
    ]
    assert crashes == []


def test_no_mutation_crashes_model_or_code_generation(outcomes: list[Outcome]) -> None:
    crashes = [
        f"{o.mutation}\n    {o.detail}" for o in outcomes if o.kind == "crash" and o.generation_side
    ]
    assert crashes == []

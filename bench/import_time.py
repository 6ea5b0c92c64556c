"""Measures `import <package>` of each generated package under `python -X importtime`."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _venvs
from ._common import GENERATED, PYTHON, BenchError, Report, Table, check, environment, median
from ._common import timed_run as _timed_run

RUNS = 7
TARGET_MS = 150.0
# A module importing httpx and the pydantic API the generated code uses: "own" excludes it.
DEPS = "_bench_deps"
DEPS_SOURCE = """import httpx
import pydantic
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, TypeAdapter
"""
_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)\s*$")


@dataclass(frozen=True)
class ImportLine:
    """One `-X importtime` line: self and cumulative microseconds, nesting depth, module."""

    self_us: int
    cumulative_us: int
    depth: int
    module: str


def importtime(
    code: str, path: Path, *, bytecode: bool = True, python: Path | str = PYTHON
) -> list[ImportLine]:
    """Run `python -X importtime -c code` in a fresh process with `path` on PYTHONPATH."""
    env = environment(PYTHONPATH=str(path), PYTHONDONTWRITEBYTECODE=None if bytecode else "1")
    done = _timed_run([python, "-X", "importtime", "-c", code], cwd=path, env=env)
    lines = []
    for text in done.stderr.splitlines():
        found = _LINE.match(text)
        if found:
            self_us, cumulative_us, indent, module = found.groups()
            lines.append(ImportLine(int(self_us), int(cumulative_us), len(indent) // 2, module))
    return lines


def top_level_ms(lines: list[ImportLine], module: str) -> float:
    """Cumulative milliseconds of the module's top-level line."""
    for line in lines:
        if line.module == module and line.depth == 0:
            return line.cumulative_us / 1000
    raise BenchError(f"no top-level importtime line for {module}")


def heaviest(lines: list[ImportLine], count: int = 5) -> list[tuple[str, float]]:
    """The `count` modules with the largest self time, in milliseconds."""
    ranked = sorted(lines, key=lambda line: line.self_us, reverse=True)[:count]
    return [(line.module, line.self_us / 1000) for line in ranked]


def private_copy(project: Path, into: Path) -> Path:
    """Copy a generated project dir (without __pycache__) so .pyc state is ours to control."""
    target = into / project.name
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def measure(package: str, project: Path, python: Path, runs: int = RUNS) -> dict[str, Any]:
    """First import (no .pyc), then `runs` rounds of: fresh import; deps first, then package;
    fresh import under the project's .venv. All with `python` unless said otherwise.

    `project` must be a private copy: .pyc files and the deps module are written into it.
    """
    (project / f"{DEPS}.py").write_text(DEPS_SOURCE)
    first = importtime(f"import {package}", project, bytecode=False, python=python)
    importtime(f"import {DEPS}, {package}", project, python=python)  # writes the .pyc files
    total: list[float] = []
    own: list[float] = []
    deps: list[float] = []
    dev: list[float] = []
    last: list[ImportLine] = []
    for _ in range(runs):
        last = importtime(f"import {package}", project, python=python)
        total.append(top_level_ms(last, package))
        split = importtime(f"import {DEPS}, {package}", project, python=python)
        deps.append(top_level_ms(split, DEPS))
        own.append(top_level_ms(split, package))
        dev.append(top_level_ms(importtime(f"import {package}", project), package))
    return {
        "python": str(python),
        "first_import_no_pyc_ms": top_level_ms(first, package),
        "total_ms": total,
        "own_ms": own,
        "deps_ms": deps,
        "total_project_venv_ms": dev,
        "heaviest_self_ms": heaviest(last),
    }


def user_python() -> tuple[Path, str]:
    """The runtime-only venv's python, or the project's (and why) if it cannot be made."""
    try:
        return _venvs.runtime_python(), ""
    except BenchError as exc:
        return Path(PYTHON), f"runtime venv unavailable, measured with {PYTHON}: {exc}"


def packages() -> list[tuple[str, Path]]:
    """(import name, project dir) of every committed generated package."""
    found = []
    for project in sorted(p for p in GENERATED.iterdir() if p.is_dir()):
        inner = project / project.name
        if (inner / "__init__.py").exists():
            found.append((project.name, project))
    return found


def run() -> Report:
    """Measure every generated package and build the table."""
    results: dict[str, Any] = {}
    python, fallback = user_python()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        for package, project in packages():
            results[package] = measure(package, private_copy(project, Path(tmp)), python)
    table = _table(results)
    if fallback:
        table.notes.insert(0, fallback)
    return Report("import_time", [table], {"packages": results, "runs": RUNS})


def _table(results: dict[str, Any]) -> Table:
    table = Table(
        f"Import time: `python -X importtime -c 'import <pkg>'`, median of {RUNS} fresh processes",
        [
            "package",
            "own",
            "result",
            "total",
            "result",
            "httpx+pydantic alone",
            "total in .venv",
            "first, no .pyc",
        ],
    )
    for package, entry in results.items():
        own, total = median(entry["own_ms"]), median(entry["total_ms"])
        table.rows.append(
            [
                package,
                f"{own:.1f} ms",
                check(own, TARGET_MS),
                f"{total:.1f} ms",
                check(total, TARGET_MS),
                f"{median(entry['deps_ms']):.1f} ms",
                f"{median(entry['total_project_venv_ms']):.1f} ms",
                f"{entry['first_import_no_pyc_ms']:.1f} ms",
            ]
        )
    table.notes = [
        f"target < {TARGET_MS:.0f} ms each: the package's top-level cumulative line, "
        "its .pyc files written by a warm-up import",
        f"run with {_venvs.RUNTIME.name} (only {', '.join(_venvs.runtime_requirements())}), "
        "as a user's install; `total in .venv`: the same with the project's dev venv, where "
        "httpx also imports its CLI's click and pygments",
        "own: in a process that imported httpx and pydantic (BaseModel, TypeAdapter, Field, ...) "
        "first: what the package adds (models, client, deps only it pulls, e.g. cryptography)",
        "total: a fresh interpreter, so httpx, pydantic and all they pull are included",
        "httpx+pydantic alone: that preload's own line in the `own` process, the floor under total",
        "first, no .pyc: the package compiled from source, as under PYTHONDONTWRITEBYTECODE=1 "
        "or a read-only install; informational",
        "fastest of the runs, total / httpx+pydantic alone (less hit by other work): "
        + ", ".join(
            f"{package} {min(e['total_ms']):.0f} / {min(e['deps_ms']):.0f} ms"
            for package, e in results.items()
        ),
    ]
    return table

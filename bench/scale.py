"""Measures generating the Binance spot spec (--lenient): time, peak RSS, its package's import."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from . import _opc
from ._common import (
    CORPUS,
    PYTHON,
    BenchError,
    Report,
    Run,
    Table,
    check,
    median,
    spread,
    timed_run,
)
from .import_time import importtime, measure, user_python

SPEC = CORPUS / "binance-spot-api.yaml"
PACKAGE = "binance_spot_api_client"
GENERATE_RUNS = 3
IMPORT_RUNS = 5
TIME_TARGET_S = 6.0
RSS_TARGET_MB = 400.0
IMPORT_TARGET_S = 0.5


def generate(out: Path, *, cache: bool = False) -> Run:
    """One lenient `python -m generator generate` of the Binance spec in a new process."""
    flags = ["--lenient"] + ([] if cache else ["--no-cache"])
    return timed_run([PYTHON, "-m", "generator", "generate", *flags, "--out", out, SPEC])


def measure_generation(out: Path) -> dict[str, Any]:
    """Cold runs (wall time, peak RSS, warnings), then one nothing-changed run."""
    runs = [generate(out) for _ in range(GENERATE_RUNS)]
    unchanged = generate(out, cache=True)
    client = (out / PACKAGE / PACKAGE / "_client.py").read_text()
    return {
        "cold_s": [r.seconds for r in runs],
        "cold_cpu_s": [r.cpu_seconds for r in runs],
        "peak_rss_mb": [r.peak_rss_mb for r in runs],
        "warnings": runs[-1].stderr.count("warning: "),
        "unchanged_s": unchanged.seconds,
        "operations": len(re.findall(r"^    _\w+: Endpoint\[", client, re.MULTILINE)),
        "source_kb": sum(p.stat().st_size for p in (out / PACKAGE).rglob("*.py")) / 1024,
    }


def measure_opc(work: Path) -> dict[str, Any]:
    """One openapi-python-client run on the same spec: its time and outcome."""
    try:
        executable = _opc.ensure()
    except BenchError as exc:
        return {"seconds": None, "outcome": f"not run: {exc}"}
    done = _opc.generate(executable, SPEC, work / "opc")
    return {"seconds": done.seconds, "outcome": _opc.outcome(done)}


def run() -> Report:
    """Generate, import and compare; build the table."""
    if not SPEC.exists():
        raise BenchError(f"{SPEC} is missing")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = Path(tmp)
        generation = measure_generation(work / "out")
        project = work / "out" / PACKAGE
        python, fallback = user_python()
        imports = measure(PACKAGE, project, python, IMPORT_RUNS)
        imports["breakdown_ms"] = _breakdown(project, python)
        imports["fallback"] = fallback
        opc = measure_opc(work)
    data = {"generation": generation, "import": imports, "opc": opc, "spec": str(SPEC)}
    return Report("scale", [_table(generation, imports, opc)], data)


def _breakdown(project: Path, python: Path) -> dict[str, float]:
    """Cumulative ms of each submodule of the package, from one warm import."""
    lines = importtime(f"import {PACKAGE}", project, python=python)
    return {
        line.module: line.cumulative_us / 1000
        for line in lines
        if line.module.startswith(PACKAGE + ".") and line.depth == 1
    }


def _table(generation: dict[str, Any], imports: dict[str, Any], opc: dict[str, Any]) -> Table:
    cold = median(generation["cold_s"])
    rss = max(generation["peak_rss_mb"])
    imported = median(imports["total_ms"]) / 1000
    table = Table(
        f"Scale: {SPEC.name} ({generation['operations']} operations generated, "
        f"{SPEC.stat().st_size / 1024**2:.1f} MB spec) with --lenient",
        ["measurement", "figure", "target", "result"],
    )
    table.rows = [
        [
            f"generate, cold (--no-cache), median of {GENERATE_RUNS}",
            f"{cold:.2f} s",
            f"< {TIME_TARGET_S:g} s",
            check(cold, TIME_TARGET_S),
        ],
        [
            "peak RSS of generate (largest process, worst run)",
            f"{rss:.0f} MB",
            f"< {RSS_TARGET_MB:g} MB",
            check(rss, RSS_TARGET_MB),
        ],
        [
            f"import {PACKAGE}, total, median of {IMPORT_RUNS}",
            f"{imported:.3f} s",
            f"< {IMPORT_TARGET_S:g} s",
            check(imported, IMPORT_TARGET_S),
        ],
        [
            "import, own (httpx+pydantic preloaded)",
            f"{median(imports['own_ms']) / 1000:.3f} s",
            "-",
            "info",
        ],
        [
            "first import, no .pyc (compiling)",
            f"{imports['first_import_no_pyc_ms'] / 1000:.3f} s",
            "-",
            "info",
        ],
        ["generate, nothing changed", f"{generation['unchanged_s']:.2f} s", "-", "info"],
        [_opc.NAME, _seconds(opc["seconds"]), "-", opc["outcome"].split(":", 1)[0]],
    ]
    parts = ", ".join(
        f"{name.removeprefix(PACKAGE)} {ms:.0f} ms" for name, ms in imports["breakdown_ms"].items()
    )
    heavy = ", ".join(f"{name} {ms:.0f} ms" for name, ms in imports["heaviest_self_ms"])
    table.notes = [
        f"generate range {spread(generation['cold_s'])} s, CPU time (user+sys) "
        f"{median(generation['cold_cpu_s']):.2f} s; {generation['warnings']} lenient "
        f"warnings; {generation['source_kb']:.0f} KB of Python generated",
        f"import, cumulative by submodule: {parts}",
        f"import, largest self times: {heavy}",
        imports["fallback"]
        or f"imports run with the runtime-only venv; total in the project .venv "
        f"{median(imports['total_project_venv_ms']) / 1000:.3f} s",
        f"{_opc.NAME}: {opc['outcome']}",
    ]
    return table


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"

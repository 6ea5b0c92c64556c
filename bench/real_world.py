"""Measures generating the large real-world specs of tests/corpus/ beside openapi-python-client."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from . import _opc
from ._common import CORPUS, PYTHON, BenchError, Report, Run, Table, check, median, timed_run

RUNS = 3
RATIO_TARGET = 0.5
# (spec, whether it needs --lenient, the peak RSS target in MB or None)
SPECS: tuple[tuple[Path, bool, float | None], ...] = (
    (CORPUS / "real-world" / "okx-rest.yaml", False, None),
    (CORPUS / "real-world" / "openai.yaml", True, 500.0),
)


def ours(spec: Path, out: Path, *, lenient: bool) -> Run:
    """One `python -m generator generate --no-cache` of `spec` in a new process."""
    flags = ["--no-cache"] + (["--lenient"] if lenient else [])
    return timed_run([PYTHON, "-m", "generator", "generate", *flags, "--out", out, spec])


def measure(work: Path) -> dict[str, Any]:
    """Per spec: ours and openapi-python-client, interleaved, RUNS cold runs each."""
    try:
        opc: Path | None = _opc.ensure()
        unavailable = ""
    except BenchError as exc:
        opc, unavailable = None, str(exc)
    results: dict[str, Any] = {}
    for spec, lenient, _ in SPECS:
        if not spec.exists():
            raise BenchError(f"{spec} is missing")
        mine: list[Run] = []
        theirs: list[Run] = []
        for i in range(RUNS):
            mine.append(ours(spec, work / "ours" / spec.stem, lenient=lenient))
            if opc is not None:
                theirs.append(_opc.generate(opc, spec, work / "opc" / f"{spec.stem}-{i}"))
        client = next((work / "ours" / spec.stem).glob("*/*/_client.py")).read_text()
        results[spec.name] = {
            "ours_s": [r.seconds for r in mine],
            "ours_cpu_s": [r.cpu_seconds for r in mine],
            "ours_peak_rss_mb": [r.peak_rss_mb for r in mine],
            "operations": len(re.findall(r"^    _\w+: Endpoint\[", client, re.MULTILINE)),
            "warnings": mine[-1].stderr.count("warning: "),
            "opc_s": [r.seconds for r in theirs],
            "opc_cpu_s": [r.cpu_seconds for r in theirs],
            "opc_peak_rss_mb": [r.peak_rss_mb for r in theirs],
            "opc_outcome": _opc.outcome(theirs[-1]) if theirs else f"not run: {unavailable}",
        }
    return results


def run() -> Report:
    """Run the measurements and build the table."""
    with tempfile.TemporaryDirectory(prefix="bench-real-world-") as tmp:
        results = measure(Path(tmp))
    return Report("real_world", [_table(results)], {"specs": results, "opc_version": _opc.VERSION})


def _table(results: dict[str, Any]) -> Table:
    table = Table(
        f"Real-world specs: ours (--no-cache) vs {_opc.NAME}, median of {RUNS} interleaved "
        "cold runs each",
        ["spec", "measurement", "ours", "openapi-python-client", "target", "result"],
    )
    for spec, lenient, rss_target in SPECS:
        entry = results[spec.name]
        mine, rss = median(entry["ours_s"]), max(entry["ours_peak_rss_mb"])
        theirs = median(entry["opc_s"]) if entry["opc_s"] else None
        name = spec.name + (" (--lenient)" if lenient else "")
        ratio = f"{mine / theirs:.2f}x" if theirs else "-"
        table.rows.append(
            [
                name,
                "wall time",
                f"{mine:.2f} s",
                f"{theirs:.2f} s" if theirs else "-",
                f"ours <= {RATIO_TARGET:g}x theirs",
                check(mine / theirs, RATIO_TARGET, inclusive=True) + f" ({ratio})"
                if theirs
                else "not measured",
            ]
        )
        table.rows.append(
            [
                name,
                "peak RSS",
                f"{rss:.0f} MB",
                f"{max(entry['opc_peak_rss_mb']):.0f} MB" if entry["opc_peak_rss_mb"] else "-",
                f"< {rss_target:g} MB" if rss_target else "-",
                check(rss, rss_target) if rss_target else "info",
            ]
        )
    table.notes = [
        f"{spec.name}: ours generated {results[spec.name]['operations']} operations with "
        f"{results[spec.name]['warnings']} warnings, CPU time (user+sys) "
        f"{median(results[spec.name]['ours_cpu_s']):.2f} s vs "
        + (
            f"{median(results[spec.name]['opc_cpu_s']):.2f} s"
            if results[spec.name]["opc_cpu_s"]
            else "-"
        )
        + f"; openapi-python-client: {results[spec.name]['opc_outcome']}"
        for spec, _, _ in SPECS
    ]
    return table

"""Measures generating the five specs: cold, nothing changed, and beside openapi-python-client."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from . import _opc
from ._common import (
    PYTHON,
    SPECS_DIR,
    BenchError,
    Report,
    Run,
    Table,
    check,
    median,
    spread,
    timed_run,
)

COLD_RUNS = 5
UNCHANGED_RUNS = 7
PER_SPEC_RUNS = 3
COLD_TARGET_S = 3.0
UNCHANGED_TARGET_S = 0.5
SUM_RATIO_TARGET = 0.5  # the five specs from cold, against openapi-python-client's summed time


def specs() -> list[Path]:
    """The project's specs, as `make generate` finds them."""
    return sorted(SPECS_DIR.glob("*.yaml"))


def ours(out: Path, *spec: Path, cache: bool = False) -> Run:
    """One `python -m generator generate` in a new process (with `--no-cache` unless `cache`)."""
    flags = [] if cache else ["--no-cache"]
    return timed_run([PYTHON, "-m", "generator", "generate", *flags, "--out", out, *spec])


def _summary(run: Run) -> str:
    """The generator's closing line, e.g. `5 package(s): 5 up to date, 0 regenerated`."""
    found = re.findall(r"^\d+ package\(s\):.*$", run.stdout, re.MULTILINE)
    return found[-1] if found else "(no summary line)"


def measure_all(work: Path) -> dict[str, Any]:
    """Cold runs of all five specs, then nothing-changed runs against the up-to-date output."""
    out = work / "all"
    cold = [ours(out) for _ in range(COLD_RUNS)]
    unchanged = [ours(out, cache=True) for _ in range(UNCHANGED_RUNS)]
    summary = _summary(unchanged[-1])
    if not re.search(rf"{len(specs())} up to date", summary):
        raise BenchError(f"nothing-changed run still regenerated: {summary}")
    return {
        "cold_s": [r.seconds for r in cold],
        "cold_cpu_s": [r.cpu_seconds for r in cold],
        "cold_peak_rss_mb": max(r.peak_rss_mb for r in cold),
        "unchanged_s": [r.seconds for r in unchanged],
        "unchanged_summary": summary,
    }


def measure_per_spec(work: Path) -> dict[str, Any]:
    """Per spec, cold runs of ours and of openapi-python-client, interleaved."""
    try:
        opc: Path | None = _opc.ensure()
        unavailable = ""
    except BenchError as exc:
        opc, unavailable = None, str(exc)
    results: dict[str, Any] = {}
    for spec in specs():
        mine: list[Run] = []
        theirs: list[Run] = []
        for i in range(PER_SPEC_RUNS):
            mine.append(ours(work / "ours" / spec.stem, spec))
            if opc is not None:
                theirs.append(_opc.generate(opc, spec, work / "opc" / f"{spec.stem}-{i}"))
        results[spec.name] = {
            "ours_s": [r.seconds for r in mine],
            "ours_cpu_s": [r.cpu_seconds for r in mine],
            "opc_s": [r.seconds for r in theirs],
            "opc_cpu_s": [r.cpu_seconds for r in theirs],
            "opc_outcome": _opc.outcome(theirs[-1]) if theirs else f"not run: {unavailable}",
        }
    return results


def run() -> Report:
    """Run every generation measurement and build its tables."""
    with tempfile.TemporaryDirectory(prefix="bench-generation-") as tmp:
        work = Path(tmp)
        whole = measure_all(work)
        per_spec = measure_per_spec(work)
    data = {"five_specs": whole, "per_spec": per_spec, "opc_version": _opc.VERSION}
    return Report("generation", [_main_table(whole), _side_table(per_spec, whole)], data)


def _main_table(whole: dict[str, Any]) -> Table:
    cold, unchanged = median(whole["cold_s"]), median(whole["unchanged_s"])
    table = Table(
        "Generation: `python -m generator generate` of the five specs, new process each run",
        ["measurement", "median", "target", "result"],
    )
    table.rows = [
        [
            f"cold (--no-cache), {COLD_RUNS} runs",
            f"{cold:.2f} s",
            f"< {COLD_TARGET_S:g} s",
            check(cold, COLD_TARGET_S),
        ],
        [
            f"nothing changed, {UNCHANGED_RUNS} runs",
            f"{unchanged:.3f} s",
            f"< {UNCHANGED_TARGET_S:g} s",
            check(unchanged, UNCHANGED_TARGET_S),
        ],
    ]
    table.notes = [
        f"cold range {spread(whole['cold_s'])} s, CPU time (user+sys, ruff included) "
        f"{median(whole['cold_cpu_s']):.2f} s, peak RSS {whole['cold_peak_rss_mb']:.0f} MB; "
        f"nothing-changed range {spread(whole['unchanged_s'])} s",
        f"nothing-changed run printed: {whole['unchanged_summary']}",
    ]
    return table


def _side_table(per_spec: dict[str, Any], whole: dict[str, Any]) -> Table:
    table = Table(
        f"Generation per spec, side by side: ours (--no-cache) vs {_opc.NAME}, "
        f"median of {PER_SPEC_RUNS} cold runs each",
        ["spec", "ours", "openapi-python-client", "ours / theirs", "openapi-python-client outcome"],
    )
    total_ours = total_theirs = 0.0
    for name, entry in per_spec.items():
        mine = median(entry["ours_s"])
        total_ours += mine
        if entry["opc_s"]:
            theirs = median(entry["opc_s"])
            total_theirs += theirs
            cells = [f"{theirs:.2f} s", f"{mine / theirs:.2f}x"]
        else:
            cells = ["-", "-"]
        table.rows.append([name, f"{mine:.2f} s", *cells, entry["opc_outcome"]])
    if total_theirs:
        table.rows.append(
            [
                "sum",
                f"{total_ours:.2f} s",
                f"{total_theirs:.2f} s",
                f"{total_ours / total_theirs:.2f}x",
                "",
            ]
        )
        together = median(whole["cold_s"])
        ratio = together / total_theirs
        table.rows.append(
            [
                "all five, one cold run (table above) vs their sum",
                f"{together:.2f} s",
                f"{total_theirs:.2f} s",
                f"{ratio:.2f}x",
                f"target <= {SUM_RATIO_TARGET:g}x: "
                + check(ratio, SUM_RATIO_TARGET, inclusive=True),
            ]
        )
    table.notes = [
        "one spec per process, both run ruff over their output; the target is on all five "
        "generated by one cold run against openapi-python-client's summed time",
        "CPU time (user+sys) medians, less sensitive to a busy machine: "
        + ", ".join(
            f"{name} {median(e['ours_cpu_s']):.2f} s vs "
            + (f"{median(e['opc_cpu_s']):.2f} s" if e["opc_cpu_s"] else "-")
            for name, e in per_spec.items()
        ),
    ]
    return table

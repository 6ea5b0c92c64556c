"""`make bench`: runs every benchmark, prints its tables, writes bench/results/latest.json."""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import (
    bundle,
    call_overhead,
    concurrency,
    corpus,
    generation,
    import_time,
    ratelimit,
    real_world,
    scale,
)
from ._common import BenchError, Report, load, machine, markdown, render

BENCHMARKS: dict[str, Callable[[], Report]] = {
    "generation": generation.run,
    "scale": scale.run,
    "real_world": real_world.run,
    "call_overhead": call_overhead.run,
    "concurrency": concurrency.run,
    "ratelimit": ratelimit.run,
    "import_time": import_time.run,
    "bundle": bundle.run,
    "corpus": corpus.run,
}
RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks (all by default); 1 if any could not measure, else 0."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), help="repeatable")
    args = parser.parse_args(argv)
    names = args.only or list(BENCHMARKS)
    host = machine()
    print("Machine: " + "; ".join(f"{k}: {v}" for k, v in host.items()), flush=True)
    started = time.perf_counter()
    reports: list[Report] = []
    failed: dict[str, str] = {}
    for name in names:
        print(f"\n[{name}] running ...", file=sys.stderr, flush=True)
        began, before = time.perf_counter(), load()
        try:
            report = BENCHMARKS[name]()
        except BenchError as exc:
            failed[name] = str(exc)
            print(f"\n{name}: could not measure: {exc}", flush=True)
            continue
        except Exception:  # report and go on with the other benchmarks
            failed[name] = traceback.format_exc()
            print(f"\n{name}: crashed:\n{failed[name]}", flush=True)
            continue
        report.data["benchmark_seconds"] = time.perf_counter() - began
        report.data["load_average_1min"] = {"before": before, "after": load()}
        reports.append(report)
        busy = f"1-min load average {before} before, {load()} after (cores: {host['cores']})"
        report.tables[-1].notes.append(busy)
        for table in report.tables:
            print("\n" + render(table), flush=True)
    elapsed = time.perf_counter() - started
    print(f"\nall benchmarks: {elapsed:.0f} s", flush=True)
    _write(host, reports, failed, elapsed)
    return 1 if failed else 0


def _write(
    host: dict[str, str], reports: list[Report], failed: dict[str, str], elapsed: float
) -> None:
    """bench/results/latest.json (every figure) and latest.md (the tables, for the README)."""
    RESULTS.mkdir(exist_ok=True)
    when = datetime.now(UTC).isoformat(timespec="seconds")
    document: dict[str, Any] = {
        "when": when,
        "machine": host,
        "seconds": elapsed,
        "results": {r.name: r.data for r in reports},
        "tables": {r.name: [t.__dict__ for t in r.tables] for r in reports},
        "failed": failed,
    }
    (RESULTS / "latest.json").write_text(json.dumps(document, indent=2, default=str) + "\n")
    lines = [f"Measured {when} by `make bench` ({elapsed:.0f} s) on:", ""]
    lines += [f"- {name}: {value}" for name, value in host.items()]
    lines += ["\n" + markdown(t) for r in reports for t in r.tables]
    (RESULTS / "latest.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {RESULTS / 'latest.json'} and {RESULTS / 'latest.md'}", flush=True)


if __name__ == "__main__":
    sys.exit(main())

"""Shared helpers: the machine, medians, timed subprocesses with peak RSS, and result tables."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SPECS_DIR = ROOT / "specs"
GENERATED = ROOT / "generated"
CORPUS = ROOT / "tests" / "corpus"


class BenchError(Exception):
    """A benchmark could not take its measurement (a command failed, an input is missing)."""


@dataclass(frozen=True)
class Run:
    """One finished subprocess: wall and CPU time, peak RSS of its largest process, output."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


@dataclass
class Table:
    """A printed table: a title, column headers, rows of cells, and notes below it."""

    title: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Report:
    """What one benchmark produced: its tables for people and its raw figures for JSON."""

    name: str
    tables: list[Table]
    data: dict[str, Any]


def median(values: Sequence[float]) -> float:
    """The median of a non-empty sequence."""
    return float(statistics.median(values))


def spread(values: Sequence[float]) -> str:
    """`min-max` of the samples, for the notes, in the unit they are given in."""
    return f"{min(values):.3g}-{max(values):.3g}"


def check(value: float, limit: float, *, inclusive: bool = False) -> str:
    """`pass` when `value` is under `limit` (at most, when inclusive), else `OVER by N%`."""
    ok = value <= limit if inclusive else value < limit
    over = value / limit - 1
    return "pass" if ok else f"OVER by {over:.0%}" if over >= 0.01 else "OVER by <1%"


def timed_run(
    command: Sequence[str | os.PathLike[str]],
    *,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    check_exit: bool = True,
) -> Run:
    """Run `command` to completion; wall time and peak RSS come from wait4 on the child.

    The RSS is the largest of the child and the grandchildren it waited for (ruff, here).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [os.fspath(c) for c in command], cwd=cwd, env=env, stdout=out, stderr=err
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        run = Run(
            seconds=seconds,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            peak_rss_mb=usage.ru_maxrss / 1024,
            returncode=process.returncode,
            stdout=out.read().decode(errors="replace"),
            stderr=err.read().decode(errors="replace"),
        )
    if check_exit and run.returncode != 0:
        tail = "\n".join(run.stderr.strip().splitlines()[-15:])
        shown = " ".join(os.fspath(c) for c in command)
        raise BenchError(f"`{shown}` exited {run.returncode}:\n{tail}")
    return run


def environment(**overrides: str | None) -> dict[str, str]:
    """This process's environment with `overrides` applied (None removes a variable)."""
    env = dict(os.environ)
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def load() -> str:
    """The 1-minute load average: how busy the machine was (other work skews every figure)."""
    return f"{os.getloadavg()[0]:.2f}"


def machine() -> dict[str, str]:
    """CPU model, cores, memory, Python, OS and load: printed above the tables."""
    return {
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "memory": _memory(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{platform.system()} {platform.release()}",
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", "(unset)"),
    }


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or "unknown"
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else platform.processor() or "unknown"


def _memory() -> str:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return "unknown"
    found = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return f"{int(found.group(1)) / 1024**2:.1f} GiB" if found else "unknown"


def render(table: Table) -> str:
    """The table as aligned plain text."""
    widths = [
        max(len(cell) for cell in column) for column in zip(table.headers, *table.rows, strict=True)
    ]
    line = "  ".join("-" * w for w in widths)
    lines = [table.title, line, _row(table.headers, widths), line]
    lines += [_row(row, widths) for row in table.rows]
    lines.append(line)
    lines += [f"  {note}" for note in table.notes]
    return "\n".join(lines)


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def markdown(table: Table) -> str:
    """The table as GitHub markdown."""
    lines = [f"#### {table.title}", "", "| " + " | ".join(table.headers) + " |"]
    lines.append("|" + "---|" * len(table.headers))
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in table.rows]
    if table.notes:
        lines.append("")
        lines += [f"- {note}" for note in table.notes]
    return "\n".join(lines)

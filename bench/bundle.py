"""Measures loading specs: a spec split over thousands of files bundled, and the big corpus files."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from generator.errors import Diagnostics
from generator.load import load_spec
from tests.support.multifile import write_tree

from ._common import CORPUS, Report, Table, check, median, spread

RESOURCES = 750  # about 5 files each: 3,000 files
RUNS = 3
BUNDLE_TARGET_S = 3.0
BIG_SPECS = ("real-world/openai.yaml", "binance-spot-api.yaml", "real-world/okx-rest.yaml")


def _load_seconds(spec: Path) -> tuple[float, int]:
    began = time.perf_counter()
    loaded = load_spec(spec, Diagnostics(spec, lenient=True))
    return time.perf_counter() - began, len(loaded.extra_files) + 1


def run() -> Report:
    """Bundle the generated tree and load each big corpus spec, RUNS times each, in this process."""
    data: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        root = write_tree(Path(tmp), RESOURCES)
        samples = [_load_seconds(root) for _ in range(RUNS)]
        data["many_files"] = {"files": samples[0][1], "seconds": [s for s, _ in samples]}
    for name in BIG_SPECS:
        spec = CORPUS / name
        data[name] = {
            "bytes": spec.stat().st_size,
            "seconds": [_load_seconds(spec)[0] for _ in range(RUNS)],
        }
    table = Table(
        f"Loading (read, check, bundle; no validation), median of {RUNS} in one process",
        ["input", "size", "load", "target", "result"],
    )
    many = data["many_files"]
    seconds = median(many["seconds"])
    table.rows.append(
        [
            f"tests/support/multifile.py tree, {RESOURCES} resources",
            f"{many['files']} files",
            f"{seconds:.2f} s",
            f"< {BUNDLE_TARGET_S:.0f} s",
            check(seconds, BUNDLE_TARGET_S),
        ]
    )
    for name in BIG_SPECS:
        entry = data[name]
        table.rows.append(
            [
                f"tests/corpus/{name}",
                f"{entry['bytes'] / 1e6:.1f} MB",
                f"{median(entry['seconds']):.2f} s",
                "-",
                "-",
            ]
        )
    table.notes = [
        "spread of the samples: "
        + ", ".join(f"{key} {spread(value['seconds'])} s" for key, value in data.items()),
        "the tree: a root with no components, path items, operations, parameters, responses and "
        "schemas each in their own file, folders three levels deep, YAML and JSON mixed, "
        "recursion within and across files",
    ]
    return Report("bundle", [table], data)

"""Every spec of tests/corpus/: our outcome and operations generated beside openapi-python-client's."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from . import _opc
from ._common import CORPUS, PYTHON, BenchError, Report, Run, Table, timed_run

# Each spec whose references reach above its folder, with the folder they may read.
_ROOTS = {
    "real-world/swagger2-petstore-separate/spec/swagger.yaml": "real-world/swagger2-petstore-separate"
}
_METHODS = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})


def specs() -> list[Path]:
    """Every spec of the corpus (not the previous releases kept for the change report, nor the
    files a spec's references reach)."""
    return [
        p
        for p in sorted(CORPUS.rglob("*"))
        if p.suffix in (".yaml", ".yml", ".json")
        and "releases" not in p.relative_to(CORPUS).parts
        and _is_spec(p)
    ]


def _is_spec(path: Path) -> bool:
    document = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return isinstance(document, dict) and bool({"openapi", "swagger"} & document.keys())


def declared_operations(spec: Path) -> int:
    """How many operations `spec`'s `paths` declare."""
    document = yaml.load(spec.read_bytes(), Loader=yaml.CSafeLoader)
    paths = document.get("paths") or {} if isinstance(document, dict) else {}
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for method in item
        if method in _METHODS
    )


def ours(spec: Path, out: Path) -> tuple[str, int, Run]:
    """Our outcome (strict first, then --lenient), the operations generated, and the run."""
    name = str(spec.relative_to(CORPUS))
    root = ["--root", str(CORPUS / _ROOTS[name])] if name in _ROOTS else []
    command: list[str | os.PathLike[str]] = [PYTHON, "-m", "generator", "generate", "--no-cache"]
    command += ["--out", out, *root, spec]
    run = timed_run(command, check_exit=False)
    outcome = "ok"
    if run.returncode == 2:
        run = timed_run([*command[:4], "--lenient", *command[4:]], check_exit=False)
        warnings = run.stderr.count("warning: ")
        outcome = f"ok with --lenient ({warnings} warnings)"
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["?"])[-1]
        return f"refused: {last[:160]}", 0, run
    clients = list(out.glob("*/*/_client.py"))
    operations = sum(
        len(re.findall(r"^    _\w+: Endpoint\[", c.read_text(), re.MULTILINE)) for c in clients
    )
    return outcome, operations, run


def theirs(executable: Path, spec: Path, out: Path) -> tuple[str, int]:
    """openapi-python-client's outcome and the operations it generated (a module each)."""
    run = _opc.generate(executable, spec, out)
    modules = [p for p in out.glob("api/**/*.py") if p.name != "__init__.py"]
    return _opc.outcome(run), len(modules)


def measure(work: Path) -> dict[str, Any]:
    """One run of each generator on each spec."""
    try:
        opc: Path | None = _opc.ensure()
        unavailable = ""
    except BenchError as exc:
        opc, unavailable = None, str(exc)
    results: dict[str, Any] = {}
    for i, spec in enumerate(specs()):
        name = str(spec.relative_to(CORPUS))
        outcome, operations, run = ours(spec, work / "ours" / str(i))
        entry: dict[str, Any] = {
            "declared": declared_operations(spec),
            "ours": outcome,
            "ours_operations": operations,
            "ours_s": run.seconds,
        }
        if opc is not None:
            entry["opc"], entry["opc_operations"] = theirs(opc, spec, work / "opc" / str(i))
        else:
            entry["opc"], entry["opc_operations"] = f"not run: {unavailable}", None
        results[name] = entry
    return results


def run() -> Report:
    """Run both generators over the corpus and build the table."""
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        results = measure(Path(tmp))
    return Report("corpus", [_table(results)], {"specs": results, "opc_version": _opc.VERSION})


def _table(results: dict[str, Any]) -> Table:
    table = Table(
        f"Corpus: every spec of tests/corpus/, ours vs {_opc.NAME}, one cold run each",
        ["spec", "operations", "ours", "ours: generated", f"{_opc.NAME}", "theirs: generated"],
    )
    for name, entry in results.items():
        table.rows.append(
            [
                name,
                str(entry["declared"]),
                entry["ours"],
                str(entry["ours_operations"]),
                entry["opc"][:80],
                "-" if entry["opc_operations"] is None else str(entry["opc_operations"]),
            ]
        )
    declared = sum(e["declared"] for e in results.values())
    mine = sum(e["ours_operations"] for e in results.values())
    counted = [e["opc_operations"] for e in results.values() if e["opc_operations"] is not None]
    table.rows.append(
        ["all", str(declared), "", str(mine), "", str(sum(counted)) if counted else "-"]
    )
    table.notes = [
        "operations: those the spec's paths declare; generated: client methods (ours), endpoint "
        "modules (openapi-python-client); a spec we refuse strictly is run again with --lenient"
    ]
    return table

"""Side venvs the benchmarks make on first use under bench/ (git-ignored), apart from .venv."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from ._common import ROOT, BenchError

HERE = Path(__file__).resolve().parent
RUNTIME = HERE / ".runtime-venv"
# What a user of a generated package installs: its runtime deps, at the project's pins.
RUNTIME_DISTS = ("httpx", "pydantic", "cryptography")


def ensure(venv: Path, requirements: list[str]) -> Path:
    """The venv's python, (re)creating the venv when its recorded requirements differ."""
    python = venv / "bin" / "python"
    stamp = venv / "bench-requirements.txt"
    wanted = "\n".join(requirements) + "\n"
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    shutil.rmtree(venv, ignore_errors=True)
    print(f"installing {', '.join(requirements)} into {venv} ...", file=sys.stderr, flush=True)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(python), "-m", "pip", "install", "--quiet", *requirements],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            shutil.rmtree(venv, ignore_errors=True)
            raise BenchError(f"could not make {venv.name}: {done.stderr.strip()[-500:]}")
    stamp.write_text(wanted)
    return python


def runtime_requirements() -> list[str]:
    """`httpx==…`, `pydantic==…`, `cryptography==…` as pinned in pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    found = []
    for dist in RUNTIME_DISTS:
        pin = next((p for p in pins if re.split(r"[=<>~! \[]", p, maxsplit=1)[0] == dist), None)
        if pin is None:
            raise BenchError(f"pyproject.toml pins no {dist}")
        found.append(pin)
    return found


def runtime_python() -> Path:
    """A python with only the generated packages' runtime deps (no click, pygments, …)."""
    return ensure(RUNTIME, runtime_requirements())

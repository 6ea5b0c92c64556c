"""openapi-python-client in its own venv, bench/.opc-venv (made on first use), for side by side."""

from __future__ import annotations

import os
from pathlib import Path

from . import _venvs
from ._common import Run, environment, timed_run

VERSION = "0.29.1"
NAME = f"openapi-python-client {VERSION}"
VENV = Path(__file__).resolve().parent / ".opc-venv"


def ensure() -> Path:
    """The openapi-python-client executable, installing the pinned version into VENV if needed."""
    python = _venvs.ensure(VENV, [f"openapi-python-client=={VERSION}"])
    return python.parent / "openapi-python-client"


def generate(executable: Path, spec: Path, out: Path) -> Run:
    """One `openapi-python-client generate` of `spec` into `out`, its ruff post-hooks included."""
    command: list[str | os.PathLike[str]] = [
        executable,
        "generate",
        "--path",
        spec,
        "--output-path",
        out,
        "--overwrite",
        "--meta",
        "none",
    ]
    # Its post-hooks call `ruff` from PATH; the venv's own ruff keeps the work comparable to ours.
    path = f"{executable.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return timed_run(command, env=environment(PATH=path), check_exit=False)


def outcome(run: Run) -> str:
    """`ok`, `ok, with warnings`, or `refused: <its reason>` for one run."""
    text = run.stdout + run.stderr
    if run.returncode == 0:
        return "ok, with warnings" if "Warning(s) encountered" in text else "ok"
    reason = [
        line.strip()
        for line in text.splitlines()
        if line.strip()
        and not line.startswith(("Error(s) encountered", "If you believe", "Generating "))
        and "errors.pydantic.dev" not in line
    ]
    return "refused: " + " / ".join(reason)[:240]

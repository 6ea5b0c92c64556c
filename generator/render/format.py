"""Formats generated Python with ruff: unused imports removed, imports sorted, code formatted."""

from __future__ import annotations

import subprocess
from pathlib import Path


class FormatError(Exception):
    """ruff could not parse or format a generated file."""


def _ruff() -> str:
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())


def format_tree(root: Path) -> None:
    """Run `ruff check --fix` (imports, and the upgrades the packages' own ruff settings select)
    and `ruff format` over every Python file in `root`."""
    ruff = _ruff()
    commands = [
        [
            ruff,
            "check",
            "--fix",
            "--select",
            "I,F401,UP",
            "--quiet",
            "--no-cache",
            "--exit-zero",
            ".",
        ],
        [ruff, "format", "--quiet", "--no-cache", "."],
    ]
    for command in commands:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise FormatError(f"{' '.join(command[1:3])} failed:\n{result.stdout}{result.stderr}")

"""Where things are in the repository, and the committed packages made importable."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
TESTS = ROOT / "tests"
CASSETTES = TESTS / "cassettes"
CORPUS = TESTS / "corpus"
GOLDEN = TESTS / "golden"
PRISM_PACKAGE = TESTS / "prism"
NEUTRAL_SPEC = TESTS / "runtime" / "neutral" / "spec.yaml"


def package_dirs() -> list[Path]:
    """The folders of the committed generated packages (each holds one importable package)."""
    if not GENERATED.is_dir():
        return []
    return [d for d in sorted(GENERATED.iterdir()) if (d / "pyproject.toml").is_file()]


def importable(folder: Path) -> None:
    """Put `folder` first on sys.path, so the package it holds imports."""
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@contextmanager
def on_path(*folders: Path) -> Iterator[None]:
    """`folders` first on sys.path while the block runs."""
    added = [str(folder) for folder in folders]
    sys.path[:0] = added
    try:
        yield
    finally:
        for entry in added:
            sys.path.remove(entry)


def import_committed_packages() -> None:
    """Put every committed package under generated/ on sys.path, as `pip install` would."""
    for package_dir in package_dirs():
        importable(package_dir)

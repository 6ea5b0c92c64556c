"""Shared by the tests: generate a spec into a temporary directory and import the package."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from generator import generate

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
CORPUS = ROOT / "tests" / "corpus"
GOLDEN = ROOT / "tests" / "golden"


def generate_and_import(
    spec: Path, out: Path, *, lenient: bool = False, root: Path | None = None
) -> ModuleType:
    """Generate `spec` into `out` and import the package it produced."""
    result = generate([spec], out, lenient=lenient, use_cache=False, root=root)
    (package,) = result.packages
    return import_package(out, package)


def import_package(out: Path, package: str) -> ModuleType:
    """Import the package generated into `out / package`, afresh."""
    sys.path.insert(0, str(out / package))
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    return importlib.import_module(package)

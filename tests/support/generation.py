"""Generate a spec into a temporary directory and import the package it produced."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from generator import generate
from tests.support.paths import importable


def generate_and_import(
    spec: Path, out: Path, *, lenient: bool = False, root: Path | None = None
) -> ModuleType:
    """Generate `spec` into `out` and import the package it produced."""
    result = generate([spec], out, lenient=lenient, use_cache=False, root=root)
    (package,) = result.packages
    return import_package(out, package)


def import_package(out: Path, package: str) -> ModuleType:
    """Import the package generated into `out / package`, afresh."""
    importable(out / package)
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    return importlib.import_module(package)

"""Overlays: the OpenAPI Overlay Specification (1.0, and 1.1's `copy`) applied to a spec's bundled
document before it is validated (`apply`). This module holds the naming rule only, which finding
the overlay of a spec needs without reading anything.

An overlay beside a spec named `<spec stem>.overlay.yaml` (or `.overlay.yml`, `.overlay.json`)
applies whenever that spec is loaded, before any overlay named on the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

OVERLAY_SUFFIXES = (".overlay.yaml", ".overlay.yml", ".overlay.json")
"""`<spec stem><suffix>` beside a spec is its overlay."""


def is_overlay(path: Path) -> bool:
    """Whether `path` is named as an overlay (so a folder of specs does not take it for one)."""
    return path.name.lower().endswith(OVERLAY_SUFFIXES)


def overlays_for(spec: Path, explicit: Sequence[Path] = ()) -> list[Path]:
    """The overlays applied to `spec`, in order: the one beside it by the naming rule, then each of
    `explicit` (one named both ways applies once, where `explicit` puts it)."""
    given = [Path(p) for p in explicit]
    wanted = {real_path(p) for p in given}
    beside = [
        spec.parent / (spec.stem + suffix)
        for suffix in OVERLAY_SUFFIXES
        if (spec.parent / (spec.stem + suffix)).is_file()
    ]
    return [p for p in beside if real_path(p) not in wanted] + given


def real_path(path: Path) -> Path:
    """`path` with symlinks resolved, or made absolute where it cannot be resolved."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def is_beside(overlay: Path, spec: Path) -> bool:
    """Whether `overlay` is the one the naming rule finds for `spec`."""
    return overlay.parent == spec.parent and overlay.name in {
        spec.stem + suffix for suffix in OVERLAY_SUFFIXES
    }

"""The files of a generated package folder."""

from __future__ import annotations

from pathlib import Path


def package_files(directory: Path) -> dict[str, bytes]:
    """Every file below `directory` by relative path; caches and build leftovers are not part of it."""
    if not directory.is_dir():
        return {}
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in directory.rglob("*")
        if p.is_file() and not any(_is_leftover(part) for part in p.relative_to(directory).parts)
    }


def _is_leftover(part: str) -> bool:
    return part in ("__pycache__", "build", ".mypy_cache", ".ruff_cache") or part.endswith(
        ".egg-info"
    )

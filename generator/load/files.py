"""Reading the files a spec names: confined to its folder tree, regular files, bounded in size."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import Diagnostics
from .limits import MAX_FILE_BYTES


def refusal(relative: str) -> str:
    """The one message for a file that cannot be used, whether or not it exists."""
    return (
        f"cannot use {relative!r}: only regular files inside the spec's folder, "
        f"up to {MAX_FILE_BYTES // (1024 * 1024)} MB, can be read"
    )


def confined(spec_dir: Path, relative: str) -> Path | None:
    """The real path `relative` names if it lies inside `spec_dir` (itself a real path)."""
    if not relative or "\x00" in relative or Path(relative).is_absolute():
        return None
    try:
        real = (spec_dir / relative).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return real if real.is_relative_to(spec_dir) else None


def read_bounded(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most MAX_FILE_BYTES, else None."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_FILE_BYTES:  # it grew after fstat
                return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def read_confined(
    spec_dir: Path, relative: str, *, at: str, diagnostics: Diagnostics
) -> tuple[Path, str] | None:
    """The real path and UTF-8 text of a file the spec names (a hook); None, with an error, if it
    is outside `spec_dir`, not a regular file, too big or not text."""
    real = confined(spec_dir.resolve(), relative)
    data = read_bounded(real) if real is not None else None
    if real is None or data is None:
        diagnostics.error(at, refusal(relative))
        return None
    try:
        return real, data.decode("utf-8")
    except UnicodeDecodeError:
        diagnostics.error(at, f"{relative!r} is not UTF-8 text")
        return None

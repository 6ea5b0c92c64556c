"""`--check` creates nothing; a run cleans up after a killed one; a failure loses nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from generator import generate
from generator.__main__ import main
from generator.pipeline import STAGING_PREFIX
from generator.write.manifests import MANIFESTS
from generator.write.package_files import package_files
from tests.support.paths import SPECS

SPEC = SPECS / "bitria.yaml"
OTHER = SPECS / "btse.yaml"


def leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.glob(STAGING_PREFIX + "*")]


def test_check_creates_nothing(tmp_path: Path) -> None:
    out = tmp_path / "never" / "made"
    temporary = Path(tempfile.gettempdir())
    before = set(leftovers(temporary))
    assert main(["generate", str(SPEC), "--out", str(out), "--check"]) == 1
    assert list(tmp_path.iterdir()) == []
    assert set(leftovers(temporary)) == before
    # and against an up-to-date output, it changes nothing there either
    generate([SPEC], tmp_path / "out")
    state = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")}
    assert main(["generate", str(SPEC), "--out", str(tmp_path / "out"), "--check"]) == 0
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")} == state
    assert leftovers(tmp_path) == []


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_staging_directory_of_a_killed_run_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    stale = tmp_path / f"{STAGING_PREFIX}{dead_pid()}-abc123"
    (stale / "bitria_client").mkdir(parents=True)
    (stale / "bitria_client" / "half.py").write_text("x = (")
    running = tmp_path / f"{STAGING_PREFIX}{os.getppid()}-def456"  # a live process's: kept
    running.mkdir()
    unrelated = tmp_path / f"{STAGING_PREFIX}notes"
    unrelated.mkdir()
    generate([SPEC], out, use_cache=False)
    assert sorted(leftovers(tmp_path)) == sorted([running, unrelated])
    assert (out / "bitria_client" / "bitria_client" / "_client.py").is_file()


def test_a_package_moved_aside_by_a_killed_run_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate([SPEC], out)
    good = package_files(out / "bitria_client")
    # killed between moving the old package aside and moving the new one in
    (out / "bitria_client").rename(out / ".bitria_client.old")
    generate([OTHER], out)
    assert package_files(out / "bitria_client") == good
    assert not (out / ".bitria_client.old").exists()
    # a backup left next to a complete package is the old one: removed
    (out / ".btse_client.old").mkdir()
    generate([SPEC], out, use_cache=False)
    assert not (out / ".btse_client.old").exists() and (out / "btse_client").is_dir()
    assert (out / MANIFESTS / "bitria_client.json").is_file()

"""A generated package is standalone: it builds a wheel, installs, and imports with only its own files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.generation import ROOT


def test_bitget_package_builds_installs_and_imports(tmp_path: Path) -> None:
    package = tmp_path / "src"
    shutil.copytree(
        ROOT / "generated" / "bitget_client", package
    )  # building writes egg-info beside the sources
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            str(package),
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("bitget_client-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(archive.read(n).decode() for n in names if n.endswith("METADATA"))
    assert {
        "bitget_client/py.typed",
        "bitget_client/_hook_bitget_signing.py",
        "bitget_client/models.py",
    } <= names
    assert "Requires-Dist: cryptography>=42" in metadata and "Requires-Dist: httpx" in metadata
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    probe = "import bitget_client, sys; print(bitget_client.__file__); print(bitget_client.BitgetClient.__name__)"
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {probe}"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.split()
    assert out[0].startswith(str(target)) and out[1] == "BitgetClient"

"""An overlay is untrusted like a spec: the hostile document of `test_injection`, brought in by an
overlay onto a harmless spec, reaches the generated files only through the rendering boundary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator import generate
from tests.untrusted.test_injection import _EXERCISE, _markers, hostile_spec


def test_an_overlay_carrying_payloads_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    spec = tmp_path / "plain.json"
    spec.write_text(
        json.dumps({"openapi": "3.1.0", "info": {"title": "Plain", "version": "1"}, "paths": {}})
    )
    overlay = {
        "overlay": "1.1.0",
        "info": {"title": "hostile", "version": "1"},
        "actions": [{"target": "$", "update": hostile_spec(marker)}],
    }
    (tmp_path / "plain.overlay.json").write_text(json.dumps(overlay))
    result = generate([spec], tmp_path / "out", lenient=True, use_cache=False)
    (name,) = result.packages
    package_dir = tmp_path / "out" / name
    assert "marker-title" in (package_dir / "README.md").read_text(encoding="utf-8")
    for source in package_dir.rglob("*.py"):
        compile(source.read_text(encoding="utf-8"), str(source), "exec")
    done = subprocess.run(
        [sys.executable, "-c", _EXERCISE, name],
        cwd=tmp_path,
        env={"PYTHONPATH": str(package_dir), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "exercised" in done.stdout
    assert _markers(tmp_path) == []

"""Every generated package carries the runtime modules of templates/runtime byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.paths import ROOT

RUNTIME = ROOT / "templates" / "runtime"
PACKAGES = sorted(
    p.parent
    for p in [
        *ROOT.glob("generated/*/*/__init__.py"),
        *ROOT.glob("tests/golden/*/expected/*/__init__.py"),
    ]
)


def test_the_runtime_has_its_modules() -> None:
    names = {p.name for p in RUNTIME.glob("_*.py")}
    assert {"_base_client.py", "_auth.py", "_exceptions.py", "_types.py"} <= names


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_package_carries_the_runtime_verbatim(package: Path) -> None:
    for module in RUNTIME.glob("_*.py"):
        if module.name == "__init__.py":
            continue
        assert (package / module.name).read_bytes() == module.read_bytes(), module.name
    assert (package / "__init__.py").read_bytes() != (RUNTIME / "__init__.py").read_bytes()

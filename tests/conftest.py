"""Makes every committed package under generated/ importable, as `pip install` would."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"

for package_dir in sorted(GENERATED.iterdir()) if GENERATED.is_dir() else []:
    if (package_dir / "pyproject.toml").is_file() and str(package_dir) not in sys.path:
        sys.path.insert(0, str(package_dir))

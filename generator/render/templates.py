"""Where the templates are: inside the installed package, or at the top level of a checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# A wheel ships the checkout's top-level templates/ as generator/templates (pyproject.toml).
TEMPLATE_ROOT = (
    PACKAGE_DIR / "templates"
    if (PACKAGE_DIR / "templates").is_dir()
    else PACKAGE_DIR.parent / "templates"
)

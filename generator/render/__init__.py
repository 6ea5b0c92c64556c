"""Rendering a package: templates through the one boundary, pyproject.toml, ruff."""

"""Writes a generated package's pyproject.toml: data from the IR, serialized by a TOML writer."""

from __future__ import annotations

from typing import Any

import tomli_w

from ..ir import nodes as ir

# Builds outside the source tree: installing a package from its folder leaves the folder as it is.
BUILD_BACKEND = "hatchling==1.33.0"
RUNTIME_DEPENDENCIES = ("httpx>=0.28,<1", "pydantic>=2.11,<3")
PYTHON_VERSIONS = ("3.11", "3.12", "3.13", "3.14")
# The package's own ignore file. hatchling's sdist ships the nearest .gitignore above the package
# folder: without this one, a package inside a repository would carry the repository's.
GITIGNORE = "__pycache__/\n*.py[cod]\n/build/\n/dist/\n*.egg-info/\n.mypy_cache/\n.ruff_cache/\n"


def render_pyproject(api: ir.Api) -> str:
    """The pyproject.toml of `api`'s package; every value from the spec is a TOML string."""
    project: dict[str, Any] = {
        "name": api.package.replace("_", "-"),
        "dynamic": ["version"],
        "description": f"Typed client for {api.title}, generated from {api.spec_file}.",
        "readme": "README.md",
        "requires-python": f">={PYTHON_VERSIONS[0]}",
    }
    if api.license_expression:
        project["license"] = api.license_expression
    elif api.license_name:
        project["license"] = {"text": api.license_name}
    project["classifiers"] = [
        "Framework :: Pydantic :: 2",
        "Intended Audience :: Developers",
        "Operating System :: OS Independent",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        *(f"Programming Language :: Python :: {version}" for version in PYTHON_VERSIONS),
        "Typing :: Typed",
    ]
    project["dependencies"] = list(RUNTIME_DEPENDENCIES)
    if api.extras:
        project["optional-dependencies"] = {
            name: list(dependencies) for name, dependencies in api.extras.items()
        }
    if api.urls:
        project["urls"] = dict(api.urls)
    document = {
        "build-system": {"requires": [BUILD_BACKEND], "build-backend": "hatchling.build"},
        "project": project,
        "tool": {
            "hatch": {
                # The package's own version (CHANGELOG.md); the API's is <package>.API_VERSION.
                "version": {"path": f"{api.package}/_version.py"},
                "build": {
                    "targets": {
                        "wheel": {"packages": [api.package]},
                        "sdist": {
                            "include": [
                                f"/{api.package}",
                                "/README.md",
                                "/CHANGELOG.md",
                                "/pyproject.toml",
                                "/surface.json",
                            ]
                        },
                    }
                },
            },
            "ruff": {
                "line-length": 100,
                "target-version": "py311",
                "lint": {
                    "select": ["E4", "E7", "E9", "F", "I", "B", "UP"],
                    # Field names come from the API (Binance sends `l`, `O`, `I`).
                    "ignore": ["E741", "E742"],
                    "isort": {"known-first-party": [api.package]},
                },
            },
        },
    }
    return tomli_w.dumps(document)

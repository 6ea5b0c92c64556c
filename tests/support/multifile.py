"""Writes a spec split over many files, the way large APIs publish theirs (tests and bench use it).

The root has no `components`; every path item, operation part and schema lives in a file of its
own, folders nest several levels, YAML and JSON are mixed, schemas refer to one another across
folders (whole files and pointers into them) and recurse within and across files.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml


def _write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".json":
        path.write_text(json.dumps(value, indent=2))
    else:
        path.write_text(yaml.safe_dump(value, sort_keys=False))


def write_tree(root: Path, resources: int) -> Path:
    """Write a spec with `resources` resources (about 5 files each) under `root`; its root file."""
    paths: dict[str, object] = {}
    shared = root / "components" / "schemas" / "shared"
    _write(
        shared / "Money.yaml",
        {"type": "string", "format": "decimal", "description": "an exact amount"},
    )
    _write(
        shared / "Node.yaml",  # recursion within one file
        {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "Node.yaml"}},
            },
        },
    )
    _write(  # recursion across files: Owner -> Account -> Owner
        shared / "people" / "Owner.json",
        {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "accounts": {"type": "array", "items": {"$ref": "../accounts/Account.yaml"}},
            },
        },
    )
    _write(
        shared / "accounts" / "Account.yaml",
        {
            "type": "object",
            "properties": {
                "balance": {"$ref": "../Money.yaml"},
                "owner": {"$ref": "../people/Owner.json"},
            },
        },
    )
    _write(
        root / "components" / "parameters.yaml",
        {
            "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}},
            "Cursor": {"name": "cursor", "in": "query", "schema": {"type": "string"}},
        },
    )
    _write(
        root / "components" / "responses" / "Problem.yaml",
        {
            "description": "a problem",
            "content": {
                "application/json": {
                    "schema": {"type": "object", "properties": {"message": {"type": "string"}}}
                }
            },
        },
    )
    for i in range(resources):
        group = f"group{i % 10}"
        name = f"Item{i}"
        schema_file = (
            root / "components" / "schemas" / group / f"{name}.{'json' if i % 3 == 0 else 'yaml'}"
        )
        relative_schema = f"../../../components/schemas/{group}/{schema_file.name}"
        _write(
            schema_file,
            {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string"},
                    "price": {"$ref": "../shared/Money.yaml"},
                    "owner": {"$ref": "../shared/people/Owner.json"},
                    "tree": {"$ref": "../shared/Node.yaml"},
                },
            },
        )
        operations = root / "paths" / group / f"item{i}"
        _write(
            operations / "list.yaml",
            {
                "operationId": f"listItem{i}",
                "parameters": [
                    {"$ref": "../../../components/parameters.yaml#/Limit"},
                    {"$ref": "../../../components/parameters.yaml#/Cursor"},
                ],
                "responses": {
                    "200": {
                        "description": "the items",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"$ref": relative_schema}}
                            }
                        },
                    },
                    "default": {"$ref": "../../../components/responses/Problem.yaml"},
                },
            },
        )
        _write(
            operations / "create.json",
            {
                "operationId": f"createItem{i}",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": relative_schema}}},
                },
                "responses": {
                    "201": {
                        "description": "created",
                        "content": {"application/json": {"schema": {"$ref": relative_schema}}},
                    }
                },
            },
        )
        _write(
            operations / "item.yaml",
            {"get": {"$ref": "list.yaml"}, "post": {"$ref": "create.json"}},
        )
        paths[f"/{group}/items{i}"] = {"$ref": f"paths/{group}/item{i}/item.yaml"}
    main = root / "openapi.yaml"
    _write(
        main,
        {
            "openapi": "3.0.3",
            "info": {"title": "Many Files", "version": "1.0.0"},
            "servers": [{"url": "https://many.example.test"}],
            "paths": paths,
        },
    )
    return main

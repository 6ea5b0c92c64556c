"""Specs split over many files: any layout bundles into one document, problems name their file."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator import SpecError
from generator.errors import Diagnostics, Problem
from generator.load import LoadedSpec, load_spec
from generator.validate import validate_spec
from tests.support.generation import generate_and_import
from tests.support.multifile import write_tree
from tests.support.paths import CORPUS
from tests.support.transport import serving

HEAD = """\
openapi: 3.0.3
info: {title: Split, version: "1"}
servers: [{url: "https://split.example.test"}]
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        head = HEAD if text.startswith(HEAD) else ""
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(head + textwrap.dedent(text[len(head) :]))
    return root / next(iter(files))


def refs(node: Any) -> list[str]:
    """Every `$ref` string in a document."""
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def load(main: Path, *, lenient: bool = False) -> tuple[LoadedSpec, Diagnostics]:
    diagnostics = Diagnostics(main, lenient=lenient)
    return load_spec(main, diagnostics), diagnostics


def test_a_tree_of_files_with_no_components_in_its_root_generates(tmp_path: Path) -> None:
    main = write_tree(tmp_path / "spec", 4)
    spec, diagnostics = load(main)
    assert diagnostics.errors == [] and "components" not in yaml.safe_load(main.read_text())
    assert all(r.startswith("#/") for r in refs(spec.document))
    schemas = spec.document["components"]["schemas"]
    assert {"Item0", "Item3", "Money", "Node", "Owner", "Account"} <= set(schemas)
    # recursion within one file and across two files became references inside the bundle
    assert schemas["Node"]["properties"]["children"]["items"] == {
        "$ref": "#/components/schemas/Node"
    }
    assert schemas["Owner"]["properties"]["accounts"]["items"] == {
        "$ref": "#/components/schemas/Account"
    }
    assert schemas["Account"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert set(spec.document["components"]["parameters"]) == {"Limit", "Cursor"}
    assert len(spec.extra_files) == len([p for p in (tmp_path / "spec").rglob("*.*")]) - 1

    module = generate_and_import(main, tmp_path / "out")
    body = [{"id": "a", "price": "1.10", "tree": {"name": "n", "children": [{"name": "m"}]}}]

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.params["limit"] == "5"
        return httpx.Response(200, json=body)

    client = module.OpenapiClient(http_client=serving(handler))
    (item,) = client.list_item0(limit=5)
    assert item.price == Decimal("1.10") and item.tree.children[0].name == "m"


def test_bundling_is_deterministic_and_names_collisions_in_order(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "main.yaml": HEAD
            + """\
            paths:
              /a:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json: {schema: {$ref: "a/Pet.yaml"}}
              /b:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json: {schema: {$ref: "b/deeper/Pet.json"}}
            """,
            "a/Pet.yaml": "type: object\nproperties: {name: {type: string}}\n",
            "b/deeper/Pet.json": json.dumps(
                {
                    "type": "object",
                    "properties": {"age": {"$ref": "../../a/Pet.yaml#/properties/name"}},
                }
            ),
        },
    )
    first, _ = load(main)
    second, _ = load(main)
    assert first.document == second.document
    schemas = first.document["components"]["schemas"]
    assert list(schemas) == ["Pet", "Pet2", "name"]
    assert schemas["Pet2"]["properties"]["age"] == {"$ref": "#/components/schemas/name"}


def test_a_root_component_that_names_a_file_is_that_files_home(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "main.yaml": HEAD
            + """\
            paths:
              /pets:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json: {schema: {$ref: "models/pet.yaml"}}
            components:
              schemas:
                Pet: {$ref: "models/pet.yaml"}
                Tag: {$ref: "models/pet.yaml#/properties/tag"}
            """,
            "models/pet.yaml": "type: object\nproperties:\n  tag: {type: string}\n  self: {$ref: '#'}\n",
        },
    )
    spec, _ = load(main)
    schemas = spec.document["components"]["schemas"]
    assert list(schemas) == ["Pet", "Tag"]
    assert schemas["Pet"]["properties"] == {
        "tag": {"type": "string"},
        "self": {"$ref": "#/components/schemas/Pet"},
    }
    assert schemas["Tag"] == {"type": "string"}
    assert refs(spec.document["paths"]) == ["#/components/schemas/Pet"]


def test_any_reference_object_position_and_whole_file_targets(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "main.yaml": HEAD
            + """\
            paths:
              /orders/{id}:
                $ref: "paths/order.yaml"
            """,
            "paths/order.yaml": """\
            parameters:
              - $ref: "../parts.yaml#/parameters/Id"
            get:
              operationId: getOrder
              responses:
                "200": {$ref: "../parts.yaml#/responses/Order"}
            """,
            "parts.yaml": """\
            parameters:
              Id: {name: id, in: path, required: true, schema: {type: string}}
            responses:
              Order:
                description: an order
                headers:
                  X-Rate: {$ref: "#/headers/Rate"}
                content:
                  application/json:
                    schema: {$ref: "#/schemas/Order"}
                    examples:
                      one: {$ref: "#/examples/One"}
            headers:
              Rate: {schema: {type: integer}}
            examples:
              One: {value: {id: "1", $ref: "data, not a reference"}}
            schemas:
              Order: {type: object, properties: {id: {type: string}}}
            """,
        },
    )
    spec, diagnostics = load(main)
    components = spec.document["components"]
    assert {kind: list(items) for kind, items in components.items()} == {
        "parameters": ["Id"],
        "responses": ["Order"],
        "headers": ["Rate"],
        "schemas": ["Order"],
        "examples": ["One"],
    }
    assert components["examples"]["One"]["value"]["$ref"] == "data, not a reference"
    validate_spec(spec.document, diagnostics)
    assert diagnostics.errors == []
    module = generate_and_import(main, tmp_path / "out")
    client = module.MainClient(
        http_client=serving(lambda request: httpx.Response(200, json={"id": request.url.path}))
    )
    assert client.get_order(id="7").id == "/orders/7"


def test_a_ref_where_no_reference_object_is_allowed(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "main.yaml": HEAD.replace(
                'version: "1"}', 'version: "1", description: {$ref: "text.yaml#/intro"}}'
            )
            + "paths: {}\n",
            "text.yaml": "intro: Read me first.\n",
        },
    )
    with pytest.raises(SpecError) as caught:
        load(main)
    (problem,) = caught.value.problems
    assert (problem.file, problem.pointer, problem.line) == (main, "/info/description/$ref", 2)
    assert "points at a str, not an object" in problem.message
    spec, diagnostics = load(main, lenient=True)
    assert spec.document["info"]["description"] == "Read me first."
    assert [w.pointer for w in diagnostics.warnings] == ["/info/description/$ref"]
    # Markdown files are read as text; a file with no suffix is read as YAML
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "intro.md").write_text("# Intro\n\nRead *me*.\n")
    (tmp_path / "docs" / "Thing").write_text("type: string\n")
    main.write_text(
        main.read_text()
        .replace("text.yaml#/intro", "docs/intro.md")
        .replace("paths: {}", "paths: {}\ncomponents: {schemas: {Thing: {$ref: docs/Thing}}}")
    )
    spec, diagnostics = load(main, lenient=True)
    assert spec.document["info"]["description"] == "# Intro\n\nRead *me*.\n"
    assert spec.document["components"]["schemas"]["Thing"] == {"type": "string"}


def test_problems_inside_another_file_name_that_file_pointer_and_line(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "main.yaml": HEAD
            + """\
            paths:
              /pets:
                $ref: "paths/pets.yaml"
            """,
            "paths/pets.yaml": """\
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "../models/Pet.yaml"}
            """,
            "models/Pet.yaml": """\
            type: object
            properties:
              name:
                type: 12
            """,
        },
    )
    spec, diagnostics = load(main)
    validate_spec(spec.document, diagnostics)
    located = [spec.locate(p) for p in diagnostics.errors]
    assert any(
        (p.file, p.pointer, p.line)
        == (tmp_path / "models" / "Pet.yaml", "/properties/name/type", 4)
        for p in located
    )
    # a problem in the path item file itself
    (tmp_path / "paths" / "pets.yaml").write_text("get: {responses: {'200': {description: 7}}}\n")
    spec, diagnostics = load(main)
    validate_spec(spec.document, diagnostics)
    (problem,) = [spec.locate(p) for p in diagnostics.errors]
    assert problem.file == tmp_path / "paths" / "pets.yaml"
    assert (problem.pointer, problem.line) == ("/get/responses/200/description", 1)


def test_cycles_that_never_reach_an_object_are_refused(tmp_path: Path) -> None:
    main = write(
        tmp_path,
        {
            "main.yaml": HEAD
            + """\
            paths:
              /a: {$ref: "a.yaml"}
            components:
              schemas:
                A: {$ref: "#/components/schemas/B"}
                B: {$ref: "#/components/schemas/A"}
              parameters:
                P: {$ref: "#/components/parameters/P"}
            """,
            "a.yaml": "$ref: b.yaml\n",
            "b.yaml": "$ref: a.yaml\n",
        },
    )
    with pytest.raises(SpecError) as caught:
        load(main)
    messages = sorted(
        (p.file.name, p.pointer, p.message.split(":")[0]) for p in caught.value.problems
    )
    assert messages == [
        ("b.yaml", "/$ref", "$ref 'a.yaml' is circular"),
        (
            "main.yaml",
            "/components/parameters/P/$ref",
            "$ref '#/components/parameters/P' is circular",
        ),
        ("main.yaml", "/components/schemas/A/$ref", "$ref '#/components/schemas/B' is circular"),
    ]


def test_a_long_chain_of_references_is_refused(tmp_path: Path) -> None:
    chain = "".join(f"    S{i}: {{$ref: '#/components/schemas/S{i + 1}'}}\n" for i in range(1000))
    main = write(
        tmp_path,
        {
            "main.yaml": HEAD
            + "paths: {}\ncomponents:\n  schemas:\n"
            + chain
            + "    S1000: {type: string}\n"
        },
    )
    with pytest.raises(SpecError) as caught:
        load(main)
    assert "starts a chain of more than 64 references" in str(caught.value)
    files = {f"s{i}.yaml": f"$ref: s{i + 1}.yaml\n" for i in range(300)}
    main = write(
        tmp_path / "files", {"main.yaml": HEAD + "paths:\n  /a: {$ref: s0.yaml}\n", **files}
    )
    with pytest.raises(SpecError) as caught:
        load(main)
    assert "is circular" in str(caught.value) and "s64.yaml" in str(caught.value)


def test_swagger_2_documents_bundle_into_their_own_maps() -> None:
    main = CORPUS / "real-world" / "swagger2-petstore-separate" / "spec" / "swagger.yaml"
    diagnostics = Diagnostics(main)
    spec = load_spec(main, diagnostics, root=main.parent.parent)
    assert all(r.startswith("#/") for r in refs(spec.document))
    assert set(spec.document["definitions"]) == {"Pet", "NewPet", "Error"}
    assert set(spec.document["parameters"]) == {"tagsParam", "limitsParam"}
    assert "components" not in spec.document
    # without the wider root, the `../common` file is outside the spec's folder
    with pytest.raises(SpecError) as caught:
        load_spec(main, Diagnostics(main))
    assert "cannot use '../common/Error.yaml'" in str(caught.value)


def test_located_lines_are_those_of_the_whole_line_maps(tmp_path: Path) -> None:
    main = write_tree(tmp_path / "spec", 3)
    batched, _ = load(main)
    one_by_one, _ = load(main)
    pointers: list[str] = []
    pending: list[tuple[Any, str]] = [(batched.document, "")]
    while pending:  # every node of the bundled document, and a pointer below each leaf
        node, at = pending.pop()
        pointers.append(at)
        if isinstance(node, dict):
            pending.extend(
                (v, f"{at}/{k.replace('~', '~0').replace('/', '~1')}") for k, v in node.items()
            )
        elif isinstance(node, list):
            pending.extend((v, f"{at}/{i}") for i, v in enumerate(node))
        else:
            pointers.append(at + "/absent")
    problems = [Problem(main, at, "x") for at in pointers]
    located = batched.locate_all(problems)
    assert located == [one_by_one.locate(p) for p in problems]
    # ... and the lines of each file's whole line map
    assert batched.line_trees  # YAML files recorded theirs while being read
    expected = []
    for problem in problems:
        file, at = one_by_one.origin(problem.pointer)
        expected.append(Problem(file, at, "x").located(one_by_one.lines(file)))
    assert located == expected
    assert {p.file for p in located} > {main}  # pointers of several files
    assert all(p.line for p in located)

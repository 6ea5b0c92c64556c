"""The validator reports every problem at its absolute pointer and line, and never breaks."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import SpecError, generate
from generator.errors import Diagnostics, pointer
from generator.validate import validate_spec
from tests.support.paths import SPECS

HEAD = """\
openapi: {version}
info: {{title: T, version: "1"}}
"""

NESTED = """\
paths:
  /orders:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Order'
components:
  schemas:
    Order:
      type: object
      properties:
        side:
          type: sting
        legs:
          type: array
          items:
            type: 5
    Fill:
      type: object
      default: 3
    Book:
      type: object
      required: [bids]
      allOf:
        - type: object
      properties:
        asks: {}
"""


def problems(
    tmp_path: Path, text: str, *, lenient: bool = False
) -> list[tuple[str, int | None, str]]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    with pytest.raises(SpecError) as caught:
        generate([spec], tmp_path / "out", lenient=lenient, use_cache=False)
    assert not (tmp_path / "out").exists()
    assert all(p.file == spec for p in caught.value.problems)
    return [(p.pointer, p.line, p.message) for p in caught.value.problems]


def validated(document: dict[str, Any]) -> Diagnostics:
    diagnostics = Diagnostics(Path("spec.yaml"))
    validate_spec(document, diagnostics)
    return diagnostics


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_problems_inside_schemas_have_absolute_pointers_and_lines(
    tmp_path: Path, version: str
) -> None:
    found = problems(tmp_path, HEAD.format(version=version) + NESTED)
    places = {(at, line) for at, line, _ in found}
    assert ("/components/schemas/Order/properties/side/type", 19) in places, found
    assert ("/components/schemas/Order/properties/legs/items/type", 23) in places, found
    assert all(at.startswith("/components/schemas/") for at, _, _ in found), found
    assert all(line and line > 2 for _, line, _ in found), found


def test_a_schema_reached_through_a_ref_is_reported_where_it_is_defined() -> None:
    document = yaml.safe_load(HEAD.format(version="3.0.3") + NESTED)
    pointers = [p.pointer for p in validated(document).errors]
    assert "/components/schemas/Order/properties/side/type" in pointers
    assert not any(p.startswith("/paths") for p in pointers)


def test_a_default_of_the_wrong_type_points_at_the_default(tmp_path: Path) -> None:
    found = problems(tmp_path, HEAD.format(version="3.0.3") + NESTED)
    assert (
        "/components/schemas/Fill/default",
        26,
        "invalid spec: 3 is not of type 'object'",
    ) in found


def test_a_required_property_nobody_defines_points_at_its_schema(tmp_path: Path) -> None:
    found = problems(tmp_path, HEAD.format(version="3.0.3") + NESTED)
    (book,) = [f for f in found if f[0] == "/components/schemas/Book"]
    assert book[1] == 27 and "['bids']" in book[2]


def test_each_problem_is_reported_once() -> None:
    document = yaml.safe_load(HEAD.format(version="3.0.3") + NESTED)
    errors = [(p.pointer, p.message) for p in validated(document).errors]
    assert len(errors) == len(set(errors))
    assert len({p for p, _ in errors}) == len(errors), errors


def test_a_null_where_an_object_belongs_has_a_pointer() -> None:
    document = yaml.safe_load(
        HEAD.format(version="3.0.3")
        + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n"
        "          content:\n            application/json:\n              schema:\n"
        "                properties:\n                  p: null\n"
    )
    (error,) = validated(document).errors
    assert (
        error.pointer
        == "/paths/~1a/get/responses/200/content/application~1json/schema/properties/p"
    )
    assert error.message == "invalid spec: None is not of type 'object'"


CYCLES = {
    "schemas": (
        "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n"
        "    B: {$ref: '#/components/schemas/A'}\npaths: {}\n",
        "/components/schemas/A",
        "/components/schemas/A -> /components/schemas/B -> /components/schemas/A",
    ),
    "parameters": (
        "paths:\n  /a:\n    get:\n      parameters: [{$ref: '#/components/parameters/P'}]\n"
        "      responses: {'200': {description: ok}}\n"
        "components:\n  parameters:\n    P: {$ref: '#/components/parameters/Q'}\n"
        "    Q: {$ref: '#/components/parameters/P'}\n",
        "/components/parameters/P",
        "/components/parameters/P -> /components/parameters/Q -> /components/parameters/P",
    ),
    "responses": (
        "paths:\n  /a:\n    get:\n      responses: {'200': {$ref: '#/components/responses/R'}}\n"
        "components:\n  responses:\n    R: {$ref: '#/components/responses/R'}\n",
        "/components/responses/R",
        "/components/responses/R -> /components/responses/R",
    ),
    "path items": (
        "paths:\n  /a: {$ref: '#/paths/~1b'}\n  /b: {$ref: '#/paths/~1a'}\n",
        "/paths/~1a",
        "/paths/~1a -> /paths/~1b -> /paths/~1a",
    ),
}


@pytest.mark.parametrize("kind", sorted(CYCLES))
@pytest.mark.parametrize("lenient", [False, True])
def test_ref_cycles_are_refused_at_the_cycle(tmp_path: Path, kind: str, lenient: bool) -> None:
    body, at, chain = CYCLES[kind]
    found = problems(tmp_path, HEAD.format(version="3.0.3") + body, lenient=lenient)
    # The loader finds the loop first where something refers into it; the validator where
    # nothing does. Either way the message names the whole chain, at a pointer on it.
    assert any(
        chain in m and ("circular" in m or "cycle" in m) and (a == at or a.endswith("/$ref"))
        for a, _, m in found
    ), found
    assert not any("RecursionError" in m or "cannot be checked" in m for _, _, m in found)


def test_an_array_of_itself_reached_through_all_of_is_valid(tmp_path: Path) -> None:
    document = yaml.safe_load(
        HEAD.format(version="3.0.3") + "paths: {}\ncomponents:\n  schemas:\n"
        "    Tree: {type: array, items: {$ref: '#/components/schemas/Tree'}}\n"
        "    Forest:\n      allOf: [{$ref: '#/components/schemas/Tree'}]\n"
    )
    diagnostics = validated(document)
    assert diagnostics.errors == diagnostics.warnings == []


@pytest.mark.parametrize("lenient", [False, True])
def test_a_schema_made_only_of_itself_is_a_problem_at_the_loop(
    tmp_path: Path, lenient: bool
) -> None:
    body = (
        "paths: {}\ncomponents:\n  schemas:\n"
        "    A:\n      allOf: [{$ref: '#/components/schemas/B'}]\n"
        "    B:\n      anyOf: [{$ref: '#/components/schemas/A'}, {type: string}]\n"
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(HEAD.format(version="3.0.3") + body)
    chain = (
        "/components/schemas/A -> /components/schemas/A/allOf/0 -> /components/schemas/B"
        " -> /components/schemas/B/anyOf/0 -> /components/schemas/A"
    )
    expected = (
        "/components/schemas/A",
        6,
        f"schema contains itself through {chain}: it defines nothing",
    )
    if lenient:
        result = generate([spec], tmp_path / "out", lenient=True, use_cache=False)
        assert [(w.pointer, w.line, w.message) for w in result.warnings] == [expected]
    else:
        assert problems(tmp_path, spec.read_text()) == [expected]


def test_a_recursive_schema_with_properties_in_between_is_valid() -> None:
    document = yaml.safe_load(
        HEAD.format(version="3.0.3")
        + "paths: {}\ncomponents:\n  schemas:\n    Node:\n      type: object\n      properties:\n"
        "        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n"
        "        parent: {$ref: '#/components/schemas/Node'}\n"
    )
    diagnostics = validated(document)
    assert diagnostics.errors == diagnostics.warnings == []


def test_integer_status_codes_are_read_as_strings_with_a_warning() -> None:
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"/a": {"get": {"responses": {200: {"description": "ok"}, 404: {}}}}},
    }
    diagnostics = validated(document)
    assert [(p.pointer, p.message) for p in diagnostics.warnings] == [
        ("/paths/~1a/get/responses/200", "key 200 is not a string; read as '200'"),
        ("/paths/~1a/get/responses/404", "key 404 is not a string; read as '404'"),
    ]
    # the 404 response lacks its description: found, at the string key's pointer
    assert [p.pointer for p in diagnostics.errors] == ["/paths/~1a/get/responses/404"]
    assert 200 in document["paths"]["/a"]["get"]["responses"]  # the document itself is untouched


def test_integer_status_codes_generate_in_strict_mode(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        HEAD.format(version="3.0.3")
        + "paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n"
        "        200:\n          description: ok\n"
        "          content: {application/json: {schema: {type: object}}}\n"
    )
    result = generate([spec], tmp_path / "out", use_cache=False)
    assert [(w.pointer, w.line) for w in result.warnings] == [("/paths/~1a/get/responses/200", 8)]


@pytest.mark.parametrize(
    ("paths", "at"),
    [
        ({"/a": None}, "/paths/~1a"),
        ({"/a": {"get": None}}, "/paths/~1a/get"),
        (
            {"/a": {"get": {"parameters": [None], "responses": {"200": {"description": "x"}}}}},
            "/paths/~1a/get/parameters/0",
        ),
        (
            {
                "/a": {
                    "get": {
                        "parameters": [{"in": "query"}],
                        "responses": {"200": {"description": "x"}},
                    }
                }
            },
            "/paths/~1a/get/parameters/0",
        ),
        (None, "/paths"),
    ],
)
def test_broken_structure_is_reported_not_raised(paths: Any, at: str) -> None:
    document = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths}
    errors = validated(document).errors
    assert errors and {p.pointer for p in errors} == {at}, errors
    assert not any("cannot be checked" in p.message for p in errors)


def test_extensions_in_paths_are_not_path_items() -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {"x-generated": 3, "x-notes": ["a"]},
    }
    diagnostics = validated(document)
    assert diagnostics.errors == diagnostics.warnings == []


MUTANTS = [
    None,
    0,
    200,
    True,
    "",
    [],
    {},
    [None],
    {"type": 5},
    {"$ref": "#/components/schemas/None"},
]


def test_structural_mutations_are_reported_never_raised() -> None:
    """Seeded mutations of the project's specs: wrong types, integer keys, references anywhere."""
    from generator.validate.pointers import node_or_none as _resolve

    originals = [yaml.safe_load(p.read_text()) for p in sorted(SPECS.glob("*.yaml"))]
    rng = random.Random(12)
    for _ in range(40):
        document = copy.deepcopy(rng.choice(originals))
        places = _places(document)
        for _ in range(rng.randint(1, 3)):
            *parent_path, key = rng.choice(places)
            parent = _resolve(document, pointer(*parent_path))
            choice = rng.random()
            if not isinstance(parent, (dict, list)):
                continue
            if isinstance(parent, list) and not (isinstance(key, int) and key < len(parent)):
                continue
            if isinstance(parent, dict) and key not in parent:
                continue
            if choice < 0.6:
                parent[key] = copy.deepcopy(rng.choice(MUTANTS))
            elif choice < 0.8:  # a reference to any node, an ancestor included: cycles
                parent[key] = {"$ref": "#" + pointer(*rng.choice(places))}
            elif isinstance(parent, dict):
                parent[rng.choice([200, 404, None])] = parent.pop(key)
        diagnostics = Diagnostics(Path("spec.yaml"), lenient=True)
        validate_spec(document, diagnostics)
        for problem in diagnostics.warnings + diagnostics.errors:
            parent_at = problem.pointer.rsplit("/", 1)[0]
            assert problem.pointer == "" or _resolve(document, parent_at) is not None, problem


def _places(document: Any) -> list[tuple[Any, ...]]:
    places: list[tuple[Any, ...]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(document, ())]
    while stack:
        node, at = stack.pop()
        if at:
            places.append(at)
        if isinstance(node, dict):
            stack.extend((v, (*at, str(k))) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, (*at, i)) for i, v in enumerate(node))
    return places


@pytest.mark.parametrize("running", [1, 4])
def test_problems_of_several_specs_come_in_their_order_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, running: int
) -> None:
    """Validations finish while later specs are made: their problems still come spec by spec."""
    from generator import pipeline as _pipeline

    monkeypatch.setattr(_pipeline, "VALIDATIONS_RUNNING", running)
    good = (SPECS / "bitria.yaml").read_text()
    bad = HEAD.format(version="3.0.3") + NESTED
    files = []
    for name, text in (("a.yaml", bad), ("b.yaml", good), ("c.yaml", bad)):
        (tmp_path / name).write_text(text)
        files.append(tmp_path / name)
    with pytest.raises(SpecError) as caught:
        generate(files, tmp_path / "out", use_cache=False)
    assert not (tmp_path / "out").exists()
    seen = [p.file.name for p in caught.value.problems]
    assert seen == sorted(seen) and {"a.yaml", "c.yaml"} == set(seen), seen

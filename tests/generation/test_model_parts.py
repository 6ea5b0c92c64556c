"""Models made in parts, one datamodel-code-generator run each, behave as if made by one run."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from generator import _model_parts, _models_module
from generator._model_parts import ModelsModule, Outline, join, outline, partition
from tests.support.generation import generate_and_import

# Two groups of schemas with no reference between them. Each run names an inline `meta` object
# `Meta`; the second group also has a component named `Meta`, and one inline `meta` exactly like
# the first group's.
SPEC = """\
openapi: 3.0.3
info: {title: Parts, version: "1"}
servers: [{url: "https://api.example.test"}]
paths:
  /orders:
    get:
      operationId: getOrder
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
  /trades:
    get:
      operationId: getTrade
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Trade'}
components:
  schemas:
    Order:
      type: object
      properties:
        parent: {$ref: '#/components/schemas/Order'}
        meta:
          type: object
          properties:
            tag: {type: string}
        legs:
          type: array
          items: {$ref: '#/components/schemas/Leg'}
    Leg:
      type: object
      required: [price]
      properties:
        price: {type: string, format: decimal}
        side: {type: string, enum: [buy, sell]}
    Trade:
      type: object
      properties:
        meta:
          type: object
          properties:
            venue: {type: integer}
        fill: {$ref: '#/components/schemas/Fill'}
        note: {$ref: '#/components/schemas/Meta'}
    Fill:
      type: object
      properties:
        meta:
          type: object
          properties:
            tag: {type: string}
    Meta:
      type: object
      required: [text]
      properties:
        text: {type: string}
"""

SAMPLES: dict[str, dict[str, Any]] = {
    "Order": {
        "meta": {"tag": "a"},
        "legs": [{"price": "1.10", "side": "buy"}],
        "parent": {"meta": {"tag": "p"}},
    },
    "Leg": {"price": "0.000000012345678901234567", "side": "sell"},
    "Trade": {"meta": {"venue": 7}, "fill": {"meta": {"tag": "b"}}, "note": {"text": "n"}},
    "Fill": {"meta": {"tag": "c"}},
    "Meta": {"text": "t"},
}


def _read(module: ModelsModule) -> Outline:
    return outline(module, ast.parse(module.source))


@pytest.fixture
def split_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split specs of any size, as a large one is."""
    monkeypatch.setattr(_model_parts, "SPLIT_AT", 2)


def _generate(tmp_path: Path, name: str) -> tuple[str, dict[str, Any]]:
    spec = tmp_path / "parts.yaml"
    spec.write_text(SPEC)
    package = generate_and_import(spec, tmp_path / name)
    models = package.models
    dumps = {
        schema: getattr(models, schema).model_validate(sample).model_dump(mode="json")
        for schema, sample in SAMPLES.items()
    }
    source = next((tmp_path / name).glob("*/*/models.py")).read_text()
    return source, dumps


def test_the_spec_is_split_in_two(split_small: None) -> None:
    import yaml

    schemas = yaml.safe_load(SPEC)["components"]["schemas"]
    parts = partition(schemas, parts=2)
    assert sorted(map(sorted, parts)) == [["Fill", "Meta", "Trade"], ["Leg", "Order"]]


def test_models_made_in_parts_validate_as_those_of_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_source, one = _generate(tmp_path, "one")
    monkeypatch.setattr(_model_parts, "SPLIT_AT", 2)
    made: list[int] = []

    def counted(schemas: dict[str, Any], *, parts: int) -> list[list[str]]:
        made.append(len(partition(schemas, parts=parts)))
        return partition(schemas, parts=parts)

    monkeypatch.setattr(_models_module, "partition", counted)
    parts_source, parts = _generate(tmp_path, "parts")
    assert made == [2] and parts_source != one_source
    assert parts == one
    assert parts["Trade"]["meta"] == {"venue": 7} and parts["Meta"] == {"text": "t"}


def test_made_in_parts_the_module_is_the_same_every_time(tmp_path: Path, split_small: None) -> None:
    first, _ = _generate(tmp_path, "a")
    second, _ = _generate(tmp_path, "b")
    assert first == second


def test_a_component_keeps_its_name_and_an_inline_class_is_renamed(split_small: None) -> None:
    first = ModelsModule(
        '"""h"""\n\nfrom x._types import Model\n\n\nclass Meta(Model):\n    tag: str\n\n\n'
        "class Order(Model):\n    meta: Meta\n",
        {"#/components/schemas/Order": ["Order"], "#/components/schemas/Order/meta": ["Meta"]},
    )
    second = ModelsModule(
        '"""h"""\n\nfrom x._types import Model\n\n\nclass Meta(Model):\n    text: str\n\n\n'
        "class Trade(Model):\n    note: Meta\n",
        {"#/components/schemas/Meta": ["Meta"], "#/components/schemas/Trade": ["Trade"]},
    )
    joined = join([_read(first), _read(second)])
    namespace: dict[str, Any] = {}
    body = joined.source.replace("from x._types import Model", "class Model: pass")
    exec(compile(body, "models.py", "exec"), namespace)
    assert joined.produced["#/components/schemas/Meta"] == ["Meta"]
    (renamed,) = joined.produced["#/components/schemas/Order/meta"]
    assert renamed == "Meta1"
    assert joined.classes == {"Meta", "Meta1", "Order", "Trade"} == joined.fielded
    assert namespace["Order"].__annotations__["meta"] == "Meta1"
    assert namespace["Trade"].__annotations__["note"] == "Meta"
    assert set(namespace["Meta"].__annotations__) == {"text"}


def test_a_renamed_class_is_renamed_in_forward_references_too() -> None:
    first = ModelsModule(
        '"""h"""\n\nfrom x._types import Model\n\n\nclass Meta(Model):\n    tag: str\n',
        {"#/components/schemas/Order/meta": ["Meta"]},
    )
    second = ModelsModule(
        '"""h"""\n\nfrom typing import Optional\n\nfrom x._types import Model\n\n\n'
        "class Trade(Model):\n"
        '    meta: Optional["Meta"] = Field(None, description="Meta of a Trade")\n\n\n'
        "class Meta(Model):\n    venue: int\n\n\nTrade.model_rebuild()\n",
        {"#/components/schemas/Trade": ["Trade"], "#/components/schemas/Trade/meta": ["Meta"]},
    )
    joined = join([_read(first), _read(second)])
    assert 'Optional["Meta1"]' in joined.source
    assert 'description="Meta of a Trade"' in joined.source  # text is not a reference
    namespace: dict[str, Any] = {}
    body = joined.source.replace(
        "from x._types import Model", "from pydantic import BaseModel as Model, Field"
    )
    exec(compile(body, "models.py", "exec"), namespace)
    trade = namespace["Trade"].model_validate({"meta": {"venue": 3}})
    assert isinstance(trade.meta, namespace["Meta1"]) and trade.meta.venue == 3


def test_a_class_two_runs_made_alike_is_kept_once() -> None:
    text = "class Meta(Model):\n    tag: str\n"
    modules = [
        ModelsModule(
            f'"""h"""\n\nfrom x._types import Model\n\n\n{text}\n\nclass {owner}(Model):\n'
            "    meta: Meta\n",
            {f"#/components/schemas/{owner}": [owner]},
        )
        for owner in ("Order", "Fill")
    ]
    joined = join([_read(m) for m in modules])
    assert joined.source.count("class Meta(") == 1
    assert "class Order(" in joined.source and "class Fill(" in joined.source


def test_schemas_that_refer_outside_the_components_stay_in_one_part(split_small: None) -> None:
    schemas = {
        "A": {"type": "object", "properties": {"b": {"$ref": "other.yaml#/B"}}},
        "C": {"type": "object"},
    }
    assert partition(schemas, parts=2) == [["A", "C"]]


def test_few_schemas_are_one_part() -> None:
    schemas = {f"S{i}": {"type": "object"} for i in range(_model_parts.SPLIT_AT - 1)}
    assert len(partition(schemas, parts=2)) == 1
